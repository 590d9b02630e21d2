/**
 * Publishing's and opening's words from the core (`PublishStep` messages and hints, the reason nothing
 * could start) in the chosen language, from their codes and params. Adobe's own error text, the
 * sender's and the core's description of a document are data: shown as they are. A message without a
 * code the app knows is shown as the core wrote it (English).
 */
import type { DiagnosticParams, PublishStep, StartProblemCode } from '@core';
import { t } from '../../i18n';
import { diagnosticText } from '../../i18n/diagnostics';
import { paramCount as count, paramText as str, selectKey } from '../../i18n/params';
import { missingNames } from './publishService';

/** The core's description of a document (`why`), in the chosen language when it has a code. */
function whyText(p: DiagnosticParams | undefined): string {
  const code = str(p, 'whyCode');
  if (code === '') return str(p, 'why');
  const params: DiagnosticParams = {};
  for (const [k, v] of Object.entries(p ?? {}))
    if (k.startsWith('whyParams.')) params[k.slice('whyParams.'.length)] = v;
  return diagnosticText({ code, params, message: str(p, 'why') });
}

/** A step's result line. */
export function stepMessage(s: PublishStep): string {
  const p = s.params;
  const status = str(p, 'status');
  switch (s.code) {
    case 'created':
      return t('tools.publish.msg.created', { status, id: str(p, 'id') });
    case 'updated':
      return t('tools.publish.msg.updated', { status, id: str(p, 'id') });
    case 'sources-listed':
      return t('tools.publish.msg.sourcesListed', { status, count: count(p, 'count') });
    case 'already-there':
      return t('tools.publish.msg.alreadyThere', { id: str(p, 'id') });
    case 'id-added':
      return t('tools.publish.msg.idAdded', { status, id: str(p, 'id') });
    case 'spec-read':
      return t('tools.publish.msg.specRead', { status, name: str(p, 'name') });
    case 'spec-read-unnamed':
      return t('tools.publish.msg.specReadUnnamed', { status });
    case 'no-spec-id':
      return t('tools.publish.msg.noSpecId', { status });
    case 'no-flow-spec':
      return t('tools.publish.msg.noFlowSpec', { status });
    case 'open-no-spec':
      return t('tools.publish.msg.openNoSpec', { status, id: str(p, 'id') });
    case 'open-not-a-spec':
      return t('tools.publish.msg.openNotASpec', { status, why: whyText(p) });
    case 'adobe-error':
      return t('tools.publish.msg.adobeError', { status, error: str(p, 'error') });
    case 'adobe-no-message':
      return t('tools.publish.msg.adobeNoMessage', { status });
    case 'request-failed':
      return t('tools.publish.msg.requestFailed', { error: str(p, 'error') });
    default:
      // `send-failed`: the sender's own words, as they are
      return s.message;
  }
}

/** What to check after Adobe answered `status` to a call of kind `what` (core `adobeHint`). */
function statusHint(status: number, what: string): string {
  if (status === 401) return t('tools.publish.hint.401');
  if (status === 403) return t('tools.publish.hint.403');
  if (status === 404)
    return what === 'open'
      ? t('tools.publish.hint.404open')
      : what === 'connection-spec'
        ? t('tools.publish.hint.404spec')
        : t('tools.publish.hint.404flow');
  if (status === 400 || status === 422)
    return what === 'flow-spec' ? t('tools.publish.hint.400flow') : t('tools.publish.hint.400spec');
  if (status === 409) return t('tools.publish.hint.409');
  if (status === 429) return t('tools.publish.hint.429');
  if (status >= 500) return t('tools.publish.hint.5xx');
  return t('tools.publish.hint.other');
}

/** What to check after a failed step (its `hintCode`), else the core's hint as written. */
export function stepHint(s: Pick<PublishStep, 'hint' | 'hintCode' | 'hintParams'>): string {
  switch (s.hintCode) {
    case 'status':
      return statusHint(count(s.hintParams, 'status'), str(s.hintParams, 'what'));
    case 'refused-host':
      return t('tools.publish.hint.refusedHost', {
        command: 'spec-studio serve --allow-private-hosts',
      });
    case 'network':
      return t('tools.publish.hint.network');
    case 'base-url':
      return t('tools.publish.hint.baseUrl', { url: 'https://platform.adobe.io' });
    case 'base-url-sandbox':
      return t('tools.publish.hint.baseUrlSandbox');
    case 'id-sandbox':
      return t('tools.publish.hint.idSandbox');
    default:
      return s.hint ?? '';
  }
}

/** Why publishing or opening did not start (nothing was sent), else `message` as written. */
export function startProblemText(r: {
  message: string;
  code?: StartProblemCode;
  params?: DiagnosticParams;
}): string {
  const p = r.params;
  switch (r.code) {
    case 'missing-credentials': {
      const missing = Array.isArray(p?.['missing']) ? p['missing'] : [];
      const given = (k: string) => (missing.includes(k) ? '' : 'x');
      const names = missingNames({
        accessToken: given('accessToken'),
        apiKey: given('apiKey'),
        orgId: given('orgId'),
        sandbox: given('sandbox'),
      });
      return t('tools.publish.start.missing', { names });
    }
    case 'base-url':
      return t('tools.publish.start.baseUrl', { why: selectKey(str(p, 'why')), url: str(p, 'url') });
    case 'invalid-json':
      return t('tools.publish.start.invalidJson', { line: str(p, 'line') });
    case 'not-connection-spec':
      return t('tools.publish.start.notConnectionSpec', { why: whyText(p) });
    case 'no-id':
      return t('tools.publish.start.noId');
    default:
      return r.message;
  }
}
