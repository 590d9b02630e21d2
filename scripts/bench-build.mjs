// The CLI build the benchmarks run (dist-cli/ or BENCH_DIST_DIR): built once when a file is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = process.env.BENCH_DIST_DIR ?? join(ROOT, 'dist-cli');

/** Builds the CLI into DIST when `file` is missing; exits with a message when the build fails. */
export function ensureCliBuild(file, who) {
  if (existsSync(file)) return;
  console.log(`${file} is missing: building it (vite build --config vite.cli.config.ts) ...`);
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.cli.config.ts', '--outDir', DIST], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (r.status !== 0 || !existsSync(file)) {
    console.error(`${who}: the CLI build failed; fix it and run again.`);
    process.exit(1);
  }
}
