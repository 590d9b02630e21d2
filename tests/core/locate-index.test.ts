import { describe, expect, it } from 'vitest';
import { locatePointer, positionAt } from '@core';

/** A spec-like text with `n` members under /p, each on its own line, joined by `eol`. */
function text(n: number, eol: string): string {
  const lines = ['{', '  "p": {'];
  for (let i = 0; i < n; i++) lines.push(`    "k${i}": {"d": "v${i}"}${i < n - 1 ? ',' : ''}`);
  lines.push('  },', '  "p": {"k1": {"d": "dup"}}', '}');
  return lines.join(eol);
}

describe('locatePointer over large objects (issue 8, C9: 2,000 diagnostics per keystroke)', () => {
  it.each(['\n', '\r\n', '\r'])('line and column equal positionAt (eol %j), last duplicate wins', (eol) => {
    const big = text(40, eol).replace(`${eol}  "p": {"k1": {"d": "dup"}}`, '');
    for (const i of [0, 17, 39]) {
      const loc = locatePointer(big, `/p/k${i}/d`);
      expect(loc).not.toBeNull();
      const pos = positionAt(big, loc?.offset ?? -1);
      expect([loc?.line, loc?.column]).toEqual([pos.line, pos.column]);
      expect(big.slice(loc?.offset, (loc?.offset ?? 0) + (loc?.length ?? 0))).toBe(`"v${i}"`);
    }
    const dup = text(3, eol);
    const loc = locatePointer(dup, '/p/k1/d');
    expect(dup.slice(loc?.offset, (loc?.offset ?? 0) + (loc?.length ?? 0))).toBe('"dup"');
    expect(locatePointer(big, '/p/k40')).toBeNull();
  });
});
