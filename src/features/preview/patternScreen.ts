/**
 * Screening of `pattern` / `patternProperties` regular expressions from a user's schema before any
 * of them runs on the main thread (BAD-INPUTS B5, B6). JSON Schema patterns are ECMAScript regexes
 * with the `u` flag; a pattern that does not compile under `u`, or whose shape can backtrack
 * exponentially (a quantified group that itself contains a quantifier or an alternation, as in
 * `^(a|a)*$` or `(a+)+`, or a backreference), is reported and never executed. The check is
 * deliberately conservative: a safe pattern such as `(ab|cd)*` is also set aside, which only means
 * the preview does not enforce it (the notice says so); the spec itself is never changed.
 */

/** Longest pattern the preview runs at all. */
export const MAX_PATTERN_LENGTH = 1_000;

/** Whether `c` at `i` of `p` starts a quantifier (`*`, `+`, `?` or `{n}`/`{n,}`/`{n,m}`). */
function quantifierAt(p: string, i: number): { length: number; repeats: boolean } | null {
  const c = p[i];
  if (c === '*' || c === '+') return { length: 1, repeats: true };
  if (c === '?') return { length: 1, repeats: false };
  if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i, i + 24));
    if (!m) return null;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    return { length: m[0].length, repeats: max > 1 };
  }
  return null;
}

interface Frame {
  /** The group contains a repeating quantifier or an alternation. */
  risky: boolean;
}

/**
 * Why `pattern` must not run, or null when it may. Never throws.
 * - not a valid regex under the `u` flag: "is not a valid regular expression (…)"
 * - longer than {@link MAX_PATTERN_LENGTH}
 * - a backreference, or a repeated group containing a quantifier or `|`: "may take exponential time"
 */
export function screenPattern(pattern: string): string | null {
  try {
    new RegExp(pattern, 'u');
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return `is not a valid regular expression under the u flag (${why})`;
  }
  if (pattern.length > MAX_PATTERN_LENGTH)
    return `is longer than ${MAX_PATTERN_LENGTH} characters and is not run`;
  const stack: Frame[] = [{ risky: false }];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      if (!inClass && /[1-9k]/.test(pattern[i + 1] ?? ''))
        return 'uses a backreference, which may take exponential time';
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') stack.push({ risky: false });
    else if (c === '|') (stack[stack.length - 1] as Frame).risky = true;
    else if (c === ')') {
      const group = stack.pop() ?? { risky: false };
      const q = quantifierAt(pattern, i + 1);
      if (q?.repeats && group.risky)
        return 'repeats a group that contains a quantifier or an alternation, which may take exponential time';
      const parent = stack[stack.length - 1] ?? { risky: false };
      parent.risky ||= group.risky || (q?.repeats ?? false);
      if (q) i += q.length;
    } else {
      const q = quantifierAt(pattern, i);
      if (q) {
        if (q.repeats) (stack[stack.length - 1] as Frame).risky = true;
        i += q.length - 1;
      }
    }
  }
  return null;
}
