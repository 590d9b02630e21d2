/**
 * Mapping between JSON Pointers and places in a JSON text, for editors that highlight a diagnostic
 * or show which value the cursor is in.
 */
import { findNodeAtOffset, parseTree, type Node } from 'jsonc-parser';
import { checkDepth, MAX_JSON_DEPTH } from './parseJson';
import { decodePointer, encodePointer } from './pointer';
import { lineIndex } from './position';
import { scanPointers } from './scanPointers';
import type { TextPosition } from '../types';
export { lineIndex, positionAt } from './position';

/** The last text parsed and its tree: callers locate many pointers in one text (read-only use). */
let lastTree: { text: string; tree: Node | null } | null = null;
/** Positions in `lastLines.text` through its line-start index (built on first use). */
let lastLines: { text: string; at: (offset: number) => TextPosition } | null = null;
/** Member lookup of large objects of the last tree: key → value node of its last occurrence. */
let members = new WeakMap<Node, Map<string, Node | undefined>>();
/** Objects with more members than this get a lookup map (2,000 user inputs × 2,000 diagnostics). */
const MEMBER_MAP_ABOVE = 16;

/** `positionAt` for offsets in `text`, through a line-start index cached for the last text. */
function linesOf(text: string): (offset: number) => TextPosition {
  if (lastLines === null || lastLines.text !== text) lastLines = { text, at: lineIndex(text) };
  return lastLines.at;
}

/** The value node of member `key` of an object node (the last occurrence of a duplicated key). */
function memberOf(node: Node, key: string): Node | undefined {
  const children = node.children ?? [];
  if (children.length <= MEMBER_MAP_ABOVE) {
    let found: Node | undefined;
    for (const prop of children) {
      if (prop.children?.[0]?.value === key) found = prop.children[1];
    }
    return found;
  }
  let map = members.get(node);
  if (!map) {
    map = new Map();
    for (const prop of children) {
      const k: unknown = prop.children?.[0]?.value;
      if (typeof k === 'string') map.set(k, prop.children?.[1]);
    }
    members.set(node, map);
  }
  return map.get(key);
}

/**
 * Lenient tree of `text` (comments and trailing commas tolerated), or null when too deep or empty.
 * Memoised for the last text: one parse per text, not one per pointer (5 MB specs, BAD-INPUTS A9).
 */
function treeOf(text: string): Node | null {
  if (lastTree !== null && lastTree.text === text) return lastTree.tree;
  const tree = checkDepth(text, MAX_JSON_DEPTH * 4)
    ? null
    : (parseTree(text, [], { allowTrailingComma: true, disallowComments: false }) ?? null);
  lastTree = { text, tree };
  members = new WeakMap();
  return tree;
}

/** Where a value is in a text: its range, and the 1-based line and column of its start. */
export interface TextLocation {
  offset: number;
  length: number;
  line: number;
  column: number;
}

/**
 * The text range of the value at `pointer` (for an object member, the member's value; for a
 * duplicated key, the last occurrence, which is the one `JSON.parse` keeps), with the 1-based line
 * and column of its start. Tolerates broken text as far as jsonc-parser can recover. Returns `null`
 * when the pointer is malformed or names nothing in the text.
 */
export function locatePointer(text: string, pointer: string): TextLocation | null {
  return locateIn(text, treeOf(text), pointer, (offset) => linesOf(text)(offset));
}

/** The location of `pointer` in `text`, given its tree and a position function. */
function locateIn(
  text: string,
  root: Node | null,
  pointer: string,
  position: (offset: number) => TextPosition,
): TextLocation | null {
  let segments: string[];
  try {
    segments = decodePointer(pointer);
  } catch {
    return null;
  }
  let node: Node | undefined = root ?? undefined;
  for (const seg of segments) {
    if (!node) return null;
    if (node.type === 'object') {
      node = memberOf(node, seg);
    } else if (node.type === 'array') {
      node = /^(0|[1-9][0-9]*)$/.test(seg) ? node.children?.[Number(seg)] : undefined;
    } else {
      return null;
    }
  }
  if (!node) return null;
  const pos = position(Math.max(0, Math.min(Math.trunc(node.offset) || 0, text.length)));
  return { offset: node.offset, length: node.length, line: pos.line, column: pos.column };
}

/**
 * `locatePointer` for many pointers in one text, in one pass over it: valid JSON is scanned once along
 * a trie of the pointers (`scanPointers`: no tree built), other text is parsed once leniently; the
 * line starts are indexed once, then each position costs O(log lines). Same answers as
 * `locatePointer` (the last member of a duplicated key), in the order of `pointers`.
 */
export function locatePointers(text: string, pointers: readonly string[]): Array<TextLocation | null> {
  const ranges = scanPointers(text, pointers);
  if (ranges) {
    const at = linesOf(text);
    return ranges.map((r) => {
      if (!r) return null;
      const { line, column } = at(r.offset);
      return { offset: r.offset, length: r.length, line, column };
    });
  }
  const root = treeOf(text);
  const at = linesOf(text);
  return pointers.map((p) => locateIn(text, root, p, at));
}

/**
 * The pointer of the innermost value containing `offset` (a cursor inside a key counts as inside
 * that member's value). Returns `null` when the offset is outside every value (e.g. in leading
 * whitespace) or the text has no JSON value.
 */
export function pointerAtOffset(text: string, offset: number): string | null {
  const root = treeOf(text);
  if (!root) return null;
  let node: Node | undefined = findNodeAtOffset(root, offset, true);
  if (!node) return null;
  if (node.parent?.type === 'property') node = node.parent;
  const segments: Array<string | number> = [];
  while (node && node !== root) {
    const parent: Node | undefined = node.parent;
    if (node.type === 'property') {
      segments.push(String(node.children?.[0]?.value));
    } else if (parent?.type === 'array') {
      segments.push(parent.children?.indexOf(node) ?? 0);
    }
    node = parent;
  }
  return encodePointer(segments.reverse());
}
