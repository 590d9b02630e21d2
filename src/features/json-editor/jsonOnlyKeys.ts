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
  // All schemas that apply to a value are considered together (allOf, then/else, several matches).
  const walk = (value: JsonValue, schemas: Schema[], pointer: string): void => {
    if (out.length >= limit) return;
    const all = schemas.flatMap((s) => branches(s, schema));
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
      const subs = schemasForKey(all, key);
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
