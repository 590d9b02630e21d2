/**
 * `npm run dev` mounts the SAME handler as `spec-studio serve` (vite.config.ts → src/server/dev.ts →
 * createApiHandler): the Host guard against the dev server's real port, the secret cookie and the
 * CSP header (dev policy + frame-ancestors) on the HTML page, `/api/*` behind the same guards, and
 * `/api/fetch` reaching the fake API when SPEC_STUDIO_ALLOW_PRIVATE_HOSTS=1. Loopback only.
 */
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeApi, type FakeApi } from './fakeApi';
import { apiFetch, appHeaders, ask, fetchBody, splitFetch } from './serverHarness';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let vite: ViteDevServer;
let port: number;
let api: FakeApi;
const before = process.env.SPEC_STUDIO_ALLOW_PRIVATE_HOSTS;

beforeAll(async () => {
  process.env.SPEC_STUDIO_ALLOW_PRIVATE_HOSTS = '1';
  api = await startFakeApi();
  vite = await createServer({
    root: ROOT,
    configFile: `${ROOT}vite.config.ts`,
    logLevel: 'silent',
    clearScreen: false,
    server: { port: 0, strictPort: false, hmr: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  await vite.listen();
  port = (vite.httpServer?.address() as AddressInfo).port;
}, 60_000);

afterAll(async () => {
  await vite?.close();
  await api?.close();
  if (before === undefined) delete process.env.SPEC_STUDIO_ALLOW_PRIVATE_HOSTS;
  else process.env.SPEC_STUDIO_ALLOW_PRIVATE_HOSTS = before;
});

describe('npm run dev: the same /api/ and guards as serve', () => {
  it('the page gets the secret cookie and the dev CSP header with frame-ancestors', async () => {
    const a = await ask(port, { headers: { Host: `127.0.0.1:${port}`, Accept: 'text/html' } });
    expect(a.status).toBe(200);
    expect(a.text).toContain('<div id="root">');
    expect(String(a.headers['set-cookie'])).toMatch(
      new RegExp(`^spec_studio_secret_${port}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/$`),
    );
    const csp = String(a.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\*/);
    expect(a.headers['x-content-type-options']).toBe('nosniff');
  });

  it('a foreign Host is refused (Vite refuses names; our guard also refuses another port)', async () => {
    for (const host of ['evil.test:' + port, `127.0.0.1:${port + 1}`, `localhost:${port + 1}`]) {
      for (const path of ['/', '/src/app/main.tsx', '/api/status']) {
        const a = await ask(port, { path, headers: { Host: host } });
        expect(a.status, `${host} ${path}`).toBe(403);
        expect(a.headers['set-cookie']).toBeUndefined();
        // Vite's own check knows nothing of ports: a loopback Host on another port is ours to refuse.
        if (!host.startsWith('evil')) expect(JSON.parse(a.text)).toMatchObject({ error: 'forbidden' });
      }
    }
  });

  it('/api/status needs the secret; unknown /api/x is 403 without it, 404 with it', async () => {
    const page = await ask(port, { headers: { Host: `127.0.0.1:${port}`, Accept: 'text/html' } });
    const secret =
      /spec_studio_secret_\d+=([A-Za-z0-9_-]+)/.exec(String(page.headers['set-cookie']))?.[1] ?? '';
    expect(
      (
        await ask(port, {
          path: '/api/status',
          headers: { Host: `127.0.0.1:${port}`, 'Sec-Fetch-Site': 'same-origin' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await ask(port, {
          path: '/api/x',
          headers: { Host: `127.0.0.1:${port}`, 'Sec-Fetch-Site': 'same-origin' },
        })
      ).status,
    ).toBe(403);
    const x = await ask(port, { path: '/api/x', headers: appHeaders(port, secret) });
    expect([x.status, JSON.parse(x.text).error]).toEqual([404, 'not-found']);
    const status = await ask(port, { path: '/api/status', headers: appHeaders(port, secret) });
    expect(JSON.parse(status.text)).toEqual({
      app: 'spec-studio',
      version: '0.1.0',
      allowPrivateHosts: true,
    });
    const cross = await ask(port, {
      path: '/api/status',
      headers: appHeaders(port, secret, { Origin: 'http://evil.test', 'Sec-Fetch-Site': 'cross-site' }),
    });
    expect(cross.status).toBe(403);
    const fetched = await apiFetch(port, secret, fetchBody(`${api.origin}/none/items`));
    expect(fetched.status).toBe(200);
    expect(JSON.parse(splitFetch(fetched).bytes.toString('utf8')).items).toHaveLength(25);
  });
});
