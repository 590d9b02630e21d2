/**
 * English prose the core builds for a run (a stop's message, …) in the chosen language: the core
 * emits a stable `code` with `params` next to its English `message` (which the CLI prints); this
 * renders `run.core.<…>` for a known code and falls back to the English message otherwise.
 *
 * Parameters go to the message as they are (numbers unformatted: they are values from the spec or
 * counts that the English message prints as digits), lists joined with `formatList`.
 */
import {
  liveStopHint,
  sendFailureHint,
  type DiagnosticParams,
  type LiveExchange,
  type LiveStopReason,
} from '@core';
import { t, type MessageValues } from '../../i18n';
import { diagnosticText, isDiagnosticCode, parseErrorText, withNested } from '../../i18n/diagnostics';
import { formatList } from '../../i18n/format';
import type { TestedConnection } from '../../store/liveTypes';

/** Something the core wrote for people, with its code and params when it has them. */
export interface CoreText {
  message: string;
  code?: string;
  params?: DiagnosticParams;
}

function values(params: DiagnosticParams | undefined): MessageValues {
  const out: MessageValues = {};
  for (const [k, v] of Object.entries(params ?? {})) out[k] = Array.isArray(v) ? formatList(v) : v;
  return withNested(params, out);
}

/** A run's stop message (simulated or live run, test case) in the chosen language. */
export function stopText(stop: CoreText): string {
  const v = values(stop.params);
  switch (stop.code) {
    case 'stop-single-request':
      return t('run.core.stop.singleRequest');
    case 'stop-end-condition':
      return t('run.core.stop.endCondition', v);
    case 'stop-short-page':
      return t('run.core.stop.shortPage', v);
    case 'stop-no-pointer':
      return t('run.core.stop.noPointer', v);
    case 'stop-pointer-not-url':
      return t('run.core.stop.pointerNotUrl', v);
    case 'stop-pointer-not-http':
      return t('run.core.stop.pointerNotHttp', v);
    case 'stop-pointer-control':
      return t('run.core.stop.pointerControl', v);
    case 'stop-no-token':
      return t('run.core.stop.noToken', v);
    case 'stop-token-unsendable':
      return t('run.core.stop.tokenUnsendable', v);
    case 'stop-end-page':
      return t('run.core.stop.endPage', v);
    case 'stop-end-page-header':
      return t('run.core.stop.endPageHeader', v);
    case 'stop-max-requests':
      return t('run.core.stop.maxRequests', v);
    case 'stop-not-built':
      return t('run.core.stop.notBuilt', v);
    case 'stop-loop':
      return t('run.core.stop.loop', v);
    case 'stop-samples-exhausted':
      return t('run.core.stop.samplesExhausted', v);
    case 'run-maximum-request':
      return t('run.core.stop.maximumRequestInvalid', v);
    case 'run-no-auth-spec':
      return t('run.core.stop.noAuthSpec', v);
    default:
      return scheduleText(stop);
  }
}

/** A date format problem (core `checkDateFormat`’s error finding) without the format. */
export function dateFormatText(finding: { kind: string; token: string; message: string }): string {
  return t('run.core.schedule.formatFinding', {
    kind: finding.kind,
    token: finding.token,
    quote: finding.token.slice(0, 1),
  });
}

/** A schedule problem (core `scheduleParts`, `scheduleRuns`) in the chosen language. */
export function scheduleText(r: CoreText): string {
  const v = values(r.params);
  switch (r.code) {
    case 'schedule-date-format':
      return t('run.schedule.dateFormat', {
        format: String(v.format ?? ''),
        message: t('run.core.schedule.formatFinding', v),
      });
    case 'schedule-count':
      return t('run.core.schedule.count', v);
    case 'schedule-start-time':
      return t('run.core.schedule.startTime');
    case 'schedule-once-interval':
      return t('run.core.schedule.onceInterval');
    case 'schedule-frequency':
      return t('run.core.schedule.frequency', v);
    case 'schedule-needs-interval':
      return t('run.core.schedule.needsInterval', v);
    case 'schedule-interval-min':
      return t('run.schedule.intervalMin', v);
    default:
      // A run that cannot start gives the code of what blocks it, worded with the diagnostics.
      return isDiagnosticCode(r.code) ? diagnosticText(r) : r.message;
  }
}

/**
 * What the sender said when nothing came back (an exchange’s `error`), in the chosen language: this
 * page’s own sentences (`run.core.send.…`), and the local server’s refusals and failures, whose
 * codes are diagnostic codes (`outbound-…`, `host-…`, `url-…`, `server-…`; Node’s words inside
 * them are parameters, shown as they are).
 */
