/**
 * The local server's refusals and failures in the chosen language: each is produced by the REAL
 * server handler (`createApiHandler`) and outbound door (`sendOutbound`), with an injected lookup and
 * a connector that reaches only loopback (the fake partner API of tests/server, a socket that cuts
 * its answer short, a closed port), and read the way the page reads it (`createFetchSend` /
 * `readFetchAnswer`). For every code: the English rendering equals the server's English message,
 * French differs, and a secret of the request never reaches a parameter.
 */
import {
  createServer as createNetServer,
  connect as netConnect,
  type AddressInfo,
  type Socket,
} from 'node:net';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  checkUrlSyntax,
  classifyTarget,
  liveStopHint,
  refusedHint,
  sendFailureHint,
  startLiveRun,
  testConnection,
  type LiveOutbound,
  type LiveSend,
  type LiveSendResult,
} from '../../src/core';
import { diagnosticText } from '../../src/i18n/diagnostics';
import { createApiHandler } from '../../src/server/api';
import { sendOutbound, type ConnectTarget, type OutboundOptions } from '../../src/server/outbound';
import { createFetchSend, readFetchAnswer } from '../../src/workers/liveFetch';
import {
  hintText,
  liveHintText,
  liveStopText,
  senderText,
  testMessageText,
} from '../../src/features/preview/coreText';
import { ExchangeCard } from '../../src/features/preview/live/ExchangeCard';
import { setLocale } from '../../src/i18n';
import { same } from './i18n-same';
import { drive, partner } from '../core/live.helpers';
import { startFakeApi, type FakeApi } from '../server/fakeApi';
import { appHeaders, ask, fetchBody, type Answer } from '../server/serverHarness';

const COOKIE = 'i18n-server-secret-0123456789abcdef012345';
/** A secret value the requests carry (in a query, a host, a user info, a redirect, Node's words). */
const S3 = 'S3cretValue42';

let api: FakeApi;
let cutPort = 0;
let closedPort = 0;
/** An HTTPS server with a self-signed certificate (made with openssl): a certificate error. */
let tlsPort = 0;
let tlsDir = '';
const servers: Array<Server | ReturnType<typeof createNetServer> | ReturnType<typeof createTlsServer>> = [];

/** Reserved names onto documentation addresses; the connector maps those onto loopback. */
const TABLE: Record<string, string[]> = {
  'api.partner.test': ['203.0.113.10'],
  'intranet.partner.test': ['10.1.2.3'],
  's3cretvalue42.partner.test': ['10.1.2.3'],
  'rebound.partner.test': ['203.0.113.10', '169.254.169.254'],
  'cut.partner.test': ['203.0.113.20'],
  'closed.partner.test': ['203.0.113.12'],
  'throw.partner.test': ['203.0.113.30'],
  'tls.partner.test': ['203.0.113.40'],
};
const lookup = async (hostname: string) => {
  const hit = TABLE[hostname.toLowerCase()];
  if (!hit) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return hit.map((address) => ({ address, family: (address.includes(':') ? 6 : 4) as 4 | 6 }));
};
/** Only ever loopback: the fake API (TLS to its plain port fails the handshake), the cutter, a closed port. */
function connect(t: ConnectTarget): Duplex {
  if (t.address === '203.0.113.10')
    return t.tls
      ? tlsConnect({ host: '127.0.0.1', port: api.port, servername: t.servername })
      : netConnect({ host: '127.0.0.1', port: api.port });
  if (t.address === '203.0.113.20') return netConnect({ host: '127.0.0.1', port: cutPort });
  if (t.address === '203.0.113.12') return netConnect({ host: '127.0.0.1', port: closedPort });
  if (t.address === '203.0.113.30') throw new Error(`no sockets today for ${S3}`);
  if (t.address === '203.0.113.40')
    return tlsConnect({
      host: '127.0.0.1',
      port: tlsPort,
      servername: t.servername,
      rejectUnauthorized: true,
    });
  throw new Error(`test connector: refusing to connect to ${t.address}`);
}

