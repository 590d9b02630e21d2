/**
 * `spec-studio serve`, the real built CLI (SPEC_STUDIO_BIN), attacked over loopback with raw
 * requests: the Host guard (DNS rebinding), the secret cookie and same-origin checks of `/api/*`,
 * the static app (traversal, content types, security headers) and `/api/fetch` end to end against
 * the fake partner API. Every target here is loopback: refusals of other targets (metadata, and
 * redirects to it) are in serverNetns.test.ts (the real server in a loopback-only network
 * namespace) and serverApi.test.ts (in process, with a recording connector), where a bug cannot
 * send a packet off this machine.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_CREDENTIALS, startFakeApi, type FakeApi } from './fakeApi';
import {
  apiFetch,
  appHeaders,
  ask,
  fetchBody,
  makeAppDir,
  OUTSIDE_TEXT,
  rawBytes,
  secretOf,
  serve,
  splitFetch,
  waitForText,
  type Served,
} from './serverHarness';

let dirs: { root: string; app: string };
let api: FakeApi;
/** Started with --allow-private-hosts (the fake API is on 127.0.0.1). */
let s: Served;
/** Started without it. */
let strict: Served;
let secret: string;
let strictSecret: string;

beforeAll(async () => {
  dirs = makeAppDir();
  api = await startFakeApi();
  [s, strict] = await Promise.all([
    serve(['--port', '0', '--allow-private-hosts', '--app-dir', dirs.app]),
    serve(['--port', '0', '--app-dir', dirs.app]),
  ]);
  [secret, strictSecret] = await Promise.all([secretOf(s.port), secretOf(strict.port)]);
});

afterAll(async () => {
  await Promise.all([s?.stop(), strict?.stop()]);
  await api?.close();
  rmSync(dirs.root, { recursive: true, force: true });
});

const own = () => `127.0.0.1:${s.port}`;
/** The secret cookie's name: it carries the port, so two servers never share it. */
const C = () => `spec_studio_secret_${s.port}`;

describe('serve: the address line', () => {
  it('prints exactly one line first, the loopback address', () => {
    expect(s.stdout().split('\n')[0]).toBe(`Spec Studio at http://127.0.0.1:${s.port}/`);
    expect(s.port).toBeGreaterThan(0);
  });
});