export function senderText(r: CoreText): string {
  const v = values(r.params);
  switch (r.code) {
    case 'fetch-failed':
      return t('run.core.send.fetchFailed', v);
    case 'fetch-server-refused':
      return t('run.core.send.serverRefused');
    case 'fetch-server-status':
      return t('run.core.send.serverStatus', v);
    case 'fetch-server-unreadable':
      return t('run.core.send.serverUnreadable');
    case 'fetch-server-gone':
      return t('run.core.send.serverGone');
    case 'fetch-aborted':
      return t('run.core.send.aborted');
    case 'send-threw':
      return t('run.core.send.threw', v);
    case 'fetch-server-answer':
      return t('run.core.send.serverAnswer', v);
    default:
      return isDiagnosticCode(r.code) ? diagnosticText(r) : r.message;
  }
}

/** A live run’s stop message in the chosen language. */
export function liveStopText(stop: CoreText): string {
  const p = stop.params ?? {};
  const v = values(p);
  switch (stop.code) {
    case 'live-send-failed': {
      const sender = typeof p.sender === 'string' ? p.sender : undefined;
      const detail = senderText({ message: String(p.detail ?? ''), code: sender, params: p });
      return t('run.core.live.sendFailed', { request: v.request ?? '', detail });
    }
    case 'live-aborted':
      return t('run.core.live.aborted', v);
    case 'live-max-pages':
      return t('run.core.live.maxPages', v);
    case 'live-not-utf8':
      return t('run.core.live.notUtf8', v);
    case 'live-not-json': {
      // What the parser found, in the chosen language when it came with its code (see parseErrorText).
      const whatParams = Object.fromEntries(
        Object.entries(p).flatMap(([n, x]) => (n.startsWith('what.') ? [[n.slice(5), x]] : [])),
      );
      const what =
        typeof p.whatCode === 'string'
          ? parseErrorText(
              { code: p.whatCode, params: whatParams, message: String(p.what ?? ''), line: 0, column: 0 },
              false,
            )
          : String(p.what ?? '');
      return t('run.core.live.notJson', { ...v, what });
    }
    default:
      return stopText(stop);
  }
}

/** A live stop’s hint (what to check) in the chosen language, from its reason, status and hint code. */
export function liveHintText(stop: {
  reason: string;
  status?: number;
  hint: string;
  hintCode?: 'metadata' | 'bad-url' | 'private-host' | 'refresh';
}): string {
  const s = stop.status;
  // A failed OAuth token refresh (core live.ts): what to check in the auth spec's values.
  if (stop.hintCode === 'refresh') return t('run.core.hint.refresh');
  // A hint the core wrote some other way than by reason and status stays as it is.
  if (stop.reason !== 'refused-host' && stop.hint !== liveStopHint(stop.reason as LiveStopReason, s))
    return stop.hint;
  switch (stop.reason) {
    case 'http-error':
      if (s === 401 || s === 403) return t('run.core.hint.credentials');
      if (s === 404 || s === 410) return t('run.core.hint.notFound');
      if (s === 400 || s === 422) return t('run.core.hint.query');
      if (s === 405) return t('run.core.hint.method');
      if (s === 429) return t('run.core.hint.rateLimit');
      if (s !== undefined && s >= 500) return t('run.core.hint.serverError');
      return t('run.core.hint.otherHttp');
    case 'network-error':
      return t('run.core.hint.network');
    case 'timeout':
      return t('run.core.hint.timeout');
    case 'too-large':
      return t('run.core.hint.tooLarge');
    case 'refused-host':
      if (stop.hintCode === 'metadata') return t('run.core.hint.refusedMetadata');
      if (stop.hintCode === 'bad-url') return t('run.core.hint.refusedBadUrl');
      if (stop.hintCode === 'private-host') return t('run.core.hint.refusedPrivate');
      return stop.hint;
    case 'not-json':
      return t('run.core.hint.notJson');
    case 'max-pages':
      return t('run.core.hint.maxPages');
    case 'loop-detected':
      return t('run.core.hint.loop');
    case 'blocked':
      return t('run.core.hint.blocked');
    default:
      return stop.hint;
  }
}

/** The (reason, status, hint code) of every hint the core writes by rule, for {@link hintText}. */
const HINT_CASES: ReadonlyArray<{ reason: LiveStopReason; status?: number; hintCode?: RefusedHintCode }> = [
  ...[401, 404, 400, 405, 429, 500, 418].map((status) => ({ reason: 'http-error' as const, status })),
  ...(
    ['network-error', 'timeout', 'too-large', 'not-json', 'max-pages', 'loop-detected', 'blocked'] as const
  ).map((reason) => ({ reason })),
];
type RefusedHintCode = 'metadata' | 'bad-url' | 'private-host';
const REFUSED_SAMPLES: Record<RefusedHintCode, string> = {
  metadata: 'metadata',
  'bad-url': 'not an absolute',
  'private-host': '',
};

/**
 * A hint that came without its reason (the connection test’s), in the chosen language when it is
 * one the core writes by rule (compared whole with the core’s English), else as it is.
 */
