import { applyEdits, modify, type JSONPath } from 'jsonc-parser';
import { decodePointer, type JsonValue } from '@core';

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
  const edits = modify(text, target.path, value, {
    formattingOptions: { insertSpaces: indent.insertSpaces, tabSize: indent.tabSize, eol: indent.eol },
    isArrayInsertion: target.insert,
  });
  return applyEdits(text, edits);
}
