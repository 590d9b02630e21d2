import { describe, expect, it } from 'vitest';
import { checkDepth, MAX_JSON_DEPTH, parseJson } from '../../src/core/json/parseJson';
import type { JsonValue } from '../../src/core/types';

describe('parseJson: syntax errors with line and column', () => {
  it.each([
    ['comment', '{\n  "a": 1 // note\n}', 'comments are not allowed in JSON', 2, 10],
    ['block comment', '/* x */ {}', 'comments are not allowed in JSON', 1, 1],
    ['trailing comma in object', '{\n  "a": 1,\n}', 'trailing comma is not allowed in JSON', 2, 9],
    ['trailing comma in array', '[1, 2 ,  ]', 'trailing comma is not allowed in JSON', 1, 7],
    ['missing comma', '[1 2]', "',' expected", 1, 4],
    ['missing colon', '{"a" 1}', "':' expected", 1, 6],
    ['unterminated string', '{"a": "b', 'unterminated string', 1, 7],
    ['extra text', '{} x', 'unexpected "x"', 1, 4],
    ['second value', '{} []', 'unexpected text after the JSON value', 1, 4],
    ['NaN', 'NaN', 'unexpected "NaN"', 1, 1],
    ['single quotes', "{'a':1}", 'unexpected "\'a\'"', 1, 2],
    [
      'raw control character',
      '"a\tb"',
      'invalid character in string (control characters must be escaped)',
      1,
      1,
    ],
    ['leading zero', '01', 'unexpected text after the JSON value', 1, 2],
    ['CRLF lines', '{\r\n"a":1,\r\n"b" 2}', "':' expected", 3, 5],
    ['empty', '', 'empty document: expected a JSON value', 1, 1],
    ['whitespace only', ' \n\t ', 'empty document: expected a JSON value', 1, 1],
  ])('%s', (_name, text, message, line, column) => {
    for (const positions of [true, false]) {
      const r = parseJson(text, { positions });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.message).toBe(`${message} at line ${line}, column ${column}`);
      expect([r.error.line, r.error.column]).toEqual([line, column]);
    }
  });
});

describe('parseJson: values', () => {
  it.each([
    ['object', '{"a":[1,true,null,"x"]}', { a: [1, true, null, 'x'] }],
    ['scalar root', '42', 42],
    ['string root', '"s"', 's'],
    ['escapes', '"\\u00e9\\n"', 'é\n'],
    ['lone surrogate', '"\\ud800"', '\ud800'],
  ] as Array<[string, string, JsonValue]>)('%s', (_n, text, value) => {
    expect(parseJson(text)).toEqual({ ok: true, value, warnings: [] });
  });

  it('keeps __proto__ as an own key and leaves Object.prototype alone', () => {
    const r = parseJson('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}}}');
    if (!r.ok) throw new Error(r.error.message);
    const v = r.value as Record<string, JsonValue>;
    expect(Object.keys(v)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('strips exactly one BOM, with a warning', () => {
    const r = parseJson('\ufeff{"a":1}');
    expect(r).toEqual({
      ok: true,
      value: { a: 1 },
      warnings: [
        {
          code: 'bom',
          message: 'leading byte order mark (U+FEFF) ignored',
          pointer: '',
          offset: 0,
          length: 0,
          line: 1,
          column: 1,
        },
      ],
    });
    expect(parseJson('\ufeff\ufeff{}').ok).toBe(false);
  });
});

describe('parseJson: warnings', () => {
  it('reports duplicate keys with position and pointer', () => {
    const r = parseJson('{\n "a": {"x": 1, "x": 2},\n "a": 3\n}');
    expect(r.ok && r.value).toEqual({ a: 3 });
    expect(r.warnings).toEqual([
      {
        code: 'duplicate-key',
        message: 'duplicate key "x": only its last value is kept',
        pointer: '/a/x',
        offset: 17,
        length: 3,
        line: 2,
        column: 16,
        params: { name: '"x"' },
      },
      {
        code: 'duplicate-key',
        message: 'duplicate key "a": only its last value is kept',
        pointer: '/a',
        offset: 27,
        length: 3,
        line: 3,
        column: 2,
        params: { name: '"a"' },
      },
    ]);
  });

  it('does not confuse keys of sibling objects', () => {
    expect(parseJson('[{"a":1},{"a":2}]').warnings).toEqual([]);
  });

  it.each([
    [
      '[9223372036854775807]',
      '/0',
      'integer 9223372036854775807 is beyond 2^53 and is read as 9223372036854776000',
    ],
    [
      '{"n":-9007199254740993}',
      '/n',
      'integer -9007199254740993 is beyond 2^53 and is read as -9007199254740992',
    ],
    ['{"n":1e400}', '/n', 'number 1e400 is out of range (read as Infinity, exported as null)'],
    // Issue 12 item 2: negative zero is read as -0 but written back as 0.
    ['{"n":-0}', '/n', 'number -0 is negative zero (read as -0, exported as 0)'],
    ['{"n":-0.00}', '/n', 'number -0.00 is negative zero (read as -0, exported as 0)'],
    ['{"n":-1e-400}', '/n', 'number -1e-400 is negative zero (read as -0, exported as 0)'],
  ])('unsafe number %s', (text, pointer, message) => {
    const r = parseJson(text);
    expect(r.warnings.map((w) => [w.code, w.pointer, w.message])).toEqual([
      ['unsafe-number', pointer, message],
    ]);
  });

  it.each(['[9007199254740991]', '[2.370]', '[0]', '[-0.5]', '[1e300]'])('no warning for %s', (text) => {
    expect(parseJson(text).warnings).toEqual([]);
  });

  it('skips the warnings pass with positions: false', () => {
    const r = parseJson('{"a":1,"a":2}', { positions: false });
    expect(r).toEqual({ ok: true, value: { a: 2 }, warnings: [] });
  });
});

describe('nesting depth (checked iteratively before parsing)', () => {
  it.each([
    ['arrays at the limit', '['.repeat(256) + ']'.repeat(256), true],
    ['arrays past the limit', '['.repeat(257) + ']'.repeat(257), false],
    ['objects past the limit', '{"a":'.repeat(257) + '1' + '}'.repeat(257), false],
    ['brackets inside strings do not count', '["' + '['.repeat(1000) + '\\"[' + '"]', true],
  ])('%s', (_n, text, ok) => {
    expect(parseJson(text).ok).toBe(ok);
  });

  it('rejects 100,000 levels with a clear message and position, without a RangeError', () => {
    const text = '\n ' + '['.repeat(100_000) + ']'.repeat(100_000);
    for (const positions of [true, false]) {
      const r = parseJson(text, { positions });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.message).toBe('nesting deeper than 256 levels at line 2, column 258');
        expect(r.error).toMatchObject({ offset: 258, line: 2, column: 258, length: 1 });
      }
    }
  });

  it('honours maxDepth and exposes checkDepth', () => {
    expect(parseJson('[[1]]', { maxDepth: 1 }).ok).toBe(false);
    expect(parseJson('[[1]]', { maxDepth: 2 }).ok).toBe(true);
    expect(checkDepth('[[]]', 2)).toBeNull();
    expect(checkDepth('[[[]]]', 2)).toMatchObject({ offset: 2, line: 1, column: 3 });
    expect(checkDepth('"\\\\"[[[', 2)).toMatchObject({ offset: 6 });
    expect(MAX_JSON_DEPTH).toBe(256);
  });
});
