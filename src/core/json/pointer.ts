/**
 * RFC 6901 JSON Pointers: encoding, decoding and lookup by own property only.
 */
import type { JsonValue } from '../types';

const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/;

/** Escapes one reference token: `~` → `~0`, `/` → `~1`. */
export function escapeToken(segment: string | number): string {
  const s = String(segment);
  if (s.indexOf('~') === -1 && s.indexOf('/') === -1) return s;
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Builds a pointer from segments: `['a', 0, 'b/c']` → `/a/0/b~1c`; `[]` → `""` (the root).
 * Numbers are written in decimal. Never throws.
 */
export function encodePointer(segments: Array<string | number>): string {
  let out = '';
  for (const seg of segments) out += '/' + escapeToken(seg);
  return out;
}

/**
 * Splits a pointer into unescaped reference tokens: `/a/0/b~1c` → `['a', '0', 'b/c']`, `""` → `[]`,
 * `"/"` → `['']`. Throws `SyntaxError` for a non-empty pointer not starting with `/` or for a `~`
 * not followed by `0` or `1` (pointers are produced by the program, not typed by users).
 */
export function decodePointer(p: string): string[] {
  if (p === '') return [];
  if (p.charCodeAt(0) !== 47) throw new SyntaxError(`JSON Pointer must start with "/": ${JSON.stringify(p)}`);
  const parts = p.slice(1).split('/');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (part.indexOf('~') === -1) continue;
    if (/~(?![01])/.test(part))
      throw new SyntaxError(`invalid escape "~" in JSON Pointer ${JSON.stringify(p)}`);
    parts[i] = part.replace(/~1/g, '/').replace(/~0/g, '~');
  }
  return parts;
}

/**
 * The value at pointer `p` inside `v`, or `undefined` when any step is missing. Object steps use own
 * properties only (`/__proto__` finds an own `__proto__` key, never the prototype); array steps
 * accept only canonical indices (`0`, `12`, not `01` or `-`). A malformed pointer gives `undefined`.
 */
export function getAt(v: JsonValue, p: string): JsonValue | undefined {
  let segments: string[];
  try {
    segments = decodePointer(p);
  } catch {
    return undefined;
  }
  let cur: JsonValue | undefined = v;
  for (const seg of segments) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (Array.isArray(cur)) {
      if (!ARRAY_INDEX.test(seg)) return undefined;
      cur = cur[Number(seg)];
    } else {
      if (!Object.hasOwn(cur, seg)) return undefined;
      cur = cur[seg];
    }
  }
  return cur;
}

/** Appends escaped segments to an already encoded pointer: `joinPointer('/a', 'b/c', 0)` → `/a/b~1c/0`. */
export function joinPointer(base: string, ...segs: Array<string | number>): string {
  return base + encodePointer(segs);
}