const OPTIONS: Omit<OutboundOptions, 'allowPrivateHosts'> = { maxBodyBytes: 1024 * 1024 };

async function listen(server: (typeof servers)[number]): Promise<number> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return (server.address() as AddressInfo).port;
}

/** The real handler on 127.0.0.1 (the real door, injected lookup and connector, or `send`). */
async function startServer(allowPrivateHosts: boolean, send?: LiveSend): Promise<number> {
  let port = 0;
  const handler = createApiHandler({
    allowPrivateHosts,
    secret: COOKIE,
    port: () => port,
    log: () => {},
    send:
      send ??
      ((o, signal) => sendOutbound(o, { allowPrivateHosts, ...OPTIONS }, { lookup, connect }, signal)),
  });
  port = await listen(createServer((req, res) => handler(req, res)));
  return port;
}

let strict = 0;
let open = 0;
let broken = 0;

beforeAll(async () => {
  api = await startFakeApi();
  // Sends a head promising 100 bytes, 10 of them, then closes: the answer is cut short.
  cutPort = await listen(
    createNetServer((s: Socket) => {
      s.once('data', () => {
        s.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"items":[');
        setTimeout(() => s.destroy(), 20);
      });
    }),
  );
  tlsDir = mkdtempSync(join(tmpdir(), 'i18n-server-tls-'));
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=tls.partner.test']
      .concat(['-addext', 'subjectAltName=DNS:tls.partner.test'])
      .concat(['-keyout', join(tlsDir, 'key.pem'), '-out', join(tlsDir, 'cert.pem')]),
    { stdio: 'ignore' },
  );
  tlsPort = await listen(
    createTlsServer(
      { key: readFileSync(join(tlsDir, 'key.pem')), cert: readFileSync(join(tlsDir, 'cert.pem')) },
      (_q, res) => res.end('{}'),
    ),
  );
  const probe = createNetServer();
  closedPort = await listen(probe);
  await new Promise<void>((r) => probe.close(() => r()));
  strict = await startServer(false);
  open = await startServer(true);
  broken = await startServer(false, () => {
    throw new Error('a bug in the sender');
  });
});
afterAll(async () => {
  for (const s of servers) if ('closeAllConnections' in s) s.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  await api?.close();
  if (tlsDir) rmSync(tlsDir, { recursive: true, force: true });
});
afterEach(async () => {
  await setLocale('en', false);
});

/** The page's `fetch` to the server (node:http, the app's cookie and headers). */
const pageFetch = (port: number): typeof fetch =>
  (async (_input: unknown, init?: RequestInit) => {
    const a = await ask(port, {
      method: 'POST',
      path: '/api/fetch',
      headers: { ...appHeaders(port, COOKIE), 'Content-Type': 'application/json' },
      body: String(init?.body ?? ''),
    });
    return { status: a.status, arrayBuffer: async () => new Uint8Array(a.body).buffer } as Response;
  }) as typeof fetch;

type Failed = Extract<LiveSendResult, { ok: false }>;
function failed(r: LiveSendResult): Failed {
  if (r.ok) throw new Error(`expected a failure, got ${r.status}`);
  return r;
}

/** `outbound` sent by the page through the server on `port`. */
async function viaPage(port: number, outbound: LiveOutbound): Promise<Failed> {
  return failed(await createFetchSend(pageFetch(port))(outbound));
}

/** A GET of `url`, shown as `display`, with `secrets` (masked by the server). */
const get = (url: string, over: Partial<LiveOutbound> = {}): LiveOutbound => fetchBody(url, over);
const masked = (url: string, display: string): LiveOutbound =>
  get(url, { display: { method: 'GET', url: display, headers: {} }, secrets: [S3] });

/** Text as React writes it into markup. */
const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');

/** No secret in the message or any param (nor its lower-case form: a host is lower-cased). */
function noSecret(r: { message: string; params?: unknown }): void {
  const all = JSON.stringify([r.message, r.params]);
  expect(all).not.toContain(S3);
  expect(all).not.toContain(S3.toLowerCase());
}

