/**
 * Building blocks shared by the two pattern translators (I-Regexp in ./iRegexp.ts, ECMAScript
 * `pattern`s in ./ecmaPattern.ts): code point sets written as RE2 character classes, and the
 * estimate of the program size a translated pattern compiles to (checked before compiling).
 */

/** Inclusive code point ranges. */
export type Ranges = Array<[number, number]>;

/** The contents of one character class: explicit ranges plus RE2 property items (`\p{L}`). */
export interface ClassParts {
  ranges: Ranges;
  props: string[];
}

/** A translated piece: RE2 source and its estimated program size (instructions). */
export interface Piece {
  source: string;
  size: number;
}

/**
 * A pattern the translator refuses: `invalid` (not the dialect's syntax) or `unsupported`; with a
 * stable `code` and `params` for the app's languages when the message has them (`regex-…`).
 */
export class PatternProblem extends Error {
  constructor(
    readonly kind: 'invalid' | 'unsupported',
    message: string,
    readonly code?: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
  }
}

export const MAX_CODE_POINT = 0x10ffff;

/** One code point as RE2 source: letters and digits as themselves, anything else as `\x{…}`. */
export function emitCodePoint(cp: number): string {
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a))
    return String.fromCodePoint(cp);
  return `\\x{${cp.toString(16)}}`;
}

/** Sorted, merged copy of `ranges`. */
export function normalise(ranges: Ranges): Ranges {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Ranges = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

/** The code points not in `ranges`. */
export function complement(ranges: Ranges): Ranges {
  const out: Ranges = [];
  let next = 0;
  for (const [lo, hi] of normalise(ranges)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

/**
 * A class as RE2 source (one instruction). An empty class matches nothing and a negated empty class
 * matches any code point, as in ECMAScript's `[]` and `[^]`.
 */
export function emitClass(parts: ClassParts, negated: boolean): Piece {
  const ranges = normalise(parts.ranges);
  if (ranges.length === 0 && parts.props.length === 0)
    return { source: negated ? '[\\x{0}-\\x{10ffff}]' : '[^\\x{0}-\\x{10ffff}]', size: 1 };
  const items = ranges.map(([lo, hi]) =>
    lo === hi ? emitCodePoint(lo) : `${emitCodePoint(lo)}-${emitCodePoint(hi)}`,
  );
  return { source: `[${negated ? '^' : ''}${items.join('')}${parts.props.join('')}]`, size: 1 };
}

/** `piece` under a quantifier (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`), with its size estimate. */
export function quantify(piece: Piece, quantifier: string, min: number, max: number | null): Piece {
  const copies = max === null ? min + 1 : Math.max(max, 1);
  return { source: `(?:${piece.source})${quantifier}`, size: piece.size * copies + copies };
}

/** The RFC 9485 / Unicode general categories (one or two letters) that both dialects accept. */
export const GENERAL_CATEGORIES = new Set([
  'L',
  'Lu',
  'Ll',
  'Lt',
  'Lm',
  'Lo',
  'M',
  'Mn',
  'Mc',
  'Me',
  'N',
  'Nd',
  'Nl',
  'No',
  'P',
  'Pc',
  'Pd',
  'Ps',
  'Pe',
  'Pi',
  'Pf',
  'Po',
  'Z',
  'Zs',
  'Zl',
  'Zp',
  'S',
  'Sm',
  'Sc',
  'Sk',
  'So',
  'C',
  'Cc',
  'Cf',
  'Cs',
  'Co',
  'Cn',
]);

/** Reads a decimal number at `i` of `p`: [value, next index] or null. */
function readDigits(p: string, i: number): [number, number] | null {
  let j = i;
  while (j < p.length && p.charCodeAt(j) >= 0x30 && p.charCodeAt(j) <= 0x39) j++;
  if (j === i) return null;
  return [Number(p.slice(i, j)), j];
}

/** A quantifier read from a pattern: its text, bounds (max null: unbounded) and where it ends. */
export interface Quantifier {
  text: string;
  min: number;
  max: number | null;
  end: number;
}

/**
 * The `{n}`, `{n,}` or `{n,m}` quantifier starting at `i` of `p` (which holds `{`). Throws an
 * `invalid` {@link PatternProblem} when it is malformed or its bounds are reversed.
 */
export function readBraceQuantifier(p: string, i: number): Quantifier {
  const lo = readDigits(p, i + 1);
  if (!lo) throw new PatternProblem('invalid', 'a { quantifier needs a number', 'regex-quantifier-number');
  const [min, afterMin] = lo;
  let max: number | null = min;
  let j = afterMin;
  if (p[j] === ',') {
    const hi = readDigits(p, j + 1);
    max = hi ? hi[0] : null;
    j = hi ? hi[1] : j + 1;
  }
  if (p[j] !== '}')
    throw new PatternProblem('invalid', 'unterminated { quantifier', 'regex-quantifier-unterminated');
  if (max !== null && max < min)
    throw new PatternProblem(
      'invalid',
      `quantifier {${min},${max}} has its bounds reversed`,
      'regex-quantifier-reversed',
      {
        quantifier: `{${min},${max}}`,
      },
    );
  return { text: p.slice(i, j + 1), min, max, end: j + 1 };
}

/** A cursor over a pattern's code points, with the alternation both dialects share (`a|b|…`). */
export class PatternCursor {
  i = 0;
  constructor(readonly p: string) {}

  peek(): number | undefined {
    return this.p.codePointAt(this.i);
  }

  next(): number {
    const cp = this.peek();
    if (cp === undefined)
      throw new PatternProblem('invalid', 'unexpected end of pattern', 'regex-unexpected-end');
    this.i += cp > 0xffff ? 2 : 1;
    return cp;
  }

  /** Alternatives read by `alternative`, separated by `|`, as one piece. */
  protected alternation(alternative: () => Piece): Piece {
    const alts = [alternative()];
    while (this.peek() === 0x7c) {
      this.i++;
      alts.push(alternative());
    }
    return {
      source: alts.map((a) => a.source).join('|'),
      size: alts.reduce((n, a) => n + a.size, 0) + alts.length - 1,
    };
  }
}
