import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  compileJsonPath,
  compileLoosePath,
  deepestMatchingPrefix,
  firstValue,
  lastNameSegment,
  MAX_JSONPATH_LENGTH,
  loadRegexEngine,
} from '../../src/core/jsonpath/jsonPath';
import type { JsonValue } from '../../src/core/types';

// RFC 9535 Compliance Test Suite (jsonpath-standard/jsonpath-compliance-test-suite, BSD-2; see its README).
const CTS_FILE = new URL('../fixtures/jsonpath-cts/cts.json', import.meta.url);
interface CtsCase {
  name: string;
  selector: string;
  document?: JsonValue;
  result?: JsonValue[];
  results?: JsonValue[][];
  invalid_selector?: boolean;
}
const cts = (JSON.parse(readFileSync(CTS_FILE, 'utf8')) as { tests: CtsCase[] }).tests;

describe('JSONPath compliance (RFC 9535 CTS)', () => {
  // match()/search() run on the linear-time regex engine, which the core loads asynchronously.
  beforeAll(async () => {
    expect(await loadRegexEngine()).toBe(true);
  });
  it('has the suite', () => {
    expect(cts.length).toBeGreaterThan(700);
  });
  const valid = cts.filter((t) => !t.invalid_selector);
  const invalid = cts.filter((t) => t.invalid_selector);

  it.each(valid.map((t) => [t.name, t] as const))('%s', (_n, t) => {
    const r = compileJsonPath(t.selector);
    if (!r.ok) throw new Error(`rejected: ${r.message}`);
    const got = r.path.query(t.document as JsonValue).map((m) => m.value);
    const allowed = t.result ? [t.result] : (t.results ?? []);
    expect(allowed).toContainEqual(got);
  });

  it.each(invalid.map((t) => [t.name, t] as const))('rejects %s', (_n, t) => {
    const r = compileJsonPath(t.selector);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.offset).toBeGreaterThanOrEqual(0);
      expect(r.offset).toBeLessThanOrEqual(t.selector.length);
    }
  });
});

describe('script expressions are rejected (BAD-INPUTS C1, JSONPath-Plus#226 payloads)', () => {
  it.each([
    "$[?(@.constructor.constructor('return 1')())]",
    "$..[?(@.constructor.constructor('return process')())]",
    '$[(@.length-1)]',
    "$[?(@.x && eval('1'))]",
    '$[?(@.a = 1)]',
    "$[?(this.constructor.constructor('return this')())]",
    '$[?(function(){return true}())]',
    '$.a[?(@.__proto__.polluted = 1)]',
  ])('%s', (expr) => {
    const r = compileJsonPath(expr);
    expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts a parenthesised RFC 9535 filter and evaluates it without code', () => {
    const r = compileJsonPath('$[?(@.x)]');
    if (!r.ok) throw new Error(r.message);
    expect(r.path.query([{ x: 1 }, { y: 2 }, { x: null }]).map((m) => m.pointer)).toEqual(['/0', '/2']);
  });
});

describe('compileJsonPath', () => {
  it.each([
    ['$.a[', 'unclosed bracketed selection', 4],
    ['$.a[?(', 'unclosed bracketed selection', 6],
    ["$['a", 'unclosed string starting at index 3', 4],
    ['a.b', "expected '$', found 'a'", 0],
  ])('%s → "%s" at %i', (expr, message, offset) => {
    expect(compileJsonPath(expr)).toEqual({ ok: false, message, offset });
  });

  it('refuses expressions over the length cap before parsing', () => {
    const r = compileJsonPath('$' + '.a'.repeat(MAX_JSONPATH_LENGTH));
    expect(r).toMatchObject({ ok: false, offset: MAX_JSONPATH_LENGTH });
  });

  it('survives thousands of nested parentheses', () => {
    const r = compileJsonPath('$[?' + '('.repeat(1000) + '@.a' + ')'.repeat(1000) + ']');
    expect(typeof r.ok).toBe('boolean');
  });

  it('caches compiled paths', () => {
    const a = compileJsonPath('$.cached.path');
    expect(compileJsonPath('$.cached.path')).toBe(a);
  });

  it.each([
    ['$.a.b', ['a', 'b']],
    ["$['a']['b c']", ['a', 'b c']],
    ['$', []],
    ['$.a[0]', null],
    ['$..a', null],
    ['$.a.*', null],
    ["$['a','b']", null],
  ])('fast path names of %s', (expr, names) => {
    const r = compileJsonPath(expr);
    expect(r.ok && r.path.names).toEqual(names);
  });
});

describe('query', () => {
  const doc = JSON.parse('{"a":{"b":[1,2],"__proto__":{"x":1},"c/d":{"~e":5}},"n":null}') as JsonValue;
  it.each([
    ['$.a.b', [{ value: [1, 2], pointer: '/a/b' }]],
    ['$.n', [{ value: null, pointer: '/n' }]],
    ['$.a.__proto__', [{ value: { x: 1 }, pointer: '/a/__proto__' }]],
    ["$.a['c/d']['~e']", [{ value: 5, pointer: '/a/c~1d/~0e' }]],
    [
      '$.a.b[*]',
      [
        { value: 1, pointer: '/a/b/0' },
        { value: 2, pointer: '/a/b/1' },
      ],
    ],
    ['$.constructor', []],
    ['$.a.toString', []],
    ['$.a.b.length', []],
    ['$.missing.x', []],
  ])('%s', (expr, expected) => {
    const r = compileJsonPath(expr);
    if (!r.ok) throw new Error(r.message);
    expect(r.path.query(doc)).toEqual(expected);
  });

  it('inherited properties never match on the fast path', () => {
    const r = compileJsonPath('$.hasOwnProperty');
    expect(r.ok && r.path.query({})).toEqual([]);
  });

  it('honours the limit', () => {
    const r = compileJsonPath('$[*]');
    expect(r.ok && r.path.query([1, 2, 3], 2).map((m) => m.value)).toEqual([1, 2]);
    expect(r.ok && r.path.query([1, 2, 3], 0)).toEqual([]);
  });
});

describe('loose paths, firstValue, deepestMatchingPrefix, lastNameSegment', () => {
  const doc = { paging: { next: 'u2' }, headers: { 'x-pagecount': '7' }, list: [{ a: 1 }] } as JsonValue;
  it.each([
    ['paging.next', 'u2'],
    ['$.paging.next', 'u2'],
    ['headers.x-pagecount', '7'],
    ['list[0].a', 1],
    ['[ "paging" ].next', 'u2'],
    ['paging.missing', undefined],
    ['$[', undefined],
  ])('firstValue(%s)', (expr, expected) => {
    expect(firstValue(expr, doc)).toEqual(expected);
  });

  it('reports loose-path errors at offsets inside the expression as given', () => {
    expect(compileLoosePath('a.b[')).toMatchObject({ ok: false, offset: 4 });
  });

  it.each([
    ['$.paging.next.deeper', '$.paging.next'],
    ['$.list[*].b', '$.list[*]'],
    ['$.nothing', '$'],
    ['$.paging.next', '$.paging.next'],
    ['$[', '$'],
  ])('deepestMatchingPrefix(%s) → %s', (expr, expected) => {
    expect(deepestMatchingPrefix(expr, doc)).toBe(expected);
  });

  it.each([
    ['$.members', 'members'],
    ['$.data[*]', 'data'],
    ['$..x', 'x'],
    ['$', null],
    ['$[*]', null],
    ['$[', null],
  ])('lastNameSegment(%s) → %s', (expr, expected) => {
    expect(lastNameSegment(expr)).toBe(expected);
  });
});
