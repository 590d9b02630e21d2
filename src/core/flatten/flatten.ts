/**
 * Record extraction and flattening, exactly as SEMANTICS §4: content items by `contentPath`,
 * keep/skip, the wrapper, then `explodeEntityPath` against each record.
 */
import { nestedParams, type CodedText } from '../diagnosticCodes';
import {
  compileLoosePath,
  compileProblem,
  deepestMatchingPrefix,
  lastNameSegment,
  runJsonPath,
} from '../jsonpath/jsonPath';
import { compileLinear, quotePattern } from '../jsonpath/linearRegex';
import type { Diagnostic, JsonObject, JsonValue, PathSpec } from '../types';
import {
  explodeConflictMessage,
  explodeConflictParams,
  explodeSkipConflict,
  makeExploder,
  type Exploder,
} from './explode';
import { keyFilter } from './ownCopy';

/** What flattening needs from a spec (a `SpecModel` satisfies it). */
export interface FlattenConfig {
  contentPath?: PathSpec;
  explodeEntityPath?: PathSpec;
}

/** Records of all pages in order, with per-page counts and diagnostics (pointers into the spec). */
export interface FlattenResult {
  records: JsonObject[];
  diagnostics: Diagnostic[];
  pages: Array<{ contentItems: number; records: number; explodeMissing: number }>;
  contentItems: number;
  explodeMissing: number;
}

const CONTENT = '/sourceSpec/attributes/contentPath';

/**
 * Scalar content matches listed one by one per page; past this many, one more finding counts the rest
 * (a `$..*` over a large page would otherwise print one line per value).
 */
export const SCALAR_NOTES = 3;
const EXPLODE = '/sourceSpec/attributes/explodeEntityPath';

/**
 * The wrapper key of a level: `overrideWrapperAttribute` when set (non-empty), else the last name
 * segment of the path (`$.members` → `members`, `$.data[*]` → `data`), else `items` (`$`, `$[*]`, or
 * a path that does not compile).
 */
export function wrapperName(p: PathSpec): string {
  return p.overrideWrapperAttribute || (lastNameSegment(p.path) ?? 'items');
}

function kindOf(v: JsonValue): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/** Why `match()`/`search()` refused `pattern` (`reason`, its English), with its code when it has one. */
function refusalReason(pattern: string, reason: string): CodedText {
  const compiled = compileLinear(pattern, 'i-regexp');
  return !compiled.ok && compiled.code !== undefined && compiled.message === reason
    ? { message: reason, code: compiled.code, params: compiled.params ?? {} }
    : { message: reason };
}

