import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentItemsOf, flatten, wrapperName, type FlattenConfig } from '../../src/core/flatten/flatten';
import type { Diagnostic, JsonValue, PathSpec } from '../../src/core/types';

const FIXTURES = new URL('../fixtures/flatten/', import.meta.url);
const load = (name: string): JsonValue =>
  JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as JsonValue;

type RawSpec = Partial<PathSpec> & { path: string };
interface Case {
  name: string;
  config: { contentPath?: RawSpec; explodeEntityPath?: RawSpec };
  responses: JsonValue[];
  records: JsonValue[];
  pages?: Array<{ contentItems: number; records: number; explodeMissing: number }>;
  diagnostics?: Array<Pick<Diagnostic, 'severity' | 'code' | 'pointer' | 'message'>>;
}

const spec = (raw: RawSpec): PathSpec => ({ skipAttributes: [], keepAttributes: [], ...raw });
const configOf = (c: Case['config']): FlattenConfig => ({
  contentPath: c.contentPath && spec(c.contentPath),
  explodeEntityPath: c.explodeEntityPath && spec(c.explodeEntityPath),
});
const cases = load('cases.json') as unknown as Case[];

describe('flatten: SEMANTICS §4 cases (tests/fixtures/flatten/cases.json)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = flatten(configOf(c.config), c.responses);
    // Compared as JSON text: key order is part of the contract, and own __proto__ keys are serialised.
    expect(JSON.stringify(result.records)).toBe(JSON.stringify(c.records));
    expect(
      result.diagnostics.map(({ severity, code, pointer, message }) => ({
        severity,
        code,
        pointer,
        message,
      })),
    ).toEqual(c.diagnostics ?? []);
    if (c.pages) expect(result.pages).toEqual(c.pages);
    for (const r of result.records) expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('flatten: MailChimp members example', () => {
  const response = load('mailchimp-members.api-response.legacy.json') as {
    members: Array<Record<string, JsonValue>>;
  };
  const contentPath = spec(
    (load('mailchimp-members.content-path.json') as { contentPath: RawSpec }).contentPath,
  );

  it('wraps each member as `member`, skips its own _links/list_id, and total_items is a no-op', () => {
    const result = flatten({ contentPath }, [response as unknown as JsonValue]);
    expect(result.diagnostics).toEqual([]);
    expect(result.records).toHaveLength(1);
    const member = response.members[0] as Record<string, JsonValue>;
    const expected = Object.fromEntries(
      Object.entries(member).filter(([k]) => k !== '_links' && k !== 'list_id'),
    );
    expect(JSON.stringify(result.records[0])).toBe(JSON.stringify({ member: expected }));
    expect(result.pages).toEqual([{ contentItems: 1, records: 1, explodeMissing: 0 }]);
  });

  it('shares unchanged subtrees with the input (no deep copy)', () => {
    const result = flatten({ contentPath }, [response as unknown as JsonValue]);
    const rec = result.records[0] as { member: Record<string, JsonValue> };
    expect(rec.member.stats).toBe(response.members[0]?.stats);
    expect(rec.member).not.toBe(response.members[0]);
  });
});

describe('flatten: sharing and input safety', () => {
  it('does not modify the input and copies only objects along the exploded path', () => {
    const body = JSON.parse('{"e":[{"id":1,"meta":{"a":1},"activity":[{"x":1},{"x":2}]}]}') as JsonValue;
    const before = JSON.stringify(body);
    const result = flatten(
      {
        contentPath: spec({ path: '$.e', overrideWrapperAttribute: 'email' }),
        explodeEntityPath: spec({ path: '$.email.activity' }),
      },
      [body],
    );
    expect(JSON.stringify(body)).toBe(before);
    const item = (body as { e: Array<{ meta: JsonValue; activity: JsonValue[] }> }).e[0];
    const [r1, r2] = result.records as Array<{ email: { meta: JsonValue; activity: JsonValue } }>;
    expect(r1?.email.meta).toBe(item?.meta);
    expect(r2?.email.meta).toBe(item?.meta);
    expect(r1?.email.activity).toBe(item?.activity[0]);
    expect(r1?.email).not.toBe(r2?.email);
  });

  it('returns the item itself when no skip key is present', () => {
    const body = JSON.parse('{"m":[{"a":1}]}') as { m: JsonValue[] };
    const result = flatten({ contentPath: spec({ path: '$.m', skipAttributes: ['zzz'] }) }, [
      body as unknown as JsonValue,
    ]);
    expect((result.records[0] as { m: JsonValue }).m).toBe(body.m[0]);
  });
});

describe('wrapperName', () => {
  it.each([
    ['$.members', undefined, 'members'],
    ['$.data[*]', undefined, 'data'],
    ["$['a b'][0]", undefined, 'a b'],
    ['$.a.b', undefined, 'b'],
    ['$', undefined, 'items'],
    ['$[*]', undefined, 'items'],
    ['$[', undefined, 'items'],
    ['$.members', 'member', 'member'],
    ['$.members', '', 'members'],
  ])('%s with override %s → %s', (path, override, expected) => {
    expect(wrapperName(spec({ path, overrideWrapperAttribute: override }))).toBe(expected);
  });
});

describe('contentItemsOf', () => {
  it.each([
    ['array match → elements', '$.a', { a: [1, 2] }, [1, 2]],
    ['object match → one item', '$.a', { a: { x: 1 } }, [{ x: 1 }]],
    ['wildcard → concatenation', '$.*', { a: [1], b: { c: 2 }, d: [3, 4] }, [1, { c: 2 }, 3, 4]],
    ['no match → none', '$.z', { a: [1] }, []],
  ] as Array<[string, string, JsonValue, JsonValue[]]>)('%s', (_n, path, body, expected) => {
    expect(contentItemsOf(spec({ path }), body).items).toEqual(expected);
  });

  it('counts items before any explode and reports a missing contentPath', () => {
    const r = contentItemsOf(undefined, { a: [1] });
    expect(r.items).toEqual([]);
    expect(r.diagnostics.map((d) => [d.severity, d.code])).toEqual([['error', 'content-path-missing']]);
  });
});

describe('flatten: scalar content matches (issue 12 item 4)', () => {
  it('lists the first few and counts the rest in one finding, however many there are', () => {
    const response: JsonValue = { a: Array.from({ length: 300_000 }, (_, i) => `v${i}`) };
    const out = flatten({ contentPath: spec({ path: '$.a.*' }) }, [response]);
    expect(out.records).toHaveLength(300_000);
    const notes = out.diagnostics.filter((d) => d.code === 'content-path-scalar');
    expect(notes).toHaveLength(4);
    expect(notes[0]?.message).toMatch(/matched a string at \/a\/0,/);
    expect(notes[3]?.message).toMatch(
      /matched 300,000 values that are not arrays or objects.*first 3 are listed/,
    );
  });
});
