/**
 * RFC 9535's `match()` and `search()` on the linear-time engine (./linearRegex.ts) instead of
 * json-p3's, which hands the pattern to the backtracking JavaScript engine (`(a+)+$` took minutes).
 * - a value or pattern that is not a string, or a pattern that is not a valid I-Regexp: false
 *   (RFC 9535 §2.4.6, §2.4.7, as the compliance suite expects); a refused pattern is noted (see
 *   {@link collectRefusedPatterns}) so callers can say why a filter matched nothing;
 * - a valid I-Regexp the engine cannot run (too long, too large a program, a counted repeat over
 *   1,000), or a test over the per-test work limit: the query stops with the reason;
 * - after every test the query's time budget is checked, so it holds inside one filter too.
 */
import { FunctionExpressionType, type JSONPathEnvironment } from 'json-p3';
import { nestedParams } from '../diagnosticCodes';
import { BudgetExceeded, checkDeadline } from './budget';
import { compileLinear, linearTest, quotePattern } from './linearRegex';

/** Patterns refused (not valid I-Regexp) during the current {@link collectRefusedPatterns} call. */
let refused: Map<string, string> | null = null;

/** A pattern `match()`/`search()` refused, and why (the regex parser's message). */
export interface RefusedPattern {
  pattern: string;
  reason: string;
}

/**
 * Runs `fn` (a query evaluation) and returns its result with the patterns that `match()` or
 * `search()` refused while it ran: each made its test false (RFC 9535), which would otherwise look
 * like "matched nothing" (issue 12 item 11).
 */
export function collectRefusedPatterns<T>(fn: () => T): { result: T; refused: RefusedPattern[] } {
  const outer = refused;
  const mine = new Map<string, string>();
  refused = mine;
  try {
    const result = fn();
    return { result, refused: [...mine].map(([pattern, reason]) => ({ pattern, reason })) };
  } finally {
    refused = outer;
  }
}

function test(s: unknown, pattern: unknown, whole: boolean): boolean {
  if (typeof s !== 'string' || typeof pattern !== 'string') return false;
  const compiled = compileLinear(pattern, 'i-regexp');
  if (!compiled.ok) {
    if (compiled.kind === 'invalid') {
      if (refused !== null && !refused.has(pattern)) refused.set(pattern, compiled.message);
      return false;
    }
    const quoted = quotePattern(pattern);
    throw new BudgetExceeded({
      message: `the pattern ${quoted} ${compiled.message}`,
      code: 'jsonpath-pattern-not-run',
      params: { pattern: quoted, ...nestedParams('clause', compiled) },
    });
  }
  const result = linearTest(compiled, s, whole);
  checkDeadline();
  if (result.skipped !== undefined) throw new BudgetExceeded(result.skippedText);
  return result.matched;
}

/** Registers the linear-time `match` (whole string) and `search` (any substring) on `env`. */
export function registerLinearRegexFunctions(env: JSONPathEnvironment): void {
  const signature = {
    argTypes: [FunctionExpressionType.ValueType, FunctionExpressionType.ValueType],
    returnType: FunctionExpressionType.LogicalType,
  };
  env.functionRegister.set('match', { ...signature, call: (s: unknown, p: unknown) => test(s, p, true) });
  env.functionRegister.set('search', { ...signature, call: (s: unknown, p: unknown) => test(s, p, false) });
}
