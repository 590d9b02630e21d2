import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDateFormat,
  DEFAULT_DATE_FORMAT,
  formatDate,
  parseInstant,
} from '../../src/core/dates/formatDate';

const T = Date.UTC(2026, 0, 2, 3, 4, 5, 123); // a Friday
const PM = Date.UTC(2026, 6, 9, 15, 7, 8, 100); // a Thursday
const MIDNIGHT = Date.UTC(2009, 10, 30, 0, 0, 0, 0);

describe('formatDate reference table (SEMANTICS §6, .NET rules)', () => {
  it.each([
    [T, 'yyyy', '2026'],
    [T, 'MM', '01'],
    [T, 'dd', '02'],
    [T, 'HH', '03'],
    [T, 'mm', '04'],
    [T, 'ss', '05'],
    [T, 'f', '1'],
    [T, 'ff', '12'],
    [T, 'fff', '123'],
    [T, 'ffff', '1230'],
    [T, 'fffffff', '1230000'],
    [T, 'K', 'Z'],
    [T, 'zzz', '+00:00'],
    [T, DEFAULT_DATE_FORMAT, '2026-01-02T03:04:05Z'],
    [T, 'yyyy-MM-ddTHH:mm:ss:fffffffK', '2026-01-02T03:04:05:1230000Z'],
    [T, 'yyyy-MM-ddTHH:mm:ssK', '2026-01-02T03:04:05Z'],
    [T, "'Date:' yyyy", 'Date: 2026'],
    [T, '"at" HH', 'at 03'],
    [T, '\\y\\y yyyy', 'yy 2026'],
    [T, "'MM' MM", 'MM 01'],
    [T, 'yy', '26'],
    [MIDNIGHT, 'y', '9'],
    [T, 'yyyyy', '02026'],
    [T, 'M/d H:m:s', '1/2 3:4:5'],
    [T, 'h hh', '3 03'],
    [PM, 'hh:mm tt', '03:07 PM'],
    [MIDNIGHT, 'h t', '12 A'],
    [T, 'MMM MMMM', 'Jan January'],
    [T, 'ddd dddd', 'Fri Friday'],
    [PM, 'dddd, MMMM d', 'Thursday, July 9'],
    [T, 'z zz', '+0 +00'],
    [T, 'FFF FFFFFFF', '123 123'],
    [PM, 'ss.FFF', '08.1'],
    [MIDNIGHT, 'ss.FFF', '00'],
    [MIDNIGHT, 'ss.fff', '00.000'],
    [T, '%d', '2'],
    [T, 'KK', 'ZZ'],
    [T, 'T-Z: x', 'T-Z: x'],
    [new Date(T), 'yyyy', '2026'],
  ])('%s with %j → %j', (instant, format, expected) => {
    expect(formatDate(instant, format)).toBe(expected);
  });

  it.each(['g', 'gg', 'ffffffff', "'open", '\\', 'yyyy%'])(
    'throws RangeError naming the token for %j',
    (format) => {
      expect(() => formatDate(T, format)).toThrow(RangeError);
    },
  );

  it('names the unsupported token in the RangeError', () => {
    expect(() => formatDate(T, 'yyyy gg')).toThrow(/`gg`/);
  });

  it('rejects an invalid date', () => {
    expect(() => formatDate(Number.NaN, 'yyyy')).toThrow(RangeError);
  });

  it('matches toISOString for any instant in years 0000-9999 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62167219200000, max: 253402300799999 }), (i) => {
        expect(formatDate(i, 'yyyy-MM-ddTHH:mm:ss.fffK')).toBe(new Date(i).toISOString());
      }),
      { numRuns: 500 },
    );
  });
});

describe('checkDateFormat', () => {
  it.each([
    DEFAULT_DATE_FORMAT,
    'yyyy-MM-ddTHH:mm:ss:fffffffK',
    'yyyy-MM-ddTHH:mm:ssK',
    "'at' zzz",
    'fffffff',
  ])('%j has no findings', (format) => {
    expect(checkDateFormat(format)).toEqual([]);
  });

  it.each([
    ['yy-M-d', ['yy', 'M', 'd']],
    ['hh:mm tt', ['hh', 'tt']],
    ['MMM ddd', ['MMM', 'ddd']],
    ['FFF', ['FFF']],
    ['z zz', ['z', 'zz']],
    ['H H H', ['H']],
  ])('%j warns about each non-documented token once', (format, tokens) => {
    const found = checkDateFormat(format);
    expect(found.map((f) => f.token)).toEqual(tokens);
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
    expect(found[0]?.message).toContain(tokens[0]);
  });

  it.each([
    ['yyyy g', 'g'],
    ['ffffffff', 'ffffffff'],
    ["yyyy 'open", "'open"],
    ['yyyy\\', '\\'],
  ])('%j is an error naming %j', (format, token) => {
    const errors = checkDateFormat(format).filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.token).toBe(token);
  });
});

describe('parseInstant', () => {
  it.each([
    ['2026-01-02T03:04:05Z', T - 123],
    ['2026-01-02T03:04:05.123Z', T],
    ['2026-01-02T03:04:05,123z', T],
    ['2026-01-02T05:04:05.123+02:00', T],
    ['2026-01-02T01:04:05.123-0200', T],
    ['2026-01-02T03:04Z', Date.UTC(2026, 0, 2, 3, 4)],
    ['2026-01-02', Date.UTC(2026, 0, 2)],
    ['1767323045', Date.UTC(2026, 0, 2, 3, 4, 5)],
    ['1767323045.123', T],
    [' 0 ', 0],
    ['-60', -60000],
  ])('%j → %d', (text, ms) => {
    expect(parseInstant(text)).toBe(ms);
  });

  it.each([
    '',
    'yesterday',
    '2026-01-02T03:04:05',
    '2026-02-30T00:00:00Z',
    '2026-13-01',
    '2026-01-02T24:00:00Z',
    '2026-01-02T03:04:05+25:00',
    '1e3',
    '2026-1-2',
  ])('%j → null', (text) => {
    expect(parseInstant(text)).toBeNull();
  });
});
