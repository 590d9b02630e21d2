import { describe, expect, it } from 'vitest';
import { getAt, MAX_CHANGE_ENTRIES, summariseChanges, type JsonValue } from '../../src/core';

const base = {
  name: 'Members',
  authSpec: [
    { name: 'Basic', type: 'BasicAuthentication' },
    { name: 'Key', type: 'KeyBased' },
  ],
  sourceSpec: {
    attributes: {
      paginationParams: { type: 'OFFSET', limitName: 'count', limitValue: '100' },
      urlParams: { path: '/v3/lists', method: 'GET', queryParams: { fields: 'id' } },
    },
  },
} satisfies JsonValue;

const clone = (): typeof base => JSON.parse(JSON.stringify(base)) as typeof base;

/** Applies an entry's revert to `doc` (a plain write at the pointer, like the store's updateAt). */
function applyRevert(doc: JsonValue, pointer: string, value: JsonValue | undefined): JsonValue {
  const copy = JSON.parse(JSON.stringify(doc)) as JsonValue;
  const segs = pointer.split('/').slice(1);
  const last = segs.pop() as string;
  const parent = getAt(copy, segs.length ? `/${segs.join('/')}` : '') as
    Record<string, JsonValue> | JsonValue[];
  if (Array.isArray(parent)) parent[Number(last)] = value as JsonValue;
  else if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

const cases: Array<
  [string, (d: ReturnType<typeof clone>) => void, Array<{ pointer: string; kind: string; message: string }>]
> = [
  [
    'a changed value, named by its place',
    (d) => (d.sourceSpec.attributes.paginationParams.type = 'PAGE'),
    [
      {
        pointer: '/sourceSpec/attributes/paginationParams/type',
        kind: 'changed',
        message: 'pagination type OFFSET → PAGE',
      },
    ],
  ],
  [
    'the name',
    (d) => (d.name = 'Lists'),
    [{ pointer: '/name', kind: 'changed', message: 'name Members → Lists' }],
  ],
  [
    'several query parameters added, grouped',
    (d) => Object.assign(d.sourceSpec.attributes.urlParams.queryParams, { a: '1', b: '2', c: '3' }),
    [
      {
        pointer: '/sourceSpec/attributes/urlParams/queryParams',
        kind: 'added',
        message: '3 query parameters added: a, b, c',
      },
    ],
  ],
  [
    'one member removed',
    (d) =>
      delete (
        d.sourceSpec.attributes.paginationParams as Partial<typeof d.sourceSpec.attributes.paginationParams>
      ).limitValue,
    [
      {
        pointer: '/sourceSpec/attributes/paginationParams/limitValue',
        kind: 'removed',
        message: 'pagination limit value removed (was 100)',
      },
    ],
  ],
  [
    'list items matched by name',
    (d) => {
      d.authSpec.splice(0, 1);
      d.authSpec[0]!.type = 'KeyBased2';
    },
    [
      { pointer: '/authSpec/0/type', kind: 'changed', message: 'auth method Key type KeyBased → KeyBased2' },
      { pointer: '/authSpec', kind: 'removed', message: '1 auth method removed: Basic' },
    ],
  ],
];

describe('summariseChanges', () => {
  it('lists nothing for equal documents (key order ignored)', () => {
    const reordered = { sourceSpec: base.sourceSpec, authSpec: base.authSpec, name: base.name };
    expect(summariseChanges(base, reordered)).toEqual({ entries: [], more: 0 });
  });

  it.each(cases)('%s, and each entry reverts alone', (_name, edit, expected) => {
    const after = clone();
    edit(after);
    const summary = summariseChanges(base, after);
    expect(summary.entries.map(({ pointer, kind, message }) => ({ pointer, kind, message }))).toEqual(
      expected,
    );
    // Reverting the first entry, then the first of the new summary (as the Changes view does), ends at the original.
    let doc: JsonValue = after;
    for (let i = 0; i < 10; i++) {
      const [e] = summariseChanges(base, doc).entries;
      if (!e) break;
      doc = applyRevert(doc, e.pointer, e.revert.value);
    }
    expect(doc).toEqual(base);
  });

  it('reverts one change and keeps the others', () => {
    const after = clone();
    after.name = 'Lists';
    after.sourceSpec.attributes.paginationParams.type = 'PAGE';
    const [first] = summariseChanges(base, after).entries;
    expect(first?.pointer).toBe('/name');
    const doc = applyRevert(after, first!.pointer, first!.revert.value);
    expect(summariseChanges(base, doc).entries.map((e) => e.message)).toEqual([
      'pagination type OFFSET → PAGE',
    ]);
  });

  it('treats a list that changed length without names as one change', () => {
    const s = summariseChanges({ tags: ['a', 'b'] }, { tags: ['a', 'b', 'c', 'd'] });
    expect(s.entries).toEqual([
      {
        pointer: '/tags',
        kind: 'changed',
        message: 'tags: 2 added (2 → 4 items)',
        code: 'list-length',
        params: { where: 'tags', path: 'tags', diff: 2, change: 'added', before: 2, after: 4 },
        revert: { value: ['a', 'b'] },
      },
    ]);
  });

  it('caps the entries and counts the rest', () => {
    const n = MAX_CHANGE_ENTRIES + 20;
    const before = Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
    const after = Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i + 1]));
    const s = summariseChanges(before, after);
    expect(s.entries).toHaveLength(MAX_CHANGE_ENTRIES);
    expect(s.more).toBe(20);
  });

  it('compares a whole document replaced by another type', () => {
    expect(summariseChanges({ a: 1 }, [1]).entries).toEqual([
      {
        pointer: '',
        kind: 'changed',
        message: 'the document changed',
        code: 'value-replaced',
        params: { where: 'the document', path: '' },
        revert: { value: { a: 1 } },
      },
    ]);
  });
});
