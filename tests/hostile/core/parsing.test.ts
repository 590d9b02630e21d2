/**
 * BAD-INPUTS group A (import and parsing) at the core tier: parseJson, normalise, validate,
 * flatten, toTable and simulate on hostile documents. Inputs are fixtures under
 * tests/fixtures/hostile/core (built-in-code values are made here, as no file can hold them).
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  flatten,
  normalise,
  parseJson,
  recordsToNdjson,
  simulate,
  tableToCsv,
  toTable,
  validate,
  type JsonObject,
  type JsonValue,
  type PathSpec,
} from '../../../src/core/index';
import { TOO_DEEP_TEXT } from '../../../src/core/flatten/toTable';
import { emptyModel } from '../../../src/core/spec/normalise';

const FX = new URL('../../fixtures/hostile/core/', import.meta.url);
const text = (name: string): string => readFileSync(new URL(name, FX), 'utf8');
const json = (name: string): JsonValue => {
  const r = parseJson(text(name));
  if (!r.ok) throw new Error(`fixture ${name}: ${r.error.message}`);
  return r.value;
};
const path = (p: string, extra: Partial<PathSpec> = {}): PathSpec => ({
  path: p,
  skipAttributes: [],
  keepAttributes: [],
  ...extra,
});

/** Every own key of Object.prototype with its descriptor, to prove nothing was added or changed. */
const PROTO_BEFORE = Object.getOwnPropertyNames(Object.prototype).sort();
afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_BEFORE);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
});

