/**
 * JSON Schema `pattern` and `patternProperties` on the linear-time engine, for the interpreting
 * validator (./jsonSchemaValidator.ts). @cfworker/json-schema runs every pattern with the
 * backtracking `RegExp`, where `(a+)+$` can take minutes; it cannot be given another engine. So,
 * per validation, every pattern of the schema copy is replaced by an equivalent one *for the data
 * being validated*: RE2 (through `compileLinear`, the core's engine) decides which strings of the
 * data (values and property names, the only strings a pattern can be tested on) match, and the
 * pattern becomes the exact list of those strings (`^(?:s1|s2)$`, or its negation when shorter),
 * which `RegExp` runs in linear time. Results are the same as running the original pattern.
 *
 * A pattern the engine cannot run (invalid, a backreference or lookaround, too large) is dropped
 * (the customer view's schema guard reports those to the user beforehand). A string over the
 * per-test work limit is treated as not matching, and the reason is kept for the error message.
 */
import { compileLinear, linearTest } from '@core';

/** Keywords whose values are data, not schemas (a `pattern` key inside them is not a keyword). */
const DATA_KEYWORDS = new Set(['const', 'enum', 'default', 'examples']);

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Results of earlier tests (pattern → string → matched, or why it was not run). */
const memo = new Map<string, Map<string, boolean | string>>();
/** Entries kept in {@link memo} before it is cleared. */
const MEMO_LIMIT = 50_000;
let memoEntries = 0;

function testOne(pattern: string, s: string): boolean | string {
  const hit = memo.get(pattern)?.get(s);
  if (hit !== undefined) return hit;
  const compiled = compileLinear(pattern, 'ecma');
  if (!compiled.ok) return false;
  const r = linearTest(compiled, s, false);
  const result = r.skipped !== undefined ? r.skipped : r.matched;
  if (memoEntries >= MEMO_LIMIT) {
    memo.clear();
    memoEntries = 0;
  }
  let byString = memo.get(pattern);
  if (!byString) memo.set(pattern, (byString = new Map()));
  byString.set(s, result);
  memoEntries++;
  return result;
}

const escapeLiteral = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/** Every string value and property name in `data`, iteratively. */
export function dataStrings(data: unknown): Set<string> {
  const out = new Set<string>();
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) for (const item of v) stack.push(item);
    else if (isObject(v))
      for (const [k, child] of Object.entries(v)) {
        out.add(k);
        stack.push(child);
      }
  }
  return out;
}

/** What one rewrite did: strings that were not tested (too long for their pattern), with why. */
export interface PatternRewrite {
  skipped: Map<string, string>;
}

/**
 * `pattern` as a `RegExp` source that matches exactly the strings of `strings` RE2 says it
 * matches; null when the pattern cannot run (dropped).
 */
function literalPattern(pattern: string, strings: Set<string>, rewrite: PatternRewrite): string | null {
  const compiled = compileLinear(pattern, 'ecma');
  if (!compiled.ok && compiled.kind === 'unavailable') {
    // The engine loads just after the first paint: until then every string is reported as not
    // checked (never silently passed).
    for (const s of strings) rewrite.skipped.set(s, `the pattern ${compiled.message}`);
    return '[^\\s\\S]';
  }
  if (!compiled.ok) return null;
  const yes: string[] = [];
  const no: string[] = [];
  for (const s of strings) {
    const r = testOne(pattern, s);
    if (typeof r === 'string') rewrite.skipped.set(s, r);
    (r === true ? yes : no).push(s);
  }
  if (no.length === 0) return '(?:)';
  if (yes.length === 0) return '[^\\s\\S]';
  if (yes.length <= no.length) return `^(?:${yes.map(escapeLiteral).join('|')})$`;
  return `^(?!(?:${no.map(escapeLiteral).join('|')})$)`;
}

/** Whether `schema` has any `pattern` or `patternProperties` (cached per schema object). */
const hasAny = new WeakMap<object, boolean>();
export function hasPatterns(schema: unknown): boolean {
  if (!isObject(schema)) return false;
  const known = hasAny.get(schema);
  if (known !== undefined) return known;
  let found = false;
  walk(schema, (node) => {
    if (typeof node['pattern'] === 'string' || isObject(node['patternProperties'])) found = true;
  });
  hasAny.set(schema, found);
  return found;
}

/** Keywords whose value maps names (not keywords) to subschemas. */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  'dependentSchemas',
  'dependencies',
  'definitions',
  '$defs',
]);

/**
 * Calls `visit` on every schema object under `schema`, iteratively: every object but data values
 * (`const`, `enum`, …), so wherever a `$ref` may point (even outside `definitions`), its patterns
 * are found. Objects that map names to subschemas (`properties`, …) are passed through.
 */
function walk(schema: Obj, visit: (node: Obj) => void): void {
  const stack: Array<[unknown, boolean]> = [[schema, false]];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const [node, names] = stack.pop() as [unknown, boolean];
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const v of node) stack.push([v, false]);
    } else if (names) {
      for (const v of Object.values(node)) stack.push([v, false]);
    } else {
      visit(node as Obj);
      for (const [key, value] of Object.entries(node))
        if (!DATA_KEYWORDS.has(key)) stack.push([value, NAME_MAPS.has(key)]);
    }
  }
}

/**
 * Rewrites, in place, every `pattern` and `patternProperties` key of `schema` (a private copy) for
 * validating `data` (see the module comment). Returns the strings that were not tested.
 */
export function rewritePatterns(schema: unknown, data: unknown): PatternRewrite {
  const rewrite: PatternRewrite = { skipped: new Map() };
  if (!isObject(schema)) return rewrite;
  const strings = dataStrings(data);
  walk(schema, (node) => {
    const pattern = node['pattern'];
    if (typeof pattern === 'string') {
      const literal = literalPattern(pattern, strings, rewrite);
      if (literal === null) delete node['pattern'];
      else node['pattern'] = literal;
    }
    const props = node['patternProperties'];
    if (isObject(props)) {
      const next: Obj = {};
      Object.entries(props).forEach(([key, sub], i) => {
        const literal = literalPattern(key, strings, rewrite);
        // A distinct suffix that never matches keeps two rewritten keys from colliding.
        if (literal !== null) next[`(?:${literal})(?:[^\\s\\S]{${i + 1}})?`] = sub;
      });
      node['patternProperties'] = next;
    }
  });
  return rewrite;
}
