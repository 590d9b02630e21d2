/**
 * The parse warnings of a text that `JSON.parse` accepted, in one forward pass: strings are skipped
 * with `indexOf` and no token or tree is built, so this costs a fraction of jsonc-parser's visitor
 * (which `parseJson` still uses to locate the first error of an invalid text). On a 340 kB spec the
 * visitor pass took ~12 ms per keystroke in the browser (bench:ui).
 *
 * At every size, `parseJson` first runs {@link quickScan} (depth, key count, suspicious numbers, no
 * key strings built) and compares the key count with the parsed value's ({@link countKeys}); only a
 * text with a duplicate key or a long/exponent number pays for the exact pass. On a 50 MB response
 * the quick checks cost about a third of the exact pass.
 */
import type { ParseWarning } from '../types';
import { stringClose } from './lex';
import { encodePointer } from './pointer';

const isNumberChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69;

/** The unsafe-number message of a number literal, or null when it is safe (as parseJson words it). */
export function unsafeNumberMessage(raw: string): string | null {
  const value = Number(raw);
  if (Object.is(value, -0)) return `number ${raw} is negative zero (read as -0, exported as 0)`;
  if (Number.isSafeInteger(value)) return null;
  if (!Number.isFinite(value)) return `number ${raw} is out of range (read as ${value}, exported as null)`;
  if (/^-?[0-9]+$/.test(raw)) return `integer ${raw} is beyond 2^53 and is read as ${String(value)}`;
  return null;
}

/** The parameters of {@link unsafeNumberMessage}'s message (`kind`: negative-zero, out-of-range, beyond-2^53). */
export function unsafeNumberParams(raw: string): { kind: string; raw: string; read: string } {
  const value = Number(raw);
  const kind = Object.is(value, -0) ? 'negativeZero' : !Number.isFinite(value) ? 'outOfRange' : 'beyondSafe';
  return { kind, raw, read: String(value) };
}

/** What {@link quickScan} learns about a text in one pass. */
export interface QuickScan {
  /** Offset of the first `[`/`{` nested deeper than the limit, as `checkDepth` finds it (-1: none). */
  deepAt: number;
  /** Number of `:` outside strings: in valid JSON, the number of object members written. */
  members: number;
  /** A number token longer than 15 characters, with an exponent or starting `-0` (it may be beyond 2^53, overflow or be -0). */
  longNumber: boolean;
}

/**
 * One cheap forward pass over `text` (strings skipped with `indexOf`, nothing allocated per token):
 * the depth check, the count of object members and whether any number could be unsafe. Meaningful
 * for valid JSON; `deepAt` matches `checkDepth` on any text.
 */
export function quickScan(text: string, maxDepth: number): QuickScan {
  let depth = 0;
  let members = 0;
  let longNumber = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const close = stringClose(text, i);
      if (close < 0) break;
      i = close;
    } else if (c === 58) {
      members++;
    } else if (c === 123 || c === 91) {
      if (++depth > maxDepth) return { deepAt: i, members, longNumber };
    } else if (c === 125 || c === 93) {
      if (depth > 0) depth--;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      // `-0…` may be negative zero: flagged like a long number, for the exact pass to tell.
      if (c === 45 && text.charCodeAt(i + 1) === 48) longNumber = true;
      let j = i + 1;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (!isNumberChar(d)) break;
        if (d === 101 || d === 69) longNumber = true;
      }
      if (j - i > 15) longNumber = true;
      i = j - 1;
    }
  }
  return { deepAt: -1, members, longNumber };
}

/** Own keys of all objects in `value` (iterative; duplicate keys in the text make this smaller). */
export function countKeys(value: unknown): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const e: unknown = v[i];
        if (e !== null && typeof e === 'object') stack.push(e);
      }
    } else {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      total += keys.length;
      for (let i = 0; i < keys.length; i++) {
        const e = o[keys[i] as string];
        if (e !== null && typeof e === 'object') stack.push(e);
      }
    }
  }
  return total;
}

