/**
 * Issue 8 B4 in the CLI: duplicate-key and beyond-2^53 warnings hold at every size (they were
 * skipped above 5 MB).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './runCli';

const FX = 'tests/fixtures/cli';

describe('spec-studio flatten: parser warnings at every size', () => {
  it('a 6 MB response with a duplicate key and an integer beyond 2^53 warns about both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spec-studio-warn-'));
    // The bulk sits outside contentPath, so stdout stays small.
    const filler = Array.from({ length: 50_000 }, (_, i) => `{"id":${i},"note":"${'n'.repeat(100)}"}`);
    const file = join(dir, 'big.json');
    const text = `{"filler":[${filler.join(',')}],"emails":[{"email_id":"e1","activity":[{"action":"open"}]}],"total":12345678901234567890,"page":1,"page":2}`;
    expect(text.length).toBeGreaterThan(6_000_000);
    writeFileSync(file, text);
    const r = cli('flatten', '--spec', `${FX}/emails.spec.json`, file);
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(1);
    const warnings = r.err
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { code: string; pointer: string; message: string });
    expect(warnings).toContainEqual(
      expect.objectContaining({
        code: 'unsafe-number',
        pointer: '/total',
        message: expect.stringMatching(/beyond 2\^53/),
      }),
    );
    expect(warnings).toContainEqual(
      expect.objectContaining({
        code: 'duplicate-key',
        pointer: '/page',
        message: expect.stringMatching(/duplicate key "page"/),
      }),
    );
  }, 120_000);
});
