/**
 * Secret values written into a spec (BAD-INPUTS B10, SEMANTICS §7): found in the parsed document and
 * blanked in the text, so that a copy kept in storage or shared does not carry them.
 */
import { applyEdits, parseTree, type Edit, type Node } from 'jsonc-parser';
import { checkDepth, MAX_JSON_DEPTH } from '../json/parseJson';
import { decodePointer, escapeToken } from '../json/pointer';
import type { JsonValue } from '../types';

/** The keys of a `format: password` schema that hold a value. */
const SECRET_KEYS = ['default', 'const', 'examples', 'enum'] as const;
/** Deeper schemas are refused elsewhere; the walk stops there. */
const MAX_WALK_DEPTH = 64;

const isObject = (v: JsonValue | undefined): v is { [k: string]: JsonValue } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `""`, `null` and `[]` hold no secret (they are what redaction leaves). */
const isBlank = (v: JsonValue | undefined): boolean =>
  v === '' || v === null || (Array.isArray(v) && v.length === 0);

/**
 * Pointers of the secret values written into a spec: `default`, `const`, `examples` or `enum` of a
 * property whose schema says `format: password`, inside `authSpec[i].spec` and `sourceSpec.spec`, in
 * document order (auth specs first). An empty string, `null` or an empty list is not a secret and is not listed.
 * Walks at most 64 levels deep into each schema; a document that is not an object gives `[]`. Never
 * throws.
 */
export function secretValuePointers(doc: JsonValue): string[] {
  const out: string[] = [];
  const walk = (node: JsonValue | undefined, at: string, depth: number): void => {
    if (depth > MAX_WALK_DEPTH || !isObject(node)) return;
    if (node['format'] === 'password')
      for (const k of SECRET_KEYS) if (Object.hasOwn(node, k) && !isBlank(node[k])) out.push(`${at}/${k}`);
    for (const [k, v] of Object.entries(node))
      if (typeof v === 'object' && v !== null) walk(v, `${at}/${escapeToken(k)}`, depth + 1);
  };
  if (!isObject(doc)) return out;
  const auth = doc['authSpec'];
  if (Array.isArray(auth))
    auth.forEach((a, i) => walk(isObject(a) ? a['spec'] : undefined, `/authSpec/${i}/spec`, 0));
  const source = doc['sourceSpec'];
  walk(isObject(source) ? source['spec'] : undefined, '/sourceSpec/spec', 0);
  return out;
}

/** The value a redacted key is given: `[]` for the list keys, `""` for the others. */
const blankFor = (key: string): string => (key === 'examples' || key === 'enum' ? '[]' : '""');

/** The object members named `key` (all of them: a duplicated key holds a value in each). */
const membersNamed = (obj: Node, key: string): Node[] =>
  (obj.children ?? []).filter((p) => p.type === 'property' && p.children?.[0]?.value === key);

/**
 * The node holding the object at `segments` (the last occurrence of a duplicated key, the one
 * `JSON.parse` keeps; canonical indices only in arrays), or undefined when the text has no such place.
 */
function containerAt(root: Node, segments: readonly string[]): Node | undefined {
  let cur: Node | undefined = root;
  for (const seg of segments) {
    if (cur === undefined) return undefined;
    if (cur.type === 'array') {
      cur = /^(0|[1-9][0-9]*)$/.test(seg) ? cur.children?.[Number(seg)] : undefined;
    } else if (cur.type === 'object') {
      cur = membersNamed(cur, seg).at(-1)?.children?.[1];
    } else return undefined;
  }
  return cur?.type === 'object' ? cur : undefined;
}

/**
 * `text` with the value at each of `pointers` replaced: by `""` when the pointer ends in `default` or
 * `const` (or any other key), by `[]` when it ends in `examples` or `enum`. Only those values change
 * (one minimal edit each; spacing, comments and key order are kept); every occurrence of a duplicated
 * key is blanked, since each holds the secret in the text. Pointers that are malformed or name nothing
 * in the text are skipped; an empty list, an empty text or one nested too deeply to walk safely is
 * returned unchanged. Tolerates comments and trailing commas. Never throws.
 */
export function redactSecrets(text: string, pointers: readonly string[]): string {
  if (pointers.length === 0 || text === '' || checkDepth(text, MAX_JSON_DEPTH * 4)) return text;
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (!root) return text;
  const edits: Edit[] = [];
  const seen = new Set<number>();
  for (const pointer of pointers) {
    let segments: string[];
    try {
      segments = decodePointer(pointer);
    } catch {
      continue;
    }
    const key = segments.pop();
    if (key === undefined) continue;
    const obj = containerAt(root, segments);
    if (!obj) continue;
    for (const member of membersNamed(obj, key)) {
      const value = member.children?.[1];
      if (!value || seen.has(value.offset)) continue;
      seen.add(value.offset);
      edits.push({ offset: value.offset, length: value.length, content: blankFor(key) });
    }
  }
  return edits.length === 0 ? text : applyEdits(text, edits);
}
