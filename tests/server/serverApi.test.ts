/**
 * `createApiHandler` in process (the one handler of `serve` and the dev server), with the REAL
 * outbound door given an injected lookup and a RECORDING connector that throws for any address
 * outside 127.0.0.0/8: targets the door must refuse (cloud metadata even with
 * `allowPrivateHosts`, private hosts without it, redirects to either) are refused with nothing
 * connected. Also: a client that goes away aborts the outbound request; the fetch log line.
 */
import { createServer, request, type Server } from 'node:http';
import { connect as netConnect, type AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveAbortSignal, LiveSend } from '@core';
import { createApiHandler } from '../../src/server/api';
import { fetchLine, formatBytes } from '../../src/server/log';
import { sendOutbound, type ConnectTarget } from '../../src/server/outbound';
import { startFakeApi, type FakeApi } from './fakeApi';
import { apiFetch, fetchBody, splitFetch, waitForText } from './serverHarness';

const SECRET = 'in-process-secret-0123456789abcdef0123456';
let api: FakeApi;
const connected: ConnectTarget[] = [];

/** Names under .test map to documentation addresses; 203.0.113.10 is the fake API in disguise. */
const lookup = async (hostname: string) => {
  const table: Record<string, Array<{ address: string; family: 4 | 6 }>> = {
    'api.partner.test': [{ address: '203.0.113.10', family: 4 }],
    'rebound.partner.test': [
      { address: '203.0.113.10', family: 4 },
      { address: '169.254.169.254', family: 4 },
    ],
    'intranet.partner.test': [{ address: '10.1.2.3', family: 4 }],
  };
  const hit = table[hostname];
  if (!hit) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return hit;
};

/** Records every connection; only the fake API (loopback, or 203.0.113.10 mapped onto it) is reached. */
function connect(t: ConnectTarget): Duplex {
  connected.push(t);
  if (t.address === '203.0.113.10') return netConnect({ host: '127.0.0.1', port: api.port });
  if (!t.address.startsWith('127.')) throw new Error(`test connector: refusing to connect to ${t.address}`);
  return netConnect({ host: t.address, port: t.port });
}

interface Started {
  port: number;
  log: string[];
  server: Server;
}
const servers: Server[] = [];

async function start(allowPrivateHosts: boolean, send?: LiveSend): Promise<Started> {
  const log: string[] = [];
  let port = 0;
  const handler = createApiHandler({
    allowPrivateHosts,
    secret: SECRET,
    port: () => port,
    log: (line) => log.push(line),
    send: send ?? ((o, signal) => sendOutbound(o, { allowPrivateHosts }, { lookup, connect }, signal)),
  });
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  servers.push(server);
  return { port, log, server };
}

let open: Started;
let strict: Started;
beforeAll(async () => {
  api = await startFakeApi();
  [open, strict] = await Promise.all([start(true), start(false)]);
});
afterAll(async () => {
  for (const s of servers) s.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  await api?.close();
});

