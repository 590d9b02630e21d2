/**
 * Mapping between JSON Pointers and places in a JSON text, for editors that highlight a diagnostic
 * or show which value the cursor is in.
 */
import { findNodeAtOffset, parseTree, type Node } from 'jsonc-parser';
import { checkDepth, MAX_JSON_DEPTH } from './parseJson';
import { decodePointer, encodePointer } from './pointer';
import { positionAt } from './position';

export { positionAt } from './position';

/** The last text parsed and its tree: callers locate many pointers in one text (read-only use). */
let lastTree: { text: string; tree: Node | null } | null = null;

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
  return tree;
}

/**
 * The text range of the value at `pointer` (for an object member, the member's value; for a
 * duplicated key, the last occurrence, which is the one `JSON.parse` keeps), with the 1-based line
 * and column of its start. Tolerates broken text as far as jsonc-parser can recover. Returns `null`
 * when the pointer is malformed or names nothing in the text.
 */
export function locatePointer(
  text: string,
  pointer: string,
): { offset: number; length: number; line: number; column: number } | null {
  let segments: string[];
  try {
    segments = decodePointer(pointer);
  } catch {
    return null;
  }
  let node: Node | undefined = treeOf(text) ?? undefined;
  for (const seg of segments) {
    if (!node) return null;
    if (node.type === 'object') {
      let found: Node | undefined;
      for (const prop of node.children ?? []) {
        if (prop.children?.[0]?.value === seg) found = prop.children[1];
      }
      node = found;
    } else if (node.type === 'array') {
      node = /^(0|[1-9][0-9]*)$/.test(seg) ? node.children?.[Number(seg)] : undefined;
    } else {
      return null;
    }
  }
  if (!node) return null;
  const pos = positionAt(text, node.offset);
  return { offset: node.offset, length: node.length, line: pos.line, column: pos.column };
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
