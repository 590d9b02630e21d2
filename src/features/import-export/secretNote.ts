import type { JsonValue } from '@core';

const isObject = (v: JsonValue | undefined): v is { [k: string]: JsonValue } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Pointers of secret values written into a spec: `default`, `const`, `examples` or `enum` of a
 * property whose schema says `format: password` (BAD-INPUTS B10), in `authSpec[i].spec` and
 * `sourceSpec.spec`. Walks at most 64 levels deep (deeper schemas are refused elsewhere).
 */
export function secretValuePointers(doc: JsonValue): string[] {
  const out: string[] = [];
  const walk = (node: JsonValue | undefined, at: string, depth: number): void => {
    if (depth > 64 || !isObject(node)) return;
    if (node['format'] === 'password')
      for (const k of ['default', 'const', 'examples', 'enum'])
        if (Object.hasOwn(node, k) && node[k] !== '' && node[k] !== null) out.push(`${at}/${k}`);
    for (const [k, v] of Object.entries(node))
      if (typeof v === 'object' && v !== null)
        walk(v, `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth + 1);
  };
  if (!isObject(doc)) return out;
  const auth = doc['authSpec'];
  if (Array.isArray(auth))
    auth.forEach((a, i) => walk(isObject(a) ? a['spec'] : undefined, `/authSpec/${i}/spec`, 0));
  const source = doc['sourceSpec'];
  walk(isObject(source) ? source['spec'] : undefined, '/sourceSpec/spec', 0);
  return out;
}

/** The suffix of an export confirmation when the spec carries secret values; '' otherwise. */
export function secretNote(doc: JsonValue): string {
  const found = secretValuePointers(doc);
  if (found.length === 0) return '';
  return ` Warning: it contains ${found.length === 1 ? 'a secret value' : `${found.length} secret values`} (${found.slice(0, 3).join(', ')}${found.length > 3 ? ', …' : ''}); remove them before sharing the file.`;
}
