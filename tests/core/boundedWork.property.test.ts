/**
 * Issue 9 item 5 in the core: keep/skip lists are looked up in sets (a 30,000-entry skipAttributes
 * over 100,000 items is linear), and the table of records with distinct keys is sparse (no
 * records × columns cells are built).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flatten } from '../../src/core/flatten/flatten';
import { csvLines, toTable } from '../../src/core/flatten/toTable';
import type { JsonObject, JsonValue, PathSpec } from '../../src/core/types';

const content = (skip: string[], keep: string[] = []): PathSpec => ({
  path: '$.items',
  skipAttributes: skip,
  keepAttributes: keep,
});

/** The keep-then-skip rule, written the obvious way (the reference the fast path must match). */
function reference(item: JsonValue, skip: string[], keep: string[]): JsonValue {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(item)) {
    if ((keep.length > 0 && !keep.includes(k)) || skip.includes(k)) continue;
    out[k] = v;
  }
  return out;
}

describe('keep/skip lists of any length', () => {
  it('filter exactly as the rule says, for short and long lists', () => {
    const key = fc.constantFrom('a', 'b', 'c', 'd', 'id', '_links', 'x1', 'x2', 'x3');
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(key, fc.integer()), { maxLength: 20 }),
        fc.array(fc.oneof(key, fc.string()), { maxLength: 40 }),
        fc.array(key, { maxLength: 3 }),
        (items, skip, keep) => {
          const r = flatten({ contentPath: content(skip, keep) }, [{ items }]);
          expect(r.records).toEqual(items.map((item) => ({ items: reference(item, skip, keep) })));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a 30,000-entry skipAttributes over 100,000 items takes well under a second per 100,000', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 29_999 }), (hit) => {
        const skip = Array.from({ length: 30_000 }, (_, i) => `field_${i}`);
        const items = Array.from({ length: 100_000 }, (_, i) => ({ id: i, [`field_${hit}`]: 1, name: 'n' }));
        const t0 = performance.now();
        const r = flatten({ contentPath: content(skip) }, [{ items }]);
        const ms = performance.now() - t0;
        expect(r.records).toHaveLength(100_000);
        expect(r.records[0]).toEqual({ items: { id: 0, name: 'n' } });
        // Today's code takes over 20 s; linear work is a few hundred ms even on a busy machine.
        expect(ms).toBeLessThan(5_000);
      }),
      { numRuns: 2 },
    );
  }, 60_000);
});

describe('toTable and CSV of records with distinct keys', () => {
  it('is sparse: 20,000 records × 20,000 columns in seconds, cells read back as undefined', () => {
    const records = Array.from({ length: 20_000 }, (_, i) => ({ [`k${i}`]: i }));
    const t0 = performance.now();
    const t = toTable(records);
    let lines = 0;
    for (const line of csvLines(t, 1_000)) lines += line.length > 0 ? 1 : 1;
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(t.columns).toHaveLength(20_000);
    expect(t.rows[19_999]?.[19_999]).toBe(19_999);
    expect(t.rows[19_999]?.[0]).toBeUndefined();
    // Sparse: the first row ends at its one cell instead of holding 19,999 empty ones.
    expect(t.rows[0]).toHaveLength(1);
    expect(lines).toBe(20_001);
  }, 60_000);

  it('csvLines with a column cap writes exactly the first cells of each row, dense or sparse', () => {
    const wide = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`f${i}`, i]));
    const key = fc.oneof(
      fc.constantFrom('a', 'b', 'c'),
      fc.integer({ min: 0, max: 299 }).map((i) => `f${i}`),
    );
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.dictionary(key, fc.integer()), { maxLength: 10 }),
        fc.integer({ min: 0, max: 320 }),
        (withWide, records, cap) => {
          const t = toTable(withWide ? [wide, ...records] : records);
          const n = Math.min(cap, t.columns.length);
          const cell = (v: JsonValue | undefined) => (v === undefined ? '' : String(v));
          const expected = [
            t.columns
              .slice(0, n)
              .map((c) => c.label)
              .join(','),
            ...t.rows.map((row) => Array.from({ length: n }, (_, c) => cell(row[c])).join(',')),
          ];
          expect([...csvLines(t, cap)]).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
