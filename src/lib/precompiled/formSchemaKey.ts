/**
 * How a section form's JSON Schema maps to its precompiled validators (shared by the generator,
 * scripts/gen-validators.mjs, and the run-time validator, ../sectionFormValidator).
 *
 * A section form's schema is built at run time from its field list (a flat object of strings and
 * booleans, some limited to an enum, with titles and help from the core's section schema), and which
 * fields it holds depends on the document. So validators are precompiled per *property* schema, stripped
 * of annotations, which never change what is valid: the handful of distinct property shapes, plus the
 * object root. A form's validator is the conjunction of its properties' validators.
 */
import { hashForSchema, type RJSFSchema } from '@rjsf/utils';

/** Keywords that describe a value without constraining it (JSON Schema's annotations, and $id). */
const ANNOTATIONS = new Set([
  '$id',
  '$schema',
  '$comment',
  'title',
  'description',
  'default',
  'examples',
  'readOnly',
  'writeOnly',
  'deprecated',
]);

/** `schema` without its annotation keywords, at every level (what a validator of it depends on). */
export function validationPart(schema: RJSFSchema): RJSFSchema {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== 'object' || v === null) return v;
    const out: Record<string, unknown> = {};
    for (const [k, child] of Object.entries(v)) {
      if (ANNOTATIONS.has(k)) continue;
      // `enum` and `const` hold data; `properties` maps names (data) to schemas.
      if (k === 'enum' || k === 'const') out[k] = child;
      else if (k === 'properties' && typeof child === 'object' && child !== null)
        out[k] = Object.fromEntries(Object.entries(child).map(([name, s]) => [name, walk(s)]));
      else out[k] = walk(child);
    }
    return out;
  };
  return walk(schema) as RJSFSchema;
}

/** The export name of the precompiled validator of `schema`'s validation part (a JS identifier). */
export function precompiledName(schema: RJSFSchema): string {
  return `v_${hashForSchema(validationPart(schema)).replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** The root every flat section form shares: an object (its properties are checked one by one). */
export const FORM_ROOT: RJSFSchema = { type: 'object' };
