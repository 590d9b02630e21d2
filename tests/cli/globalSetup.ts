import { execFileSync } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';

/**
 * The CLI tests run the built file exactly as users do, so build it once per test run (the `cli` and
 * `hostile` projects share this setup). The build goes to a private folder that then replaces dist-cli/,
 * so a run never sees a half-written CLI.
 */
export default function setup(): void {
  // SPEC_STUDIO_BIN: a CLI built elsewhere (parallel work keeps its own build).
  if (process.env.SPEC_STUDIO_CLI_BUILT === '1' || process.env.SPEC_STUDIO_BIN) return;
  const tmp = `dist-cli.build-${process.pid}`;
  execFileSync(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '--config',
      'vite.cli.config.ts',
      '--logLevel',
      'error',
      '--outDir',
      tmp,
    ],
    { stdio: 'inherit' },
  );
  rmSync('dist-cli', { recursive: true, force: true });
  renameSync(tmp, 'dist-cli');
  process.env.SPEC_STUDIO_CLI_BUILT = '1';
}
