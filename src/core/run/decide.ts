/**
 * The per-type rules of SEMANTICS.md §5: what request 1 adds, and, from response k, whether
 * the run stops (and why) or what request k+1 adds.
 */
import { contentItemsOf } from '../flatten/flatten';
import { firstValue } from '../jsonpath/jsonPath';
import type { JsonValue, Pagination, SampleResponse, StopReason } from '../types';
import { headerValueIssue, headerValueProblem } from '../placeholders/encode';
import { quoteText } from '../placeholders/hostCheck';
import type { PageParts } from './compose';
import type { Dual } from './requests';
import type { RunState, RunStop } from './runTypes';

/** A header value's problem as message params: `issue` (lineBreak, nul, control) and `char`. */
function issueParams(issue: ReturnType<typeof headerValueIssue>): Record<string, string> {
  if (issue === null) return {};
  return issue.kind === 'lineBreak' ? { issue: issue.kind } : { issue: issue.kind, char: issue.char };
}

const PAGINATION = '/sourceSpec/attributes/paginationParams';

/** Pagination parameters of a request at `position` (offset or page index), token aside. */
export function pageParts(p: Pagination, position: number): PageParts {
  const q: Array<{ name: string; value: string }> = [];
  const add = (name: string | undefined, value: number | string | undefined): void => {
    if (name !== undefined && name !== '' && value !== undefined) q.push({ name, value: String(value) });
  };
  if (p.type === 'OFFSET') {
    add(p.limitName, p.limitValue);
    add(p.offSetName, position);
  } else if (p.type === 'PAGE') {
    add(p.limitName, p.limitValue);
    add(p.pageParamName, position);
  } else if (p.type === 'POINTER') {
    add(p.limitName, p.limitValue);
  }
  return { query: q };
}

/** A response value as text, for end conditions, tokens and pointers (`false` → "false"). */
export function asText(v: JsonValue): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

const isEmpty = (v: JsonValue | undefined): v is undefined | null | '' =>
  v === undefined || v === null || v === '';

function headerValue(response: SampleResponse, name: string): string | undefined {
  const headers = response.headers ?? {};
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}

export type Step = { stop: RunStop } | { parts: PageParts; position: number };
const halt = (reason: StopReason, message: string, code: string, params: RunStop['params'] = {}): Step => ({
  stop: { reason, message, code, params },
});

/** Decides, from response k, whether the run stops or what request k+1 adds. */
export function decide(state: RunState, response: SampleResponse): Step {
  const p = state.model.pagination;
  const body = response.body;
  const k = state.count;
  const items = (): number => contentItemsOf(state.model.contentPath, body).items.length;
  switch (p.type) {
    case 'NONE':
      return halt(
        'single-request',
        'pagination type NONE: one request returns everything',
        'stop-single-request',
      );
    case 'OFFSET': {
      if (
        p.endConditionName !== undefined &&
        p.endConditionName !== '' &&
        p.endConditionValue !== undefined
      ) {
        const want = p.endConditionValue.startsWith('Const:')
          ? p.endConditionValue.slice(6)
          : p.endConditionValue;
        const v = firstValue(p.endConditionName, body);
        if (v !== undefined && asText(v) === want) {
          return halt(
            'end-condition',
            `response ${k}: ${p.endConditionName} is ${asText(v)}, the end condition`,
            'stop-end-condition',
            { response: k, name: p.endConditionName, value: asText(v) },
          );
        }
      } else if (items() < p.limitValue) {
        return halt(
          'short-page',
          `response ${k} has ${items()} content items, fewer than limitValue ${p.limitValue}`,
          'stop-short-page',
          { response: k, count: items(), limit: p.limitValue },
        );
      }
      return { parts: pageParts(p, state.position + p.limitValue), position: state.position + p.limitValue };
    }
    case 'PAGE':
      return decidePage(state, response, p, items);
    case 'POINTER': {
      const v = firstValue(p.pointerPath, body);
      if (isEmpty(v))
        return halt(
          'no-pointer',
          `response ${k} has no next-page pointer at ${p.pointerPath}`,
          'stop-no-pointer',
          {
            response: k,
            path: p.pointerPath,
          },
        );
      if (typeof v !== 'string' && typeof v !== 'number') {
        return halt(
          'no-pointer',
          `response ${k}: the value at ${p.pointerPath} is not a URL`,
          'stop-pointer-not-url',
          {
            response: k,
            path: p.pointerPath,
          },
        );
      }
      const url = resolvePointer(state, String(v));
      if (url === null)
        return halt(
          'no-pointer',
          `response ${k}: ${quoteText(String(v))} is not an http(s) URL`,
          'stop-pointer-not-http',
          {
            response: k,
            value: quoteText(String(v)),
          },
        );
      // A link with a control character is never shown or sent as a request (a terminal or a
      // header line would act on it). Every other link goes to the host door (`classifyTarget`).
      // eslint-disable-next-line no-control-regex -- control characters are what this matches
      const control = /[\u0000-\u001f\u007f-\u009f]/.exec(url.real);
      if (control) {
        const why = `holds a control character (${quoteText(control[0])})`;
        return halt(
          'no-pointer',
          `response ${k}: the next-page link ${quoteText(url.shown)} ${why}: no request is built`,
          'stop-pointer-control',
          { response: k, link: quoteText(url.shown), char: quoteText(control[0]) },
        );
      }
      return { parts: { url }, position: state.position };
    }
    case 'CONTINUATION_TOKEN': {
      const v = firstValue(p.continuationTokenPath, body);
      if (isEmpty(v))
        return halt(
          'no-token',
          `response ${k} has no continuation token at ${p.continuationTokenPath}`,
          'stop-no-token',
          {
            response: k,
            path: p.continuationTokenPath,
          },
        );
      const token = asText(v);
      if (p.parameterType === 'HEADERPARAM') {
        const problem = headerValueProblem(token);
        if (problem !== null)
          return halt('no-token', `response ${k}: the token ${problem}`, 'stop-token-unsendable', {
            response: k,
            ...issueParams(headerValueIssue(token)),
          });
        return { parts: { headers: [{ name: p.parameterName, real: token, shown: token }] }, position: 0 };
      }
      return { parts: { query: [{ name: p.parameterName, value: token }] }, position: 0 };
    }
  }
}

