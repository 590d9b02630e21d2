/**
 * Issue 8 B4: duplicate-key and beyond-2^53 warnings hold at every size, in the core's parseJson
 * (whose quick checks must never miss what the exact pass finds) and for preview samples.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDepth, parseJson } from '../../src/core/json/parseJson';
import { countKeys, quickScan, validJsonWarnings } from '../../src/core/json/warnings';
import { parseSampleText } from '../../src/workers/previewParse';

/** JSON texts that often repeat keys and hold integers beyond 2^53 or exponents. */
const text: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(
      '1',
      '-0',
      '9007199254740993',
      '-12345678901234567890',
      '1e400',
      '2.5E3',
      '0.1234567890123456',
      '"x"',
      'null',
    ),
    fc.array(tie('node'), { maxLength: 4 }).map((xs) => `[${xs.join(',')}]`),
    fc
      .array(fc.tuple(fc.constantFrom('a', 'b', '__proto__', 'a\\u0062', 'c:d'), tie('node')), {
        maxLength: 4,
      })
      .map((kv) => `{${kv.map(([k, v]) => `"${k}":${v}`).join(',')}}`),
  ),
})).node;

describe('parseJson warnings at every size', () => {
  it('are exactly those of the exact pass, whatever the text', () => {
    fc.assert(
      fc.property(text, (t) => {
        const r = parseJson(t);
        expect(r.ok).toBe(true);
        expect(r.warnings).toEqual(validJsonWarnings(t));
      }),
      { numRuns: 1000 },
    );
  });

  it('quickScan finds the too-deep bracket exactly where checkDepth does, on any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', '\\', 'a', ':', '1') }),
        fc.integer({ min: 0, max: 4 }),
        (t, max) => {
          expect(quickScan(t, max).deepAt).toBe(checkDepth(t, max)?.offset ?? -1);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('quickScan counts members as the parsed value holds them when keys are unique', () => {
    const s = '{"a":{"b":[1,{"c:":"d:"}]},"e":[]}';
    expect(quickScan(s, 256)).toEqual({ deepAt: -1, members: 4, longNumber: false });
    expect(countKeys(JSON.parse(s))).toBe(4);
    expect(quickScan('[1e5]', 256).longNumber).toBe(true);
  });

  it('a duplicate key and an integer beyond 2^53 at the end of a 6 MB text are reported', () => {
    const filler = Array.from(
      { length: 60_000 },
      (_, i) => `{"id":${i},"name":"member ${i}","x":"${'y'.repeat(60)}"}`,
    );
    const big = `{"items":[${filler.join(',')}],"n":12345678901234567890,"a":1,"a":2}`;
    expect(big.length).toBeGreaterThan(6_000_000);
    const r = parseJson(big);
    expect(r.warnings.map((w) => [w.code, w.pointer])).toEqual([
      ['unsafe-number', '/n'],
      ['duplicate-key', '/a'],
    ]);
  });
});

describe('preview samples', () => {
  it('warn about duplicate keys and unsafe integers above 2 MB too', () => {
    const filler = Array.from({ length: 30_000 }, (_, i) => `{"id":${i},"v":"${'z'.repeat(80)}"}`);
    const sample = `{"items":[${filler.join(',')}],"big":9007199254740993,"k":1,"k":2}`;
    expect(sample.length).toBeGreaterThan(2_500_000);
    const { result } = parseSampleText('p1', sample);
    expect(result.ok).toBe(true);
    const warnings = result.ok ? result.warnings : [];
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/integer 9007199254740993 is beyond 2\^53/);
    expect(warnings[1]).toMatch(/duplicate key "k"/);
  });
});
