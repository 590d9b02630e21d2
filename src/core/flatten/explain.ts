/**
 * The "why" of one record: re-derives, for one record of one page, the steps of SEMANTICS §4
 * (matched → wrapped → keep/skip → exploded) with the rule that applied at each step. It shares
 * the key filter and the exploder with `flatten`, so the record it explains is the record flatten made.
 */
import { decodePointer, encodePointer } from '../json/pointer';
import { compileLoosePath, lastNameSegment, type CompiledJsonPath } from '../jsonpath/jsonPath';
import type { JsonObject, JsonValue, PathSpec } from '../types';
import { explodeConflictMessage, explodeSkipConflict, makeExploder } from './explode';
import { wrapperName, type FlattenConfig } from './flatten';
import { keyFilter } from './ownCopy';

/** How the wrapper key was chosen (SEMANTICS §4 step 2). */
export type WrapperRule = 'override' | 'last-name-segment' | 'default';

/** What keep/skip did to one object (SEMANTICS §4 step 3, also applied to each exploded element). */
export interface KeyFilterExplanation {
  /** False when the value is not an object: it passed unchanged. */
  object: boolean;
  /** Keys of the result, in the value's own order. */
  kept: string[];
  /** Keys removed because `keepAttributes` is non-empty and does not list them. */
  removedByKeep: string[];
  /** Keys removed because `skipAttributes` lists them. */
  removedBySkip: string[];
  /** Names in `keepAttributes` the object does not have. */
  keepAbsent: string[];
  /** Names in `skipAttributes` the object does not have (no-ops, like MailChimp's `total_items`). */
  skipAbsent: string[];
}

/** The explode step of one record (SEMANTICS §4 step 5). */
export type ExplodeExplanation =
  | { outcome: 'invalid'; path: string }
  | { outcome: 'missing' | 'empty'; path: string; pointer: string | null }
  | { outcome: 'not-array'; path: string; pointer: string; valueType: string }
  | {
      outcome: 'exploded';
      path: string;
      /** Pointer of the sub-array inside the (unexploded) record. */
      pointer: string;
      elementIndex: number;
      elementCount: number;
      /** Key the element is placed under, and why. */
      key: string;
      /** `array-slot`: the sub-array sits in an array, so the element takes its slot (no rename). */
      keyRule: 'override' | 'own-key' | 'array-slot';
      filter: KeyFilterExplanation;
    };

/** One step as people read it: a short title, what happened, and the rule that made it so. */
export interface ExplainStep {
  id: 'matched' | 'wrapped' | 'keep-skip' | 'exploded';
  title: string;
  text: string;
  rule: string;
}

/** Why record `recordIndex` of a page is what it is. */
export interface RecordExplanation {
  recordIndex: number;
  /** Records the page gives in all. */
  recordCount: number;
  match: {
    path: string;
    /** Which match of contentPath (0-based) the content item came from, of how many. */
    matchIndex: number;
    matchCount: number;
    /** Pointer of that match in the response body. */
    matchPointer: string;
    /** Index in the matched array, or null when the match itself is the item. */
    elementIndex: number | null;
    /** Pointer of the content item in the response body. */
    itemPointer: string;
    itemIndex: number;
    itemCount: number;
  };
  wrapper: { name: string; rule: WrapperRule };
  filter: KeyFilterExplanation;
  /** Null when no explodeEntityPath is configured. */
  explode: ExplodeExplanation | null;
  /** The record itself, exactly as `flatten` emits it. */
  record: JsonObject;
  steps: ExplainStep[];
}

const kindOf = (v: JsonValue | undefined): string =>
  v === undefined ? 'nothing' : v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
const isObject = (v: JsonValue): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);
const code = (s: string) => `\`${s}\``;
const list = (keys: string[]) => keys.map(code).join(', ');

function explainFilter(spec: PathSpec, value: JsonValue): KeyFilterExplanation {
  const out: KeyFilterExplanation = {
    object: isObject(value),
    kept: [],
    removedByKeep: [],
    removedBySkip: [],
    keepAbsent: [],
    skipAbsent: [],
  };
  if (!isObject(value)) return out;
  const keep = new Set(spec.keepAttributes);
  const skip = new Set(spec.skipAttributes);
  for (const k of Object.keys(value)) {
    if (keep.size > 0 && !keep.has(k)) out.removedByKeep.push(k);
    else if (skip.has(k)) out.removedBySkip.push(k);
    else out.kept.push(k);
  }
  out.keepAbsent = spec.keepAttributes.filter((k) => !Object.hasOwn(value, k));
  out.skipAbsent = spec.skipAttributes.filter((k) => !Object.hasOwn(value, k));
  return out;
}

