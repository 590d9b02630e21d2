/**
 * The door with its REAL lookup and connector (no injection), run inside a loopback-only network
 * namespace (netns.ts): a public documentation address gives ENETUNREACH, a reserved name cannot
 * be resolved, and loopback works. Nothing here could leave the machine even if the door were
 * wrong. Fails (never skips) when the namespace is unavailable.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { netnsAvailable, requireNetns, runInNetns } from './netns';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'h2-door-'));
  await build({
    configFile: false,
    logLevel: 'error',
    publicDir: false,
    resolve: { alias: { '@core': join(ROOT, 'src/core/index.ts') } },
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: true,
      outDir: dir,
      target: 'node20',
      minify: false,
      rollupOptions: {
        input: { outbound: join(ROOT, 'src/server/outbound.ts') },
        output: { entryFileNames: '[name].mjs' },
      },
    },
  });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Sends each case through the built door inside the namespace; one JSON result per case. */
const SCRIPT = `
import { createServer } from 'node:http';
import { sendOutbound } from ${JSON.stringify('DOOR')};
const server = createServer((_q, res) => res.end('{"ok":true}'));
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;
const cases = [
  ['http://203.0.113.10/items', false],
  ['https://203.0.113.10/items', false],
  ['http://api.partner.test/items', false],
  ['http://127.0.0.1:' + port + '/items', true],
];
const out = [];
for (const [url, allowPrivateHosts] of cases) {
  const request = { method: 'GET', url, headers: {} };
  const r = await sendOutbound({ request, display: request, authHeaders: [], secrets: [], timeoutMs: 5000 }, { allowPrivateHosts });
  out.push(r.ok ? { ok: true, status: r.status } : { ok: false, error: r.error, message: r.message });
}
server.close();
process.stdout.write(JSON.stringify(out));
`;

describe('the door inside a loopback-only network namespace', () => {
  it('the namespace helper works here (else the live tests that need it fail)', () => {
    expect(netnsAvailable()).toBe(true);
    const r = runInNetns('ip', ['-o', 'link', 'show'], { encoding: 'utf8' });
    expect(String(r.stdout).trim().split('\n')).toHaveLength(1);
  });

  it('real lookup and connector: ENETUNREACH off loopback, no name resolves, loopback answers', () => {
    requireNetns();
    const script = SCRIPT.replace('"DOOR"', JSON.stringify(join(dir, 'outbound.mjs')));
    const r = runInNetns(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.stderr).toBe('');
    const [plain, tls, named, loop] = JSON.parse(String(r.stdout)) as Array<{
      ok: boolean;
      error?: string;
      message?: string;
      status?: number;
    }>;
    expect(plain).toMatchObject({ ok: false, error: 'network-error' });
    expect(plain!.message).toContain('ENETUNREACH');
    expect(tls).toMatchObject({ ok: false, error: 'network-error' });
    expect(tls!.message).toContain('ENETUNREACH');
    expect(named).toMatchObject({ ok: false, error: 'network-error' });
    expect(named!.message).toMatch(
      /^http:\/\/api\.partner\.test\/items: api\.partner\.test cannot be resolved \((ENOTFOUND|EAI_AGAIN)\)$/,
    );
    expect(loop).toEqual({ ok: true, status: 200 });
  });
});