describe('A1: non-JSON text is rejected with a located message', () => {
  it.each([
    ['HTML error page', '<!DOCTYPE html><html><body>502</body></html>', /unexpected .*line 1, column 1/],
    ['PNG bytes decoded as text', '\u0089PNG\r\n\u001a\n', /line 1, column 1/],
    ['ZIP bytes decoded as text', 'PK\u0003\u0004\u0014\u0000', /line 1, column 1/],
    ['JavaScript', 'module.exports = {}', /line 1, column 1/],
  ])('A1: %s is a parse error, not a value', (_name, input, message) => {
    const r = parseJson(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(message);
  });
});

describe('A2: empty input', () => {
  it.each([[''], ['   \n\t'], ['\uFEFF'], ['\uFEFF \r\n']])(
    'A2: %j is an "empty document" error, never an empty spec',
    (input) => {
      const r = parseJson(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/^empty document/);
    },
  );
});

describe('A3: byte order mark', () => {
  it('A3: exactly one leading U+FEFF is stripped, with a warning', () => {
    const r = parseJson('\uFEFF{"a":1}');
    expect(r).toMatchObject({ ok: true, value: { a: 1 } });
    expect(r.warnings.map((w) => w.code)).toEqual(['bom']);
  });
  it('A3: a second U+FEFF is not stripped: it is a syntax error at line 1, column 1', () => {
    const r = parseJson('\uFEFF\uFEFF{"a":1}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.error.line, r.error.column]).toEqual([1, 1]);
  });
  it('A3: U+FEFF inside a string is data, kept as is', () => {
    expect(parseJson('{"a":"\uFEFFx"}')).toMatchObject({ ok: true, value: { a: '\uFEFFx' } });
  });
});

describe('A4: text that is not valid UTF-8 never reaches the parser as U+FFFD', () => {
  // The core takes strings; decoding happens at the edge (CLI readText, app import) with
  // TextDecoder fatal. Here: a replacement character the decoder would have produced is data, so
  // the edge must be fatal. The CLI tier tests the byte offset (tests/hostile/cli).
  it('A4: a fatal TextDecoder refuses invalid bytes instead of substituting U+FFFD', () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(TypeError);
  });
});

describe('A6: duplicate keys', () => {
  it('A6: each duplicate is a warning with its pointer and position; the last value is read', () => {
    const r = parseJson(text('duplicate-keys.json'));
    expect(r.ok).toBe(true);
    const dups = r.warnings.filter((w) => w.code === 'duplicate-key');
    expect(dups.map((w) => [w.pointer, w.line])).toEqual([
      ['/sourceSpec/attributes/contentPath/path', 3],
      ['/name', 4],
    ]);
    expect(dups[0]?.message).toMatch(/only its last value is kept/);
    if (r.ok) expect((r.value as JsonObject)['name']).toBe('second');
  });
});

describe('A7: valid JSON of the wrong top-level type', () => {
  it.each([[[{ name: 'x' }]], ['a spec'], [null], [42], [true]])(
    'A7: %j gives one validation error at the root and an empty model',
    (doc) => {
      const errors = validate(doc as JsonValue).filter((d) => d.severity === 'error');
      expect(errors).toEqual([expect.objectContaining({ pointer: '', code: 'not-object' })]);
      expect(normalise(doc as JsonValue).model).toEqual(emptyModel());
    },
  );
});

/** A value nested `depth` levels, built in code: no file or parser involved. */
function deepArray(depth: number): JsonValue {
  let v: JsonValue = 0;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

describe('A10: 10,000-deep nesting', () => {
  it('A10: parseJson refuses it before JSON.parse, with the position of level 257', () => {
    const r = parseJson(text('deep-10000.json'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toBe('nesting deeper than 256 levels at line 1, column 257');
      expect(r.error.offset).toBe(256);
    }
  });
  it('A10: brackets inside strings do not count; 256 levels are accepted', () => {
    expect(parseJson(text('deep-256-brackets-in-string.json')).ok).toBe(true);
  });
  const deep = deepArray(10_000);
  const spec: JsonObject = { name: 'x', sourceSpec: { attributes: { bodyParams: deep } } };
  it('A10: normalise and validate refuse a built-in-code deep value with a too-deep error, no RangeError', () => {
    const n = normalise(spec);
    expect(n.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'too-deep', message: expect.stringMatching(/256/) }),
    ]);
    expect(n.diagnostics[0]?.pointer).toMatch(/^\/sourceSpec\/attributes\/bodyParams(\/0){253}$/);
    expect(validate(spec)).toEqual(n.diagnostics);
  });
  it('A10: flatten with a descendant path reports the nesting instead of overflowing', () => {
    const r = flatten({ contentPath: path('$..x') }, [deep]);
    expect(r.records).toEqual([]);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        code: 'content-path-budget',
        message: expect.stringMatching(/deeper than 256/),
      }),
    ]);
  });
  it('A10: toTable caps column depth; CSV and NDJSON write a marker instead of throwing', () => {
    const table = toTable([{ a: deep }]);
    expect(table.columns.map((c) => c.id)).toEqual(['/a']);
    expect(tableToCsv(table)).toBe(`a\r\n${TOO_DEEP_TEXT}\r\n`);
    expect(recordsToNdjson([deep])).toBe(`${JSON.stringify(TOO_DEEP_TEXT)}\n`);
  });
  it('A10: simulate blocks a POST whose body is too deep, naming bodyParams', () => {
    const model = { ...emptyModel(), bodyParams: deep };
    model.urlParams = { host: 'https://api.example.com', path: '/x', method: 'POST', queryParams: [] };
    const r = simulate(model, {}, [{ body: deep }]);
    expect(r.stop.reason).toBe('blocked');
    expect(r.stop.message).toMatch(/^bodyParams: nesting deeper than 256 levels/);
  });
});

describe('A11: numbers JSON cannot hold exactly', () => {
  const r = parseJson(text('numbers.response.json'));
  it('A11: integers beyond 2^53 and out-of-range numbers are warnings with pointer and column', () => {
    expect(
      r.warnings.filter((w) => !w.pointer.endsWith('/neg')).map((w) => [w.code, w.pointer, w.column]),
    ).toEqual([
      ['unsafe-number', '/members/0/id', 19],
      ['unsafe-number', '/members/0/score', 47],
    ]);
    expect(r.warnings[0]?.message).toBe(
      'integer 9223372036854775807 is beyond 2^53 and is read as 9223372036854776000',
    );
    expect(r.warnings[1]?.message).toMatch(/1e400 is out of range/);
  });
  it('A11: 2.370 and 2^53-1 are not warned about; -0 is (issue 12 item 2: exported as 0)', () => {
    expect(r.warnings.some((w) => /price|safe/.test(w.pointer))).toBe(false);
    expect(r.warnings.find((w) => w.pointer.endsWith('/neg'))?.message).toMatch(/negative zero/);
    expect(r.ok && Object.is(((r.value as JsonObject)['members'] as JsonObject[])[0]?.['neg'], -0)).toBe(
      true,
    );
  });
});

