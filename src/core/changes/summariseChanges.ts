/**
 * Changes since the original (issue 14 §3): a semantic summary of how a spec differs from its
 * baseline, one entry per change, by JSON pointer, each with the value that reverts it.
 */
import { jsonEqual } from '../json/equal';
import { joinPointer } from '../json/pointer';
import type { DiagnosticParams, JsonValue } from '../types';

/** Most entries listed; past it the summary says how many more changes there are not listed. */
export const MAX_CHANGE_ENTRIES = 500;
/** Deepest level compared key by key; below it a difference is one change of the whole value. */
const MAX_DEPTH = 64;

/**
 * What a change entry says, for the app to word in its language (the English is `message`). Every
 * entry's params have `where` (the English words `message` starts with: a label such as `pagination
 * type`, `the document`, or for groups a plural noun such as `query parameters` or `keys`) and `path`
 * (the same place as a key path, `paginationParams.type`, `authSpec[Basic]`; `''` for the document).
 * - `value-changed` {before, after}: `<where> <before> → <after>` (scalars, shown short)
 * - `value-replaced`: `<where> changed` (an object or list replaced by another kind of value)
 * - `member-added` {value} / `member-removed` {value}: `<where> added: <value>` / `<where> removed (was <value>)`
 * - `members-added` / `members-removed` {count, names}: `<count> <where> added: <names>` (one object)
 * - `items-added` / `items-removed` {count, names}: the same, for named list items
 * - `list-length` {diff, change: added|removed, before, after}: `<where>: <diff> <change> (<before> → <after> items)`
 * `names` is a string of names joined with `, ` (keys and item names: data, not words).
 */
export type ChangeCode =
  | 'value-changed'
  | 'value-replaced'
  | 'member-added'
  | 'member-removed'
  | 'members-added'
  | 'members-removed'
  | 'items-added'
  | 'items-removed'
  | 'list-length';

export interface ChangeEntry {
  /** Where the change is (the parent object or list for grouped additions and removals). */
  pointer: string;
  kind: 'added' | 'removed' | 'changed';
  /** One line for people: `pagination type OFFSET → PAGE`, `name "A b" → "C d"`, `3 query parameters added: a, b, c`. */
  message: string;
  /** `message` as a stable code with its values (see {@link ChangeCode}), for translations. */
  code: ChangeCode;
  params: DiagnosticParams;
  /** Writing this value at `pointer` (undefined: removing it) undoes this change alone. */
  revert: { value: JsonValue | undefined };
}

export interface ChangeSummary {
  entries: ChangeEntry[];
  /** Changes found beyond {@link MAX_CHANGE_ENTRIES} (not listed). */
  more: number;
}

type Obj = { [k: string]: JsonValue };
const isObj = (v: JsonValue | undefined): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Names people use for the spec's keys (FORMAT.md); other keys are split from camelCase. */
const LABELS: Record<string, [string, string]> = {
  paginationParams: ['pagination', 'pagination settings'],
  queryParams: ['query parameter', 'query parameters'],
  headerParams: ['header', 'headers'],
  urlParams: ['URL', 'URL settings'],
  scheduleParams: ['schedule', 'schedule settings'],
  authSpec: ['auth method', 'auth methods'],
  properties: ['property', 'properties'],
  required: ['required field', 'required fields'],
  sourceSpec: ['source', 'source settings'],
  attributes: ['attribute', 'attributes'],
};

const words = (key: string): string =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();

const singular = (key: string) => LABELS[key]?.[0] ?? words(key);
const plural = (key: string) => LABELS[key]?.[1] ?? `${words(key)} entries`;

