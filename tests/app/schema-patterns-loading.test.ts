import { describe, expect, it } from 'vitest';
import { loadRegexEngine } from '@core';
import { rewritePatterns } from '../../src/lib/schemaPatterns';

// Issue 8 C9: the regex engine loads after the first paint. A partner schema's `pattern` validated
// before that is reported as not checked, never dropped (which would pass every string silently).
describe('schema patterns while the regex engine is loading', () => {
  it('reports each string as not checked, then checks it once the engine is in', async () => {
    const before: Record<string, unknown> = { type: 'string', pattern: '^a+$' };
    const r = rewritePatterns(before, 'aaa');
    expect(r.skipped.get('aaa')).toMatch(/still loading/);
    expect(before['pattern']).toBe('[^\\s\\S]');

    expect(await loadRegexEngine()).toBe(true);
    const after: Record<string, unknown> = { type: 'string', pattern: '^a+$' };
    expect(rewritePatterns(after, 'aaa').skipped.size).toBe(0);
    expect(new RegExp(after['pattern'] as string, 'u').test('aaa')).toBe(true);
  });
});
