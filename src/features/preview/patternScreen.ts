/**
 * Screening of `pattern` / `patternProperties` regular expressions from a user’s schema (BAD-INPUTS
 * B5, B6). JSON Schema patterns are ECMAScript regexes with the `u` flag; the app runs them only on
 * the core’s linear-time engine (RE2, see the validator in src/lib/schemaPatterns.ts), so a pattern
 * such as `(a+)+$` or `(ab|cd)*` is checked like any other and cannot hang. What is set aside (left
 * out of the form’s copy of the schema, with a notice; the spec itself is never changed):
 * - a pattern that does not compile under the `u` flag;
 * - a backreference, lookahead or lookbehind, or a Unicode property RE2 lacks: no linear-time
 *   equivalent, and never handed to the backtracking engine instead;
 * - a pattern too large for the engine’s limits (length, program size).
 */
import { compileLinear } from '@core';
import { t } from '../../i18n';
import { diagnosticText } from '../../i18n/diagnostics';

/**
 * Why `pattern` is not checked, or null when it is. Never throws.
 * - "is not a valid regular expression under the u flag (…)"
 * - "uses a backreference, which the linear-time regex engine cannot run"
 * - "is longer than 1,000 characters" (and other size limits)
 */
export function screenPattern(pattern: string): string | null {
  const r = compileLinear(pattern, 'ecma');
  // Not loaded yet (a moment after start): kept, and checked by the validator once it is.
  if (r.ok || r.kind === 'unavailable') return null;
  // r.message is the core’s English clause ("uses a lookahead", "is longer than 1,000 characters"),
  // rendered from its code; the JavaScript engine’s own syntax error stays as it is (data).
  if (r.kind === 'invalid')
    return t('run.pattern.invalid', { message: String(r.params?.detail ?? r.message) });
  const clause = diagnosticText(r);
  if (r.kind === 'unsupported' && r.message.startsWith('uses '))
    return t('run.pattern.unsupported', { message: clause });
  return clause;
}
