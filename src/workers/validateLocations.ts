/**
 * Where the diagnostics of a validation are in the JSON text, found in the validate worker (one pass
 * over the text for all of them, see `locatePointers`) so the main thread never re-parses a big text
 * to place markers or show lines (issue 12: 1 MB, 3,000 findings; 100,000 user inputs).
 */
import { locatePointer, locatePointers, type Diagnostic, type TextLocation } from '@core';

/** Numbers per diagnostic in packed locations: offset, length, line, column (offset -1: not found). */
const STRIDE = 4;

/** The locations of `diagnostics` in `text`, packed for a transfer (4 numbers per diagnostic). */
export function packLocations(text: string, diagnostics: readonly Diagnostic[]): Int32Array {
  const found = locatePointers(
    text,
    diagnostics.map((d) => d.pointer),
  );
  const out = new Int32Array(found.length * STRIDE).fill(-1);
  found.forEach((loc, i) => {
    if (!loc) return;
    out.set([loc.offset, loc.length, loc.line, loc.column], i * STRIDE);
  });
  return out;
}

interface Located {
  text: string;
  packed: Int32Array;
  /** Diagnostic → its index (built on first lookup by object). */
  index?: Map<Diagnostic, number>;
}

/** Locations of the diagnostics arrays of validation results (weak: dropped with the array). */
const registry = new WeakMap<readonly Diagnostic[], Located>();

/** Remembers where `diagnostics` (a validation result) are in `text`. */
export function rememberLocations(
  diagnostics: readonly Diagnostic[],
  text: string,
  packed: Int32Array,
): void {
  if (packed.length === diagnostics.length * STRIDE) registry.set(diagnostics, { text, packed });
}

/**
 * Whether each diagnostic of `a` is on the same line as the one at the same index of `b` (both
 * located; lists of equal length). A fresh result equal in content but on other lines is a change.
 */
export function sameLines(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  const x = registry.get(a);
  const y = registry.get(b);
  if (!x || !y || x.packed.length !== y.packed.length) return x === y;
  for (let i = 2; i < x.packed.length; i += STRIDE) if (x.packed[i] !== y.packed[i]) return false;
  return true;
}

/**
 * `kept` (the list shown) stays in place of the fresh `result` equal to it: it takes the result's
 * locations, which are in the newer text.
 */
export function keepLocations(kept: readonly Diagnostic[], result: readonly Diagnostic[]): void {
  const r = registry.get(result);
  if (r && kept !== result) rememberLocations(kept, r.text, r.packed);
}

/**
 * A lookup of where a diagnostic of `diagnostics` is in `text`: a location, null (its pointer names
 * nothing there), or undefined (not known: the caller locates it). Null when the list was not located
 * in this very text. Built in O(n) on the first lookup, then O(1) per diagnostic.
 */
export function locationsIn(
  diagnostics: readonly Diagnostic[],
  text: string,
): ((d: Diagnostic) => TextLocation | null | undefined) | null {
  const l = registry.get(diagnostics);
  if (!l || l.text !== text) return null;
  return (d) => {
    l.index ??= new Map(diagnostics.map((x, i) => [x, i]));
    const i = l.index.get(d);
    if (i === undefined) return undefined;
    const at = i * STRIDE;
    const offset = l.packed[at] ?? -1;
    if (offset < 0) return null;
    return {
      offset,
      length: l.packed[at + 1] ?? 0,
      line: l.packed[at + 2] ?? 1,
      column: l.packed[at + 3] ?? 1,
    };
  };
}

/**
 * Where each diagnostic of `diagnostics` is in `text`: the worker's location when it located this
 * list in this very text, else all of the list are located at the first lookup, in one pass
 * (`locatePointers`).
 */
export function diagnosticLocator(
  diagnostics: readonly Diagnostic[],
  text: string,
): (d: Diagnostic) => TextLocation | null {
  const located = locationsIn(diagnostics, text);
  let found: Map<Diagnostic, TextLocation | null> | null = null;
  return (d) => {
    const known = located?.(d);
    if (known !== undefined) return known;
    if (!found) {
      const all = locatePointers(
        text,
        diagnostics.map((x) => x.pointer),
      );
      found = new Map(diagnostics.map((x, i) => [x, all[i] ?? null]));
    }
    const loc = found.get(d);
    return loc === undefined ? locatePointer(text, d.pointer) : loc;
  };
}