export function hintText(hint: string): string {
  for (const c of HINT_CASES)
    if (liveStopHint(c.reason, c.status) === hint) return liveHintText({ ...c, hint });
  for (const [code, sample] of Object.entries(REFUSED_SAMPLES) as Array<[RefusedHintCode, string]>)
    if (sendFailureHint('refused-host', sample) === hint)
      return liveHintText({ reason: 'refused-host', hint, hintCode: code });
  return hint;
}

/** One problem of a case file (core `parseCase`) in the chosen language, without its place. */
export function caseErrorMessage(e: CoreText): string {
  const v = values(e.params);
  switch (e.code) {
    case 'case-expect-not-object':
      return t('run.core.case.expectNotObject', v);
    case 'case-expect-unknown-key':
      return t('run.core.case.expectUnknownKey', v);
    case 'case-records-not-array':
      return t('run.core.case.recordsNotArray', v);
    case 'case-requests-not-array':
      return t('run.core.case.requestsNotArray', v);
    case 'case-request-shape':
      return t('run.core.case.requestShape', v);
    case 'case-stop-unknown':
      return t('run.core.case.stopUnknown', v);
    case 'case-not-object':
      return t('run.core.case.notObject', v);
    case 'case-unknown-key':
      return t('run.core.case.unknownKey', v);
    case 'case-name-empty':
      return t('run.core.case.nameEmpty');
    case 'case-name-required':
      return t('run.core.case.nameRequired');
    case 'case-pages-both':
      return t('run.core.case.pagesBoth');
    case 'case-pages-required':
      return t('run.core.case.pagesRequired');
    case 'case-pages-not-array':
      return t('run.core.case.pagesNotArray', v);
    case 'case-page-files-not-array':
      return t('run.core.case.pageFilesNotArray', v);
    case 'case-page-file-empty':
      return t('run.core.case.pageFileEmpty');
    case 'case-params-not-object':
      return t('run.core.case.paramsNotObject', v);
    case 'case-param-value':
      return t('run.core.case.paramValue', v);
    case 'case-auth':
      return t('run.core.case.auth');
    case 'case-window-instant':
      return t('run.core.case.windowInstant', v);
    case 'case-window-pair':
      return t('run.core.case.windowPair');
    case 'case-window-order':
      return t('run.core.case.windowOrder');
    case 'case-backfill':
      return t('run.core.case.backfill', v);
    default:
      return e.message;
  }
}

/** A failed case parse as core `caseErrorText` words it (`/pointer: message; …`), in the chosen language. */
export function caseErrorsText(errors: ReadonlyArray<CoreText & { pointer: string }>): string {
  return errors
    .map((e) =>
      e.pointer
        ? t('run.core.case.at', { pointer: e.pointer, message: caseErrorMessage(e) })
        : caseErrorMessage(e),
    )
    .join('; ');
}

/** A case file’s problems, after its name (`file.json: …`). */
export function caseFileProblems(file: string, problems: string): string {
  return t('run.core.case.file', { file, problems });
}

/**
 * A connection test's verdict in the chosen language (the API's words kept). `exchange`: the test's
 * request, whose sender message (with its code) words a `test-send-failed` detail it matches.
 */
export function testMessageText(
  r: TestedConnection,
  exchange?: Pick<LiveExchange, 'error' | 'errorCode' | 'errorParams'>,
): string {
  const v = values(r.params);
  if (
    r.code === 'test-send-failed' &&
    exchange?.errorCode !== undefined &&
    exchange.error !== undefined &&
    r.params?.['detail'] === exchange.error
  ) {
    const detail = senderText({
      message: exchange.error,
      code: exchange.errorCode,
      params: exchange.errorParams,
    });
    return t('run.core.test.failed', { detail });
  }
  switch (r.code) {
    case 'test-ok':
      return t('run.core.test.ok', v);
    case 'test-no-auth-named':
      return t('run.core.test.noAuthNamed', v);
    case 'test-no-auth-spec':
      return t('run.core.test.noAuthSpec');
    case 'test-no-test-url':
      return t('run.core.test.noTestUrl', v);
    case 'test-http':
    case 'test-send-failed':
      return t('run.core.test.failed', { detail: String(v['answer'] ?? v['detail'] ?? '') });
    case 'test-url':
    case 'test-headers':
      // The core's message is the reason alone (which URL or header, and why).
      return String(v['detail'] ?? r.message);
    default:
      return r.message;
  }
}

/** What to check after a failed connection test, in the chosen language where the words are known. */
export function testHintText(r: TestedConnection): string {
  switch (r.hintCode) {
    case 'choose-auth':
      return t('run.core.test.hintChooseAuth');
    case 'give-test-url':
      return t('run.core.test.hintGiveTestUrl');
    case 'check-test-url':
      return t('run.core.test.hintCheckTestUrl');
    default:
      return hintText(r.hint.trim());
  }
}