describe('/api/fetch: refused targets connect to nothing', () => {
  it.each([
    ['http://169.254.169.254/latest/meta-data/', 'metadata'],
    ['http://[fd00:ec2::254]/', 'metadata'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'metadata'],
    ['http://2852039166/', 'invalid|metadata|written'],
    ['http://0xa9fea9fe/', 'invalid|metadata|written'],
    ['http://169.254.170.2/v2/credentials', 'metadata'],
    ['http://rebound.partner.test/', 'metadata'],
  ])('even with allowPrivateHosts: %s → 502 refused', async (url, why) => {
    connected.length = 0;
    const a = await apiFetch(open.port, SECRET, fetchBody(url));
    expect(a.status).toBe(502);
    const answer = JSON.parse(a.text) as { error: string; message: string };
    expect(answer.error).toBe('refused');
    expect(answer.message).toMatch(new RegExp(why));
    expect(connected).toEqual([]);
  });

  it.each([
    ['http://10.0.0.1/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://127.0.0.1:1/', 'loopback'],
    ['http://localhost:1/', 'loopback'],
    ['http://intranet.partner.test/', 'private'],
  ])('without allowPrivateHosts: %s → 502 refused', async (url, why) => {
    connected.length = 0;
    const a = await apiFetch(strict.port, SECRET, fetchBody(url));
    expect(a.status).toBe(502);
    expect(JSON.parse(a.text)).toMatchObject({ error: 'refused' });
    expect(JSON.parse(a.text).message).toMatch(new RegExp(why));
    expect(connected).toEqual([]);
  });

  it('a public-looking name reaches the (mapped) fake API; its redirect to a private host is refused', async () => {
    connected.length = 0;
    const ok = await apiFetch(strict.port, SECRET, fetchBody('http://api.partner.test/none/items'));
    expect(ok.status).toBe(200);
    expect(JSON.parse(splitFetch(ok).bytes.toString('utf8')).items).toHaveLength(25);
    const hops: Array<[string, string]> = [
      ['/redirect/private', 'private'],
      ['/redirect/metadata', 'metadata'],
    ];
    for (const [path, why] of hops) {
      connected.length = 0;
      const a = await apiFetch(strict.port, SECRET, fetchBody(`http://api.partner.test${path}`));
      expect(a.status, path).toBe(502);
      const answer = JSON.parse(a.text) as { error: string; message: string };
      expect(answer.error).toBe('refused');
      expect(answer.message).toMatch(new RegExp(why));
      expect(connected.map((c) => c.address)).toEqual(['203.0.113.10']);
    }
  });

  it('a redirect to metadata with allowPrivateHosts: refused, only the first hop connected', async () => {
    connected.length = 0;
    const a = await apiFetch(open.port, SECRET, fetchBody(`${api.origin}/redirect/metadata`));
    expect(a.status).toBe(502);
    expect(JSON.parse(a.text)).toMatchObject({ error: 'refused' });
    expect(connected.map((c) => c.address)).toEqual(['127.0.0.1']);
  });
});

describe('/api/fetch: the app going away aborts the outbound request', () => {
  it('closing the connection mid-request aborts the signal given to send', async () => {
    let aborted: () => void = () => undefined;
    const sawAbort = new Promise<void>((r) => (aborted = r));
    let started: () => void = () => undefined;
    const sawStart = new Promise<void>((r) => (started = r));
    const send: LiveSend = (_o, signal?: LiveAbortSignal) =>
      new Promise((resolve) => {
        started();
        signal?.addEventListener('abort', () => {
          aborted();
          resolve({ ok: false, error: 'aborted', message: 'aborted', ms: 1 });
        });
      });
    const s = await start(true, send);
    const body = JSON.stringify(fetchBody('http://api.partner.test/slow'));
    const req = request({
      host: '127.0.0.1',
      port: s.port,
      method: 'POST',
      path: '/api/fetch',
      agent: false,
      headers: {
        Host: `127.0.0.1:${s.port}`,
        Cookie: `spec_studio_secret_${s.port}=${SECRET}`,
        'Sec-Fetch-Site': 'same-origin',
        'Content-Type': 'application/json',
      },
    });
    req.on('error', () => undefined);
    req.end(body);
    await sawStart;
    req.destroy();
    await expect(
      Promise.race([
        sawAbort.then(() => 'aborted'),
        new Promise((r) => setTimeout(() => r('still running'), 3000)),
      ]),
    ).resolves.toBe('aborted');
    expect(await waitForText(() => s.log.join('\n'), /aborted/)).toMatch(
      /^GET http:\/\/api\.partner\.test\/slow → aborted: the app went away \d+ ms$/m,
    );
  });
});

describe('log lines', () => {
  it('formats method, masked URL, status, size and time; quotes what is not plain', () => {
    expect(
      fetchLine('GET', 'https://api.example.test/x?token=••••', { status: 200, bytes: 12_345, ms: 140.4 }),
    ).toBe('GET https://api.example.test/x?token=•••• → 200 12.3 kB 140 ms');
    expect(fetchLine('GET', 'https://a.test/\u001b[2J', { status: 204, bytes: 0, ms: 1 })).toBe(
      'GET "https://a.test/\\u001b[2J" → 204 0 B 1 ms',
    );
    expect(
      fetchLine('POST', 'https://a.test/', { error: 'timeout', message: 'no answer\nx', ms: 30_000 }),
    ).toBe('POST https://a.test/ → timeout: no answer\\nx 30.0 s');
    expect([formatBytes(999), formatBytes(1000), formatBytes(52_428_800)]).toEqual([
      '999 B',
      '1.0 kB',
      '52.4 MB',
    ]);
  });
});