function items(contentPath: PathSpec | undefined, body: JsonValue, label: string) {
  const out: JsonValue[] = [];
  const diagnostics: Diagnostic[] = [];
  // The page a message names ("page 2: …"), 0 when there is only one.
  const page = Number(/^page (\d+): $/.exec(label)?.[1] ?? 0);
  if (!contentPath) {
    const message = `${label}no contentPath is configured, so no records can be extracted`;
    const params = { kind: 'flatten', page };
    diagnostics.push({ severity: 'error', pointer: CONTENT, code: 'content-path-missing', message, params });
    return { items: out, diagnostics };
  }
  const compiled = compileLoosePath(contentPath.path);
  if (!compiled.ok) {
    const message = `${label}contentPath ${JSON.stringify(contentPath.path)} is not valid JSONPath: ${compiled.message} (at character ${compiled.offset + 1})`;
    diagnostics.push({
      severity: 'error',
      pointer: `${CONTENT}/path`,
      code: 'content-path-invalid',
      message,
      params: {
        page,
        path: JSON.stringify(contentPath.path),
        ...nestedParams('detail', compileProblem(compiled)),
        position: String(compiled.offset + 1),
      },
    });
    return { items: out, diagnostics };
  }
  const { matches, stopped, stoppedText, refused } = runJsonPath(compiled.path, body);
  for (const r of refused ?? []) {
    // match()/search() with an invalid pattern is false (RFC 9535): say so, never a silent "0 records".
    const message = `${label}contentPath \`${contentPath.path}\`: the pattern ${quotePattern(r.pattern)} is not valid I-Regexp (${r.reason}), so it was refused and every match()/search() with it was false`;
    diagnostics.push({
      severity: 'error',
      pointer: `${CONTENT}/path`,
      code: 'content-path-regex-refused',
      message,
      params: {
        page,
        path: contentPath.path,
        pattern: quotePattern(r.pattern),
        ...nestedParams('reason', refusalReason(r.pattern, r.reason)),
      },
    });
  }
  if (stopped !== undefined) {
    const message = `${label}contentPath ${stopped}`;
    diagnostics.push({
      severity: 'error',
      pointer: `${CONTENT}/path`,
      code: 'content-path-budget',
      message,
      params: { page, ...nestedParams('detail', stoppedText ?? { message: stopped }) },
    });
  } else if (matches.length === 0 && refused === undefined) {
    const prefix = deepestMatchingPrefix(contentPath.path, body);
    const message = `${label}contentPath matched nothing; \`${prefix}\` matched`;
    diagnostics.push({
      severity: 'warning',
      pointer: `${CONTENT}/path`,
      code: 'content-path-no-match',
      message,
      params: { page, prefix },
    });
  }
  let scalars = 0;
  for (const m of matches) {
    const v = m.value;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) out.push(v[i] as JsonValue);
    } else {
      out.push(v);
      if (v === null || typeof v !== 'object') {
        scalars++;
        if (scalars > SCALAR_NOTES) continue;
        const message = `${label}contentPath matched a ${kindOf(v)} at ${m.pointer || '/'}, not an array or object; it is used as one record`;
        diagnostics.push({
          severity: 'info',
          pointer: `${CONTENT}/path`,
          code: 'content-path-scalar',
          message,
          params: { kind: 'one', page, type: kindOf(v), at: m.pointer || '/' },
        });
      }
    }
  }
  if (scalars > SCALAR_NOTES) {
    const n = (x: number): string => x.toLocaleString('en-US');
    diagnostics.push({
      severity: 'info',
      pointer: `${CONTENT}/path`,
      code: 'content-path-scalar',
      message: `${label}contentPath matched ${n(scalars)} values that are not arrays or objects, each used as one record (the first ${SCALAR_NOTES} are listed above)`,
      params: { kind: 'more', page, count: scalars, limit: SCALAR_NOTES },
    });
  }
  return { items: out, diagnostics };
}

/**
 * The content items of one response body (SEMANTICS §4 step 1): the elements of each matched array
 * and each matched non-array value, in document order. Used by pagination to count "records on a
 * page". No contentPath → error diagnostic and no items; no match → warning "contentPath matched
 * nothing; `$.x` matched" (the deepest matching prefix); invalid path → error. Never throws.
 */
export function contentItemsOf(
  contentPath: PathSpec | undefined,
  body: JsonValue,
): { items: JsonValue[]; diagnostics: Diagnostic[] } {
  return items(contentPath, body, '');
}

function prepareExplode(spec: PathSpec | undefined, diagnostics: Diagnostic[]): Exploder | null {
  if (!spec) return null;
  const compiled = compileLoosePath(spec.path);
  if (compiled.ok) return makeExploder(spec, compiled.path);
  const message = `explodeEntityPath ${JSON.stringify(spec.path)} is not valid JSONPath: ${compiled.message} (at character ${compiled.offset + 1}); records are not exploded`;
  diagnostics.push({
    severity: 'error',
    pointer: `${EXPLODE}/path`,
    code: 'explode-path-invalid',
    message,
    params: {
      path: JSON.stringify(spec.path),
      ...nestedParams('detail', compileProblem(compiled)),
      position: String(compiled.offset + 1),
    },
  });
  return null;
}

