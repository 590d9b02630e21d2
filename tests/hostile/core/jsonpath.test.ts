/**
 * BAD-INPUTS group C (JSONPath expressions) at the core tier. JSONPath is RFC 9535 through json-p3
 * (no eval, no Function); the CTS cases themselves run in tests/core/jsonpath.test.ts.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  compileJsonPath,
  compileLoosePath,
  firstValue,
  flatten,
  MAX_JSONPATH_LENGTH,
  MAX_JSONPATH_NESTING,
  MAX_JSONPATH_WORK,
  loadRegexEngine,
  runJsonPath,
  toTable,
  type CompiledJsonPath,
  type JsonValue,
  type PathSpec,
} from '../../../src/core/index';

const FX = new URL('../../fixtures/hostile/core/', import.meta.url);
const payloads = JSON.parse(readFileSync(new URL('jsonpath-script-payloads.json', FX), 'utf8')) as string[];
const path = (p: string): PathSpec => ({ path: p, skipAttributes: [], keepAttributes: [] });

function compiled(expr: string): CompiledJsonPath {
  const r = compileJsonPath(expr);
  if (!r.ok) throw new Error(`${expr}: ${r.message}`);
  return r.path;
}

// match()/search() run on the linear-time regex engine, which the core loads asynchronously.
beforeAll(async () => {
  expect(await loadRegexEngine()).toBe(true);
});

const PROTO_BEFORE = Object.getOwnPropertyNames(Object.prototype).sort();
afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_BEFORE);
  expect((globalThis as Record<string, unknown>)['__pwned']).toBeUndefined();
});

describe('C1: script filters never run', () => {
  const doc: JsonValue = [{ x: 1, constructor: 'data' }, { y: 2 }];
  it.each(payloads.map((p) => [p]))('C1: %s is refused or evaluated as data only', (expr) => {
    const r = compileJsonPath(expr);
    if (r.ok) {
      // A valid RFC 9535 query (e.g. a member named "constructor") may only select data.
      for (const m of r.path.query(doc)) expect(typeof m.value).not.toBe('function');
    } else {
      expect(r.message.length).toBeGreaterThan(0);
      expect(r.offset).toBeGreaterThanOrEqual(0);
    }
  });
  it('C1: the script form $[(@.length-1)] is a syntax error', () => {
    expect(compileJsonPath('$[(@.length-1)]').ok).toBe(false);
  });
  it('C1: $[?(@.x)] is a plain RFC 9535 existence filter, not code', () => {
    expect(
      compiled('$[?(@.x)]')
        .query(doc)
        .map((m) => m.pointer),
    ).toEqual(['/0']);
  });
});

describe('C2: descendant queries on large, deep documents', () => {
  const wide = { items: Array.from({ length: 20_000 }, (_, i) => ({ id: i, tags: [i, { x: i }] })) };
  it('C2: $..* stops at the result cap and returns quickly', () => {
    const t0 = Date.now();
    const found = compiled('$..*').query(wide, 1000);
    expect(found).toHaveLength(1000);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
  it('C2: a filter with a root query per node is refused up front, with the estimate', () => {
    const r = runJsonPath(compiled('$..[?@.id == $.items[0].id]'), wide);
    expect(r.matches).toEqual([]);
    expect(r.stopped).toMatch(/is not evaluated: on this value \(\d+ values, nested \d+ deep\)/);
  });
  it('C2: repeated selectors that multiply nodes exponentially stop at the work budget', () => {
    let doc: JsonValue = 0;
    for (let i = 0; i < 8; i++) doc = [doc];
    const expr = '$' + '[0,0,0,0,0,0,0,0,0,0]'.repeat(8) + '.nothing';
    const t0 = Date.now();
    const r = runJsonPath(compiled(expr), doc);
    expect(r.stopped).toMatch(
      new RegExp(
        `stopped after 0 matches: it took more than (${MAX_JSONPATH_WORK.toLocaleString('en')} steps|3 s)`,
      ),
    );
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
  it('C2: flatten reports the refusal as an error on contentPath instead of "matched nothing"', () => {
    const r = flatten({ contentPath: path('$..[?count($..x) > 0]') }, [wide]);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'content-path-budget',
        pointer: '/sourceSpec/attributes/contentPath/path',
      }),
    ]);
  });
  it('C2: ordinary descendant queries on ordinary documents still run', () => {
    const r = runJsonPath(compiled('$..x'), wide);
    expect(r.stopped).toBeUndefined();
    expect(r.matches).toHaveLength(20_000);
  });
  it('C2: ReDoS patterns in match()/search() run in linear time and answer correctly', () => {
    const subject = [`${'a'.repeat(40)}!`, 'a'.repeat(40)];
    for (const [expr, found] of [
      ["$[?match(@, '(a|a)*b')]", 0],
      ["$[?search(@, '(a+)+$')]", 1],
      ["$[?match(@, '(a+)+')]", 1],
      ["$[?match(@, '(.*a){20}')]", 1],
      ["$[?search(@, '.*.*.*.*=.*')]", 0],
    ] as const) {
      const t0 = Date.now();
      expect([expr, compiled(expr).query(subject).length]).toEqual([expr, found]);
      expect(Date.now() - t0).toBeLessThan(500);
    }
    expect(compiled("$[?match(@, '(get|put)*')]").query(['getput'])).toHaveLength(1);
    expect(compiled("$[?match(@, '(ab|cd)*')]").query(['abcd', 'abc'])).toHaveLength(1);
  });
});

describe('C3: huge or deeply nested expressions', () => {
  it('C3: a 100 KB expression is refused before parsing', () => {
    const expr = '$' + '.a'.repeat(50_000);
    const r = compileJsonPath(expr);
    expect(r).toEqual({
      ok: false,
      message: `JSONPath longer than ${MAX_JSONPATH_LENGTH} characters`,
      offset: MAX_JSONPATH_LENGTH,
    });
    expect(compileLoosePath(expr.slice(2)).ok).toBe(false);
  });
  it.each([
    ['1,000 nested parentheses', `$[?${'('.repeat(1000)}@.a${')'.repeat(1000)}]`],
    ['500 nested filters', `$${'[?@'.repeat(500)}${']'.repeat(500)}`],
    ['250 nested function calls', `$[?${'length('.repeat(250)}@${')'.repeat(250)}]`],
  ])('C3: %s are refused before parsing, with the offset of the first bracket too deep', (_name, expr) => {
    expect(expr.length).toBeLessThanOrEqual(MAX_JSONPATH_LENGTH);
    const r = compileJsonPath(expr);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/nested more than 64 levels deep/) });
    if (!r.ok) expect('[('.includes(expr[r.offset] ?? '')).toBe(true);
    expect(MAX_JSONPATH_NESTING).toBe(64);
  });
});

describe('C4: syntax errors', () => {
  it.each([
    ['$[', 1],
    ['$.a[?(', 3],
    ["$['a", 1],
    ['$.a[?@.b == "x]', 3],
    ['$..', 1],
  ])('C4: %s is an error with an offset inside the expression', (expr, atLeast) => {
    const r = compileJsonPath(expr);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.offset).toBeGreaterThanOrEqual(atLeast);
      expect(r.offset).toBeLessThanOrEqual(expr.length);
    }
  });
  it('C4: flatten names the character of the error in its diagnostic', () => {
    const r = flatten({ contentPath: path('$.a[?(') }, [{ a: [] }]);
    expect(r.diagnostics[0]).toMatchObject({ code: 'content-path-invalid', severity: 'error' });
    expect(r.diagnostics[0]?.message).toMatch(/\(at character \d+\)$/);
  });
});

describe('C5: paths that match nothing, a scalar, or mixed values', () => {
  it('C5: no match gives zero records and names the deepest prefix that matched', () => {
    const r = flatten({ contentPath: path('$.data.items') }, [{ data: { other: 1 } }]);
    expect(r.records).toEqual([]);
    expect(r.diagnostics[0]?.message).toBe('contentPath matched nothing; `$.data` matched');
  });
  it('C5: a scalar match is one record with an info, and the table has one column', () => {
    const r = flatten({ contentPath: path('$.count') }, [{ count: 3 }]);
    expect(r.records).toEqual([{ count: 3 }]);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'info', code: 'content-path-scalar' });
    expect(toTable(r.records).columns.map((c) => c.label)).toEqual(['count']);
  });
  it('C5: mixed arrays and scalars become records; the table records each type seen', () => {
    const r = flatten({ contentPath: path('$.rows') }, [{ rows: [{ a: 1 }, 2, null, [3], 'x'] }]);
    expect(r.records).toHaveLength(5);
    const t = toTable(r.records);
    expect(t.columns.map((c) => [c.label, c.types])).toEqual([
      ['rows.a', ['number']],
      ['rows', ['number', 'null', 'array', 'string']],
    ]);
  });
});

describe('C6: non-standard syntax is pinned', () => {
  it.each([
    ['$[(@.length-1)]'],
    ['$.a^'],
    ['$.*~'],
    ['$..a[-1:]~'],
    ['$[?@.a =~ /x/]'],
    ["$.a[?(@.b == 'x')].^"],
  ])('C6: %s is rejected (not RFC 9535)', (expr) => {
    expect(compileJsonPath(expr).ok).toBe(false);
  });
  it('C6: @.length is the member named "length", not the array length (RFC 9535; use length(@))', () => {
    expect(
      compiled('$[?@.length == 2]')
        .query([[1, 2], { length: 2 }])
        .map((m) => m.pointer),
    ).toEqual(['/1']);
    expect(
      compiled('$[?length(@) == 2]')
        .query([[1, 2], { length: 2 }])
        .map((m) => m.pointer),
    ).toEqual(['/0']);
  });
});

describe('C7: paths built from user input', () => {
  const items = { items: [{ id: 'a' }, { id: "x' || @.id != '" }, { id: 'b"]' }] };
  it.each([["x' || @.id != '"], ['b"]'], ["' ]..*["]])(
    'C7: a value quoted with JSON.stringify is one string literal and matches only itself (%s)',
    (id) => {
      const r = compileJsonPath(`$.items[?@.id == ${JSON.stringify(id)}]`);
      expect(r.ok).toBe(true);
      if (r.ok) for (const m of r.path.query(items)) expect((m.value as { id: string }).id).toBe(id);
    },
  );
  it('C7: the loose dotted form quotes each name, so names cannot inject selectors', () => {
    expect(firstValue('paging.next', { paging: { next: 'u' } })).toBe('u');
    expect(firstValue('a-b.c:d', { 'a-b': { 'c:d': 1 } })).toBe(1);
    expect(compileLoosePath('a"]..*["b').ok).toBe(false);
    expect(firstValue("paging'].next", { paging: { next: 'u' } })).toBeUndefined();
  });
});
