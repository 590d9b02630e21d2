/**
 * Locating many JSON Pointers in a valid JSON text in one forward pass: the pointers become a trie,
 * the scan follows it and skips every value no pointer enters (strings by `indexOf`), so n pointers in
 * a text of s characters cost O(s + total pointer length), with no tree built (issue 12: 100,000
 * diagnostics in a 14 MB spec).
 */
import { skipSpace, stringClose, valueEnd } from './lex';
import { MAX_JSON_DEPTH } from './parseJson';
import { decodePointer } from './pointer';

/** A value's range in a text: offset of its first character and its length. */
export interface ValueRange {
  offset: number;
  length: number;
}

interface Trie {
  children: Map<string, Trie> | null;
  /** Indexes (in the caller's list) of the pointers that end here. */
  targets: number[];
  /** Walked already: a later duplicate key walks it again, after forgetting what the first found. */
  seen: boolean;
}

const trie = (): Trie => ({ children: null, targets: [], seen: false });

/** Forgets what a walk of `t` found (a later member with the same key is the one that counts). */
function forget(t: Trie, out: Array<ValueRange | null>): void {
  t.seen = false;
  for (const k of t.targets) out[k] = null;
  if (t.children) for (const c of t.children.values()) forget(c, out);
}

/**
 * Walks the value at `i` along `t`; records the ranges of the pointers ending there and below.
 * Returns the index just after the value, or -1 when the text is not valid JSON as promised.
 */
function walk(text: string, i: number, t: Trie, out: Array<ValueRange | null>, depth: number): number {
  if (depth > MAX_JSON_DEPTH * 4) return -1;
  if (t.seen) forget(t, out);
  t.seen = true;
  const open = text.charCodeAt(i);
  let end: number;
  if (!t.children || (open !== 123 && open !== 91)) {
    end = valueEnd(text, i);
    if (end <= i) return -1;
  } else {
    const children = t.children;
    const close = open === 123 ? 125 : 93;
    let j = skipSpace(text, i + 1);
    let n = 0;
    if (text.charCodeAt(j) !== close) {
      for (; ; n++) {
        let child: Trie | undefined;
        if (open === 123) {
          if (text.charCodeAt(j) !== 34) return -1;
          const q = stringClose(text, j);
          if (q < 0) return -1;
          const raw = text.slice(j + 1, q);
          child = children.get(raw.includes('\\') ? (JSON.parse(text.slice(j, q + 1)) as string) : raw);
          j = skipSpace(text, q + 1);
          if (text.charCodeAt(j) !== 58) return -1;
          j = skipSpace(text, j + 1);
        } else child = children.get(String(n));
        const e = child ? walk(text, j, child, out, depth + 1) : valueEnd(text, j);
        if (e <= j) return -1;
        j = skipSpace(text, e);
        const c = text.charCodeAt(j);
        if (c === close) break;
        if (c !== 44) return -1;
        j = skipSpace(text, j + 1);
      }
    }
    end = j + 1;
  }
  for (const k of t.targets) out[k] = { offset: i, length: end - i };
  return end;
}

/**
 * The range of the value at each of `pointers` in valid JSON `text`, in one forward scan (see the
 * module comment): null for a pointer that is malformed or names nothing; for a duplicated key, the
 * LAST member (the one `JSON.parse` keeps). Returns null when the text turns out not to be valid JSON
 * (the caller then uses a lenient parser).
 */
export function scanPointers(text: string, pointers: readonly string[]): Array<ValueRange | null> | null {
  const root = trie();
  const out: Array<ValueRange | null> = pointers.map(() => null);
  pointers.forEach((pointer, k) => {
    let segments: string[];
    try {
      segments = decodePointer(pointer);
    } catch {
      return;
    }
    let t = root;
    for (const seg of segments) {
      t.children ??= new Map();
      let c = t.children.get(seg);
      if (!c) t.children.set(seg, (c = trie()));
      t = c;
    }
    t.targets.push(k);
  });
  const start = skipSpace(text, 0);
  if (start >= text.length) return null;
  return walk(text, start, root, out, 0) < 0 ? null : out;
}
