import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compareCase,
  diffLines,
  expectFrom,
  MAX_DIFF_ENTRIES,
  normalise,
  parseCase,
  runCase,
  type JsonValue,
  type TestCase,
} from '../../src/core';

const read = (p: string): JsonValue =>
  JSON.parse(readFileSync(new URL(p, import.meta.url), 'utf8')) as JsonValue;
const spec = read('../fixtures/cli/mailchimp.spec.json') as Record<string, JsonValue>;
const model = normalise(spec).model;
const p3 = read('../fixtures/cli/members.p3.json');

const base: TestCase = {
  name: 'members, last page',
  pages: [
    {
      members: [
        { id: 'a', email: 'a@x' },
        { id: 'b', email: 'b@x' },
      ],
    },
  ],
  params: { domain: 'us6', listId: 'abc' },
  auth: 'Basic Authentication',
  windowStart: '2026-01-01T00:00:00Z',
  windowEnd: '2026-01-02T00:00:00Z',
};

describe('parseCase', () => {
  it('accepts the format of the issue', () => {
    const r = parseCase({
      ...base,
      backfill: false,
      expect: { records: [], requests: [{ method: 'GET', url: 'https://x' }], stop: 'short-page' },
    } as unknown as JsonValue);
    expect(r.ok).toBe(true);
  });
  it.each<[JsonValue, string, RegExp]>([
    [[], '', /must be a JSON object, not an array/],
    [{ pages: [] }, '/name', /name is required/],
    [{ name: 'x' }, '', /pages .* or pageFiles .* is required/],
    [{ name: 'x', pages: [], pageFiles: ['a'] }, '/pageFiles', /not both/],
    [{ name: 'x', pages: {} }, '/pages', /must be an array/],
    [{ name: 'x', pageFiles: ['a', 3] }, '/pageFiles/1', /non-empty path/],
    [{ name: 'x', pages: [], params: { a: [1] } }, '/params/a', /string, number or boolean/],
    [
      { name: 'x', pages: [], windowStart: 'soon', windowEnd: '2026-01-01T00:00:00Z' },
      '/windowStart',
      /ISO 8601/,
    ],
    [{ name: 'x', pages: [], windowStart: '2026-01-01T00:00:00Z' }, '/windowEnd', /go together/],
    [
      { name: 'x', pages: [], windowStart: '2026-01-02T00:00:00Z', windowEnd: '2026-01-01T00:00:00Z' },
      '/windowEnd',
      /after/,
    ],
    [{ name: 'x', pages: [], backfill: 'yes' }, '/backfill', /true or false/],
    [{ name: 'x', pages: [], expected: {} }, '/expected', /unknown key "expected"/],
    [{ name: 'x', pages: [], expect: { stop: 'done' } }, '/expect/stop', /one of .*short-page/],
    [{ name: 'x', pages: [], expect: { requests: [{ url: 'u' }] } }, '/expect/requests/0', /method/],
    [{ name: 'x', pages: [], expect: { record: [] } }, '/expect/record', /unknown key/],
  ])('refuses %j at %s', (value, pointer, message) => {
    const r = parseCase(value);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const hit = r.errors.find((e) => e.pointer === pointer);
    expect(hit?.message).toMatch(message);
  });
});

