import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainRecord, type RecordExplanation } from '../../src/core/flatten/explain';
import { flatten, type FlattenConfig } from '../../src/core/flatten/flatten';
import { getAt } from '../../src/core/json/pointer';
import type { JsonObject, JsonValue, PathSpec } from '../../src/core/types';

type RawSpec = Partial<PathSpec> & { path: string };
interface Case {
  name: string;
  config: { contentPath?: RawSpec; explodeEntityPath?: RawSpec };
  responses: JsonValue[];
}

const spec = (raw: RawSpec): PathSpec => ({ skipAttributes: [], keepAttributes: [], ...raw });
const configOf = (c: Case['config']): FlattenConfig => ({
  contentPath: c.contentPath && spec(c.contentPath),
  explodeEntityPath: c.explodeEntityPath && spec(c.explodeEntityPath),
});
const cases = JSON.parse(
  readFileSync(new URL('../fixtures/flatten/cases.json', import.meta.url), 'utf8'),
) as Case[];

const keysOf = (v: JsonValue | undefined) =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : null;
const json = (v: unknown) => JSON.stringify(v);

/** Checks one explanation against the record flatten produced and the page it came from. */
function checkConsistent(e: RecordExplanation, body: JsonValue, record: JsonObject, config: FlattenConfig) {
  expect(json(e.record)).toBe(json(record));
  expect(e.steps.map((s) => s.id)).toEqual(['matched', 'wrapped', 'keep-skip', 'exploded']);
  for (const s of e.steps) expect(s.text.length * s.rule.length).toBeGreaterThan(0);
  // matched: the item pointer names the content item in the response
  const item = getAt(body, e.match.itemPointer);
  expect(item).toBeDefined();
  if (e.match.elementIndex !== null)
    expect(e.match.itemPointer).toBe(`${e.match.matchPointer}/${e.match.elementIndex}`);
  // keep/skip: the wrapped item keeps exactly the listed keys, the removed ones are the item's
  const kept = e.filter.kept;
  const removed = [...e.filter.removedByKeep, ...e.filter.removedBySkip];
  if (e.filter.object) expect(new Set([...kept, ...removed])).toEqual(new Set(keysOf(item)));
  else expect(kept).toEqual([]);
  const x = e.explode;
  if (x?.outcome === 'exploded') {
    // The element sits where the sub-array was, under the key the explanation names.
    const segs = x.pointer.split('/').slice(1, -1);
    const at = [...segs, x.keyRule === 'array-slot' ? (x.pointer.split('/').pop() ?? '') : x.key].join('/');
    const element = getAt(record, `/${at}`);
    expect(element).toBeDefined();
    expect(x.elementIndex).toBeLessThan(x.elementCount);
    if (x.filter.object) expect(keysOf(element)).toEqual(x.filter.kept);
    if (segs.length === 0) return; // the wrapper itself was exploded and renamed
  } else {
    expect(keysOf(record)).toEqual([e.wrapper.name]);
    if (x === null) expect(config.explodeEntityPath).toBeUndefined();
  }
  const wrapped = record[e.wrapper.name];
  if (e.filter.object && x?.outcome !== 'exploded') expect(keysOf(wrapped)).toEqual(kept);
  if (!e.filter.object) expect(json(wrapped)).toBe(json(item));
}

describe('explainRecord agrees with flatten on every record of tests/fixtures/flatten/cases.json', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const config = configOf(c.config);
    let explained = 0;
    for (const body of c.responses) {
      const flat = flatten(config, [body]);
      flat.records.forEach((record, i) => {
        const e = explainRecord(config, body, i);
        expect(e).not.toBeNull();
        if (!e) return;
        expect(e.recordIndex).toBe(i);
        expect(e.recordCount).toBe(flat.records.length);
        expect(e.match.itemCount).toBe(flat.pages[0]?.contentItems);
        checkConsistent(e, body, record, config);
        explained++;
      });
      expect(explainRecord(config, body, flat.records.length)).toBeNull();
    }
    expect(explained).toBe(flatten(config, c.responses).records.length);
  });
});

