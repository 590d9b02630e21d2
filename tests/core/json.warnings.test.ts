import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDepth, parseJson, scan } from '../../src/core/json/parseJson';
import { validJsonWarnings, warningsAndDepth } from '../../src/core/json/warnings';
import type { ParseWarning } from '../../src/core/types';

/** The reference: jsonc-parser's visitor, which parseJson used on every text before the fast pass. */
const visitorWarnings = (text: string): ParseWarning[] => {
  const out: ParseWarning[] = [];
  expect(scan(text, out)).toBeNull();
  return out;
};

const cases: Array<[string, string]> = [
  ['no warnings', '{"a": 1, "b": [1, 2, {"c": "d"}]}'],
  ['duplicate at the root', '{"a": 1, "a": 2}'],
  ['duplicate in a nested object in an array', '[0, {"x": {"k": 1, "k": [2]}}]'],
  ['escaped duplicate key', '{"\\u0061": 1, "a": 2, "a\\"b": 3, "a\\"b": 4}'],
  ['key with / and ~', '{"a/b": {"~": 1, "~": 2}}'],
  ['unsafe integer', '{"id": 12345678901234567890}'],
  ['negative unsafe integer in an array', '[1, -9007199254740993]'],
  ['out of range', '{"big": 1e400, "small": -1E+999}'],
  ['safe big-looking numbers', '[9007199254740991, 1.5e10, 123456789012345.6, 1e-400]'],
  ['numbers as a root', '12345678901234567890'],
  ['CRLF lines', '{\r\n  "a": 1,\r\n  "a": 99999999999999999\r\n}'],
  ['lone CR lines', '{\r"a": 1,\r"a": 2}'],
  ['strings with brackets, quotes and backslashes', '{"s": "{[\\"]}\\\\", "s": "x", "n": 1e999}'],
  ['line separator inside a string', '{"s": "a\u2028b", "s": 1}'],
];

describe('validJsonWarnings (parseJson fast pass on valid JSON)', () => {
  it.each(cases)('%s: the same warnings as the visitor', (_name, text) => {
    expect(validJsonWarnings(text)).toEqual(visitorWarnings(text));
  });

  it('the table has real warnings to compare', () => {
    const count = cases.reduce((n, [, text]) => n + validJsonWarnings(text).length, 0);
    expect(count).toBeGreaterThan(12);
  });

  it('parseJson gives the fast-pass warnings after a BOM warning', () => {
    const r = parseJson('\ufeff{"a": 1, "a": 2}');
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual(['bom', 'duplicate-key']);
    expect(r.warnings[1]).toMatchObject({ pointer: '/a', offset: 9, line: 1, column: 10 });
  });

  it('invalid text still reports the visitor error with its location', () => {
    const r = parseJson('{"a": 1, "a": 2,}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('trailing comma is not allowed in JSON at line 1, column 16');
    expect(r.warnings.map((w) => w.code)).toEqual(['duplicate-key']);
  });

  it('agrees with the visitor on generated texts with duplicates, big numbers and odd spacing', () => {
    const key = fc.constantFrom('a', 'b', 'a/b', '~', 'q\\"', 'é', '\\u0061');
    const num = fc.constantFrom(
      '0',
      '-1',
      '1.5',
      '12345678901234567890',
      '-1e400',
      '9007199254740993',
      '2e5',
    );
    const space = fc.constantFrom('', ' ', '\n', '\r\n', '\r', '\t ');
    const { value } = fc.letrec<{ value: string }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        num,
        fc.constantFrom('true', 'null', '"s"', '"x\\"]}"'),
        fc
          .array(fc.tuple(space, tie('value')), { maxLength: 4 })
          .map((xs) => `[${xs.map(([s, v]) => s + v).join(',')}]`),
        fc
          .array(fc.tuple(space, key, tie('value')), { maxLength: 4 })
          .map((xs) => `{${xs.map(([s, k, v]) => `${s}"${k}"${s}:${v}`).join(',')}}`),
      ),
    }));
    fc.assert(
      fc.property(value, (text) => {
        JSON.parse(text);
        expect(validJsonWarnings(text)).toEqual(visitorWarnings(text));
      }),
      { numRuns: 500 },
    );
  });

  it('finds the too-deep bracket exactly where checkDepth does, on any text', () => {
    const text = fc
      .array(fc.constantFrom('[', ']', '{', '}', '"', '\\', 'a', ' ', '\n', '1'), { maxLength: 40 })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 4 }), (t, max) => {
        expect(warningsAndDepth(t, max).deepAt).toBe(checkDepth(t, max)?.offset ?? -1);
      }),
      { numRuns: 1000 },
    );
    expect(warningsAndDepth('[[[1]]]', 2).deepAt).toBe(2);
  });
});
