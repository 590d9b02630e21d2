/**
 * JSON Schema `pattern`s (ECMA-262 regular expressions with the `u` flag, unanchored) translated
 * to RE2 syntax, so they run on a linear-time engine with the same meaning:
 * - `.` excludes the four ECMAScript line terminators; `\s` is ECMAScript's white space (wider than
 *   RE2's); `\d`, `\w`, `\b` are ASCII as in ECMAScript without the `i` flag;
 * - escapes `\t \n \v \f \r \0 \cX \xHH \uHHHH \u{…}` (surrogate pairs joined) and `\b` (backspace)
 *   inside classes; `\p{…}` with general categories (short or long names), scripts RE2 knows,
 *   `ASCII`, `Any` and `Assigned`;
 * - groups (named or not) do not capture; lazy quantifiers stay lazy (no effect on a test).
 * Backreferences, lookahead and lookbehind have no linear-time equivalent: they are reported as
 * `unsupported` (the caller skips the pattern and says so), never run by a backtracking engine.
 */
import {
  complement,
  emitClass,
  emitCodePoint,
  GENERAL_CATEGORIES,
  PatternCursor,
  PatternProblem,
  quantify,
  readBraceQuantifier,
  type ClassParts,
  type Piece,
  type Quantifier,
  type Ranges,
} from './regexSyntax';

const invalid = (why: string) => new PatternProblem('invalid', why);
const unsupported = (why: string) => new PatternProblem('unsupported', why);

const DIGIT: Ranges = [[0x30, 0x39]];
const WORD: Ranges = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];
const SPACE: Ranges = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];
const LINE_TERMINATORS: Ranges = [
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
];
const CLASS_ESCAPES: Record<string, Ranges> = {
  d: DIGIT,
  D: complement(DIGIT),
  w: WORD,
  W: complement(WORD),
  s: SPACE,
  S: complement(SPACE),
};
const CONTROL_ESCAPES: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13 };
const SYNTAX = new Set('^$\\.*+?()[]{}|/');

/** Long general category names (ECMAScript accepts both) → the short ones RE2 knows. */
const CATEGORY_ALIASES: Record<string, string> = {
  Letter: 'L',
  Uppercase_Letter: 'Lu',
  Lowercase_Letter: 'Ll',
  Titlecase_Letter: 'Lt',
  Modifier_Letter: 'Lm',
  Other_Letter: 'Lo',
  Mark: 'M',
  Combining_Mark: 'M',
  Nonspacing_Mark: 'Mn',
  Spacing_Mark: 'Mc',
  Enclosing_Mark: 'Me',
  Number: 'N',
  Decimal_Number: 'Nd',
  digit: 'Nd',
  Letter_Number: 'Nl',
  Other_Number: 'No',
  Punctuation: 'P',
  punct: 'P',
  Connector_Punctuation: 'Pc',
  Dash_Punctuation: 'Pd',
  Open_Punctuation: 'Ps',
  Close_Punctuation: 'Pe',
  Initial_Punctuation: 'Pi',
  Final_Punctuation: 'Pf',
  Other_Punctuation: 'Po',
  Symbol: 'S',
  Math_Symbol: 'Sm',
  Currency_Symbol: 'Sc',
  Modifier_Symbol: 'Sk',
  Other_Symbol: 'So',
  Separator: 'Z',
  Space_Separator: 'Zs',
  Line_Separator: 'Zl',
  Paragraph_Separator: 'Zp',
  Other: 'C',
  Control: 'Cc',
  cntrl: 'Cc',
  Format: 'Cf',
  Surrogate: 'Cs',
  Private_Use: 'Co',
  Unassigned: 'Cn',
};

