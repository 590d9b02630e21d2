import { describe, expect, it } from 'vitest';
import { recordsToNdjson, tableToCsv, toTable } from '../../src/core/flatten/toTable';
import type { JsonValue } from '../../src/core/types';

const parse = (t: string) => JSON.parse(t) as JsonValue[];

describe('toTable', () => {
  it.each([
    [
      'nested objects become dotted columns, arrays stay one cell',
      '[{"email":{"id":"e1","activity":{"action":"open"},"tags":["a","b"]}}]',
      [
        ['/email/id', 'email.id', ['string']],
        ['/email/activity/action', 'email.activity.action', ['string']],
        ['/email/tags', 'email.tags', ['array']],
      ],
      [['e1', 'open', ['a', 'b']]],
    ],
    [
      'first-seen column order, missing cells undefined, types per column',
      '[{"a":1,"b":"x"},{"c":true,"a":null},{"b":2}]',
      [
        ['/a', 'a', ['number', 'null']],
        ['/b', 'b', ['string', 'number']],
        ['/c', 'c', ['boolean']],
      ],
      [
        [1, 'x', undefined],
        [null, undefined, true],
        [undefined, 2, undefined],
      ],
    ],
    [
      'keys with dots are distinct from nested keys',
      '[{"a.b":1,"a":{"b":2}}]',
      [
        ['/a.b', '["a.b"]', ['number']],
        ['/a/b', 'a.b', ['number']],
      ],
      [[1, 2]],
    ],
    [
      'special keys are bracketed and escaped; slashes and tildes stay in the pointer',
      '[{"x":{"":1,"q\\"":2,"[0]":3,"s/t~":4,"ok":5}}]',
      [
        ['/x/', 'x[""]', ['number']],
        ['/x/q"', 'x["q\\""]', ['number']],
        ['/x/[0]', 'x["[0]"]', ['number']],
        ['/x/s~1t~0', 'x.s/t~', ['number']],
        ['/x/ok', 'x.ok', ['number']],
      ],
      [[1, 2, 3, 4, 5]],
    ],
    [
      'empty objects are one cell; non-object records go to (value)',
      '[{"e":{}},3,[1],null]',
      [
        ['/e', 'e', ['object']],
        ['', '(value)', ['number', 'array', 'null']],
      ],
      [
        [{}, undefined],
        [undefined, 3],
        [undefined, [1]],
        [undefined, null],
      ],
    ],
    [
      '__proto__ and constructor are ordinary columns',
      '[{"__proto__":{"polluted":1},"constructor":2}]',
      [
        ['/__proto__/polluted', '__proto__.polluted', ['number']],
        ['/constructor', 'constructor', ['number']],
      ],
      [[1, 2]],
    ],
    [
      'a key null in one record and an object in another is one column group, not a stray column',
      '[{"users":{"id":1,"photo":null,"name":"a"}},{"users":{"id":2,"photo":{"url":"u","size":3},"name":"b"}}]',
      [
        ['/users/id', 'users.id', ['number']],
        ['/users/photo/url', 'users.photo.url', ['string', 'null']],
        ['/users/photo/size', 'users.photo.size', ['number', 'null']],
        ['/users/name', 'users.name', ['string']],
      ],
      [
        [1, null, null, 'a'],
        [2, 'u', 3, 'b'],
      ],
    ],
    [
      'the group also forms when the object comes first; an empty object leaves its cells missing',
      '[{"p":{"a":{"b":1}}},{"p":{"a":null}},{"p":{"a":{}}},{"p":{}}]',
      [['/p/a/b', 'p.a.b', ['number', 'null']]],
      [[1], [null], [undefined], [undefined]],
    ],
    [
      'nested heads (null, then an object holding null, then deeper) fold into the deepest columns',
      '[{"x":{"a":null,"z":0}},{"x":{"a":{"b":null}}},{"x":{"a":{"b":{"c":true}}}}]',
      [
        ['/x/a/b/c', 'x.a.b.c', ['boolean', 'null']],
        ['/x/z', 'x.z', ['number']],
      ],
      [
        [null, 0],
        [null, undefined],
        [true, undefined],
      ],
    ],
    [
      'a key that is a string in one record and an object in another keeps both columns',
      '[{"p":"none"},{"p":{"q":1}},{"p":null}]',
      [
        ['/p', 'p', ['string', 'null']],
        ['/p/q', 'p.q', ['number']],
      ],
      [
        ['none', undefined],
        [undefined, 1],
        [null, undefined],
      ],
    ],
  ] as Array<[string, string, Array<[string, string, string[]]>, Array<Array<JsonValue | undefined>>]>)(
    '%s',
    (_n, json, columns, rows) => {
      const t = toTable(parse(json));
      expect(t.columns.map((c) => [c.id, c.label, c.types])).toEqual(columns);
      expect(t.rows).toEqual(rows);
      expect(t.truncated).toBe(false);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('caps rows with maxRows and says so', () => {
    const t = toTable(parse('[{"a":1},{"a":2},{"b":3}]'), { maxRows: 2 });
    expect(t).toEqual({
      columns: [{ id: '/a', label: 'a', types: ['number'] }],
      rows: [[1], [2]],
      truncated: true,
      totalRows: 3,
    });
    expect(toTable([], { maxRows: 5 })).toEqual({ columns: [], rows: [], truncated: false, totalRows: 0 });
  });
});

describe('tableToCsv', () => {
  it('writes RFC 4180 with labels, JSON for arrays/objects and empty for null/missing', () => {
    const t = toTable(
      parse('[{"a":"x,y","b":{"c":[1,"q\\"r"]},"d":null},{"a":"line\\nbreak","e":true,"f":{}}]'),
    );
    expect(tableToCsv(t)).toBe(
      'a,b.c,d,e,f\r\n' + '"x,y","[1,""q\\""r""]",,,\r\n' + '"line\nbreak",,,true,{}\r\n',
    );
  });

  it('quotes labels that need it', () => {
    expect(tableToCsv(toTable(parse('[{"a.b":1}]')))).toBe('"[""a.b""]"\r\n1\r\n');
  });
});

describe('recordsToNdjson', () => {
  it.each([
    [[], ''],
    [[{ a: 1 }, [2], 'x'], '{"a":1}\n[2]\n"x"\n'],
  ] as Array<[JsonValue[], string]>)('%j', (records, expected) => {
    expect(recordsToNdjson(records)).toBe(expected);
  });

  it('serialises own __proto__ keys', () => {
    expect(recordsToNdjson(parse('[{"__proto__":{"x":1}}]'))).toBe('{"__proto__":{"x":1}}\n');
  });
});

describe('tableToCsv: spreadsheet formulas and numbers JSON cannot carry (issue 12 item 11)', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+33 1 23', "'+33 1 23"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['a=b', 'a=b'],
    ['', ''],
  ])('text %j is written as %j', (value, cell) => {
    expect(tableToCsv(toTable([{ r: { v: value } }]))).toBe(`r.v\r\n${cell}\r\n`);
  });

  it('numbers keep their sign; a non-finite number is empty, as NDJSON writes it null', () => {
    const records: JsonValue[] = [{ r: { n: -2 } }, { r: { n: Infinity } }, { r: { n: 1.5 } }];
    expect(tableToCsv(toTable(records))).toBe('r.n\r\n-2\r\n\r\n1.5\r\n');
    expect(recordsToNdjson(records).split('\n')[1]).toBe('{"r":{"n":null}}');
  });

  it('a column label that looks like a formula is neutralised too', () => {
    expect(tableToCsv(toTable([{ '=cmd': 1 }]))).toBe("'=cmd\r\n1\r\n");
  });
});
