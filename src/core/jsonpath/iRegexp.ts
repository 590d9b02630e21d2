/**
 * I-Regexp (RFC 9485), the pattern language of RFC 9535's `match()` and `search()`, checked
 * against its ABNF and translated to RE2 syntax, so it runs on a linear-time engine:
 * - `.` matches any code point but `\n` and `\r`; `[^…]` matches newlines;
 * - `\p{…}`/`\P{…}` take the general categories of RFC 9485 (`L`, `Lu`, … `Cn`);
 * - groups do not capture; quantifiers are `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}` (n ≤ m);
 * - `^` and `$` (plain characters in RFC 9485's ABNF) are start/end anchors, as every ECMAScript
 *   based implementation and the compliance suite (`match(@, '^ab.*')`) read them.
 * Anything else is not an I-Regexp: {@link translateIRegexp} throws a {@link PatternProblem}.
 */
import {
  emitClass,
  emitCodePoint,
  GENERAL_CATEGORIES,
  PatternCursor,
  PatternProblem,
  quantify,
  readBraceQuantifier,
  type ClassParts,
  type Piece,
} from './regexSyntax';

const invalid = (why: string, code: string, params?: Record<string, string>) =>
  new PatternProblem('invalid', why, code, params);

/** `%x00-27 / "," / "-" / %x2F-3E / %x40-5A / %x5E-7A / %x7E-D7FF / %xE000-10FFFF`. */
function isNormalChar(cp: number): boolean {
  return (
    cp <= 0x27 ||
    cp === 0x2c ||
    cp === 0x2d ||
    (cp >= 0x2f && cp <= 0x3e) ||
    (cp >= 0x40 && cp <= 0x5a) ||
    (cp >= 0x5e && cp <= 0x7a) ||
    (cp >= 0x7e && cp <= 0xd7ff) ||
    cp >= 0xe000
  );
}

/** CCchar without escapes: `%x00-2C / %x2E-5A / %x5E-D7FF / %xE000-10FFFF`. */
function isClassChar(cp: number): boolean {
  return cp <= 0x2c || (cp >= 0x2e && cp <= 0x5a) || (cp >= 0x5e && cp <= 0xd7ff) || cp >= 0xe000;
}

/** SingleCharEsc targets: `( ) * + - . ? [ \ ] ^ n r t { | }`. */
const SINGLE_ESCAPES: Record<string, number> = { n: 0x0a, r: 0x0d, t: 0x09 };
for (const c of '()*+-.?[\\]^{|}') SINGLE_ESCAPES[c] = c.codePointAt(0) as number;

class Parser extends PatternCursor {
  /** i-regexp = branch *( "|" branch ) */
  regexp(): Piece {
    return this.alternation(() => this.branch());
  }

  /** branch = *piece */
  branch(): Piece {
    let source = '';
    let size = 0;
    for (let cp = this.peek(); cp !== undefined && cp !== 0x7c && cp !== 0x29; cp = this.peek()) {
      const piece = this.piece();
      source += piece.source;
      size += piece.size;
    }
    return { source, size };
  }

  /** piece = atom [ quantifier ] */
  piece(): Piece {
    const anchor = this.peek() === 0x5e || this.peek() === 0x24;
    const atom = this.atom();
    const q = this.quantifier();
    if (!q) return atom;
    if (anchor) throw invalid('a quantifier cannot follow ^ or $', 'regex-quantifier-after-anchor');
    return quantify(atom, q.text, q.min, q.max);
  }

  quantifier(): { text: string; min: number; max: number | null } | null {
    const c = this.peek();
    if (c === 0x2a || c === 0x2b || c === 0x3f) {
      this.i++;
      const text = String.fromCharCode(c);
      return { text, min: c === 0x2b ? 1 : 0, max: c === 0x3f ? 1 : null };
    }
    if (c !== 0x7b) return null;
    const q = readBraceQuantifier(this.p, this.i);
    this.i = q.end;
    return q;
  }