function decidePage(
  state: RunState,
  response: SampleResponse,
  p: Extract<Pagination, { type: 'PAGE' }>,
  items: () => number,
): Step {
  const k = state.count;
  const end = p.endPageIndex;
  if (typeof end === 'number' && state.position >= end) {
    return halt('end-page', `page index ${state.position} reached endPageIndex ${end}`, 'stop-end-page', {
      page: state.position,
      end,
    });
  }
  if (typeof end === 'string' && end.toLowerCase().startsWith('headers.')) {
    const name = end.slice('headers.'.length);
    const raw = headerValue(response, name);
    const count = raw === undefined ? Number.NaN : Number(raw.trim());
    if (raw !== undefined && raw.trim() !== '' && Number.isInteger(count)) {
      const last = p.initialPageIndex + count - 1;
      if (state.position >= last) {
        return halt(
          'end-page',
          `page index ${state.position} is the last of ${count} pages (header ${name})`,
          'stop-end-page-header',
          { page: state.position, count, header: name },
        );
      }
    } else if (!state.diagnostics.some((d) => d.code === 'page-count-header')) {
      state.diagnostics.push({
        severity: 'warning',
        pointer: `${PAGINATION}/endPageIndex`,
        message: `response ${k} has no numeric ${name} header: paging falls back to the short-page rule`,
        code: 'page-count-header',
        params: { response: k, header: name },
      });
    }
  }
  const n = items();
  if (n < p.limitValue) {
    return halt(
      'short-page',
      `response ${k} has ${n} content items, fewer than limitValue ${p.limitValue}`,
      'stop-short-page',
      { response: k, count: n, limit: p.limitValue },
    );
  }
  return { parts: pageParts(p, state.position + 1), position: state.position + 1 };
}

/**
 * Resolves a next-page pointer: an absolute http(s) URL as is; `//x` takes the host's scheme;
 * `/x` and `x` go on the origin; `?x` on origin + path. Built twice, from the real origin and
 * path and from the shown ones, so a secret in the host or path stays masked in the shown link.
 */
function resolvePointer(state: RunState, v: string): Dual | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(v)) return /^https?:\/\//i.test(v) ? { real: v, shown: v } : null;
  const resolve = (pick: 'real' | 'shown'): string => {
    const origin = state.base.origin[pick];
    if (v.startsWith('//')) return origin.slice(0, origin.indexOf(':') + 1) + v;
    if (v.startsWith('/')) return origin + v;
    if (v.startsWith('?')) return origin + state.base.path[pick].replace(/[?#].*$/, '') + v;
    return `${origin}/${v}`;
  };
  return { real: resolve('real'), shown: resolve('shown') };
}
