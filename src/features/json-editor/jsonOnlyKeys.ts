import type { JsonValue } from '@core';

type Schema = Record<string, unknown>;
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const esc = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

function resolveRef(schema: Schema, root: Schema, seen: Set<string>): Schema {
  let s = schema;
  while (typeof s.$ref === 'string' && s.$ref.startsWith('#') && !seen.has(s.$ref)) {
    seen.add(s.$ref);
    let node: unknown = root;
    for (const part of s.$ref.slice(1).split('/').filter(Boolean)) {
      node = isObj(node) ? node[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    }
    if (!isObj(node)) break;
    s = node;
  }
  return s;
}

/**
 * Results of {@link branches} and {@link schemasForKey} per root schema (the spec's schema is one
 * constant object, so a walk over 2,000 user inputs resolves each subschema once, not per value).
 */
interface Memo {
  branches: WeakMap<Schema, Schema[]>;
  keys: WeakMap<Schema[], Map<string, Schema[] | null>>;
}
const memos = new WeakMap<Schema, Memo>();
/** Keys remembered per schema list before its memo is cleared (free-form maps may have many). */
const KEY_MEMO_LIMIT = 10_000;
const memoFor = (root: Schema): Memo => {
  let m = memos.get(root);
  if (!m) memos.set(root, (m = { branches: new WeakMap(), keys: new WeakMap() }));
  return m;
};

/** {@link branches} of a top-level subschema, memoised per root (the result is never mutated). */
function branchesOf(schema: Schema, memo: Memo, root: Schema): Schema[] {
  let out = memo.branches.get(schema);
  if (!out) memo.branches.set(schema, (out = branches(schema, root)));
  return out;
}

/** {@link schemasForKey} memoised per `all` list (a list from {@link branchesOf} is the same object). */
function schemasForKeyOf(all: Schema[], key: string, memo: Memo): Schema[] | null {
  let byKey = memo.keys.get(all);
  if (!byKey) memo.keys.set(all, (byKey = new Map()));
  else if (byKey.size >= KEY_MEMO_LIMIT && !byKey.has(key)) byKey.clear();
  if (byKey.has(key)) return byKey.get(key) ?? null;
  const found = schemasForKey(all, key);
  byKey.set(key, found);
  return found;
}

/** The schema itself plus every branch of allOf/anyOf/oneOf/then/else, refs resolved. */
function branches(schema: Schema, root: Schema, depth = 0): Schema[] {
  const s = resolveRef(schema, root, new Set());
  const out = [s];
  if (depth > 8) return out;
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = s[key];
    if (Array.isArray(list)) for (const b of list) if (isObj(b)) out.push(...branches(b, root, depth + 1));
  }
  for (const key of ['then', 'else']) {
    const b = s[key];
    if (isObj(b)) out.push(...branches(b, root, depth + 1));
  }
  return out;
}

/** The subschemas that apply to `key` of an object described by `all`; null when the key is undeclared. */
function schemasForKey(all: Schema[], key: string): Schema[] | null {
  const found: Schema[] = [];
  let declared = false;
  for (const s of all) {
    const props = s.properties;
    if (isObj(props) && Object.hasOwn(props, key)) {
      declared = true;
      const p = props[key];
      if (isObj(p)) found.push(p);
    }
    const patterns = s.patternProperties;
    if (isObj(patterns)) {
      for (const [re, p] of Object.entries(patterns)) {
        let matches: boolean;
        try {
          matches = new RegExp(re, 'u').test(key);
        } catch {
          matches = false;
        }
        if (matches) {
          declared = true;
          if (isObj(p)) found.push(p);
        }
      }
    }
  }
  if (declared) return found;
  for (const s of all) {
    if (isObj(s.additionalProperties)) return [s.additionalProperties];
  }
  return null;
}

/**
 * Pointers of the keys in `doc` that the schema does not declare (not in `properties`,
 * `patternProperties` or a schema-valued `additionalProperties`): fields the forms do not show, so
 * they are edited only in JSON. Only objects whose schema declares `properties` are checked; free-form
 * parts (no `properties`) are never reported. At most `limit` pointers are returned, in document order.
 */
export function findJsonOnlyKeys(doc: JsonValue, schema: Schema, limit = 50): string[] {
  const out: string[] = [];
  const memo = memoFor(schema);
  // All schemas that apply to a value are considered together (allOf, then/else, several matches).
  const walk = (value: JsonValue, schemas: Schema[], pointer: string): void => {
    if (out.length >= limit) return;
    const first = schemas[0];
    const all =
      schemas.length === 1 && first
        ? branchesOf(first, memo, schema)
        : schemas.flatMap((s) => branchesOf(s, memo, schema));
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        const subs: Schema[] = [];
        for (const b of all) {
          const item: unknown = Array.isArray(b.items) ? b.items[i] : b.items;
          if (isObj(item)) subs.push(item);
        }
        if (subs.length) walk(v, subs, `${pointer}/${i}`);
      });
      return;
    }
    if (!isObj(value)) return;
    const checks = all.some((b) => isObj(b.properties));
    for (const [key, v] of Object.entries(value)) {
      const subs = schemasForKeyOf(all, key, memo);
      if (subs === null) {
        if (checks) out.push(`${pointer}/${esc(key)}`);
        if (out.length >= limit) return;
        continue;
      }
      if (subs.length) walk(v, subs, `${pointer}/${esc(key)}`);
    }
  };
  walk(doc, [schema], '');
  return [...new Set(out)];
}
