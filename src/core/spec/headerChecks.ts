/**
 * Header checks of `validate` (issue 9 item 3): every header name a spec can produce must be an
 * RFC 9110 token and every header value it writes must be free of CR, LF, NUL and other control
 * characters, so no spec can split a request or inject a header. The run refuses the same things
 * at run time (values from run inputs and responses), through `headerProblem` in run/compose.ts.
 */
import { headerValueIssue, headerValueProblem, isHeaderName } from '../placeholders/encode';
import { quoteText } from '../placeholders/hostCheck';
import type { JsonValue, SpecModel } from '../types';
import { DiagnosticList, isObject, own } from './jsonUtil';

const A = '/sourceSpec/attributes';
const esc = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** A name for a message: as is when plain printable text, else quoted with escapes. */
const label = (name: string): string => (/^[\x21-\x7e]+$/.test(name) ? `\`${name}\`` : quoteText(name));

/**
 * Adds an error, located at the field, for: a `headerParams` key that is not an RFC 9110 token
 * or a value whose text holds CR, LF, NUL or another control character; an auth property's
 * `restAttributes.headerParamName` that is not a token; a CONTINUATION_TOKEN `parameterName`
 * that is not a token when `parameterType` is HEADERPARAM.
 */
export function headerChecks(doc: JsonValue, model: SpecModel, d: DiagnosticList): void {
  const source = own(isObject(doc) ? doc : undefined, 'sourceSpec');
  const attributes = own(isObject(source) ? source : undefined, 'attributes');
  const written = own(isObject(attributes) ? attributes : undefined, 'headerParams');
  for (const [name, value] of model.headerParams) {
    const pointer = isObject(written) ? `${A}/headerParams/${esc(name)}` : `${A}/headerParams`;
    if (!isHeaderName(name)) {
      d.add(
        'error',
        pointer,
        'header-name',
        `headerParams: ${label(name)} is not a valid HTTP header name (RFC 9110 token: letters, digits and !#$%&'*+-.^_\`|~)`,
        { kind: 'header', name: label(name) },
      );
    }
    const problem = headerValueProblem(value);
    const issue = headerValueIssue(value);
    if (problem !== null && issue !== null)
      d.add('error', pointer, 'header-value', `headerParams ${label(name)}: the value ${problem}`, {
        name: label(name),
        kind: issue.kind,
        char: 'char' in issue ? issue.char : '',
      });
  }
  for (const auth of model.authSpecs) {
    for (const p of auth.params) {
      if (p.headerParamName === undefined || isHeaderName(p.headerParamName)) continue;
      d.add(
        'error',
        `${p.pointer}/restAttributes/headerParamName`,
        'header-name',
        `${auth.name}: headerParamName ${label(p.headerParamName)} of ${p.name} is not a valid HTTP header name (RFC 9110 token)`,
        { kind: 'auth', auth: auth.name, name: label(p.headerParamName), param: p.name },
      );
    }
  }
  const pg = model.pagination;
  if (
    pg.type === 'CONTINUATION_TOKEN' &&
    pg.parameterType === 'HEADERPARAM' &&
    !isHeaderName(pg.parameterName)
  ) {
    d.add(
      'error',
      `${A}/paginationParams/parameterName`,
      'header-name',
      `paginationParams.parameterName ${label(pg.parameterName)} is not a valid HTTP header name (RFC 9110 token), so the continuation token cannot be sent in it`,
      { kind: 'pagination', name: label(pg.parameterName) },
    );
  }
}
