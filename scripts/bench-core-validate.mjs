/**
 * `spec-studio validate` on specs with 20,000 and 100,000 user inputs (issue 12 item 3: 53 s for
 * 20,000 when diagnostics were ordered by `indexOf` over object keys). Each input is declared but
 * unused, so each is a finding. Whole process, median of 3; the 100,000 / 20,000 ratio shows whether
 * the cost grows linearly (5) or worse, whatever the machine's load. Part of `npm run bench`; alone:
 * `node scripts/bench-core-validate.mjs [path/to/spec-studio.mjs]`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { bigInputsSpec } from './bench-ui-lib.mjs';

/** Inputs of the two specs, and the largest acceptable ratio of their times (linear: 5). */
export const VALIDATE_SIZES = [20_000, 100_000];
export const VALIDATE_RATIO_TARGET = 7;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Rows [measure, value, verdict] for `spec-studio validate` (the CLI at `cli`). */
export function validateRows(cli, runs = 3) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-validate-'));
  const rows = [];
  try {
    const times = VALIDATE_SIZES.map((n) => {
      const file = join(dir, `inputs-${n}.json`);
      writeFileSync(file, bigInputsSpec(n));
      const t = [];
      let findings = 0;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const r = spawnSync(process.execPath, [cli, 'validate', file], {
          maxBuffer: 1 << 28,
          encoding: 'utf8',
        });
        t.push(performance.now() - t0);
        findings = r.stdout.split('\n').filter(Boolean).length;
      }
      const ms = median(t);
      rows.push([
        `spec-studio validate, ${n.toLocaleString('en-US')} inputs (${findings.toLocaleString('en-US')} findings, median of ${runs})`,
        `${Math.round(ms)} ms`,
        '',
      ]);
      return ms;
    });
    const ratio = times[1] / times[0];
    rows.push([
      `validate ${VALIDATE_SIZES[1].toLocaleString('en-US')} / ${VALIDATE_SIZES[0].toLocaleString('en-US')} inputs`,
      ratio.toFixed(2),
      `${ratio <= VALIDATE_RATIO_TARGET ? 'PASS' : 'FAIL'} (≤ ${VALIDATE_RATIO_TARGET}; linear: 5)`,
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { DIST } = await import('./bench-build.mjs');
  const rows = validateRows(process.argv[2] ?? join(DIST, 'spec-studio.mjs'));
  for (const [a, b, c] of rows) console.log(`  ${a}  ${b}  ${c}`);
  if (rows.some((r) => r[2].startsWith('FAIL'))) process.exitCode = 1;
}