function filterText(
  spec: PathSpec,
  f: KeyFilterExplanation,
  what: string,
): Pick<ExplainStep, 'text' | 'rule'> {
  if (spec.keepAttributes.length === 0 && spec.skipAttributes.length === 0)
    return { text: `${what} kept whole`, rule: 'no keepAttributes or skipAttributes are set' };
  if (!f.object)
    return { text: `${what} is not an object: passed unchanged`, rule: 'keep/skip act on objects only' };
  const parts: string[] = [];
  if (f.removedByKeep.length) parts.push(`removed ${list(f.removedByKeep)} (not in keepAttributes)`);
  if (f.removedBySkip.length) parts.push(`removed ${list(f.removedBySkip)} (skipAttributes)`);
  if (parts.length === 0) parts.push('nothing removed');
  const absent = [...f.keepAbsent, ...f.skipAbsent.filter((k) => !f.keepAbsent.includes(k))];
  if (absent.length) parts.push(`${list(absent)} listed but not in the ${what} (no-op)`);
  const rule =
    spec.keepAttributes.length > 0
      ? "keepAttributes first keeps only the listed top-level keys, then skipAttributes removes keys (the item's own order is kept)"
      : 'skipAttributes removes the listed top-level keys of the item itself, not of the response';
  return { text: `kept ${f.kept.length ? list(f.kept) : 'no keys'}; ${parts.join('; ')}`, rule };
}

type Located =
  | { outcome: 'missing'; segs: string[] | null }
  | { outcome: 'empty'; segs: string[] }
  | { outcome: 'not-array'; segs: string[]; value: JsonValue }
  | { outcome: 'exploded'; segs: string[]; length: number };

/** The sub-array of `record`, found exactly as the exploder finds it (explode.ts). */
function locateArray(path: CompiledJsonPath, record: JsonObject): Located {
  const segs =
    path.names ?? (path.query(record, 1)[0] ? decodePointer(path.query(record, 1)[0]!.pointer) : null);
  if (!segs) return { outcome: 'missing', segs: null };
  if (segs.length === 0) return { outcome: 'not-array', segs, value: record };
  let cur: JsonValue = record;
  for (const seg of segs) {
    if (cur === null || typeof cur !== 'object') return { outcome: 'missing', segs };
    const next: JsonValue | undefined = Array.isArray(cur)
      ? cur[Number(seg)]
      : Object.hasOwn(cur, seg)
        ? cur[seg]
        : undefined;
    if (next === undefined) return { outcome: 'missing', segs };
    cur = next;
  }
  if (!Array.isArray(cur)) return { outcome: 'not-array', segs, value: cur };
  return cur.length === 0 ? { outcome: 'empty', segs } : { outcome: 'exploded', segs, length: cur.length };
}

interface Item {
  value: JsonValue;
  matchIndex: number;
  matchPointer: string;
  elementIndex: number | null;
}

function contentItems(path: CompiledJsonPath, body: JsonValue): { items: Item[]; matches: number } {
  const matches = path.query(body);
  const items: Item[] = [];
  for (let m = 0; m < matches.length; m++) {
    const { value, pointer } = matches[m]!;
    if (Array.isArray(value)) {
      for (let j = 0; j < value.length; j++)
        items.push({ value: value[j]!, matchIndex: m, matchPointer: pointer, elementIndex: j });
    } else items.push({ value, matchIndex: m, matchPointer: pointer, elementIndex: null });
  }
  return { items, matches: matches.length };
}

/**
 * Explains record `recordIndex` (0-based, within this page) of what `flatten(config, [body])`
 * produces: which contentPath match and content item it came from, the wrapper and its rule, what
 * keep/skip removed and by which list, and which sub-array element it holds (or why it was emitted
 * once unchanged). Null when the page gives no such record (index out of range, no contentPath, an
 * invalid contentPath). An invalid explodeEntityPath is explained as outcome `invalid`. Never throws.
 */
