import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JsonValue } from '@core';
import { applyValueAt, replaceScalarAt } from '../../src/store/textEdit';
import { applyReplacement, minimalReplacement, type TextReplacement } from '../../src/components/textDiff';

const SPEC = `{
  "name": "Bench",
  "n": 1,
  "flags": [true, false, null],
  "nested": { "a\\"b": { "x": "y,}]" }, "list": [ { "id": 1 }, { "id": 2, "deep": [[0], [1, 2]] } ] },
  "esc\\u0041": "v",
  "last": -1.5e3
}
`;
const MINIFIED = JSON.stringify(JSON.parse(SPEC));

/** Cases where the fast path applies: the text and document must equal the slow path's. */
const applies: Array<[string, JsonValue]> = [
  ['/name', 'Bench2'],
  ['/name', ''],
  ['/name', 'with "quotes", \\ and \n newline'],
  ['/n', 2.25],
  ['/n', 'now a string'],
  ['/flags/0', false],
  ['/flags/2', 'x'],
  ['/nested/a"b/x', 'z'],
  ['/nested/list/1/id', null],
  ['/nested/list/1/deep/1/1', 42],
  ['/escA', 'w'],
  ['/last', true],
];

/** Cases the fast path refuses (null): the slow path handles them. */
const refused: Array<[string, JsonValue | undefined]> = [
  ['', 'x'],
  ['/name', undefined],
  ['/name', { a: 1 }],
  ['/name', [1]],
  ['/n', 2 ** 60],
  ['/n', -0],
  ['/missing', 'x'],
  ['/flags/3', true],
  ['/flags/x', true],
  ['/nested', 'x'],
  ['/nested/list', 1],
  ['/name/0', 'x'],
];

describe('replaceScalarAt (the form write fast path)', () => {
  it.each(applies)('%s ← %j gives the same text and doc as applyValueAt + JSON.parse', (pointer, value) => {
    for (const text of [SPEC, MINIFIED]) {
      const doc = JSON.parse(text) as JsonValue;
      const fast = replaceScalarAt(text, doc, pointer, value);
      const slow = applyValueAt(text, doc, pointer, value);
      expect(fast).not.toBeNull();
      expect(fast?.text).toBe(slow);
      expect(fast?.doc).toEqual(JSON.parse(slow ?? ''));
    }
  });

  it.each(refused)('%s ← %j is refused', (pointer, value) => {
    expect(replaceScalarAt(SPEC, JSON.parse(SPEC) as JsonValue, pointer, value)).toBeNull();
  });

  it('shares the untouched subtrees and keeps __proto__ an own key', () => {
    const text = '{"__proto__": {"a": 1}, "b": {"c": 2}}';
    const doc = JSON.parse(text) as { b: JsonValue };
    const fast = replaceScalarAt(text, doc, '/__proto__/a', 3);
    expect(fast?.text).toBe('{"__proto__": {"a": 3}, "b": {"c": 2}}');
    expect(fast?.doc).toEqual(JSON.parse(fast?.text ?? ''));
    expect((fast?.doc as { b: JsonValue }).b).toBe(doc.b);
    expect(Object.prototype.hasOwnProperty.call(fast?.doc, '__proto__')).toBe(true);
  });

  it('agrees with the slow path on generated documents and scalar writes', () => {
    const scalar = fc.oneof(
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.integer(),
      fc.double({ noNaN: true }),
    );
    let applied = 0;
    const json = fc.jsonValue({ maxDepth: 3 }).filter((v) => v !== null && typeof v === 'object');
    fc.assert(
      fc.property(json, fc.nat(), scalar, fc.boolean(), (value, pick, next, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const doc = JSON.parse(text) as JsonValue;
        const pointers: string[] = [];
        const walk = (v: JsonValue, p: string): void => {
          if (v === null || typeof v !== 'object') return void pointers.push(p);
          const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
          for (const [k, x] of entries) walk(x, `${p}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
        };
        walk(doc, '');
        const pointer = pointers[pick % Math.max(1, pointers.length)];
        if (pointer === undefined || pointer === '') return;
        const fast = replaceScalarAt(text, doc, pointer, next);
        if (fast === null) return;
        applied++;
        const slow = applyValueAt(text, doc, pointer, next);
        expect(fast.text).toBe(slow);
        expect(fast.doc).toEqual(JSON.parse(slow ?? ''));
      }),
      { numRuns: 300 },
    );
    // Most generated writes take the fast path (the rest hit containers or unsafe numbers).
    expect(applied).toBeGreaterThan(100);
  });
});

/** The char-by-char reference the block skipping of minimalReplacement must agree with. */
function naiveReplacement(before: string, after: string): TextReplacement | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before[start] === after[start]) start++;
  if (start > 0 && start < max && /[\ud800-\udbff]/.test(before[start - 1] ?? '')) start--;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  if (endB < before.length && /[\udc00-\udfff]/.test(before[endB] ?? '')) {
    endB++;
    endA++;
  }
  return { start, end: endB, text: after.slice(start, endA) };
}

describe('minimalReplacement on long texts (block skipping)', () => {
  it('agrees with the char-by-char reference around block boundaries', () => {
    const unit = fc.constantFrom('a', 'b', '😀', '{"k": 1}\n');
    const text = fc.array(unit, { minLength: 100, maxLength: 400 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(5), fc.array(unit, { maxLength: 3 }), (before, at, cut, ins) => {
        const i = at % (before.length + 1);
        const after = before.slice(0, i) + ins.join('') + before.slice(i + cut);
        const r = minimalReplacement(before, after);
        expect(r).toEqual(naiveReplacement(before, after));
        if (r) expect(applyReplacement(before, r)).toBe(after);
      }),
      { numRuns: 500 },
    );
  });
});
