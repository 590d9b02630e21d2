import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';

/** The built CLI (the `cli` and `hostile` projects build it once per run). */
export const BIN = process.env.SPEC_STUDIO_BIN ?? 'dist-cli/spec-studio.mjs';

/** Runs the built CLI exactly as a user would. */
export function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, out: r.stdout, err: r.stderr, lines: r.stdout.split(/\r?\n/).filter(Boolean) };
}

/** One clear line on stderr, never a stack trace. */
export function expectOneLineError(err: string, pattern: RegExp): void {
  const lines = err.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^spec-studio: /);
  expect(lines[0]).toMatch(pattern);
  expect(err).not.toMatch(/\n\s+at /);
}