/** A short human form of a value: bare one-word strings (`OFFSET`), JSON for the rest, cut at 40 characters. */
function show(v: JsonValue | undefined): string {
  if (v === undefined) return '(none)';
  const s = typeof v === 'string' && /^[^\s"]+$/.test(v) ? v : JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

/** The item of a list named by its `name` key, for labels ("auth method Basic name"). */
const itemName = (v: JsonValue | undefined): string | undefined =>
  isObj(v) && typeof v['name'] === 'string' && v['name'] !== '' ? v['name'] : undefined;

/** Names of every item when they are all objects with distinct string `name`s, else null. */
function names(list: JsonValue[]): string[] | null {
  const out = list.map(itemName);
  if (out.some((n) => n === undefined) || new Set(out).size !== out.length) return null;
  return out as string[];
}

/** Words for member `k` of the object at `key` (or of a list item called `label`). */
const childLabel = (label: string, key: string, k: string): string =>
  key ? `${singular(key)} ${words(k)}` : label ? `${label} ${words(k)}` : singular(k);

interface Ctx {
  entries: ChangeEntry[];
  more: number;
}

function push(ctx: Ctx, entry: ChangeEntry): void {
  if (ctx.entries.length < MAX_CHANGE_ENTRIES) ctx.entries.push(entry);
  else ctx.more++;
}

/**
 * Where a value is: its pointer and its words, built only when a change there is listed (most of a
 * document is unchanged), and `key`, its member name in its object ('' for a list item or the root).
 */
interface Place {
  at: () => string;
  label: () => string;
  /** The key path (`paginationParams.type`, `authSpec[Basic]`), '' for the root. */
  path: () => string;
  key: string;
}

const memo = (f: () => string): (() => string) => {
  let v: string | undefined;
  return () => (v ??= f());
};

const memberOf = (p: Place, k: string): Place => ({
  at: memo(() => joinPointer(p.at(), k)),
  label: memo(() => childLabel(p.label(), p.key, k)),
  path: memo(() => (p.path() ? `${p.path()}.${k}` : k)),
  key: k,
});

const itemOf = (p: Place, v: JsonValue | undefined, i: number, index = i): Place => ({
  at: memo(() => joinPointer(p.at(), index)),
  label: memo(() => `${p.label() || 'the document'} ${itemName(v) ?? `#${i + 1}`}`),
  path: memo(() => `${p.path()}[${itemName(v) ?? `#${i + 1}`}]`),
  key: '',
});

/** One pass over both values: objects by key, lists by name or position, other values by `===`. */
function walk(ctx: Ctx, before: JsonValue, after: JsonValue, place: Place, depth: number): void {
  if (before === after) return;
  if (depth < MAX_DEPTH && isObj(before) && isObj(after)) return walkObject(ctx, before, after, place, depth);
  if (depth < MAX_DEPTH && Array.isArray(before) && Array.isArray(after))
    return walkList(ctx, before, after, place, depth);
  if (jsonEqual(before, after)) return;
  const name = place.label() || 'the document';
  const scalar = (v: JsonValue) => typeof v !== 'object' || v === null;
  const path = place.path();
  const both = scalar(before) && scalar(after);
  const message = both ? `${name} ${show(before)} → ${show(after)}` : `${name} changed`;
  push(ctx, {
    pointer: place.at(),
    kind: 'changed',
    message,
    code: both ? 'value-changed' : 'value-replaced',
    params: both ? { where: name, path, before: show(before), after: show(after) } : { where: name, path },
    revert: { value: before },
  });
}

function walkObject(ctx: Ctx, before: Obj, after: Obj, place: Place, depth: number) {
  for (const k of Object.keys(before))
    if (Object.hasOwn(after, k))
      walk(ctx, before[k] as JsonValue, after[k] as JsonValue, memberOf(place, k), depth + 1);
  const added = Object.keys(after).filter((k) => !Object.hasOwn(before, k));
  const removed = Object.keys(before).filter((k) => !Object.hasOwn(after, k));
  const group = (keys: string[], kind: 'added' | 'removed') => {
    const [only] = keys;
    if (only === undefined) return;
    if (keys.length === 1) {
      const member = memberOf(place, only);
      const shown = show(kind === 'added' ? after[only] : before[only]);
      const message =
        kind === 'added' ? `${member.label()} added: ${shown}` : `${member.label()} removed (was ${shown})`;
      push(ctx, {
        pointer: member.at(),
        kind,
        message,
        code: kind === 'added' ? 'member-added' : 'member-removed',
        params: { where: member.label(), path: member.path(), value: shown },
        revert: { value: kind === 'added' ? undefined : before[only] },
      });
      return;
    }
    // Several members of one object: one entry, reverted by rewriting the object without (or with) them.
    const value: Obj = { ...after };
    if (kind === 'added') for (const k of keys) delete value[k];
    else for (const k of keys) value[k] = before[k] as JsonValue;
    const what = place.key ? plural(place.key) : 'keys';
    push(ctx, {
      pointer: place.at(),
      kind,
      message: `${keys.length} ${what} ${kind}: ${keys.join(', ')}`,
      code: kind === 'added' ? 'members-added' : 'members-removed',
      params: { where: what, path: place.path(), count: keys.length, names: keys.join(', ') },
      revert: { value },
    });
  };
  group(added, 'added');
  group(removed, 'removed');
}

function walkList(ctx: Ctx, before: JsonValue[], after: JsonValue[], place: Place, depth: number) {
  if (before.length === after.length) {
    before.forEach((b, i) => walk(ctx, b, after[i] as JsonValue, itemOf(place, b, i), depth + 1));
    return;
  }
  const nb = names(before);
  const na = names(after);
  const key = place.key;
  if (nb && na) {
    const indexAfter = new Map(na.map((n, j) => [n, j]));
    const inBefore = new Set(nb);
    const added = na.filter((n) => !inBefore.has(n));
    const removed = nb.filter((n) => !indexAfter.has(n));
    for (const [i, b] of before.entries()) {
      const j = indexAfter.get(nb[i] as string);
      if (j !== undefined) walk(ctx, b, after[j] as JsonValue, itemOf(place, b, i, j), depth + 1);
    }
    const noun = (n: number) => (n === 1 ? singular(key) : plural(key));
    if (added.length > 0)
      push(ctx, {
        pointer: place.at(),
        kind: 'added',
        message: `${added.length} ${noun(added.length)} added: ${added.join(', ')}`,
        code: 'items-added',
        params: {
          where: noun(added.length),
          path: place.path(),
          count: added.length,
          names: added.join(', '),
        },
        revert: { value: after.filter((v) => inBefore.has(itemName(v) ?? '')) },
      });
    if (removed.length > 0) {
      const value = [...after];
      for (const [i, b] of before.entries())
        if (!indexAfter.has(itemName(b) ?? '')) value.splice(Math.min(i, value.length), 0, b);
      push(ctx, {
        pointer: place.at(),
        kind: 'removed',
        message: `${removed.length} ${noun(removed.length)} removed: ${removed.join(', ')}`,
        code: 'items-removed',
        params: {
          where: noun(removed.length),
          path: place.path(),
          count: removed.length,
          names: removed.join(', '),
        },
        revert: { value },
      });
    }
    return;
  }
  const diff = after.length - before.length;
  push(ctx, {
    pointer: place.at(),
    kind: 'changed',
    message: `${place.label() || 'the document'}: ${Math.abs(diff)} ${diff > 0 ? 'added' : 'removed'} (${before.length} → ${after.length} items)`,
    code: 'list-length',
    params: {
      where: place.label() || 'the document',
      path: place.path(),
      diff: Math.abs(diff),
      change: diff > 0 ? 'added' : 'removed',
      before: before.length,
      after: after.length,
    },
    revert: { value: before },
  });
}

/**
 * What changed from `before` (the original) to `after` (the document now), in document order:
 * changed values ("pagination type OFFSET → PAGE"), members added or removed (several in one object
 * grouped: "3 query parameters added: a, b, c"), list items matched by their `name` when every item
 * has a distinct one (else by position; a list that changed length otherwise is one change). Each
 * entry's `revert` undoes that change alone at its pointer. Object key order is ignored. At most
 * {@link MAX_CHANGE_ENTRIES} entries (`more` counts the rest); below 64 levels a difference is one
 * change of the whole value. Never throws.
 */
export function summariseChanges(before: JsonValue, after: JsonValue): ChangeSummary {
  const ctx: Ctx = { entries: [], more: 0 };
  walk(ctx, before, after, { at: () => '', label: () => '', path: () => '', key: '' }, 0);
  return ctx;
}
