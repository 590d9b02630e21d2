/**
 * scripts/hostile-summary.mjs (issue 8, B7): the hostile summary fails when a report is missing or a
 * catalogue input has no test, and counts inputs covered only by "[static]" tests (tests that read
 * source or build text) apart from the inputs tried.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { summarise } from '../../scripts/hostile-summary.mjs';

type Summary = { line: string; problems: string[]; notes: string[] };
const summary = summarise as (ids: string[], reports: unknown[]) => Summary;

const report = (tests: Array<[string, 'passed' | 'failed' | 'skipped']>) => ({
  testResults: [
    {
      name: '/work/tests/hostile/core/x.test.ts',
      assertionResults: tests.map(([title, status]) => ({ title, status })),
    },
    // Tests outside tests/hostile never count, whatever their title.
    { name: '/work/tests/core/y.test.ts', assertionResults: [{ title: 'A3: elsewhere', status: 'passed' }] },
  ],
});

describe('hostile summary', () => {
  it('counts executed inputs as tried and "[static]"-only inputs apart', () => {
    const out = summary(
      ['A1', 'A10', 'G1', 'G2'],
      [
        report([
          ['A1: refused', 'passed'],
          ['A10: deep', 'passed'],
          ['A10 [static]: source has a guard', 'passed'],
          ['G1 [static]: no fetch in the bundle', 'passed'],
          ['G2: a big file is refused', 'passed'],
        ]),
      ],
    );
    expect(out.line).toBe('hostile inputs: 3 tried, 3 handled, 0 lost; 1 static check');
    expect(out.problems).toEqual([]);
    expect(out.notes.join('\n')).toContain('G1');
  });

  it('fails when an input has no test, or only skipped ones, and names it', () => {
    const out = summary(
      ['A1', 'A2', 'A3'],
      [
        report([
          ['A1: ok', 'passed'],
          ['A2: later', 'skipped'],
        ]),
      ],
    );
    expect(out.line).toBe('hostile inputs: 1 tried, 1 handled, 0 lost; 0 static checks');
    expect(out.problems).toEqual(['no executed test: A2, A3']);
  });

  it('a failing test, executed or static, is a problem', () => {
    const out = summary(
      ['A1', 'G1'],
      [
        report([
          ['A1: ok', 'failed'],
          ['G1 [static]: grep', 'failed'],
        ]),
      ],
    );
    expect(out.line).toBe('hostile inputs: 1 tried, 0 handled, 1 lost; 1 static check');
    expect(out.problems).toEqual(['failing: A1', 'static checks failing: G1']);
  });

  it('the script exits 1 when a report is missing, and 0 when every input is covered', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostile-summary-'));
    const full = join(dir, 'full.json');
    const catalogue = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].flatMap((g) =>
      Array.from({ length: 15 }, (_, i) => `${g}${i + 1}`),
    );
    writeFileSync(full, JSON.stringify(report(catalogue.map((id) => [`${id}: ok`, 'passed']))));
    const run = (...files: string[]) =>
      spawnSync(process.execPath, ['scripts/hostile-summary.mjs', ...files], { encoding: 'utf8' });
    const ok = run(full);
    expect(ok.stdout).toMatch(/^hostile inputs: (\d+) tried, \1 handled, 0 lost; 0 static checks$/m);
    expect(ok.status).toBe(0);
    const missing = run(full, join(dir, 'nope.json'));
    expect(missing.stdout).toContain(`report missing: ${join(dir, 'nope.json')}`);
    expect(missing.status).toBe(1);
  });
});
