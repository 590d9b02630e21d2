/**
 * Screens the patterns of the RFC 9535 `match()` and `search()` functions for catastrophic
 * backtracking (JavaScript regexes backtrack): a quantified group that itself contains a
 * quantifier or an alternation, such as `(a+)+`, `(a|a)*` or `(\w+\s?)*`, can take time
 * exponential in the length of the string. Such a pattern is treated like a pattern that is not a
 * valid I-Regexp: the function returns false (RFC 9535 §2.4.6, §2.4.7), and nothing hangs.
 */
import { JSONPathEnvironment } from 'json-p3';

/**
 * True when `pattern` has a repeated group containing a quantifier, or an alternation whose branches
 * could overlap (`(a|a)*`; `(get|put)*`, plain words with distinct first letters, is fine).
 */
export function riskyPattern(pattern: string): boolean {
  const groups: Array<{ start: number; quantified: boolean; alternation: boolean }> = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    const top = groups[groups.length - 1];
    if (c === '\\') {
      i++;
    } else if (c === '[') {
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
    } else if (c === '(') {
      if (pattern[i + 1] === '?') i += 2;
      groups.push({ start: i + 1, quantified: false, alternation: false });
    } else if (c === ')' && top) {
      groups.pop();
      const body = pattern.slice(top.start, i);
      const risky = top.quantified || (top.alternation && !disjointWords(body));
      if (risky && isRepeat(pattern, i + 1)) return true;
      const parent = groups[groups.length - 1];
      if (parent && risky) parent.quantified = true;
    } else if (top && c === '|') {
      top.alternation = true;
    } else if (top && isQuantifier(pattern, i)) {
      top.quantified = true;
    }
  }
  return false;
}

/** `get|put|post`: plain words (no regex syntax) whose first characters all differ. */
function disjointWords(body: string): boolean {
  const words = body.split('|');
  if (words.some((w) => w === '' || /[\\.[\](){}*+?^$|]/.test(w))) return false;
  return new Set(words.map((w) => w[0])).size === words.length;
}

/** `*`, `+`, `?` or `{n…}` at `i`. */
function isQuantifier(p: string, i: number): boolean {
  const c = p[i];
  return c === '*' || c === '+' || c === '?' || (c === '{' && /^\{\d/.test(p.slice(i, i + 2)));
}

/** A quantifier that repeats (not `?`, not `{0,1}`/`{1}`) at `i`. */
function isRepeat(p: string, i: number): boolean {
  const c = p[i];
  if (c === '*' || c === '+') return true;
  if (c !== '{') return false;
  const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i));
  if (!m) return false;
  if (m[2] === undefined) return Number(m[1]) > 1;
  return m[3] === '' || Number(m[3]) > 1;
}

/** Replaces `match` and `search` of `env` by versions that refuse risky patterns (return false). */
export function screenRegexFunctions(env: JSONPathEnvironment): void {
  for (const name of ['match', 'search']) {
    const original = env.functionRegister.get(name);
    if (!original) continue;
    env.functionRegister.set(name, {
      argTypes: original.argTypes,
      returnType: original.returnType,
      call: (s: unknown, pattern: unknown) =>
        typeof pattern === 'string' && riskyPattern(pattern) ? false : original.call(s, pattern),
    });
  }
}
