import { describe, expect, it } from 'vitest';
import { locatePointer, pointerAtOffset, positionAt } from '../../src/core/json/locate';
import { decodePointer, encodePointer, getAt, joinPointer } from '../../src/core/json/pointer';
import type { JsonValue } from '../../src/core/types';

describe('encodePointer / decodePointer (RFC 6901)', () => {
  it.each([
    [[], ''],
    [[''], '/'],
    [['a', 0, 'b'], '/a/0/b'],
    [['a/b', 'm~n', '~1'], '/a~1b/m~0n/~01'],
    [['__proto__', 'a.b', ' ', '😀'], '/__proto__/a.b/ /😀'],
  ] as Array<[Array<string | number>, string]>)('%j ⇄ %s', (segments, pointer) => {
    expect(encodePointer(segments)).toBe(pointer);
    expect(decodePointer(pointer)).toEqual(segments.map(String));
  });

  it.each(['a', '/a~2', '/~'])('rejects malformed %s', (p) => {
    expect(() => decodePointer(p)).toThrow(SyntaxError);
  });

  it('joins', () => {
    expect(joinPointer('/sourceSpec', 'attributes', 'a/b', 0)).toBe('/sourceSpec/attributes/a~1b/0');
    expect(joinPointer('')).toBe('');
  });
});

describe('getAt', () => {
  const doc = JSON.parse('{"a":[{"b":1},null],"__proto__":{"x":2},"":{"":3},"a/b":4,"m~n":5}') as JsonValue;
  it.each([
    ['', doc],
    ['/a/0/b', 1],
    ['/a/1', null],
    ['/__proto__/x', 2],
    ['//', 3],
    ['/a~1b', 4],
    ['/m~0n', 5],
    ['/a/2', undefined],
    ['/a/01', undefined],
    ['/a/-', undefined],
    ['/a/length', undefined],
    ['/constructor', undefined],
    ['/toString', undefined],
    ['/a/0/b/c', undefined],
    ['bad', undefined],
  ] as Array<[string, JsonValue | undefined]>)('%s', (p, expected) => {
    expect(getAt(doc, p)).toEqual(expected);
  });
});

describe('locate', () => {
  const text = '{\n  "a": [1, {"b": "x"}],\n  "c/d": null,\n  "a": 2\n}';
  it.each([
    ['', { offset: 0, length: text.length, line: 1, column: 1 }],
    ['/a', { offset: 48, length: 1, line: 4, column: 8 }],
    ['/c~1d', { offset: 35, length: 4, line: 3, column: 10 }],
    ['/missing', null],
    ['/c~1d/x', null],
    ['bad', null],
  ])('locatePointer(%s)', (p, expected) => {
    expect(locatePointer(text, p)).toEqual(expected);
  });

  it('finds values inside arrays', () => {
    const t = '{"a": [1, {"b": "x"}]}';
    expect(locatePointer(t, '/a/1/b')).toMatchObject({ offset: 16, length: 3 });
    expect(locatePointer(t, '/a/2')).toBeNull();
  });

  it.each([
    [0, ''],
    [3, '/a'],
    [9, '/a'],
    [11, '/a/1/b'],
    [17, '/a/1/b'],
    [7, '/a/0'],
  ])('pointerAtOffset(%i)', (offset, expected) => {
    expect(pointerAtOffset('{"a": [1, {"b": "x"}]}', offset)).toBe(expected);
  });

  it('pointerAtOffset outside any value is null', () => {
    expect(pointerAtOffset('  {}', 0)).toBeNull();
    expect(pointerAtOffset('', 0)).toBeNull();
  });

  it('survives absurd nesting', () => {
    expect(locatePointer('['.repeat(50_000), '/0')).toBeNull();
  });

  it.each([
    ['abc', 2, { offset: 2, line: 1, column: 3 }],
    ['a\nb', 2, { offset: 2, line: 2, column: 1 }],
    ['a\r\nb', 3, { offset: 3, line: 2, column: 1 }],
    ['a\rb', 2, { offset: 2, line: 2, column: 1 }],
    ['ab', 99, { offset: 2, line: 1, column: 3 }],
    ['ab', -1, { offset: 0, line: 1, column: 1 }],
  ])('positionAt(%j, %i)', (t, o, expected) => {
    expect(positionAt(t, o)).toEqual(expected);
  });
});
