/** Share-link problems of the core (`encodeShareLink`, `decodeShareLink`) in the chosen language. */
import type { SharedDocument, ShareLinkResult } from '@core';
import { t } from '../../i18n';
import { paramNumber as num, paramText as str, selectKey } from '../../i18n/params';

/** Why a link could not be made (`invalid`): the core's code, else its message as written. */
export function shareEncodeText(r: Extract<ShareLinkResult, { reason: 'invalid' }>): string {
  switch (r.code) {
    case 'deep':
      return t('tools.share.problem.encodeDeep', {
        max: num(r.params, 'max'),
        line: str(r.params, 'line'),
        column: str(r.params, 'column'),
      });
    case 'invalid-json':
      return t('tools.share.problem.encodeJson');
    default:
      return r.message;
  }
}

/** Why a share link was not opened. */
export function shareDecodeText(r: Extract<SharedDocument, { ok: false }>): string {
  const p = r.params;
  switch (r.code) {
    case 'too-long':
      return t('tools.share.problem.tooLong', { length: num(p, 'length'), max: num(p, 'max') });
    case 'damaged':
      return t('tools.share.problem.damaged', { why: selectKey(str(p, 'why')) });
    case 'version':
      return t('tools.share.problem.version', {
        version: str(p, 'version'),
        supported: str(p, 'supported'),
      });
    case 'too-big':
      return t('tools.share.problem.tooBig', { mb: num(p, 'mb') });
    case 'deep':
      return t('tools.share.problem.deep', {
        what: str(p, 'what'),
        max: num(p, 'max'),
        line: str(p, 'line'),
        column: str(p, 'column'),
      });
    default:
      return r.message;
  }
}
