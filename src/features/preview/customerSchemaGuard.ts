/**
 * Makes a user-supplied schema (authSpec[i].spec, sourceSpec.spec) safe to hand to rjsf in the
 * customer view (BAD-INPUTS B3–B7). The spec is never changed: a prepared copy is built in which
 * - local `$ref`s (`#…`) are inlined; a recursive one (`#`, A→B→A) becomes a read-only placeholder
 *   field, so rendering is depth-capped and never hangs (rjsf #3907, #1160);
 * - a non-local `$ref` (`https://…`, `file:///…`) becomes a placeholder reported as unresolved:
 *   nothing is ever fetched;
 * - a `pattern` or `patternProperties` regex that is invalid under the `u` flag or that the
 *   linear-time engine cannot run (backreference, lookaround, too large) is left out of the copy
 *   and reported (see ./patternScreen); every other pattern is kept and checked in linear time;
 * - `examples` of a `format: password` property are left out (a datalist would show them in clear);
 * - a schema too large for a form (too many properties, enum values, nodes or nesting levels) is not
 *   rendered at all: the view says so and points to the JSON editor;
 * - what rjsf would render as rows is bounded: a `minItems` is lowered so that nested arrays make at
 *   most `rows` rows together, and a `default` or `examples` value larger than `defaultValues` is
 *   left out; each time with a notice naming the pointer and the numbers.
 */
import type { JsonObject, JsonValue } from '@core';
import { t } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { screenPattern } from './patternScreen';

/** Limits of the customer form view. */
export const CUSTOMER_FORM_LIMITS = {
  /**
   * Properties over the whole form. rjsf renders every one at once: 2,000 (a large partner spec)
   * render and take keystrokes within the UI targets (bench:ui step j); beyond this the view says so.
   */
  properties: 2_500,
  /** Values of one `enum` (a native select of more is unusable). */
  enumValues: 1_000,
  /** Schema objects in the prepared copy (guards against exponential `$ref` inlining). */
  nodes: 20_000,
  /** Nesting of schema objects. */
  depth: 32,
  /**
   * Array rows rjsf creates from `minItems` (multiplied along nested arrays). rjsf fills an array up to
   * its minItems on render: `minItems: 10000` froze the view 5 s, `100000000` ran out of memory.
   * Showing the view with 20 rows: longest task ~110 ms; with 50 rows ~300 ms (Chromium, this machine).
   */
  rows: 20,
  /** JSON values (array items, object members, scalars) in one `default` or `examples` value. */
  defaultValues: 1_000,
} as const;

/** The result of {@link prepareCustomerSchema}. */
export interface PreparedSchema {
  /** The copy to render, or null when the form is not shown (see `problem`). */
  schema: JsonObject | null;
  /** Why no form is shown ("too large for the form view …"), or null. */
  problem: string | null;
  /** What was replaced or left out, one sentence each, with its pointer in the spec. */
  notices: string[];
}

/** Keywords whose value is one subschema. */
const ONE = [
  'additionalProperties',
  'items',
  'additionalItems',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'propertyNames',
];
/** Keywords whose value is an array of subschemas. */
const MANY = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'];
/** Keywords whose value maps names to subschemas. */
const MAP = ['properties', 'patternProperties', 'dependentSchemas', 'dependencies'];
/** Keywords dropped from the copy (all local refs are inlined; ids would re-base refs). */
const DROP = new Set(['$ref', 'definitions', '$defs', '$id', 'id']);

class TooLarge extends Error {}