export function explainRecord(
  config: FlattenConfig,
  body: JsonValue,
  recordIndex: number,
): RecordExplanation | null {
  const { contentPath, explodeEntityPath } = config;
  if (!contentPath || !Number.isInteger(recordIndex) || recordIndex < 0) return null;
  const compiled = compileLoosePath(contentPath.path);
  if (!compiled.ok) return null;
  const explodeCompiled = explodeEntityPath ? compileLoosePath(explodeEntityPath.path) : null;
  const explodePath = explodeCompiled?.ok ? explodeCompiled.path : null;
  const wrapper = wrapperName(contentPath);
  const filter = keyFilter(contentPath);
  const { items: all, matches } = contentItems(compiled.path, body);
  let hit: { item: Item; index: number; record: JsonObject; located: Located | null } | null = null;
  let first = 0;
  let total = 0;
  for (let index = 0; index < all.length; index++) {
    const item = all[index] as Item;
    const record: JsonObject = { [wrapper]: filter ? filter(item.value) : item.value };
    const located = explodePath ? locateArray(explodePath, record) : null;
    const count = located?.outcome === 'exploded' ? located.length : 1;
    if (!hit && recordIndex < total + count) {
      hit = { item, index, record, located };
      first = total;
    }
    total += count;
  }
  if (!hit) return null;
  const { item, record: wrapped, located } = hit;
  let record = wrapped;
  if (explodePath && explodeEntityPath) {
    const out: JsonObject[] = [];
    makeExploder(explodeEntityPath, explodePath).apply(wrapped, out);
    record = out[recordIndex - first] ?? wrapped;
  }
  const override = contentPath.overrideWrapperAttribute;
  const rule: WrapperRule = override
    ? 'override'
    : lastNameSegment(contentPath.path) !== null
      ? 'last-name-segment'
      : 'default';
  const itemPointer =
    item.elementIndex === null ? item.matchPointer : `${item.matchPointer}/${item.elementIndex}`;
  const f = explainFilter(contentPath, item.value);
  const explode = explainExplode(explodeEntityPath, explodePath, located, wrapped, recordIndex - first);
  const explanation: RecordExplanation = {
    recordIndex,
    recordCount: total,
    match: {
      path: contentPath.path,
      matchIndex: item.matchIndex,
      matchCount: matches,
      matchPointer: item.matchPointer,
      elementIndex: item.elementIndex,
      itemPointer,
      itemIndex: hit.index,
      itemCount: all.length,
    },
    wrapper: { name: wrapper, rule },
    filter: f,
    explode,
    record,
    steps: [],
  };
  explanation.steps = describe(explanation, contentPath, explodeEntityPath, kindOf(item.value));
  return explanation;
}

function explainExplode(
  spec: PathSpec | undefined,
  path: CompiledJsonPath | null,
  located: Located | null,
  record: JsonObject,
  element: number,
): ExplodeExplanation | null {
  if (!spec) return null;
  if (!path || !located) return { outcome: 'invalid', path: spec.path };
  if (located.outcome === 'missing' || located.outcome === 'empty') {
    const { outcome, segs } = located;
    return { outcome, path: spec.path, pointer: segs ? encodePointer(segs) : null };
  }
  const pointer = encodePointer(located.segs);
  if (located.outcome === 'not-array')
    return { outcome: 'not-array', path: spec.path, pointer, valueType: kindOf(located.value) };
  let parent: JsonValue = record;
  let array: JsonValue = record;
  for (const seg of located.segs) {
    parent = array;
    array = (Array.isArray(array) ? array[Number(seg)] : (array as JsonObject)[seg]) as JsonValue;
  }
  const value = (array as JsonValue[])[element] ?? null;
  const own = located.segs[located.segs.length - 1] ?? '';
  const override = spec.overrideWrapperAttribute;
  const keyRule = Array.isArray(parent) ? 'array-slot' : override ? 'override' : 'own-key';
  return {
    outcome: 'exploded',
    path: spec.path,
    pointer,
    elementIndex: element,
    elementCount: located.length,
    key: keyRule === 'override' && override ? override : own,
    keyRule,
    filter: explainFilter(spec, value),
  };
}

const ptr = (p: string) => (p === '' ? 'the root' : code(p));