describe('refused hosts and failed sends, through the server and the page', () => {
  const cases: Array<[string, string, () => Promise<Failed>, string?]> = [
    ['outbound-refused', 'host-kind-refused', () => viaPage(strict, get('http://10.1.2.3/items'))],
    ['outbound-refused', 'host-kind-refused', () => viaPage(strict, get('http://localhost:8080/x'))],
    ['outbound-refused', 'host-kind-refused', () => viaPage(strict, get('http://2130706433/x'))],
    ['outbound-refused', 'host-kind-refused', () => viaPage(strict, get('http://[fe80::1]/x'))],
    ['outbound-refused', 'host-kind-refused', () => viaPage(strict, get('http://0.0.0.0/x'))],
    ['outbound-refused', 'host-kind-refused', () => viaPage(strict, get('http://100.64.0.1/x'))],
    ['outbound-refused', 'host-kind-refused', () => viaPage(open, get('http://169.254.169.254/latest/'))],
    [
      'outbound-refused',
      'host-kind-refused',
      () => viaPage(strict, masked(`http://10.1.2.3/x?key=${S3}`, 'http://10.1.2.3/x?key=••••')),
    ],
    ['outbound-refused', 'url-unsendable', () => viaPage(strict, get(`http://user:pw@api.partner.test/`))],
    ['outbound-refused', 'url-unsendable', () => viaPage(strict, get('http://api.partner.test/a b'))],
    ['outbound-refused', 'url-unsendable', () => viaPage(strict, get('http://api.partner.test/a\u00a0b'))],
    ['outbound-refused', 'url-unsendable', () => viaPage(strict, get('http://api.partner.test/a\\b'))],
    ['outbound-refused', 'url-unsendable', () => viaPage(strict, get('ftp://api.partner.test/'))],
    ['outbound-refused', 'url-unsendable', () => viaPage(strict, get('http://[::1/'))],
    ['outbound-refused', 'url-unsendable', () => viaPage(strict, get('http://%61pi.partner.test/'))],
    [
      'outbound-refused',
      'url-unsendable-shown',
      () =>
        viaPage(strict, masked(`http://%61pi.partner.test/?k=${S3}`, 'http://%61pi.partner.test/?k=••••')),
    ],
    [
      'outbound-refused',
      'url-unsendable-shown',
      () =>
        viaPage(strict, masked(`http://user:${S3}@api.partner.test/`, 'http://user:••••@api.partner.test/')),
    ],
    ['outbound-refused', 'outbound-resolves-to', () => viaPage(strict, get('http://intranet.partner.test/'))],
    ['outbound-refused', 'outbound-resolves-to', () => viaPage(open, get('http://rebound.partner.test/'))],
    [
      'outbound-refused',
      'outbound-resolves-to',
      () => viaPage(strict, masked(`http://${S3}.partner.test/`, 'http://••••.partner.test/')),
    ],
    [
      'outbound-unreachable',
      'outbound-cannot-resolve',
      () => viaPage(strict, get('http://nowhere.partner.test/')),
    ],
    [
      'outbound-unreachable',
      'outbound-cannot-resolve',
      () => viaPage(strict, masked(`http://x${S3}.partner.test/`, 'http://x••••.partner.test/')),
    ],
    [
      'outbound-redirect-refused',
      'host-kind-refused',
      () => viaPage(strict, get('http://api.partner.test/redirect/private')),
    ],
    [
      'outbound-redirect-refused',
      'host-kind-refused',
      () => viaPage(open, get('http://api.partner.test/redirect/metadata')),
    ],
    [
      'outbound-redirect-refused',
      'host-kind-refused',
      () =>
        viaPage(
          strict,
          masked(
            `http://api.partner.test/redirect/other?to=http://10.0.0.1/?q=${S3}`,
            'http://api.partner.test/redirect/other?to=http://10.0.0.1/?q=••••',
          ),
        ),
    ],
    [
      'outbound-redirect-unreachable',
      'outbound-cannot-resolve',
      () => viaPage(strict, get('http://api.partner.test/redirect/other?to=http://nowhere.partner.test/x')),
    ],
    ['outbound-too-many-redirects', '', () => viaPage(strict, get('http://api.partner.test/redirect/loop'))],
    [
      'outbound-redirect-unusable',
      '',
      () => viaPage(strict, get('http://api.partner.test/redirect/malformed?kind=bad-host')),
    ],
    ['outbound-too-large', '', () => viaPage(strict, get('http://api.partner.test/huge?mb=2'))],
    [
      'outbound-undecodable',
      'outbound-node-error',
      () => viaPage(strict, get('http://api.partner.test/bad-gzip')),
    ],
    ['outbound-cut-short', 'outbound-node-error', () => viaPage(strict, get('http://cut.partner.test/'))],
    [
      'outbound-timeout',
      '',
      () => viaPage(strict, get('http://api.partner.test/slow?ms=3000', { timeoutMs: 150 })),
    ],
    ['outbound-failed', 'outbound-node-error', () => viaPage(strict, get('http://closed.partner.test/'))],
    [
      'outbound-failed',
      'outbound-tls-certificate',
      () => viaPage(strict, get('https://tls.partner.test/none/items')),
    ],
    [
      'outbound-node-error',
      '',
      () =>
        viaPage(
          strict,
          masked(`http://throw.partner.test/?key=${S3}`, 'http://throw.partner.test/?key=••••'),
        ),
    ],
  ];

  it.each(cases)('%s (%s) #%#', async (code, inner, go) => {
    const r = await go();
    expect(r.code).toBe(code);
    const nested = (r.params?.['reasonCode'] ?? r.params?.['causeCode'] ?? '') as string;
    expect(nested).toBe(inner);
    noSecret(r);
    if (code === 'outbound-node-error') {
      // Node's own words only: shown as they are in every language.
      await setLocale('fr', false);
      expect(senderText(r)).toBe(r.message);
      await setLocale('en', false);
      expect(r.message).toContain('no sockets today for ••••');
    } else await same(() => senderText(r), r.message);
  });

  it('the hint of a refused host comes from the code (the words only for an old server)', async () => {
    const byCode = async (port: number, url: string) => {
      const r = await viaPage(port, get(url));
      return [refusedHint(r.message, r), refusedHint(r.message)] as const;
    };
    expect(await byCode(open, 'http://169.254.169.254/latest/')).toEqual(['metadata', 'metadata']);
    expect(await byCode(open, 'http://api.partner.test/redirect/metadata')).toEqual(['metadata', 'metadata']);
    expect(await byCode(open, 'http://rebound.partner.test/')).toEqual(['metadata', 'metadata']);
    expect(await byCode(strict, 'ftp://api.partner.test/')).toEqual(['bad-url', 'bad-url']);
    expect(await byCode(strict, 'http://user:pw@api.partner.test/')).toEqual(['bad-url', 'bad-url']);
    expect(await byCode(strict, 'http://%61pi.partner.test/')).toEqual(['bad-url', 'bad-url']);
    expect(await byCode(strict, 'http://intranet.partner.test/')).toEqual(['private-host', 'private-host']);
    // A path that says "metadata" on a private host: the words were wrong, the code is not.
    expect(await byCode(strict, 'http://10.1.2.3/metadata/items')).toEqual(['private-host', 'metadata']);
    const r = await viaPage(strict, get('http://10.1.2.3/metadata/items'));
    const hint = sendFailureHint('refused-host', r.message, r);
    expect(hint).toBe(sendFailureHint('refused-host', 'loopback address 127.0.0.1'));
    await same(() => hintText(hint), hint);
  });
});