/** Whether `value` holds more than `max` JSON values (stops counting past `max`, so cheap on huge ones). */
function moreValuesThan(value: JsonValue, max: number): boolean {
  let count = 0;
  const stack: JsonValue[] = [value];
  while (stack.length > 0) {
    const v = stack.pop() as JsonValue;
    if (++count > max) return true;
    if (Array.isArray(v)) {
      if (count + v.length > max) return true;
      for (const x of v) stack.push(x);
    } else if (typeof v === 'object' && v !== null) {
      const vals = Object.values(v);
      if (count + vals.length > max) return true;
      for (const x of vals) stack.push(x);
    }
  }
  return false;
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

function put(o: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(o, key, { value, enumerable: true, configurable: true, writable: true });
}

/** The value at a local ref (`#`, `#/definitions/a`), or undefined. */
function resolveLocal(root: JsonValue, ref: string): JsonValue | undefined {
  let frag: string;
  try {
    frag = decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
  if (frag === '') return root;
  if (!frag.startsWith('/')) return undefined;
  let cur: JsonValue | undefined = root;
  for (const raw of frag.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) cur = /^\d+$/.test(seg) ? cur[Number(seg)] : undefined;
    else if (isObject(cur) && Object.hasOwn(cur, seg)) cur = cur[seg];
    else return undefined;
  }
  return cur;
}

/**
 * A copy of `schema` safe for rjsf, with notices; `pointer` is where the schema sits in the spec
 * (used in messages). Never throws; never reads anything but `schema`.
 */
export function prepareCustomerSchema(schema: JsonObject, pointer: string): PreparedSchema {
  const notices: string[] = [];
  let nodes = 0;
  let properties = 0;
  const placeholder = (title: JsonValue | undefined, why: string): JsonObject => ({
    type: 'string',
    readOnly: true,
    title: typeof title === 'string' ? title : t('run.guard.notShown'),
    description: why,
  });

  const { rows: maxRows, defaultValues } = CUSTOMER_FORM_LIMITS;
  /** `rows`: rows each instance of `node` already stands for (the product of the enclosing minItems). */
  const walk = (node: JsonValue, at: string, refs: readonly string[], depth: number, rows = 1): JsonValue => {
    if (!isObject(node)) return typeof node === 'boolean' ? node : {};
    if (depth > CUSTOMER_FORM_LIMITS.depth)
      throw new TooLarge(t('run.guard.tooDeep', { depth: CUSTOMER_FORM_LIMITS.depth, at }));
    if (++nodes > CUSTOMER_FORM_LIMITS.nodes)
      throw new TooLarge(t('run.guard.tooManyNodes', { nodes: CUSTOMER_FORM_LIMITS.nodes }));
    const out: JsonObject = {};
    const ref = node['$ref'];
    if (typeof ref === 'string') {
      const target = ref.startsWith('#') ? resolveLocal(schema, ref) : undefined;
      let why: string | null = null;
      if (!ref.startsWith('#')) why = t('run.guard.refRemote', { ref, at });
      else if (refs.includes(ref)) why = t('run.guard.refRecursive', { ref, at });
      else if (target === undefined) {
        // Left for rjsf, whose error names the missing definition (shown by FormErrorBoundary).
        put(out, '$ref', ref);
        return out;
      }
      if (why !== null) {
        notices.push(why.charAt(0).toUpperCase() + why.slice(1));
        return placeholder(node['title'], why);
      }
      const inlined = walk(target as JsonValue, `${pointer}${ref.slice(1)}`, [...refs, ref], depth + 1, rows);
      if (isObject(inlined)) for (const [k, v] of Object.entries(inlined)) put(out, k, v);
    }
    // Rows each item of this array stands for: its own minItems (lowered to fit) times `rows`.
    let itemRows = rows;
    let lowered = false;
    const minItems = node['minItems'];
    if (typeof minItems === 'number' && minItems > 0) {
      const allowed = Math.max(0, Math.floor(maxRows / rows));
      if (minItems > allowed) {
        notices.push(
          t('run.guard.minItemsLowered', {
            minItems: formatNumber(minItems),
            at,
            allowed: formatNumber(allowed),
            max: maxRows,
          }),
        );
        put(out, 'minItems', allowed);
        lowered = true;
      }
      itemRows = rows * Math.max(1, Math.min(minItems, allowed));
    }
    for (const [key, value] of Object.entries(node)) {
      const here = `${at}/${esc(key)}`;
      if (DROP.has(key) || (key === 'minItems' && lowered)) continue;
      // A default inside array rows is rendered once per row: the budget is shared by those rows.
      const budget = Math.max(1, Math.floor(defaultValues / rows));
      if ((key === 'default' || key === 'examples') && moreValuesThan(value, budget)) {
        notices.push(
          rows > 1
            ? t('run.guard.defaultTooLargeRows', { key, here, budget, rows })
            : t('run.guard.defaultTooLarge', { key, here, budget }),
        );
        continue;
      }
      // A secret’s examples would be listed in a <datalist> in clear text (B10): never shown.
      if (key === 'examples' && node['format'] === 'password') continue;
      if (key === 'pattern' && typeof value === 'string') {
        const why = screenPattern(value);
        if (why) notices.push(t('run.guard.patternSkipped', { here, why }));
        else put(out, key, value);
      } else if (key === 'enum' && Array.isArray(value) && value.length > CUSTOMER_FORM_LIMITS.enumValues) {
        throw new TooLarge(t('run.guard.bigEnum', { here, count: value.length }));
      } else if (MAP.includes(key) && isObject(value)) {
        const map: JsonObject = {};
        if (key === 'properties') properties += Object.keys(value).length;
        if (properties > CUSTOMER_FORM_LIMITS.properties)
          throw new TooLarge(
            t('run.guard.tooManyProperties', {
              count: properties,
              max: formatNumber(CUSTOMER_FORM_LIMITS.properties),
            }),
          );
        for (const [name, sub] of Object.entries(value)) {
          const why = key === 'patternProperties' ? screenPattern(name) : null;
          if (why) notices.push(t('run.guard.patternKeySkipped', { name: JSON.stringify(name), here, why }));
          else
            put(
              map,
              name,
              Array.isArray(sub) ? sub : walk(sub, `${here}/${esc(name)}`, refs, depth + 1, rows),
            );
        }
        put(out, key, map);
      } else if (MANY.includes(key) && Array.isArray(value)) {
        put(
          out,
          key,
          value.map((v, i) => walk(v, `${here}/${i}`, refs, depth + 1, key === 'items' ? itemRows : rows)),
        );
      } else if (ONE.includes(key)) {
        const inner = key === 'items' || key === 'additionalItems' || key === 'contains' ? itemRows : rows;
        put(out, key, walk(value, here, refs, depth + 1, inner));
      } else put(out, key, value);
    }
    return out;
  };

  try {
    const copy = walk(schema, pointer, [], 0);
    return { schema: isObject(copy) ? copy : {}, problem: null, notices };
  } catch (err) {
    if (!(err instanceof TooLarge) && !(err instanceof RangeError)) throw err;
    const why = err instanceof TooLarge ? err.message : t('run.guard.nestsTooDeeply');
    return {
      schema: null,
      problem: t('run.guard.tooLarge', { pointer, why }),
      notices,
    };
  }
}