/** `\p{…}` contents → ranges or RE2 property items added to `parts` (negated for `\P`). */
function property(body: string, negated: boolean, parts: ClassParts): void {
  const eq = body.indexOf('=');
  const key = eq < 0 ? '' : body.slice(0, eq);
  const value = eq < 0 ? body : body.slice(eq + 1);
  const p = negated ? 'P' : 'p';
  if (key === '' || key === 'General_Category' || key === 'gc') {
    const gc = GENERAL_CATEGORIES.has(value) ? value : CATEGORY_ALIASES[value];
    if (gc) return void parts.props.push(`\\${p}{${gc}}`);
  }
  if (key === '' && value === 'ASCII') {
    parts.ranges.push(...(negated ? complement([[0, 0x7f]]) : [[0, 0x7f] as [number, number]]));
    return;
  }
  if (key === '' && value === 'Any') {
    if (!negated) parts.ranges.push([0, 0x10ffff]);
    return;
  }
  if (key === '' && value === 'Assigned') return void parts.props.push(`\\${negated ? 'p' : 'P'}{Cn}`);
  // A script name: RE2 knows scripts by their long names (Greek, Latin, Han); compiling says.
  if ((key === 'Script' || key === 'sc') && /^[A-Z][A-Za-z_]*$/.test(value))
    return void parts.props.push(`\\${p}{${value}}`);
  throw unsupported(`\\${p}{${body}} is not supported by the linear-time engine`);
}

class Parser extends PatternCursor {
  disjunction(): Piece {
    return this.alternation(() => this.alternative());
  }

  alternative(): Piece {
    let source = '';
    let size = 0;
    while (this.i < this.p.length && this.p[this.i] !== '|' && this.p[this.i] !== ')') {
      const term = this.term();
      source += term.source;
      size += term.size;
    }
    return { source, size };
  }

  term(): Piece {
    const c = this.p[this.i];
    if (c === '^' || c === '$') {
      this.i++;
      return { source: c, size: 1 };
    }
    if (c === '\\' && (this.p[this.i + 1] === 'b' || this.p[this.i + 1] === 'B')) {
      this.i += 2;
      return { source: `\\${this.p[this.i - 1]}`, size: 1 };
    }
    if (this.p.startsWith('(?=', this.i) || this.p.startsWith('(?!', this.i))
      throw unsupported('uses a lookahead');
    if (this.p.startsWith('(?<=', this.i) || this.p.startsWith('(?<!', this.i))
      throw unsupported('uses a lookbehind');
    const atom = this.atom();
    const c2 = this.p[this.i];
    let q: Omit<Quantifier, 'end'> | null = null;
    if (c2 === '*' || c2 === '+' || c2 === '?') {
      this.i++;
      q = { text: c2, min: c2 === '+' ? 1 : 0, max: c2 === '?' ? 1 : null };
    } else if (c2 === '{') {
      const brace = readBraceQuantifier(this.p, this.i);
      this.i = brace.end;
      q = brace;
    }
    if (!q) return atom;
    if (this.p[this.i] === '?') {
      this.i++;
      q.text += '?';
    }
    return quantify(atom, q.text, q.min, q.max);
  }

  atom(): Piece {
    const cp = this.next();
    const c = String.fromCodePoint(cp);
    if (c === '(') {
      if (this.p.startsWith('?:', this.i)) this.i += 2;
      else if (this.p.startsWith('?<', this.i)) {
        const end = this.p.indexOf('>', this.i);
        if (end < 0) throw invalid('unterminated group name');
        this.i = end + 1;
      } else if (this.p[this.i] === '?') throw invalid('invalid group');
      const inner = this.disjunction();
      if (this.p[this.i] !== ')') throw invalid('unclosed (');
      this.i++;
      return { source: `(?:${inner.source})`, size: inner.size + 1 };
    }
    if (c === '.') return emitClass({ ranges: complement(LINE_TERMINATORS), props: [] }, false);
    if (c === '[') return this.characterClass();
    if (c === '\\') {
      const parts: ClassParts = { ranges: [], props: [] };
      const single = this.escape(parts, false);
      return single === null ? emitClass(parts, false) : { source: emitCodePoint(single), size: 1 };
    }
    if ('*+?{}])|'.includes(c)) throw invalid(`unexpected ${c}`);
    return { source: emitCodePoint(cp), size: 1 };
  }

