/**
 * Nesting of a JSONPath expression, checked before json-p3 parses it (BAD-INPUTS C3): its parser
 * is recursive, so `$[?((((…))))]` a thousand levels deep would otherwise end in a stack overflow.
 */

/** Deepest nesting of brackets and parentheses (together) an expression may have. */
export const MAX_JSONPATH_NESTING = 64;

/**
 * Null when `expr` nests at most {@link MAX_JSONPATH_NESTING} levels of `[`/`(` (outside string
 * literals), else the refusal with the offset of the first bracket past the limit. Linear,
 * iterative; unbalanced brackets are left for the parser to report.
 */
export function nestingProblem(expr: string): { message: string; offset: number } | null {
  let depth = 0;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i];
    if (c === '"' || c === "'") {
      for (i++; i < expr.length && expr[i] !== c; i++) if (expr[i] === '\\') i++;
    } else if (c === '[' || c === '(') {
      if (++depth > MAX_JSONPATH_NESTING)
        return {
          message: `JSONPath nested more than ${MAX_JSONPATH_NESTING} levels deep (brackets and parentheses)`,
          offset: i,
        };
    } else if ((c === ']' || c === ')') && depth > 0) depth--;
  }
  return null;
}
