/**
 * `spec-studio serve` as a command: its one address line, a clean exit 0 on SIGINT/SIGTERM, one
 * stderr line and exit 2 for a taken port, a missing app or a bad --port, `--open` whose browser
 * cannot start (one warning, the server keeps running), `--help`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, BIN, makeAppDir, serve } from './serverHarness';

let dirs: { root: string; app: string };
beforeAll(() => {
  dirs = makeAppDir();
});
afterAll(() => rmSync(dirs.root, { recursive: true, force: true }));

function cliSync(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 15_000, env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function expectOneLine(err: string, pattern: RegExp): void {
  const lines = err.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^spec-studio: /);
  expect(lines[0]).toMatch(pattern);
  expect(err).not.toMatch(/\n\s+at /);
}

describe('serve: lifecycle', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s closes it cleanly: exit 0, the port is free again',
    async (signal) => {
      const s = await serve(['--port', '0', '--app-dir', dirs.app]);
      // A keep-alive connection stays open; close must not wait for it.
      await ask(s.port, { headers: { Host: `127.0.0.1:${s.port}`, Connection: 'keep-alive' } });
      expect(await s.stop(signal)).toBe(0);
      expect(s.stdout()).toBe(`Spec Studio at http://127.0.0.1:${s.port}/\n`);
      expect(s.stderr()).toBe('');
      const again = await serve(['--port', String(s.port), '--app-dir', dirs.app]);
      expect(again.port).toBe(s.port);
      expect(await again.stop()).toBe(0);
    },
  );

  it('binds 127.0.0.1 only', async () => {
    const s = await serve(['--port', '0', '--app-dir', dirs.app]);
    const r = spawnSync('ss', ['-Hltn', `sport = :${s.port}`], { encoding: 'utf8' });
    if (r.status === 0) {
      expect(r.stdout.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toMatch(new RegExp(`127\\.0\\.0\\.1:${s.port}\\b`));
    }
    expect(await s.stop()).toBe(0);
  });

  it('a taken port: one stderr line, exit 2', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = cliSync(['serve', '--port', String(port), '--app-dir', dirs.app]);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expectOneLine(r.err, new RegExp(`port ${port} is taken`));
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  it('a missing app: one stderr line saying to run npm run build, exit 2', () => {
    const empty = mkdtempSync(join(tmpdir(), 'spec-studio-noapp-'));
    try {
      for (const dir of [empty, join(empty, 'nope')]) {
        const r = cliSync(['serve', '--port', '0', '--app-dir', dir]);
        expect(r.code).toBe(2);
        expect(r.out).toBe('');
        expectOneLine(r.err, /npm run build/);
      }
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it.each([['-1'], ['65536'], ['http'], ['8080x'], ['']])('--port %j: one stderr line, exit 2', (port) => {
    const r = cliSync(['serve', '--port', port, '--app-dir', dirs.app]);
    expect(r.code).toBe(2);
    expectOneLine(r.err, /port/);
  });

  it('an extra argument or an unknown option: one stderr line, exit 2', () => {
    expectOneLine(cliSync(['serve', 'dist']).err, /no file arguments/);
    const r = cliSync(['serve', '--bind', '0.0.0.0']);
    expect(r.code).toBe(2);
    expectOneLine(r.err, /--bind/);
  });

  it('--open without a browser: one warning line, the server still serves', async () => {
    const s = await serve(['--port', '0', '--open', '--app-dir', dirs.app], {
      ...process.env,
      PATH: '/nonexistent',
    });
    await new Promise((r) => setTimeout(r, 300));
    const a = await ask(s.port, { headers: { Host: `127.0.0.1:${s.port}` } });
    expect(a.status).toBe(200);
    expect(await s.stop()).toBe(0);
    const lines = s.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^spec-studio: warning: could not open a browser .*http:\/\/127\.0\.0\.1:\d+\//);
  });

  it('--help in the style of the other commands', () => {
    const r = cliSync(['serve', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^Usage: spec-studio serve \[--port N\] \[--allow-private-hosts\] \[--open\] \[--app-dir DIR\]/,
    );
    expect(r.out).toMatch(/127\.0\.0\.1/);
    expect(r.out).toMatch(/metadata/);
  });
});
