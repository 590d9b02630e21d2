import { beforeEach, describe, expect, it } from 'vitest';
import { findValueRange } from '@core';
import { resetStore, useSpecStore } from '../../src/store';
import { applyValueAt } from '../../src/store/textEdit';

// Issue 12 item 2: with a duplicated key, a form edit must land on the member JSON.parse keeps (the
// last), at every depth; before the fix it went into the first, shadowed one and was lost.
const st = () => useSpecStore.getState();

const cases: Array<{ where: string; text: string; pointer: string; read: (v: unknown) => unknown }> = [
  {
    where: 'top level',
    text: '{\n  "name": "old-first",\n  "x": 1,\n  "name": "old-last"\n}\n',
    pointer: '/name',
    read: (v) => (v as { name: unknown }).name,
  },
  {
    where: 'nested',
    text: '{\n  "a": { "b": { "name": "first", "name": "last" } }\n}\n',
    pointer: '/a/b/name',
    read: (v) => (v as { a: { b: { name: unknown } } }).a.b.name,
  },
  {
    where: 'a duplicated parent',
    text: '{\n  "a": { "name": "shadowed parent" },\n  "a": { "name": "effective parent" }\n}\n',
    pointer: '/a/name',
    read: (v) => (v as { a: { name: unknown } }).a.name,
  },
  {
    where: 'an array item',
    text: '{\n  "items": [\n    { "name": "zero" },\n    { "name": "first", "id": 1, "name": "last" }\n  ]\n}\n',
    pointer: '/items/1/name',
    read: (v) => (v as { items: Array<{ name: unknown }> }).items[1]?.name,
  },
  {
    where: 'minified, duplicates at every level',
    text: '{"s":{"l":[{"n":"a","n":"b"}]},"s":{"l":[{"n":"c","k":0,"n":"d"}],"l":[{"n":"e","n":"f"}]}}',
    pointer: '/s/l/0/n',
    read: (v) => (v as { s: { l: Array<{ n: unknown }> } }).s.l[0]?.n,
  },
];

describe('a form edit with duplicated keys writes the effective (last) member', () => {
  beforeEach(() => resetStore());

  it.each(cases)('$where: updateAt changes the document and the text', ({ text, pointer, read }) => {
    st().loadDocument(text, 'paste');
    expect(st().parseWarnings.some((w) => w.code === 'duplicate-key')).toBe(true);
    expect(st().updateAt(pointer, 'NEW')).toBe(true);
    expect(read(st().doc)).toBe('NEW');
    expect(read(JSON.parse(st().text))).toBe('NEW');
    // Only the one value changed: every other byte of the text is as written.
    expect(st().text.length).toBe(
      text.length + 'NEW'.length - JSON.stringify(read(JSON.parse(text))).length + 2,
    );
  });

  it.each(cases)('$where: findValueRange finds the effective value', ({ text, pointer, read }) => {
    const segments = pointer.slice(1).split('/');
    const r = findValueRange(text, segments);
    expect(r).not.toBeNull();
    expect(JSON.parse(text.slice(r?.start, r?.end))).toBe(read(JSON.parse(text)));
  });

  it('a value that is an object is written to the effective member too', () => {
    const text = '{\n  "a": { "x": 1 },\n  "a": { "x": 2 }\n}\n';
    const next = applyValueAt(text, JSON.parse(text), '/a/x', { deep: true }) ?? '';
    expect(JSON.parse(next)).toEqual({ a: { x: { deep: true } } });
    expect(next).toContain('"a": { "x": 1 }');
  });

  it('removing a duplicated key removes every member (no older value comes back)', () => {
    const text = '{\n  "o": { "k": 1, "j": 0, "k": 2 },\n  "o": { "k": 3, "k": 4, "m": 5 }\n}\n';
    const next = applyValueAt(text, JSON.parse(text), '/o/k', undefined) ?? '';
    expect(JSON.parse(next)).toEqual({ o: { m: 5 } });
    expect(next).toContain('"o": { "k": 1, "j": 0, "k": 2 }');
  });

  it('adding a key under a duplicated parent adds it to the effective parent', () => {
    const text = '{\n  "a": { "x": 1 },\n  "a": { "x": 2 }\n}\n';
    const next = applyValueAt(text, JSON.parse(text), '/a/y', 'new') ?? '';
    expect(JSON.parse(next)).toEqual({ a: { x: 2, y: 'new' } });
  });
});