function explodeNotes(
  spec: PathSpec,
  wrapper: string,
  missing: number,
  notArray: number,
  total: number,
  content: PathSpec,
) {
  const notes: Diagnostic[] = [];
  const name = lastNameSegment(spec.path) ?? spec.path;
  const plural = (n: number) => (n === 1 ? '1 record' : `${n} records`);
  const pointer = `${EXPLODE}/path`;
  const conflict = explodeSkipConflict(content, spec, wrapper);
  if (missing > 0 && conflict) {
    const message = explodeConflictMessage(conflict);
    notes.push({
      severity: 'warning',
      pointer,
      code: 'explode-skipped',
      message,
      params: explodeConflictParams(conflict),
    });
  } else if (missing > 0) {
    let message = `${plural(missing)} had no ${name} entries; emitted unchanged`;
    const first = compileLoosePath(spec.path);
    let hint = 'no';
    if (missing === total && first.ok && first.path.names && first.path.names[0] !== wrapper) {
      message += ` (explodeEntityPath is evaluated against each record, whose wrapper key is \`${wrapper}\`)`;
      hint = 'yes';
    }
    notes.push({
      severity: missing === total ? 'warning' : 'info',
      pointer,
      code: 'explode-missing',
      message,
      params: { count: missing, name, hint, wrapper },
    });
  }
  if (notArray > 0) {
    const message = `${plural(notArray)} had a non-array ${name} value; emitted unchanged`;
    notes.push({
      severity: 'warning',
      pointer,
      code: 'explode-not-array',
      message,
      params: { count: notArray, name },
    });
  }
  return notes;
}

/**
 * Flattens response bodies into records (SEMANTICS §4 steps 1-6), page after page. Records share
 * every unchanged subtree with the input; only items changed by keep/skip and the objects along an
 * exploded path are copied, always as plain objects with own data properties (`__proto__` is data).
 * Messages name the page ("page 2: ...") when there is more than one response. Never throws.
 */
export function flatten(config: FlattenConfig, responses: JsonValue[]): FlattenResult {
  const records: JsonObject[] = [];
  const run = flattenRecords(config, responses);
  for (;;) {
    const step = run.next();
    if (step.done) return { ...step.value, records };
    records.push(step.value);
  }
}

/**
 * {@link flatten} one record at a time: yields each record as soon as it is made and returns the
 * result without records (counts and diagnostics). A caller that writes records out as they come
 * (the CLI) never holds them all, so they die young instead of filling the heap.
 */
export function* flattenRecords(
  config: FlattenConfig,
  responses: JsonValue[],
): Generator<JsonObject, FlattenResult, undefined> {
  const result: FlattenResult = {
    records: [],
    diagnostics: [],
    pages: [],
    contentItems: 0,
    explodeMissing: 0,
  };
  const { contentPath, explodeEntityPath } = config;
  if (!contentPath) {
    for (const d of items(undefined, null, '').diagnostics) result.diagnostics.push(d);
    result.pages = responses.map(() => ({ contentItems: 0, records: 0, explodeMissing: 0 }));
    return result;
  }
  const wrapper = wrapperName(contentPath);
  const filter = keyFilter(contentPath);
  const exploder = prepareExplode(explodeEntityPath, result.diagnostics);
  let missing = 0;
  let notArray = 0;
  const batch: JsonObject[] = [];
  for (let i = 0; i < responses.length; i++) {
    const label = responses.length > 1 ? `page ${i + 1}: ` : '';
    const found = items(contentPath, responses[i] as JsonValue, label);
    // One at a time: a page can yield any number of findings, and a spread of 100,000+ overflows.
    for (const d of found.diagnostics) result.diagnostics.push(d);
    let pageRecords = 0;
    let pageMissing = 0;
    for (const item of found.items) {
      const record: JsonObject = { [wrapper]: filter ? filter(item) : item };
      if (!exploder) {
        pageRecords++;
        yield record;
        continue;
      }
      const outcome = exploder.apply(record, batch);
      if (outcome === 'missing') missing++;
      else if (outcome === 'not-array') notArray++;
      if (outcome !== 'exploded') pageMissing++;
      pageRecords += batch.length;
      for (let k = 0; k < batch.length; k++) yield batch[k] as JsonObject;
      batch.length = 0;
    }
    result.pages.push({
      contentItems: found.items.length,
      records: pageRecords,
      explodeMissing: pageMissing,
    });
    result.contentItems += found.items.length;
    result.explodeMissing += pageMissing;
  }
  if (explodeEntityPath && exploder) {
    result.diagnostics.push(
      ...explodeNotes(explodeEntityPath, wrapper, missing, notArray, result.contentItems, contentPath),
    );
  }
  return result;
}