describe('sent by the door directly (the CLI path)', () => {
  const direct = (o: LiveOutbound, signal?: AbortSignal) =>
    sendOutbound(o, { allowPrivateHosts: false }, { lookup, connect }, signal).then(failed);
  const cases: Array<[string, string, () => Promise<Failed>]> = [
    [
      'outbound-request-invalid',
      'outbound-method-token',
      () =>
        direct({
          ...get('http://api.partner.test/echo'),
          request: { method: 'GE T', url: 'http://api.partner.test/echo', headers: {} },
        }),
    ],
    [
      'outbound-request-invalid',
      'outbound-header-name-token',
      () =>
        direct(
          get('http://api.partner.test/echo', {
            request: { method: 'GET', url: 'http://api.partner.test/echo', headers: { 'a b': 'x' } },
          }),
        ),
    ],
    [
      'outbound-request-invalid',
      'outbound-header-value',
      () =>
        direct(
          get('http://api.partner.test/echo', {
            request: {
              method: 'GET',
              url: 'http://api.partner.test/echo',
              headers: { 'X-Input': `a\n${S3}` },
            },
            secrets: [S3],
          }),
        ),
    ],
    [
      'outbound-aborted-unsent',
      '',
      () => {
        const ac = new AbortController();
        ac.abort();
        return direct(get('http://api.partner.test/none/items'), ac.signal);
      },
    ],
    [
      'outbound-aborted',
      '',
      () => {
        const ac = new AbortController();
        setTimeout(() => ac.abort(), 100);
        return direct(get('http://api.partner.test/slow?ms=3000'), ac.signal);
      },
    ],
  ];
  it.each(cases)('%s (%s)', async (code, inner, go) => {
    const r = await go();
    expect(r.code).toBe(code);
    expect((r.params?.['problemCode'] ?? '') as string).toBe(inner);
    noSecret(r);
    await same(() => senderText(r), r.message);
  });
});