describe('running and comparing a case', () => {
  it('uses the same flatten and simulation as the preview: records, requests with masked secrets, stop', () => {
    const out = runCase(model, { ...base, params: { ...base.params, username: 'u', password: 'hunter2' } }, [
      p3,
    ]);
    expect(out.records.length).toBeGreaterThan(0);
    expect(out.records[0]).toMatchObject({ member: { id: 'm200' } });
    expect(out.requests).toHaveLength(1);
    expect(out.requests[0]?.url).toMatch(/^https:\/\/us6\.api\.mailchimp\.com\/3\.0\/lists\/abc\/members\?/);
    expect(JSON.stringify(out)).not.toContain('hunter2');
    expect(out.stop).toBe('end-condition');
  });

  it('a missing credential does not stop a case: the request shows ‹name›', () => {
    const out = runCase(model, { name: 'x', pages: [p3] }, [p3]);
    expect(out.stop).not.toBe('blocked');
    expect(out.requests[0]?.url).toContain('‹domain›');
  });

  it('passes against its own output, comparing only what expect holds', () => {
    const out = runCase(model, base, base.pages ?? []);
    expect(compareCase(expectFrom(out), out)).toMatchObject({
      pass: true,
      compared: ['records', 'requests', 'stop'],
    });
    expect(compareCase({ stop: out.stop }, { ...out, records: [] })).toMatchObject({
      pass: true,
      compared: ['stop'],
    });
    expect(compareCase(undefined, out)).toMatchObject({ pass: true, compared: [] });
  });

  it('records compare by value (key order ignored), in order', () => {
    const out = runCase(model, base, base.pages ?? []);
    const reordered = out.records.map((r) => Object.fromEntries(Object.entries(r).reverse()));
    expect(compareCase({ records: reordered }, out).pass).toBe(true);
    expect(compareCase({ records: [...out.records].reverse() }, out).pass).toBe(false);
  });

  it('names added, removed and changed records with the changed fields', () => {
    const mk = (id: string, email: string) => ({ member: { id, email } });
    const expected = [mk('a', 'a@x'), mk('b', 'b@x'), mk('c', 'c@x')];
    const actual = [mk('a', 'a@x'), mk('b', 'B@x'), mk('c', 'c@x'), mk('d', 'd@x')];
    const diff = compareCase(
      { records: expected },
      { records: actual, requests: [], stop: 'short-page', stopMessage: '' },
    );
    expect(diff.pass).toBe(false);
    expect(diff.records).toEqual([
      {
        kind: 'changed',
        index: 1,
        actualIndex: 1,
        fields: [{ path: 'member.email', expected: 'b@x', actual: 'B@x' }],
      },
      { kind: 'added', index: 3, record: mk('d', 'd@x') },
    ]);
    const removed = compareCase(
      { records: expected },
      { records: [expected[0], expected[2]] as never, requests: [], stop: 'short-page', stopMessage: '' },
    );
    expect(removed.records).toEqual([{ kind: 'removed', index: 1, record: mk('b', 'b@x') }]);
    expect(diffLines(diff)).toEqual([
      '  records: 1 changed, 1 added, 0 removed',
      '    ~ record 2: member.email: "b@x" → "B@x"',
      '    + record 4 (new): {"member":{"id":"d","email":"d@x"}}',
    ]);
  });

  it('compares requests and stop, and says so in the diff', () => {
    const out = runCase(model, base, base.pages ?? []);
    const diff = compareCase(
      {
        requests: [
          { method: 'GET', url: 'https://old' },
          { method: 'GET', url: 'https://gone' },
        ],
        stop: 'max-requests',
      },
      out,
    );
    expect(diff.pass).toBe(false);
    const text = diffLines(diff).join('\n');
    expect(text).toContain('~ request 1: GET https://old → GET https://us6.api.mailchimp.com');
    expect(text).toContain('- request 2 (missing): GET https://gone');
    expect(text).toMatch(
      /stop: expected max-requests, got samples-exhausted \(the 1 sample responses ran out/,
    );
  });

  it('lists at most MAX_DIFF_ENTRIES entries and counts the rest', () => {
    const records = Array.from({ length: MAX_DIFF_ENTRIES + 5 }, (_, i) => ({ n: i }));
    const diff = compareCase({ records }, { records: [], requests: [], stop: 'short-page', stopMessage: '' });
    const lines = diffLines(diff);
    expect(lines.at(-1)).toBe('    … and 5 more records');
  });

  it('expectFrom keeps the keys a case compares', () => {
    const out = runCase(model, base, base.pages ?? []);
    expect(Object.keys(expectFrom(out, { stop: 'x' }))).toEqual(['stop']);
    expect(Object.keys(expectFrom(out, {}))).toEqual(['records', 'requests', 'stop']);
  });
});