/** A key token's name (its raw text when the token is not valid JSON: the text is then invalid). */
function keyName(token: string, raw: string): string {
  try {
    return JSON.parse(token) as string;
  } catch {
    return raw;
  }
}

interface Frame {
  array: boolean;
  seen: Set<string> | null;
}

/**
 * Duplicate-key and unsafe-number warnings of `text`, which must be valid JSON without a BOM (the
 * caller has parsed it). Exactly the warnings of the visitor scan, in document order, with the same
 * pointers, offsets, lengths, 1-based lines and columns (`\n`, `\r\n` and a lone `\r` end a line).
 */
export function validJsonWarnings(text: string): ParseWarning[] {
  return warningsAndDepth(text, Infinity).warnings;
}

/**
 * `validJsonWarnings` and `checkDepth` in one pass (parseJson runs it before `JSON.parse`):
 * `deepAt` is the offset of the first `[`/`{` nested deeper than `maxDepth` (-1: none), found exactly
 * as `checkDepth` finds it on any text. The warnings mean something only when the text is valid JSON.
 */
export function warningsAndDepth(
  text: string,
  maxDepth: number,
): { deepAt: number; warnings: ParseWarning[] } {
  const out: ParseWarning[] = [];
  const stack: Frame[] = [];
  const path: Array<string | number> = [];
  let expectKey = false;
  let line = 1;
  let lineStart = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const close = stringClose(text, i);
      // Unterminated (invalid text): no bracket after it counts, as in checkDepth.
      if (close < 0) break;
      const top = stack[stack.length - 1];
      if (expectKey && top && !top.array) {
        const raw = text.slice(i + 1, close);
        const name = raw.includes('\\') ? keyName(text.slice(i, close + 1), raw) : raw;
        path[path.length - 1] = name;
        if (top.seen?.has(name)) {
          out.push({
            code: 'duplicate-key',
            message: `duplicate key ${JSON.stringify(name)}: only its last value is kept`,
            params: { name: JSON.stringify(name) },
            pointer: encodePointer(path),
            offset: i,
            length: close - i + 1,
            line,
            column: i - lineStart + 1,
          });
        } else top.seen?.add(name);
      }
      i = close;
    } else if (c === 10) {
      line++;
      lineStart = i + 1;
    } else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      line++;
      lineStart = i + 1;
    } else if (c === 123) {
      if (stack.length >= maxDepth) return { deepAt: i, warnings: out };
      stack.push({ array: false, seen: new Set() });
      path.push('');
      expectKey = true;
    } else if (c === 91) {
      if (stack.length >= maxDepth) return { deepAt: i, warnings: out };
      stack.push({ array: true, seen: null });
      path.push(0);
      expectKey = false;
    } else if (c === 125 || c === 93) {
      stack.pop();
      path.pop();
      expectKey = false;
    } else if (c === 58) {
      expectKey = false;
    } else if (c === 44) {
      const top = stack[stack.length - 1];
      if (top?.array) path[path.length - 1] = (path[path.length - 1] as number) + 1;
      else expectKey = true;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      let j = i + 1;
      while (j < n && isNumberChar(text.charCodeAt(j))) j++;
      // Up to 15 characters without an exponent cannot leave the safe integers or overflow.
      // So can `-0…` (negative zero, e.g. `-0`, `-0.0`).
      if (j - i > 15 || /[eE]/.test(text.slice(i, j)) || (c === 45 && text.charCodeAt(i + 1) === 48)) {
        const raw = text.slice(i, j);
        const message = unsafeNumberMessage(raw);
        if (message !== null) {
          out.push({
            code: 'unsafe-number',
            message,
            params: unsafeNumberParams(raw),
            pointer: encodePointer(path),
            offset: i,
            length: j - i,
            line,
            column: i - lineStart + 1,
          });
        }
      }
      i = j - 1;
    }
  }
  return { deepAt: -1, warnings: out };
}