describe('the core host rules: checkUrlSyntax and classifyTarget', () => {
  it.each([
    'http://api.partner.test/a\tb',
    'api.partner.test/x',
    'http://[::1/',
    'http://u:p@api.partner.test/',
    'http://%61pi.partner.test/',
  ])('checkUrlSyntax %j', async (url) => {
    const r = checkUrlSyntax(url);
    if (r.ok) throw new Error('expected a problem');
    expect(r.code).toMatch(/^url-/);
    await same(() => diagnosticText(r), r.message);
  });
  it('classifyTarget: a secret in the host reaches no param', async () => {
    const v = classifyTarget(`http://${S3}.localhost/`, { display: 'http://••••.localhost/' });
    if (v.ok) throw new Error('expected a refusal');
    expect(v.code).toBe('host-kind-refused');
    noSecret(v);
    await same(() => diagnosticText(v), v.message);
  });
});

describe("the server's answers to bad calls, as the page reads them", () => {
  const call = (port: number, body: unknown, headers: Record<string, string> = {}, path = '/api/fetch') =>
    ask(port, {
      method: 'POST',
      path,
      headers: { ...appHeaders(port, COOKIE), 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const good = fetchBody('http://api.partner.test/none/items');
  const withRequest = (request: unknown) => ({ ...good, request });
  const cases: Array<[string, () => Promise<Answer>]> = [
    ['server-body-not-json', () => call(strict, good, { 'Content-Type': 'text/plain' })],
    [
      'server-body-too-large',
      () =>
        ask(strict, {
          method: 'POST',
          path: '/api/fetch',
          headers: {
            ...appHeaders(strict, COOKIE),
            'Content-Type': 'application/json',
            'Content-Length': String(20 * 1024 * 1024),
          },
        }),
    ],
    ['server-body-invalid-json', () => call(strict, '{')],
    ['server-body-not-object', () => call(strict, [])],
    ['server-field-object', () => call(strict, withRequest(1))],
    ['server-field-method', () => call(strict, withRequest({ ...good.request, method: 'GE T' }))],
    ['server-field-url', () => call(strict, withRequest({ ...good.request, url: '' }))],
    ['server-field-headers', () => call(strict, withRequest({ ...good.request, headers: 1 }))],
    ['server-field-header-string', () => call(strict, withRequest({ ...good.request, headers: { a: 1 } }))],
    [
      'server-field-header-name',
      () => call(strict, withRequest({ ...good.request, headers: { 'a b': 'x' } })),
    ],
    [
      'server-field-header-value',
      () => call(strict, withRequest({ ...good.request, headers: { a: 'x\ny' } })),
    ],
    ['server-field-body', () => call(strict, withRequest({ ...good.request, body: 1 }))],
    ['server-field-strings', () => call(strict, { ...good, authHeaders: 'x' })],
    ['server-timeout-range', () => call(strict, { ...good, timeoutMs: 0 })],
    ['server-foreign-host', () => call(strict, good, { Host: 'evil.test' })],
    ['server-bad-target', () => call(strict, good, {}, 'http://x.test/api/fetch')],
    ['server-not-the-app', () => call(strict, good, { Cookie: 'spec_studio_secret_1=nope' })],
    [
      'server-method-not-allowed',
      () => ask(strict, { path: '/api/fetch', headers: appHeaders(strict, COOKIE) }),
    ],
    ['server-no-route', () => call(strict, good, {}, '/api/nope')],
    ['server-not-found', () => ask(strict, { path: '/', headers: { Host: `127.0.0.1:${strict}` } })],
    ['server-internal-error', () => call(broken, good)],
  ];
  it.each(cases)('%s', async (code, go) => {
    const a = await go();
    const answer = JSON.parse(a.text) as { message: string; code: string; params: Record<string, string> };
    expect(answer.code).toBe(code);
    await same(() => diagnosticText(answer), answer.message);
    const r = failed(readFetchAnswer(a.status, new Uint8Array(a.body), 1));
    expect(r.code).toBe('fetch-server-answer');
    expect(r.params?.['answerCode']).toBe(code);
    await same(() => senderText(r), r.message);
  });
});

describe('a live run and a connection test through the server', () => {
  const noWait = { wait: () => Promise.resolve() };
  const model = (host: string, path: string) =>
    partner({ urlParams: { host, path, method: 'GET', queryParams: [] } });
  const params = { domain: 'acme', listId: 'L1', accessToken: 'old-access-token-1' };

  it.each([
    ['http://intranet.partner.test', '/metadata/items', 'private-host'],
    ['http://api.partner.test', '/redirect/metadata', 'metadata'],
    ['http://nowhere.partner.test', '/items', undefined],
    ['https://tls.partner.test', '/none/items', undefined],
  ] as const)('%s%s: the stop, its hint and the exchange card', async (host, path, hintCode) => {
    const port = hintCode === 'metadata' ? open : strict;
    const started = startLiveRun(model(host, path), { params, ...noWait }, createFetchSend(pageFetch(port)));
    if (!started.ok) throw new Error(started.stop.message);
    const { stop, exchanges } = await drive(started.run);
    expect(stop.code).toBe('live-send-failed');
    expect(stop.params?.['sender']).toMatch(/^outbound-/);
    expect(stop.hintCode).toBe(hintCode);
    noSecret(stop);
    await same(() => liveStopText(stop), stop.message);
    if (hintCode) await same(() => liveHintText(stop), stop.hint);
    else expect(stop.hint).toBe(liveStopHint(stop.reason));
    const ex = exchanges[0]!;
    expect(ex.errorCode).toBe(stop.params?.['sender']);
    await setLocale('fr', false);
    const fr = senderText({ message: ex.error ?? '', code: ex.errorCode, params: ex.errorParams });
    expect(fr).not.toBe(ex.error);
    const html = renderToStaticMarkup(createElement(ExchangeCard, { ex }));
    expect(html).toContain(`<p class="pv-live-errline">${escapeHtml(fr)}</p>`);
  });

  it('a connection test that the server refuses: its detail in the chosen language', async () => {
    const r = await testConnection(
      partner(),
      {
        params: {
          domain: 'acme',
          username: 'u',
          password: S3,
          authorizationTestUrl: 'http://intranet.partner.test/me',
        },
        authName: 'Basic Authentication',
      },
      createFetchSend(pageFetch(strict)),
    );
    expect(r.code).toBe('test-send-failed');
    expect(r.exchange?.errorCode).toBe('outbound-refused');
    noSecret({ message: r.message, params: [r.params, r.exchange?.errorParams] });
    await same(() => testMessageText(r, r.exchange), r.message);
  });
});
