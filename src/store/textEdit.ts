import { applyEdits, modify, type JSONPath } from 'jsonc-parser';
import { decodePointer, findValueRange, shadowedKeysOnPath, type JsonValue } from '@core';
import { changeBetween, type TextChange } from './history';

/** Indentation of a JSON text: the first indented line decides; 2 spaces when nothing is indented. */
export interface Indentation {
  insertSpaces: boolean;
  tabSize: number;
  eol: string;
}

/** Detects the indentation and line ending a JSON text uses, so edits keep the user's formatting. */
export function detectIndentation(text: string): Indentation {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const m = /\n([ \t]+)\S/.exec(text);
  if (!m || m[1] === undefined) return { insertSpaces: true, tabSize: 2, eol };
  const lead = m[1];
  if (lead.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: Math.min(lead.length, 8), eol };
}

/** Turns a JSON Pointer into jsonc-parser's path, using `doc` to tell array indices from keys. */
export function pointerToPath(doc: JsonValue, pointer: string): { path: JSONPath; insert: boolean } | null {
  const segments = decodePointer(pointer);
  const path: JSONPath = [];
  let node: JsonValue | undefined = doc;
  let insert = false;
  for (const [i, seg] of segments.entries()) {
    if (Array.isArray(node)) {
      const last = i === segments.length - 1;
      if (seg === '-' && last) {
        path.push(node.length);
        insert = true;
        node = undefined;
        continue;
      }
      if (!/^(0|[1-9]\d*)$/.test(seg)) return null;
      const index = Number(seg);
      if (index > node.length) return null;
      if (index === node.length && last) insert = true;
      path.push(index);
      node = node[index];
    } else {
      path.push(seg);
      node = node !== null && typeof node === 'object' ? node[seg] : undefined;
    }
  }
  return { path, insert };
}

/**
 * Applies "set the value at `pointer`" (or remove it, for `undefined`) to `text` as a minimal edit:
 * formatting, key order and untouched number tokens survive. `doc` must be the parsed value of `text`.
 * Returns null when the pointer cannot be addressed (e.g. an index past the end of an array).
 */
export function applyValueAt(
  text: string,
  doc: JsonValue,
  pointer: string,
  value: JsonValue | undefined,
): string | null {
  const indent = detectIndentation(text);
  if (pointer === '') {
    if (value === undefined) return null;
    const body = JSON.stringify(value, null, indent.insertSpaces ? indent.tabSize : '\t');
    return body.split('\n').join(indent.eol) + (text.endsWith('\n') ? indent.eol : '');
  }
  const target = pointerToPath(doc, pointer);
  if (!target) return null;
  const edit = (t: string): string =>
    applyEdits(
      t,
      modify(t, target.path, value, {
        formattingOptions: { insertSpaces: indent.insertSpaces, tabSize: indent.tabSize, eol: indent.eol },
        isArrayInsertion: target.insert,
      }),
    );
  const segments = decodePointer(pointer);
  // Removing a duplicated member removes every member with that key (else an older value comes back):
  // only the keys above the last segment are then renamed, and the edit repeats while one is left.
  const shadowed = shadowedKeysOnPath(text, value === undefined ? segments.slice(0, -1) : segments);
  const last = value === undefined ? shadowedKeysOnPath(text, segments).length - shadowed.length : 0;
  if (shadowed.length === 0 && last === 0) return edit(text);
  // A duplicated key on the path: jsonc-parser addresses the FIRST member, JSON.parse keeps the LAST
  // (issue 12 item 2). The shadowed members' keys are renamed to unique placeholders, so the edit lands
  // on the effective member, then renamed back.
  const probe = JSON.stringify(value) ?? '';
  let base = '\uE000shadowed';
  while (text.includes(base) || probe.includes(base)) base += '\uE000';
  const tokens = shadowed.map((k, n) => ({ token: `"${base}${n}"`, original: text.slice(k.start, k.end) }));
  let masked = text;
  for (let n = shadowed.length - 1; n >= 0; n--) {
    const k = shadowed[n] as { start: number; end: number };
    masked = masked.slice(0, k.start) + (tokens[n]?.token ?? '') + masked.slice(k.end);
  }
  let next = edit(masked);
  for (let n = 0; n < last && findValueRange(next, segments) !== null; n++) next = edit(next);
  for (const { token, original } of tokens) next = next.split(token).join(original);
  return next;
}

/** `doc` with the value at `segments` (which exists) replaced by `value`; other subtrees are shared. */
function withValueAt(doc: JsonValue, segments: string[], value: JsonValue): JsonValue {
  const [seg, ...rest] = segments;
  if (seg === undefined) return value;
  if (Array.isArray(doc)) {
    const copy = doc.slice();
    const i = Number(seg);
    copy[i] = withValueAt(doc[i] ?? null, rest, value);
    return copy;
  }
  if (doc === null || typeof doc !== 'object') return doc;
  const copy = { ...doc };
  // defineProperty: a key named __proto__ is an ordinary own key, as JSON.parse makes it.
  Object.defineProperty(copy, seg, {
    value: withValueAt(doc[seg] ?? null, rest, value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

/**
 * Fast path of `applyValueAt` for the form's commonest write: a scalar (string, boolean, null, a
 * finite number whose JSON has no unsafe-integer warning) replacing an existing scalar. `text` must
 * be valid JSON without duplicate keys or any other parse warning, and `doc` its value. The value is
 * found by a forward scan that skips unrelated values without building a tree, and its token is
 * replaced by `JSON.stringify(value)`: the same text `applyValueAt` gives. The new document is `doc`
 * with that one value replaced (unchanged subtrees are shared), equal to `JSON.parse` of the new
 * text, which therefore needs no re-parse. `change` is the edit as an undo step. Returns null when the
 * fast path does not apply.
 */
export function replaceScalarAt(
  text: string,
  doc: JsonValue,
  pointer: string,
  value: JsonValue | undefined,
): { text: string; doc: JsonValue; change: TextChange } | null {
  if (pointer === '' || value === undefined || (value !== null && typeof value === 'object')) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Object.is(value, -0)) return null;
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) return null;
  }
  let segments: string[];
  try {
    segments = decodePointer(pointer);
  } catch {
    return null;
  }
  // Unique keys are this function's precondition (the caller checks the parse had no warning).
  const range = findValueRange(text, segments, true);
  if (!range) return null;
  const { start, end } = range;
  const first = text.charCodeAt(start);
  if (first === 123 || first === 91) return null;
  const inserted = JSON.stringify(value);
  const next = text.slice(0, start) + inserted + text.slice(end);
  // The undo step: a token for a token (a copy, so the history does not keep `text` alive).
  const change = changeBetween(text.slice(start, end), inserted);
  change.start += start;
  return { text: next, doc: withValueAt(doc, segments, value), change };
}
