import { execFileSync } from 'node:child_process';

/** The CLI tests run the built file exactly as users do, so build it once before them. */
export default function setup(): void {
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.cli.config.ts', '--logLevel', 'error'],
    {
      stdio: 'inherit',
    },
  );
}