function matchedStep(e: RecordExplanation, kind: string): ExplainStep {
  const m = e.match;
  const of = `content item ${m.itemIndex + 1} of ${m.itemCount}`;
  const which = m.matchCount > 1 ? ` (match ${m.matchIndex + 1} of ${m.matchCount})` : '';
  const several = m.matchCount > 1 ? '; several matches are concatenated in document order' : '';
  if (m.elementIndex !== null)
    return {
      id: 'matched',
      title: 'Matched',
      text: `${code(m.path)} matched the array at ${ptr(m.matchPointer)}${which}; ${of} is its element ${m.elementIndex} (${ptr(m.itemPointer)})`,
      rule: `an array match gives its elements as content items${several}`,
    };
  const object = kind === 'object';
  return {
    id: 'matched',
    title: 'Matched',
    text: `${code(m.path)} matched the ${kind} at ${ptr(m.matchPointer)}${which}; it is ${of}`,
    rule: object
      ? `an object match is one content item${several}`
      : `a match that is neither an array nor an object is used as one content item${several}`,
  };
}

function wrappedStep(e: RecordExplanation): ExplainStep {
  const { name, rule } = e.wrapper;
  const why: Record<WrapperRule, string> = {
    override: 'contentPath.overrideWrapperAttribute is set',
    'last-name-segment': `the last name segment of ${code(e.match.path)} (no overrideWrapperAttribute)`,
    default: `${code(e.match.path)} has no name segment and no overrideWrapperAttribute: the default \`items\``,
  };
  return { id: 'wrapped', title: 'Wrapped', text: `the item is placed under ${code(name)}`, rule: why[rule] };
}

function explodedStep(
  x: ExplodeExplanation | null,
  spec: PathSpec | undefined,
  content: PathSpec,
  wrapper: string,
): ExplainStep {
  const step = (text: string, rule: string): ExplainStep => ({
    id: 'exploded',
    title: 'Exploded',
    text,
    rule,
  });
  const once = 'no sub-array: emitted once unchanged';
  const counted = 'a record without the sub-array is emitted once, unchanged, and counted in a finding';
  if (!x || !spec)
    return step('no explodeEntityPath: the record is emitted as is', 'explodeEntityPath is not set');
  const p = code(x.path);
  switch (x.outcome) {
    case 'invalid':
      return step(
        `${p} is not valid JSONPath: records are not exploded`,
        'an invalid explodeEntityPath explodes nothing',
      );
    case 'missing': {
      const conflict = explodeSkipConflict(content, spec, wrapper);
      if (conflict) return step(`${once}: ${explodeConflictMessage(conflict)}`, counted);
      return step(
        `${once} (${p} found nothing in the record)`,
        `explodeEntityPath is evaluated against each record, so it starts with the wrapper; ${counted}`,
      );
    }
    case 'empty':
      return step(`${once} (the array at ${ptr(x.pointer ?? '')} is empty)`, counted);
    case 'not-array':
      return step(`${once} (${ptr(x.pointer)} holds a ${x.valueType}, not an array)`, counted);
    case 'exploded': {
      const where =
        x.keyRule === 'array-slot'
          ? 'in its slot of the enclosing array'
          : `under ${code(x.key)}, in the array's place`;
      const rules = {
        override: 'explodeEntityPath.overrideWrapperAttribute is set',
        'own-key': "the array's own key (no overrideWrapperAttribute)",
        'array-slot': 'the sub-array sits inside an array, so the element takes its slot',
      };
      let text = `element ${x.elementIndex} of ${x.elementCount} of the array at ${ptr(x.pointer)}, placed ${where}`;
      if (spec.keepAttributes.length || spec.skipAttributes.length)
        text += `; element ${filterText(spec, x.filter, 'element').text}`;
      return step(text, `one record per element; ${rules[x.keyRule]}`);
    }
  }
}

function describe(
  e: RecordExplanation,
  contentPath: PathSpec,
  explode: PathSpec | undefined,
  kind: string,
): ExplainStep[] {
  const keep = filterText(contentPath, e.filter, 'item');
  return [
    matchedStep(e, kind),
    wrappedStep(e),
    { id: 'keep-skip', title: 'Keep / skip', ...keep },
    explodedStep(e.explode, explode, contentPath, e.wrapper.name),
  ];
}
