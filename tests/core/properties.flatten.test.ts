import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentItemsOf, flatten, wrapperName, type FlattenConfig } from '../../src/core/flatten/flatten';
import { recordsToNdjson, toTable } from '../../src/core/flatten/toTable';
import type { JsonValue, PathSpec } from '../../src/core/types';

const DANGEROUS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString'];
const KEYS = [...DANGEROUS, 'a', 'b', 'x', 'items', 'activity'];

/** JSON text built by hand so that keys like __proto__ reach JSON.parse (which makes them own keys). */
const jsonText: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
    fc.array(tie('node'), { maxLength: 4 }).map((xs) => `[${xs.join(',')}]`),
    fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 3 })), tie('node')), {
        maxLength: 5,
      })
      .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ),
})).node;
const anyJson: fc.Arbitrary<JsonValue> = fc.oneof(
  jsonText.map((t) => JSON.parse(t) as JsonValue),
  fc.jsonValue() as fc.Arbitrary<JsonValue>,
);

const keyList = fc.array(fc.constantFrom(...KEYS), { maxLength: 3 });
const pathSpec = (paths: string[]): fc.Arbitrary<PathSpec> =>
  fc.record({
    path: fc.constantFrom(...paths),
    skipAttributes: keyList,
    keepAttributes: fc.oneof(fc.constant<string[]>([]), keyList),
    overrideWrapperAttribute: fc.option(fc.constantFrom(...KEYS), { nil: undefined }),
  });
const CONTENT_PATHS = [
  '$',
  '$.a',
  '$.__proto__',
  '$[*]',
  '$..a',
  '$.*',
  "$['constructor']",
  '$.a[?@.b]',
  '$.items[0:2]',
  '$[',
];
const EXPLODE_PATHS = [
  '$.a.activity',
  '$.__proto__.a',
  "$['constructor'].prototype",
  '$.items.activity',
  '$.a[0]',
  '$..x',
  '$.a.',
];

/** True when every object reachable from `v` is a plain object or array with the standard prototype. */
function allPlain(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return true;
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== (Array.isArray(v) ? Array.prototype : Object.prototype)) return false;
  return Object.keys(v).every((k) => allPlain((v as Record<string, unknown>)[k]));
}

function protoSnapshot() {
  return [
    Object.getOwnPropertyNames(Object.prototype).sort().join(),
    Object.getOwnPropertyNames(Array.prototype).sort().join(),
  ];
}

describe('flatten properties (fast-check)', () => {
  it('never throws, never touches prototypes, never modifies its input', () => {
    const before = protoSnapshot();
    fc.assert(
      fc.property(
        pathSpec(CONTENT_PATHS),
        fc.option(pathSpec(EXPLODE_PATHS), { nil: undefined }),
        fc.array(anyJson, { minLength: 1, maxLength: 3 }),
        (contentPath, explodeEntityPath, responses) => {
          const text = JSON.stringify(responses);
          const config: FlattenConfig = { contentPath, explodeEntityPath };
          const result = flatten(config, responses);
          toTable(result.records);
          recordsToNdjson(result.records);
          expect(JSON.stringify(responses)).toBe(text);
          expect(protoSnapshot()).toEqual(before);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(allPlain(result.records)).toBe(true);
          expect(result.records.length).toBeGreaterThanOrEqual(result.contentItems);
          expect(result.pages.reduce((n, p) => n + p.records, 0)).toBe(result.records.length);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('record count equals content item count when no explode is set (and records match a reference)', () => {
    fc.assert(
      fc.property(pathSpec(CONTENT_PATHS), fc.array(anyJson, { maxLength: 3 }), (contentPath, responses) => {
        const result = flatten({ contentPath }, responses);
        const items = responses.flatMap((body) => contentItemsOf(contentPath, body).items);
        expect(result.records.length).toBe(items.length);
        expect(result.contentItems).toBe(items.length);
        // Reference: Object.fromEntries defines own data properties, so it is prototype-safe by construction.
        const keep = new Set(contentPath.keepAttributes);
        const skip = new Set(contentPath.skipAttributes);
        const expected = items.map((item) => {
          if (item === null || typeof item !== 'object' || Array.isArray(item))
            return Object.fromEntries([[wrapperName(contentPath), item]]);
          const kept = Object.entries(item).filter(([k]) => (keep.size === 0 || keep.has(k)) && !skip.has(k));
          return Object.fromEntries([[wrapperName(contentPath), Object.fromEntries(kept)]]);
        });
        expect(JSON.stringify(result.records)).toBe(JSON.stringify(expected));
        const wrapper = contentPath.overrideWrapperAttribute;
        for (const r of result.records) {
          expect(Object.keys(r)).toHaveLength(1);
          if (wrapper) expect(Object.keys(r)).toEqual([wrapper]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('each exploded record keeps the wrapper and every other key of its item', () => {
    const item = fc.dictionary(fc.constantFrom('id', 'n', 'z'), fc.integer(), { noNullPrototype: false });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(item, fc.array(fc.integer(), { maxLength: 3 })), { maxLength: 5 }),
        (rows) => {
          const body = { e: rows.map(([rest, activity]) => ({ ...rest, activity })) } as JsonValue;
          const cfg: FlattenConfig = {
            contentPath: {
              path: '$.e',
              skipAttributes: [],
              keepAttributes: [],
              overrideWrapperAttribute: 'email',
            },
            explodeEntityPath: { path: '$.email.activity', skipAttributes: [], keepAttributes: [] },
          };
          const result = flatten(cfg, [body]);
          const expected = rows.reduce((n, [, a]) => n + Math.max(1, a.length), 0);
          expect(result.records.length).toBe(expected);
          expect(result.explodeMissing).toBe(rows.filter(([, a]) => a.length === 0).length);
          for (const r of result.records)
            expect(Object.keys((r as { email: object }).email)).toContain('activity');
        },
      ),
      { numRuns: 200 },
    );
  });
});