  /** After `\`: one code point, or a class escape added to `parts` (null). */
  escape(parts: ClassParts, inClass: boolean): number | null {
    const c = String.fromCodePoint(this.next());
    const set = CLASS_ESCAPES[c];
    if (set) return (void parts.ranges.push(...set), null);
    if (c === 'p' || c === 'P') {
      const end = this.p.indexOf('}', this.i);
      if (this.p[this.i] !== '{' || end < 0) throw invalid(`\\${c} needs {…}`);
      property(this.p.slice(this.i + 1, end), c === 'P', parts);
      this.i = end + 1;
      return null;
    }
    const control = CONTROL_ESCAPES[c];
    if (control !== undefined) return control;
    if (inClass && c === 'b') return 0x08;
    if (inClass && c === '-') return 0x2d;
    if (c === 'c' && /^[A-Za-z]$/.test(this.p[this.i] ?? ''))
      return (this.p.charCodeAt(this.i++) as number) % 32;
    if (c === '0' && !/^[0-9]$/.test(this.p[this.i] ?? '')) return 0;
    if (/^[1-9]$/.test(c) || c === 'k') throw unsupported('uses a backreference');
    if (c === 'x') return this.hex(2);
    if (c === 'u') return this.unicodeEscape();
    if (SYNTAX.has(c)) return c.codePointAt(0) as number;
    throw invalid(`\\${c} is not a valid escape under the u flag`);
  }

  hex(digits: number): number {
    const h = this.p.slice(this.i, this.i + digits);
    if (h.length !== digits || !/^[0-9A-Fa-f]+$/.test(h)) throw invalid('invalid hex escape');
    this.i += digits;
    return parseInt(h, 16);
  }

  unicodeEscape(): number {
    if (this.p[this.i] === '{') {
      const end = this.p.indexOf('}', this.i);
      const h = end < 0 ? '' : this.p.slice(this.i + 1, end);
      if (!/^[0-9A-Fa-f]+$/.test(h) || parseInt(h, 16) > 0x10ffff) throw invalid('invalid \\u{…}');
      this.i = end + 1;
      return parseInt(h, 16);
    }
    const cu = this.hex(4);
    if (
      cu >= 0xd800 &&
      cu <= 0xdbff &&
      /^\\u[Dd][C-Fc-f][0-9A-Fa-f]{2}$/.test(this.p.slice(this.i, this.i + 6))
    ) {
      const low = parseInt(this.p.slice(this.i + 2, this.i + 6), 16);
      this.i += 6;
      return 0x10000 + ((cu - 0xd800) << 10) + (low - 0xdc00);
    }
    return cu;
  }

  /** After `[`: ECMAScript ClassRanges. */
  characterClass(): Piece {
    const parts: ClassParts = { ranges: [], props: [] };
    const negated = this.p[this.i] === '^';
    if (negated) this.i++;
    while (this.p[this.i] !== ']') {
      if (this.i >= this.p.length) throw invalid('unclosed [');
      const lo = this.classAtom(parts);
      if (this.p[this.i] === '-' && this.p[this.i + 1] !== ']' && this.i + 1 < this.p.length) {
        this.i++;
        const hi = this.classAtom(parts);
        if (lo === null || hi === null) throw invalid('a class escape cannot bound a range');
        if (hi < lo) throw invalid('range out of order in character class');
        parts.ranges.push([lo, hi]);
      } else if (lo !== null) parts.ranges.push([lo, lo]);
    }
    this.i++;
    return emitClass(parts, negated);
  }

  classAtom(parts: ClassParts): number | null {
    const cp = this.next();
    return cp === 0x5c ? this.escape(parts, true) : cp;
  }
}

/**
 * RE2 source (non-capturing, unanchored, same matches as `new RegExp(pattern, 'u')`) and estimated
 * program size. Throws a {@link PatternProblem}: `invalid` for syntax errors, `unsupported` for
 * backreferences, lookaround and Unicode properties RE2 lacks.
 */
export function translateEcmaPattern(pattern: string): Piece {
  const parser = new Parser(pattern);
  const piece = parser.disjunction();
  if (parser.i < pattern.length) throw invalid('unmatched )');
  return piece;
}