describe('A12: lone surrogates', () => {
  it('A12: import succeeds with lone surrogates in keys and values; flatten and the table keep them', () => {
    const body = json('surrogates.response.json');
    const r = flatten({ contentPath: path('$.members') }, [body]);
    expect(r.records).toHaveLength(1);
    const member = r.records[0]?.['members'] as JsonObject;
    expect(Object.keys(member)).toEqual(['\ud800', 'v', 'ok']);
    expect(member['v']).toBe('\udc00 lone low');
    const t = toTable(r.records);
    expect(t.columns.map((c) => c.id)).toEqual(['/members/\ud800', '/members/v', '/members/ok']);
    expect(recordsToNdjson(r.records)).toContain('"\\ud800":"lone high key"');
  });
});

describe('A13: keys named like Object.prototype members', () => {
  const body = json('proto-keys.response.json');
  it('A13: flatten copies __proto__, constructor, prototype, hasOwnProperty as own data', () => {
    const r = flatten({ contentPath: path('$.members', { skipAttributes: ['toString'] }) }, [body]);
    const member = r.records[0]?.['members'] as JsonObject;
    expect(Object.keys(member)).toEqual(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'id']);
    expect(Object.getPrototypeOf(member)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(member, '__proto__')?.value).toEqual({ polluted: 'yes' });
  });
  it('A13: a wrapper named __proto__ is an own key of the record, never its prototype', () => {
    const r = flatten({ contentPath: path('$.members', { overrideWrapperAttribute: '__proto__' }) }, [body]);
    const record = r.records[0] as JsonObject;
    expect(Object.keys(record)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
  });
  it('A13: table columns show the keys literally', () => {
    const t = toTable(flatten({ contentPath: path('$.members') }, [body]).records);
    expect(t.columns.map((c) => c.label)).toEqual([
      'members.__proto__.polluted',
      'members.constructor.prototype.polluted',
      'members.prototype.x',
      'members.hasOwnProperty',
      'members.toString',
      'members.id',
    ]);
  });
  it('A13: a spec declaring __proto__ and constructor parameters is read as data', () => {
    const spec = json('proto-keys.spec-fragment.json');
    const { model } = normalise(spec);
    expect(model.userInputs.map((p) => p.name)).toEqual(['__proto__', 'constructor']);
    expect(model.contentPath?.overrideWrapperAttribute).toBe('__proto__');
    expect(() => validate(spec)).not.toThrow();
  });
});

describe('A14: keys with pointer and path syntax', () => {
  it('A14: every key is its own column: ids are RFC 6901 pointers, labels never collide', () => {
    const body = json('odd-keys.response.json');
    const t = toTable(flatten({ contentPath: path('$.members') }, [body]).records);
    expect(t.columns.map((c) => [c.id, c.label])).toEqual([
      ['/members/a.b', 'members["a.b"]'],
      ['/members/a/b', 'members.a.b'],
      ['/members/x~1y', 'members.x/y'],
      ['/members/x/y', 'members.x.y'],
      ['/members/t~00', 'members.t~0'],
      ['/members/t~01', 'members.t~1'],
      ['/members/[0]', 'members["[0]"]'],
      ['/members/sp ace', 'members.sp ace'],
      ['/members/', 'members[""]'],
      ['/members/😀', 'members.😀'],
      ['/members/q"uote', 'members["q\\"uote"]'],
      ['/members/a[b]', 'members["a[b]"]'],
    ]);
    expect(new Set(t.columns.map((c) => c.label)).size).toBe(t.columns.length);
    expect(t.rows[0]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});