  /** atom = NormalChar / charClass / ( "(" i-regexp ")" ) */
  atom(): Piece {
    const cp = this.next();
    if (cp === 0x28) {
      const inner = this.regexp();
      if (this.peek() !== 0x29) throw invalid('unclosed (', 'regex-unclosed-group');
      this.i++;
      return { source: `(?:${inner.source})`, size: inner.size + 1 };
    }
    if (cp === 0x2e) return { source: '[^\\n\\r]', size: 1 };
    if (cp === 0x5b) return this.classExpr();
    if (cp === 0x5c) {
      const parts: ClassParts = { ranges: [], props: [] };
      const single = this.escape(parts);
      return single === null ? emitClass(parts, false) : { source: emitCodePoint(single), size: 1 };
    }
    if (cp === 0x5e || cp === 0x24) return { source: cp === 0x5e ? '^' : '$', size: 1 };
    if (!isNormalChar(cp))
      throw invalid(`unexpected ${JSON.stringify(String.fromCodePoint(cp))}`, 'regex-unexpected-char', {
        char: JSON.stringify(String.fromCodePoint(cp)),
      });
    return { source: emitCodePoint(cp), size: 1 };
  }

  /** After `\`: a SingleCharEsc (its code point) or catEsc/complEsc (added to `parts`, null). */
  escape(parts: ClassParts): number | null {
    const c = String.fromCodePoint(this.next());
    const single = SINGLE_ESCAPES[c];
    if (single !== undefined) return single;
    if (c !== 'p' && c !== 'P')
      throw invalid(`\\${c} is not an I-Regexp escape`, 'regex-escape', { escape: `\\${c}` });
    if (this.p[this.i] !== '{')
      throw invalid(`\\${c} needs {category}`, 'regex-category-braces', { escape: `\\${c}` });
    const end = this.p.indexOf('}', this.i);
    const name = end < 0 ? '' : this.p.slice(this.i + 1, end);
    if (!GENERAL_CATEGORIES.has(name))
      throw invalid(`\\${c}{${name}} is not a category of RFC 9485`, 'regex-category-unknown', {
        category: `\\${c}{${name}}`,
      });
    this.i = end + 1;
    parts.props.push(`\\${c}{${name}}`);
    return null;
  }

  /** charClassExpr = "[" [ "^" ] ( "-" / CCE1 ) *CCE1 [ "-" ] "]" (after the "["). */
  classExpr(): Piece {
    const parts: ClassParts = { ranges: [], props: [] };
    const negated = this.peek() === 0x5e;
    if (negated) this.i++;
    let first = true;
    for (;;) {
      const cp = this.peek();
      if (cp === undefined) throw invalid('unclosed [', 'regex-unclosed-class');
      if (cp === 0x5d && !first) break;
      if (cp === 0x2d) {
        this.i++;
        if (first || this.peek() === 0x5d) {
          parts.ranges.push([0x2d, 0x2d]);
          first = false;
          continue;
        }
        throw invalid('- must come first or last in a class', 'regex-class-dash');
      }
      const lo = this.classChar(parts);
      first = false;
      if (lo === null) continue;
      if (this.peek() === 0x2d && this.p.codePointAt(this.i + 1) !== 0x5d) {
        this.i++;
        const hi = this.classChar(parts);
        if (hi === null || hi < lo) throw invalid('invalid range in a class', 'regex-class-range');
        parts.ranges.push([lo, hi]);
      } else parts.ranges.push([lo, lo]);
    }
    this.i++;
    return emitClass(parts, negated);
  }

  /** CCchar (its code point) or a class escape (added to `parts`, null). */
  classChar(parts: ClassParts): number | null {
    const cp = this.next();
    if (cp === 0x5c) return this.escape(parts);
    if (!isClassChar(cp))
      throw invalid(
        `${JSON.stringify(String.fromCodePoint(cp))} must be escaped in a class`,
        'regex-class-escape',
        {
          char: JSON.stringify(String.fromCodePoint(cp)),
        },
      );
    return cp;
  }
}

/**
 * RE2 source (non-capturing, unanchored) and estimated program size for an I-Regexp. Throws a
 * {@link PatternProblem} of kind `invalid` when `pattern` is not an I-Regexp (RFC 9535 then makes
 * `match()`/`search()` false).
 */
export function translateIRegexp(pattern: string): Piece {
  const parser = new Parser(pattern);
  const piece = parser.regexp();
  if (parser.i < pattern.length) throw invalid('unbalanced )', 'regex-unbalanced-paren');
  return piece;
}