const sem = cases[0] as Case;
const byName = (name: string) => {
  const c = cases.find((x) => x.name.startsWith(name));
  if (!c) throw new Error(`no case ${name}`);
  return c;
};

describe('explainRecord: the steps as people read them', () => {
  it.each<[string, Case, number, Partial<Record<'matched' | 'wrapped' | 'keep-skip' | 'exploded', RegExp>>]>([
    [
      'SEMANTICS example, second record',
      sem,
      1,
      {
        matched: /^`\$\.emails` matched the array at `\/emails`; content item 1 of 1 is its element 0/,
        wrapped: /placed under `email`/,
        'keep-skip': /kept whole/,
        exploded: /^element 1 of 2 of the array at `\/email\/activity`, placed under `activity`/,
      },
    ],
    [
      'skip of a response-level key is a no-op',
      byName('FORMAT §4.3'),
      0,
      {
        'keep-skip':
          /^kept `email_id`, `list_id`, `activity`; nothing removed; `_links`, `total_items` listed but not in the item \(no-op\)$/,
      },
    ],
    [
      'keep then skip',
      byName('keep then skip'),
      0,
      {
        'keep-skip': /^kept `a`; removed `c`, `d` \(not in keepAttributes\); removed `b` \(skipAttributes\)/,
      },
    ],
    ['default wrapper', byName('path with no name segment ($)'), 0, { wrapped: /under `items`/ }],
    [
      'not an object',
      byName('items that are not objects'),
      0,
      { 'keep-skip': /^item is not an object: passed unchanged$/ },
    ],
    [
      'scalar match',
      byName('a scalar match'),
      0,
      { matched: /matched the number at `\/count`; it is content item 1 of 1/ },
    ],
    [
      'wildcard',
      byName('several matches'),
      2,
      { matched: /the object at `\/groups\/1\/members` \(match 2 of 3\); it is content item 3 of 4/ },
    ],
    [
      'missing sub-array',
      byName('records with a missing'),
      1,
      { exploded: /^no sub-array: emitted once unchanged/ },
    ],
    [
      'non-array sub-array',
      byName('a sub-array value that is not'),
      0,
      { exploded: /holds a (string|number|object), not an array/ },
    ],
    [
      'no explode',
      byName('wrapper defaults'),
      0,
      { exploded: /^no explodeEntityPath/, wrapped: /under `members`/ },
    ],
  ])('%s', (_name, c, index, expected) => {
    const e = explainRecord(configOf(c.config), c.responses[0] ?? null, index);
    expect(e).not.toBeNull();
    for (const [id, re] of Object.entries(expected)) {
      expect(e?.steps.find((s) => s.id === id)?.text).toMatch(re);
    }
  });

  it.each([
    ['the wrapper rule is override', sem, 'override'],
    ['the wrapper rule is the last name segment', byName('wrapper defaults'), 'last-name-segment'],
    ['the wrapper rule is the default', byName('path with no name segment ($[*])'), 'default'],
  ])('%s', (_name, c, rule) => {
    expect(explainRecord(configOf(c.config), c.responses[0] ?? null, 0)?.wrapper.rule).toBe(rule);
  });

  it.each<[string, FlattenConfig, number]>([
    ['no contentPath', {}, 0],
    ['an invalid contentPath', { contentPath: spec({ path: '$.a[' }) }, 0],
    ['a negative index', configOf(sem.config), -1],
    ['a fractional index', configOf(sem.config), 0.5],
    ['an index past the last record', configOf(sem.config), 2],
  ])('is null for %s', (_name, config, index) => {
    expect(explainRecord(config, sem.responses[0] ?? null, index)).toBeNull();
  });

  it('explains an invalid explodeEntityPath as records not exploded', () => {
    const config = { ...configOf(sem.config), explodeEntityPath: spec({ path: '$.email[' }) };
    const e = explainRecord(config, sem.responses[0] ?? null, 0);
    expect(e?.explode).toEqual({ outcome: 'invalid', path: '$.email[' });
    expect(e?.steps[3]?.text).toMatch(/not valid JSONPath/);
  });
});
