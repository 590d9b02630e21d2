import type { JsonObject, JsonValue } from '@core';
import type { FieldSpec } from './fields';
import { prop } from './json';

/** Values of one variant's fields put aside while another variant is selected, keyed by variant name. */
export type VariantStash = Record<string, JsonObject>;

export interface VariantSwitch {
  /** Writes to apply, relative to the section: `[key, value]`, undefined removes the key. */
  writes: Array<[string, JsonValue | undefined]>;
  stash: VariantStash;
}

/**
 * Plans a switch between two variants of a section (pagination types, schedule forms).
 * Fields of `from` that `to` does not use are put in the stash and removed; fields of `to` that are absent
 * from the document come back from the stash, so switching A → B → A restores what was typed for A.
 * Shared fields (e.g. `limitName` of OFFSET and PAGE) stay as they are. The discriminator write itself
 * (`type`) is not included: the caller writes it first.
 */
export function planVariantSwitch(
  slice: JsonValue | undefined,
  from: { name: string; fields: readonly FieldSpec[] },
  to: { name: string; fields: readonly FieldSpec[] },
  stash: VariantStash,
): VariantSwitch {
  const toKeys = new Set(to.fields.map((f) => f.key));
  const saved: JsonObject = { ...(stash[from.name] ?? {}) };
  const writes: Array<[string, JsonValue | undefined]> = [];
  for (const f of from.fields) {
    if (toKeys.has(f.key)) continue;
    const value = prop(slice, f.key);
    if (value === undefined) continue;
    saved[f.key] = value;
    writes.push([f.key, undefined]);
  }
  const restore = stash[to.name] ?? {};
  for (const f of to.fields) {
    const kept = restore[f.key];
    if (kept !== undefined && prop(slice, f.key) === undefined) writes.push([f.key, kept]);
  }
  return { writes, stash: { ...stash, [from.name]: saved } };
}