describe('serve: Host guard (DNS rebinding), before any routing', () => {
  it.each([
    ['evil.test:PORT', '/'],
    ['evil.test:PORT', '/api/status'],
    ['evil.test:PORT', '/index.html'],
    ['127.0.0.1:OTHER', '/'],
    ['127.0.0.1:OTHER', '/api/status'],
    ['localhost:OTHER', '/'],
    ['127.0.0.1', '/'],
    ['[::1]:PORT', '/'],
    ['127.0.0.1:PORT.evil.test', '/'],
    ['LOCALHOST.evil.test:PORT', '/'],
  ])('Host %s on %s → 403, no cookie, no page', async (host, path) => {
    const h = host.replace('PORT', String(s.port)).replace('OTHER', String(s.port + 1));
    const a = await ask(s.port, {
      path,
      headers: { Host: h, Cookie: `${C()}=${secret}`, 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(a.status).toBe(403);
    expect(a.headers['set-cookie']).toBeUndefined();
    expect(a.text).not.toMatch(/Spec Studio<\/title>/);
    expect(JSON.parse(a.text)).toMatchObject({ error: 'forbidden' });
  });

  it('no Host (HTTP/1.0) and two Host headers → refused', async () => {
    const none = await rawBytes(s.port, 'GET / HTTP/1.0\r\n\r\n');
    expect(none).toMatch(/^HTTP\/1\.[01] 403 /);
    const two = await rawBytes(
      s.port,
      `GET / HTTP/1.1\r\nHost: ${own()}\r\nHost: evil.test\r\nConnection: close\r\n\r\n`,
    );
    expect(two).toMatch(/^HTTP\/1\.1 (400|403) /);
    expect(two).not.toMatch(/Set-Cookie/i);
  });

  it('the own Host, as 127.0.0.1 or localhost, gets the app', async () => {
    for (const host of [own(), `localhost:${s.port}`]) {
      const a = await ask(s.port, { headers: { Host: host } });
      expect(a.status).toBe(200);
      expect(a.text).toContain('<title>Spec Studio</title>');
    }
  });

  it('a refused request is logged as one line, quoting the foreign Host with escapes', async () => {
    const esc = await rawBytes(
      s.port,
      'GET /x HTTP/1.1\r\nHost: evil.test:1\u001b[31m\r\nConnection: close\r\n\r\n',
    );
    expect(esc).toMatch(/^HTTP\/1\.1 (400|403) /);
    await ask(s.port, { path: '/y\u2028', headers: { Host: 'rebind.test:80' } }).catch(() => null);
    await ask(s.port, { path: '/y', headers: { Host: 'rebind.test:80' } });
    const log = await waitForText(s.stdout, /rebind/);
    expect(log).toMatch(/^403 foreign Host "rebind\.test:80" GET "\/y"$/m);
    // eslint-disable-next-line no-control-regex -- an ESC in the log is the failure
    expect(log).not.toMatch(/[\u001b\u2028]/);
  });
});

describe('serve: /api/* needs the secret and a same-origin caller', () => {
  const status = (headers: Record<string, string>, path = '/api/status') => ask(s.port, { path, headers });

  it('the app page hands out the secret: 32 random bytes, HttpOnly, SameSite=Strict, Path=/', async () => {
    const a = await ask(s.port, { headers: { Host: own() } });
    const cookie = String(a.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^${C()}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/$`));
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(secret).not.toBe(strictSecret);
  });

  it('with the secret and Sec-Fetch-Site or Origin: 200 LiveServerStatus', async () => {
    const viaSite = await status({
      Host: own(),
      Cookie: `${C()}=${secret}`,
      'Sec-Fetch-Site': 'same-origin',
    });
    expect(viaSite.status).toBe(200);
    expect(JSON.parse(viaSite.text)).toEqual({
      app: 'spec-studio',
      version: '0.1.0',
      allowPrivateHosts: true,
    });
    const viaOrigin = await status({
      Host: own(),
      Cookie: `a=b; ${C()}=${secret}; c=d`,
      Origin: `http://${own()}`,
    });
    expect(viaOrigin.status).toBe(200);
    const local = await status({
      Host: `localhost:${s.port}`,
      Cookie: `${C()}=${secret}`,
      Origin: `http://localhost:${s.port}`,
    });
    expect(local.status).toBe(200);
    const other = await ask(strict.port, {
      path: '/api/status',
      headers: appHeaders(strict.port, strictSecret),
    });
    expect(JSON.parse(other.text)).toMatchObject({ allowPrivateHosts: false });
  });

  it.each([
    ['no cookie', {}],
    ['an empty cookie', { Cookie: 'NAME=' }],
    ['a wrong secret', { Cookie: 'NAME=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
    ['the other server’s secret', { Cookie: 'OTHER' }],
    ['the secret under another name', { Cookie: 'secret=SECRET' }],
    ['the secret with a suffix', { Cookie: 'NAME=SECRETx' }],
    ['the secret under the other server’s cookie name', { Cookie: 'OTHERNAME=SECRET' }],
  ])('%s → 403', async (_what, extra: Record<string, string>) => {
    const cookie = (extra.Cookie ?? '')
      .replace('OTHERNAME', `spec_studio_secret_${strict.port}`)
      .replace('OTHER', `${C()}=${strictSecret}`)
      .replace('NAME', C())
      .replace('SECRET', secret);
    const headers: Record<string, string> = {
      Host: own(),
      'Sec-Fetch-Site': 'same-origin',
      Origin: `http://${own()}`,
    };
    if (cookie) headers.Cookie = cookie;
    const a = await status(headers);
    expect(a.status).toBe(403);
    expect(JSON.parse(a.text)).toMatchObject({ error: 'forbidden' });
  });

  it.each([
    ['a cross-site Origin', { Origin: 'http://evil.test' }],
    ['a null Origin', { Origin: 'null' }],
    ['the other loopback name as Origin', { Origin: 'http://localhost:PORT' }],
    ['an https Origin', { Origin: 'https://127.0.0.1:PORT' }],
    ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { 'Sec-Fetch-Site': 'same-site' }],
    ['Sec-Fetch-Site: none (typed in the address bar)', { 'Sec-Fetch-Site': 'none' }],
    [
      'a good Origin but Sec-Fetch-Site: cross-site',
      { Origin: 'http://127.0.0.1:PORT', 'Sec-Fetch-Site': 'cross-site' },
    ],
    [
      'Sec-Fetch-Site: same-origin but a foreign Origin',
      { Origin: 'http://evil.test', 'Sec-Fetch-Site': 'same-origin' },
    ],
    ['neither Origin nor Sec-Fetch-Site', {}],
  ])('%s, even with the secret → 403', async (_what, extra: Record<string, string>) => {
    const headers: Record<string, string> = { Host: own(), Cookie: `${C()}=${secret}` };
    for (const [k, v] of Object.entries(extra)) headers[k] = v.replace('PORT', String(s.port));
    for (const path of ['/api/status', '/api/fetch']) {
      const a = await ask(s.port, {
        method: path === '/api/fetch' ? 'POST' : 'GET',
        path,
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: path === '/api/fetch' ? JSON.stringify(fetchBody(`${api.origin}/echo`)) : undefined,
      });
      expect(a.status, path).toBe(403);
    }
    expect(api.requests.filter((r) => r.url === '/echo')).toHaveLength(0);
  });

  it('an unknown /api/x is 403 without the secret and 404 with it; wrong methods are 405', async () => {
    expect((await status({ Host: own(), 'Sec-Fetch-Site': 'same-origin' }, '/api/x')).status).toBe(403);
    expect((await status({ Host: own(), 'Sec-Fetch-Site': 'same-origin' }, '/api')).status).toBe(403);
    expect((await status(appHeaders(s.port, secret), '/api/x')).status).toBe(404);
    expect((await status(appHeaders(s.port, secret), '/api/status/')).status).toBe(404);
    const post = await ask(s.port, {
      method: 'POST',
      path: '/api/status',
      headers: appHeaders(s.port, secret),
    });
    expect(post.status).toBe(405);
    const get = await ask(s.port, { path: '/api/fetch', headers: appHeaders(s.port, secret) });
    expect([get.status, get.headers.allow]).toEqual([405, 'POST']);
  });
});

describe('serve: the static app', () => {
  it('/ is index.html with the CSP header (frame-ancestors), nosniff, no-referrer, COOP, no-store', async () => {
    const a = await ask(s.port, { headers: { Host: own() } });
    expect(a.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(a.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(a.headers['x-content-type-options']).toBe('nosniff');
    expect(a.headers['referrer-policy']).toBe('no-referrer');
    expect(a.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(a.headers['cache-control']).toBe('no-store');
    const index = await ask(s.port, { path: '/index.html?x=1', headers: { Host: own() } });
    expect(index.headers['content-security-policy']).toBe(csp);
  });

  it('assets get their content type and nosniff (no HTML headers, no cookie); HEAD has no body', async () => {
    const js = await ask(s.port, { path: '/assets/app.js', headers: { Host: own() } });
    expect([js.status, js.headers['content-type'], js.headers['x-content-type-options']]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      'nosniff',
    ]);
    expect(js.headers['set-cookie']).toBeUndefined();
    const css = await ask(s.port, { path: '/assets/style.css', headers: { Host: own() } });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const head = await ask(s.port, { method: 'HEAD', path: '/assets/app.js', headers: { Host: own() } });
    expect([head.status, head.body.length, head.headers['content-length']]).toEqual([200, 0, '20']);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/..\\secret.txt',
    '/link.txt',
    '/index.html%00.txt',
    '/%00',
    '/%ZZ',
    '/assets/',
    '/assets',
    '/assets/sub/',
    '//secret.txt',
    '/./index.html',
    '/assets/./app.js',
    `/${'../'.repeat(20)}etc/passwd`,
    '/nope.html',
  ])('%s → 404, never a file outside or a listing', async (path) => {
    const a = await rawBytes(s.port, `GET ${path} HTTP/1.1\r\nHost: ${own()}\r\nConnection: close\r\n\r\n`);
    expect(a).toMatch(/^HTTP\/1\.1 (400|404) /);
    expect(a).not.toContain(OUTSIDE_TEXT);
    expect(a).not.toContain('root:');
    expect(a).not.toContain('app.js');
  });

  it('only GET and HEAD: other methods on the app are 405', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
      const a = await ask(s.port, { method, path: '/', headers: { Host: own() } });
      expect(a.status, method).toBe(405);
    }
  });

  it('G5: malformed request lines and headers are answered, never crash the server', async () => {
    for (const bytes of [
      'GET http://evil.test/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      `GET * HTTP/1.1\r\nHost: ${own()}\r\nConnection: close\r\n\r\n`,
      `GET /%E0%A4%A HTTP/1.1\r\nHost: ${own()}\r\nConnection: close\r\n\r\n`,
      `GET /\u00ff\u0000 HTTP/1.1\r\nHost: ${own()}\r\nConnection: close\r\n\r\n`,
      'NOT-HTTP\r\n\r\n',
      `GET / HTTP/1.1\r\nHost: ${own()}\r\nCookie: \u00ff\u00fe=;;;=\r\nOrigin: \u0001\r\nConnection: close\r\n\r\n`,
      `GET /api/status HTTP/1.1\r\nHost: ${own()}\r\nCookie: ${C()}\r\nSec-Fetch-Site: same-origin\r\nConnection: close\r\n\r\n`,
    ]) {
      const a = await rawBytes(s.port, bytes);
      expect(a, JSON.stringify(bytes)).toMatch(/^HTTP\/1\.1 [2345]\d\d /);
    }
    expect((await ask(s.port, { headers: { Host: own() } })).status).toBe(200);
    expect(s.proc.exitCode).toBeNull();
  });
});

describe('serve: POST /api/fetch', () => {
  it('reaches the fake API and returns the meta line and the body bytes exactly', async () => {
    const url = `${api.origin}/basic/none/items`;
    const auth = `Basic ${Buffer.from(`${FAKE_CREDENTIALS.username}:${FAKE_CREDENTIALS.password}`).toString('base64')}`;
    const a = await apiFetch(
      s.port,
      secret,
      fetchBody(url, {
        request: { method: 'GET', url, headers: { authorization: auth } },
        authHeaders: ['authorization'],
      }),
    );
    expect(a.status).toBe(200);
    expect(a.headers['content-type']).toBe('application/octet-stream');
    const { meta, bytes } = splitFetch(a);
    const direct = await fetch(url, { headers: { authorization: auth } });
    const directBytes = Buffer.from(await direct.arrayBuffer());
    expect(bytes.equals(directBytes)).toBe(true);
    expect(meta).toMatchObject({ status: 200, bytes: directBytes.length, redirects: [] });
    expect((meta.headers as Record<string, string>)['content-type']).toMatch(/json/);
    expect(JSON.parse(bytes.toString('utf8')).items).toHaveLength(25);
  });

  it('a 5 MB body arrives byte for byte (same SHA-256 as a direct request)', async () => {
    const url = `${api.origin}/huge?mb=5`;
    const a = await apiFetch(s.port, secret, fetchBody(url));
    const { meta, bytes } = splitFetch(a);
    const direct = Buffer.from(await (await fetch(url)).arrayBuffer());
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(meta.bytes).toBe(direct.length);
    expect(sha(bytes)).toBe(sha(direct));
  });

  it('an API error status is a 200 answer whose meta carries it (401 bad credentials)', async () => {
    const a = await apiFetch(s.port, secret, fetchBody(`${api.origin}/basic/none/items`));
    const { meta, bytes } = splitFetch(a);
    expect(meta.status).toBe(401);
    expect(JSON.parse(bytes.toString('utf8'))).toEqual({ message: 'bad credentials' });
  });

  it('without --allow-private-hosts a loopback target is refused (502) and nothing reaches it', async () => {
    const before = api.requests.length;
    const a = await apiFetch(strict.port, strictSecret, fetchBody(`${api.origin}/echo`));
    expect(a.status).toBe(502);
    expect(JSON.parse(a.text)).toMatchObject({ error: 'refused' });
    expect(JSON.parse(a.text).message).toMatch(/allow-private-hosts|loopback/);
    expect(api.requests.length).toBe(before);
  });

  it('a target that does not answer: 502 network-error; a slow one past timeoutMs: 502 timeout', async () => {
    const dead = await apiFetch(s.port, secret, fetchBody('http://127.0.0.1:9/x'));
    expect([dead.status, JSON.parse(dead.text).error]).toEqual([502, 'network-error']);
    const slow = await apiFetch(s.port, secret, fetchBody(`${api.origin}/slow?ms=3000`, { timeoutMs: 200 }));
    expect([slow.status, JSON.parse(slow.text).error]).toEqual([502, 'timeout']);
  });

  it.each([
    ['a CR/LF in a header value', { 'x-note': 'a\r\nx-injected: 1' }],
    ['a bare LF in a header value', { 'x-note': 'a\nx-injected: 1' }],
    ['a NUL in a header value', { 'x-note': 'a\u0000b' }],
    ['a header name with a colon', { 'x-a: b': 'c' }],
    ['a header name with a space', { 'x a': 'c' }],
    ['a header name with CR/LF', { 'x-a\r\nx-injected': 'c' }],
  ])(
    'header injection through a run input (%s) → 400, never sent',
    async (_what, headers: Record<string, string>) => {
      const before = api.requests.length;
      const url = `${api.origin}/echo`;
      const a = await apiFetch(s.port, secret, fetchBody(url, { request: { method: 'GET', url, headers } }));
      expect(a.status).toBe(400);
      expect(JSON.parse(a.text)).toMatchObject({ error: 'bad-request' });
      expect(a.text).not.toContain('x-injected: 1');
      expect(api.requests.length).toBe(before);
    },
  );

  it.each([
    ['not JSON', 'nope', 'application/json'],
    ['not an object', '[1]', 'application/json'],
    [
      'no request',
      JSON.stringify({ display: {}, authHeaders: [], secrets: [], timeoutMs: 1 }),
      'application/json',
    ],
    [
      'timeoutMs 0',
      JSON.stringify({ ...fetchBody('http://127.0.0.1:1/'), timeoutMs: 0 }),
      'application/json',
    ],
    [
      'timeoutMs too big',
      JSON.stringify({ ...fetchBody('http://127.0.0.1:1/'), timeoutMs: 120_001 }),
      'application/json',
    ],
    [
      'secrets not strings',
      JSON.stringify({ ...fetchBody('http://127.0.0.1:1/'), secrets: [1] }),
      'application/json',
    ],
    [
      'a header value not a string',
      JSON.stringify({
        ...fetchBody('http://127.0.0.1:1/'),
        request: { method: 'GET', url: 'http://127.0.0.1:1/', headers: { a: 1 } },
      }),
      'application/json',
    ],
    [
      'a method with a space',
      JSON.stringify({
        ...fetchBody('http://127.0.0.1:1/'),
        request: { method: 'GET /x', url: 'http://127.0.0.1:1/', headers: {} },
      }),
      'application/json',
    ],
    [
      'a text/plain body (a form a foreign page could send)',
      JSON.stringify(fetchBody('http://127.0.0.1:1/')),
      'text/plain',
    ],
  ])('a body that is not a LiveFetchBody (%s) → 400', async (_what, body, type) => {
    const a = await ask(s.port, {
      method: 'POST',
      path: '/api/fetch',
      headers: { ...appHeaders(s.port, secret), 'Content-Type': type },
      body,
    });
    expect(a.status).toBe(400);
    expect(JSON.parse(a.text)).toMatchObject({ error: 'bad-request' });
  });

  it('a body over 10 MB → 413', async () => {
    const big = JSON.stringify({ ...fetchBody(`${api.origin}/echo`), pad: 'x'.repeat(10 * 1024 * 1024) });
    const a = await ask(s.port, {
      method: 'POST',
      path: '/api/fetch',
      headers: { ...appHeaders(s.port, secret), 'Content-Type': 'application/json' },
      body: big,
    }).catch(() => null);
    if (a) expect(a.status).toBe(413);
    expect(api.requests.some((r) => r.body.includes('xxxxxxxx'))).toBe(false);
  });
});

describe('serve: the log never holds a secret', () => {
  it('secrets in the query, a header and the body appear nowhere in stdout or stderr', async () => {
    const S1 = 'qs-secret-7f3a9c';
    const S2 = 'hdr-secret-b81d2e';
    const S3 = 'body-secret-4c6e0a';
    const secrets = [S1, S2, S3];
    const url = `${api.origin}/echo?token=${S1}&api_key=${S1}&page=2`;
    const body = fetchBody(url, {
      request: {
        method: 'POST',
        url,
        headers: { authorization: `Bearer ${S2}`, 'x-api-key': S2, 'content-type': 'application/json' },
        body: JSON.stringify({ password: S3 }),
      },
      display: {
        method: 'POST',
        url,
        headers: { authorization: 'Bearer ••••' },
        body: '{"password":"••••"}',
      },
      authHeaders: ['authorization', 'x-api-key'],
      secrets,
    });
    const ok = await apiFetch(s.port, secret, body);
    expect(ok.status).toBe(200);
    // The fake API got the real values (the request is sent as asked) ...
    expect(splitFetch(ok).bytes.toString('utf8')).toContain(S2);
    // ... and the refused path and the error paths log too.
    await apiFetch(strict.port, strictSecret, body);
    await apiFetch(s.port, secret, {
      ...body,
      request: { ...body.request, url: `http://127.0.0.1:9/${S1}?secret=${S1}` },
      display: { ...body.display, url: `http://127.0.0.1:9/${S1}?secret=${S1}` },
    });
    await ask(s.port, {
      path: `/api/x?token=${S1}`,
      headers: { Host: own(), Cookie: `${C()}=${S2}` },
    });
    await waitForText(s.stdout, /GET "\/api\/x/);
    await waitForText(strict.stdout, /POST .*→ refused/);
    const logs = s.stdout() + s.stderr() + strict.stdout() + strict.stderr();
    expect(logs).toMatch(
      /^POST http:\/\/127\.0\.0\.1:\d+\/echo\?token=•+&api_key=•+&page=2 → 200 \d+(\.\d)? (B|kB) \d+ ms$/m,
    );
    expect(logs).toMatch(/→ refused/);
    expect(logs).toMatch(/→ network-error/);
    for (const x of secrets) {
      for (const form of [x, encodeURIComponent(x), Buffer.from(x).toString('base64')])
        expect(logs).not.toContain(form);
    }
    expect(logs).not.toContain(secret);
    expect(logs).not.toContain(strictSecret);
  });
});
