/**
 * The outbound door (src/server/outbound.ts) against the fake partner API. Every test injects
 * `loopbackNet`: a lookup over reserved `.test` names and a recording connector that throws for
 * any address outside 127.0.0.0/8, so nothing here can leave the machine even if the door is wrong.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LiveOutbound, LiveSendResult } from '@core';
import { createSender, sendOutbound, USER_AGENT, type OutboundOptions } from '../../src/server/outbound';
import { loopbackNet, RECORDS, startFakeApi, type FakeApi, type LoopbackNet } from './fakeApi';

let api: FakeApi;
let closedPort: number;
let net: LoopbackNet;

beforeAll(async () => {
  api = await startFakeApi();
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((r) => probe.close(() => r()));
});
afterAll(() => api.close());
beforeEach(() => {
  net = loopbackNet(api, closedPort);
  api.requests.length = 0;
});

const PUBLIC: OutboundOptions = { allowPrivateHosts: false };
const PRIVATE: OutboundOptions = { allowPrivateHosts: true };

function outbound(
  url: string,
  more: Partial<LiveOutbound> & { headers?: Record<string, string>; method?: string; body?: string } = {},
): LiveOutbound {
  const request = {
    method: more.method ?? 'GET',
    url,
    headers: more.headers ?? {},
    ...(more.body === undefined ? {} : { body: more.body }),
  };
  return {
    request,
    display: more.display ?? request,
    authHeaders: more.authHeaders ?? [],
    secrets: more.secrets ?? [],
    timeoutMs: more.timeoutMs ?? 5000,
  };
}

const send = (o: LiveOutbound, options: OutboundOptions = PUBLIC, signal?: AbortSignal) =>
  sendOutbound(o, options, { lookup: net.lookup, connect: net.connect }, signal);

function ok(r: LiveSendResult): Extract<LiveSendResult, { ok: true }> {
  if (!r.ok) throw new Error(`expected an answer, got ${r.error}: ${r.message}`);
  return r;
}
function failed(r: LiveSendResult): Extract<LiveSendResult, { ok: false }> {
  if (r.ok) throw new Error(`expected a failure, got ${r.status}`);
  return r;
}
const text = (r: LiveSendResult) => Buffer.from(ok(r).body).toString('utf8');

describe('sendOutbound: answers', () => {
  it('sends to the checked address, headers in order, defaults added, body exactly as received', async () => {
    const r = ok(
      await send(
        outbound('http://api.partner.test/none/items', {
          headers: { 'X-First': '1', Accept: 'application/json' },
        }),
      ),
    );
    expect(r.status).toBe(200);
    expect(JSON.parse(text(r))).toEqual({ items: RECORDS });
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.redirects).toEqual([]);
    expect(net.looked).toEqual(['api.partner.test']);
    expect(net.attempted).toEqual(['203.0.113.10:80']);
    const got = api.requests[0]!;
    const names = got.rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase());
    expect(names.indexOf('x-first')).toBeLessThan(names.indexOf('accept'));
    expect(got.headers.host).toBe('api.partner.test');
    expect(got.headers['user-agent']).toBe(USER_AGENT);
    expect(got.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('keeps a user-agent and accept-encoding the request already has', async () => {
    ok(
      await send(
        outbound('http://api.partner.test/echo', {
          headers: { 'User-Agent': 'mine/1', 'Accept-Encoding': 'identity' },
        }),
      ),
    );
    expect(api.requests[0]!.headers['user-agent']).toBe('mine/1');
    expect(api.requests[0]!.headers['accept-encoding']).toBe('identity');
  });

  it('sends a POST body with its length', async () => {
    const r = await send(
      outbound('http://api.partner.test/echo', {
        method: 'POST',
        body: '{"q":"é"}',
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    expect(JSON.parse(text(r))).toMatchObject({
      method: 'POST',
      body: '{"q":"é"}',
      headers: { 'content-length': '10' },
    });
  });

  it('decodes a gzip body', async () => {
    const r = ok(await send(outbound('http://api.partner.test/gzip/items')));
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(text(r))).toEqual({ items: RECORDS });
  });

  it('returns a non-2xx answer as an answer, with its body', async () => {
    const r = ok(await send(outbound('http://api.partner.test/basic/none/items')));
    expect(r.status).toBe(401);
    expect(JSON.parse(text(r))).toEqual({ message: 'bad credentials' });
  });

  it('joins repeated headers with ", " and never replays a Set-Cookie', async () => {
    const sender = createSender(PUBLIC, { lookup: net.lookup, connect: net.connect });
    const first = ok(await sender(outbound('http://api.partner.test/set-cookie')));
    expect(first.headers['set-cookie']).toBe('session=fake-session-1; Path=/; HttpOnly, theme=dark; Path=/');
    const second = ok(await sender(outbound('http://api.partner.test/echo-cookie')));
    expect(JSON.parse(Buffer.from(second.body).toString())).toEqual({ cookie: null });
    expect(api.requests.map((q) => q.headers.cookie)).toEqual([undefined, undefined]);
  });

  it('reaches loopback by IP literal and by name only with allowPrivateHosts', async () => {
    const literal = `http://127.0.0.1:${api.port}/none/items`;
    expect(ok(await send(outbound(literal), PRIVATE)).status).toBe(200);
    expect(net.looked).toEqual([]);
    const named = `http://loop.partner.test:${api.port}/none/items`;
    expect(ok(await send(outbound(named), PRIVATE)).status).toBe(200);
    const refused = failed(await send(outbound(named)));
    expect(refused.error).toBe('refused');
    expect(refused.message).toContain('loopback address 127.0.0.1');
  });
});

describe('sendOutbound: host rules (nothing connected)', () => {
  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://[fd00:ec2::254]/',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://2852039166/',
    'http://0xa9fea9fe/',
    'http://0251.0376.0251.0376/',
    'http://[::ffff:169.254.169.254]/',
    'http://rebind.partner.test/',
    'http://v6meta.partner.test/',
    'http://mapped.partner.test/',
  ])('metadata %s is refused even with allowPrivateHosts', async (url) => {
    const r = failed(await send(outbound(url), PRIVATE));
    expect(r.error).toBe('refused');
    expect(r.message).toMatch(/cloud metadata/);
    expect(net.attempted).toEqual([]);
  });

  it('does not even look up a metadata name', async () => {
    failed(await send(outbound('http://metadata.google.internal/'), PRIVATE));
    expect(net.looked).toEqual([]);
  });

  it.each([
    'http://10.0.0.1/',
    'http://192.168.1.1/',
    'http://[fc00::1]/',
    'http://127.0.0.1/',
    'http://localhost/',
    'http://100.64.0.1/',
  ])('private %s is refused without the flag', async (url) => {
    const r = failed(await send(outbound(url)));
    expect(r.error).toBe('refused');
    expect(r.message).toContain('nothing was sent');
    expect(net.attempted).toEqual([]);
  });

  it('a name with one public and one private address is refused', async () => {
    const r = failed(await send(outbound('http://mixed.partner.test/none/items')));
    expect(r).toMatchObject({ error: 'refused' });
    expect(r.message).toContain('mixed.partner.test resolves to private address 10.0.0.5');
    expect(net.attempted).toEqual([]);
  });

  it.each([
    'ftp://api.partner.test/',
    'http://user:pw@api.partner.test/',
    'http://api.partner.test\\@x.test/',
    'not a url',
    '',
  ])('an unsendable URL %j is refused before any lookup', async (url) => {
    const r = failed(await send(outbound(url), PRIVATE));
    expect(r.error).toBe('refused');
    expect(net.looked).toEqual([]);
    expect(net.attempted).toEqual([]);
  });

  it('a header with CR/LF is refused before connecting', async () => {
    const r = failed(
      await send(outbound('http://api.partner.test/echo', { headers: { 'X-Input': 'a\r\nX-Injected: 1' } })),
    );
    expect(r.error).toBe('refused');
    expect(r.message).toContain('X-Input header value holds a line break');
    expect(net.attempted).toEqual([]);
  });
});

describe('sendOutbound: redirects', () => {
  const creds = {
    Authorization: 'Bearer tok-123',
    'X-Api-Key': 'key-456',
    Cookie: 'a=b',
    'X-Trace': 'keep-me',
  };

  it('same origin: follows and keeps the credentials', async () => {
    const r = ok(
      await send(
        outbound('http://api.partner.test/redirect/same?to=/echo', {
          headers: creds,
          authHeaders: ['x-api-key'],
        }),
      ),
    );
    expect(r.redirects).toEqual([{ status: 302, url: 'http://api.partner.test/echo' }]);
    const echoed = api.requests[1]!;
    expect(echoed.headers).toMatchObject({
      authorization: 'Bearer tok-123',
      'x-api-key': 'key-456',
      cookie: 'a=b',
    });
  });

  it('cross origin: drops Authorization, Cookie and the auth headers, keeps the rest', async () => {
    const to = encodeURIComponent('http://other.partner.test/echo');
    const r = ok(
      await send(
        outbound(`http://api.partner.test/redirect/other?to=${to}`, {
          headers: creds,
          authHeaders: ['x-api-key'],
        }),
      ),
    );
    expect(r.redirects).toEqual([{ status: 302, url: 'http://other.partner.test/echo' }]);
    const hop = api.requests[1]!;
    expect(hop.listener).toBe('other');
    expect(hop.headers.authorization).toBeUndefined();
    expect(hop.headers['x-api-key']).toBeUndefined();
    expect(hop.headers.cookie).toBeUndefined();
    expect(hop.headers['x-trace']).toBe('keep-me');
    expect(hop.headers.host).toBe('other.partner.test');
    expect(net.attempted).toEqual(['203.0.113.10:80', '203.0.113.11:80']);
  });

  it('a port change is another origin', async () => {
    const to = encodeURIComponent(`${api.otherOrigin}/echo`);
    const r = ok(
      await send(
        outbound(`http://127.0.0.1:${api.port}/redirect/other?to=${to}`, { headers: creds }),
        PRIVATE,
      ),
    );
    expect(r.redirects).toHaveLength(1);
    expect(api.requests[1]!.headers.authorization).toBeUndefined();
  });

  it.each([
    ['/redirect/private', PUBLIC, 'private address'],
    ['/redirect/metadata', PRIVATE, 'cloud metadata address'],
  ])('a redirect to %s is refused naming the hop, nothing connected there', async (path, options, what) => {
    const r = failed(await send(outbound(`http://api.partner.test${path}`), options));
    expect(r.error).toBe('refused');
    expect(r.message).toMatch(/^redirect 1 to http:\/\/(10\.0\.0\.1|169\.254\.169\.254)\//);
    expect(r.message).toContain(what);
    expect(r.redirects).toHaveLength(1);
    expect(net.attempted).toEqual(['203.0.113.10:80']);
  });

  it('5 redirects are followed, a 6th is not', async () => {
    const five = ok(await send(outbound('http://api.partner.test/redirect/chain/5')));
    expect(five.status).toBe(200);
    expect(five.redirects).toHaveLength(5);
    api.requests.length = 0;
    const six = failed(await send(outbound('http://api.partner.test/redirect/chain/6')));
    expect(six.error).toBe('network-error');
    expect(six.message).toContain('more than 5 redirects');
    expect(six.redirects).toHaveLength(5);
    expect(api.requests).toHaveLength(6);
  });

  it('a redirect loop stops after 5', async () => {
    const r = failed(await send(outbound('http://api.partner.test/redirect/loop')));
    expect(r.message).toContain('more than 5 redirects');
    expect(api.requests).toHaveLength(6);
  });

  it('maxRedirects option lowers the cap', async () => {
    const r = failed(
      await send(outbound('http://api.partner.test/redirect/chain/2'), {
        allowPrivateHosts: false,
        maxRedirects: 1,
      }),
    );
    expect(r.message).toContain('more than 1 redirects');
  });

  it('303 and 302 after POST become GET without a body; 307 keeps both', async () => {
    for (const [status, method] of [
      [303, 'GET'],
      [302, 'GET'],
      [301, 'GET'],
      [307, 'POST'],
      [308, 'POST'],
    ] as const) {
      api.requests.length = 0;
      const r = ok(
        await send(
          outbound(`http://api.partner.test/redirect/same?to=/echo&status=${status}`, {
            method: 'POST',
            body: '{"a":1}',
            headers: { 'Content-Type': 'application/json' },
          }),
        ),
      );
      const echoed = JSON.parse(text(r)) as { method: string; body: string; headers: Record<string, string> };
      expect([status, echoed.method]).toEqual([status, method]);
      expect(echoed.body).toBe(method === 'GET' ? '' : '{"a":1}');
      if (method === 'GET') expect(echoed.headers['content-type']).toBeUndefined();
    }
  });
});

describe('sendOutbound: size, time, abort, errors', () => {
  it('a 60 MB chunked body is too large, and the door stops reading', async () => {
    const r = failed(await send(outbound('http://api.partner.test/huge?mb=60'), PUBLIC));
    expect(r.error).toBe('too-large');
    expect(r.message).toBe(
      'http://api.partner.test/huge?mb=60: the response is larger than 50 MB (the cap of a live page)',
    );
    await new Promise((res) => setTimeout(res, 100));
    expect(api.stats.hugeCompleted).toBe(0);
    expect(api.stats.hugeBytesWritten).toBeLessThan(60 * 1024 * 1024);
  });

  it('a declared Content-Length over the cap is refused before reading', async () => {
    const before = api.stats.hugeBytesWritten;
    const r = failed(await send(outbound('http://api.partner.test/huge?mb=60&length=1')));
    expect(r.error).toBe('too-large');
    await new Promise((res) => setTimeout(res, 100));
    expect(api.stats.hugeBytesWritten - before).toBeLessThan(16 * 1024 * 1024);
  });

  it('maxBodyBytes sets the cap', async () => {
    const r = failed(
      await send(outbound('http://api.partner.test/huge?mb=2'), {
        allowPrivateHosts: false,
        maxBodyBytes: 1024 * 1024,
      }),
    );
    expect(r.message).toContain('larger than 1 MB');
    expect(
      ok(
        await send(outbound('http://api.partner.test/huge?mb=1'), {
          allowPrivateHosts: false,
          maxBodyBytes: 1024 * 1024,
        }),
      ).body.byteLength,
    ).toBe(1024 * 1024);
  });

  it.each(['gzip', 'deflate', 'br'])('a %s bomb is too large once decoded', async (enc) => {
    const r = failed(await send(outbound(`http://api.partner.test/gzip-bomb?enc=${enc}`)));
    expect(r.error).toBe('too-large');
  });

  it('a slow answer times out', async () => {
    const r = failed(await send(outbound('http://api.partner.test/slow?ms=5000', { timeoutMs: 300 })));
    expect(r).toMatchObject({
      error: 'timeout',
      message: 'http://api.partner.test/slow?ms=5000: no complete answer within 0.3 s',
    });
    expect(r.ms).toBeGreaterThanOrEqual(250);
    expect(r.ms).toBeLessThan(2000);
  });

  it('a slowloris trickle times out (the timeout runs to the last byte)', async () => {
    const r = failed(await send(outbound('http://api.partner.test/slowloris', { timeoutMs: 500 })));
    expect(r.error).toBe('timeout');
    expect(r.ms).toBeLessThan(2500);
  });

  it('an abort ends the exchange; an aborted signal sends nothing', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const r = failed(await send(outbound('http://api.partner.test/slow?ms=5000'), PUBLIC, controller.signal));
    expect(r.error).toBe('aborted');
    expect(r.ms).toBeLessThan(2000);
    net.attempted.length = 0;
    const again = failed(
      await send(outbound('http://api.partner.test/none/items'), PUBLIC, controller.signal),
    );
    expect(again.error).toBe('aborted');
    expect(net.attempted).toEqual([]);
  });

  it('an unknown name is a network error with ENOTFOUND', async () => {
    const r = failed(await send(outbound('http://nowhere.partner.test/')));
    expect(r).toMatchObject({ error: 'network-error' });
    expect(r.message).toContain('ENOTFOUND');
  });

  it('a closed port is a network error with ECONNREFUSED', async () => {
    const r = failed(await send(outbound('http://closed.partner.test/')));
    expect(r.error).toBe('network-error');
    expect(r.message).toContain('ECONNREFUSED');
  });

  it('a TLS handshake with a plain HTTP server is a network error', async () => {
    const r = failed(await send(outbound('https://api.partner.test/none/items')));
    expect(r.error).toBe('network-error');
    expect(r.message).toMatch(/^https:\/\/api\.partner\.test\/none\/items: /);
  });

  it('a connector that throws is a network error, not an exception', async () => {
    const r = await sendOutbound(outbound('http://api.partner.test/'), PUBLIC, {
      lookup: net.lookup,
      connect: () => {
        throw new Error('no sockets today');
      },
    });
    expect(failed(r)).toMatchObject({ error: 'network-error', message: 'no sockets today' });
  });

  it('a lookup that never answers is bounded by the timeout', async () => {
    const r = await sendOutbound(outbound('http://api.partner.test/', { timeoutMs: 200 }), PUBLIC, {
      lookup: () => new Promise(() => {}),
      connect: net.connect,
    });
    expect(failed(r).error).toBe('timeout');
    expect(net.attempted).toEqual([]);
  });

  it('a body that is not what its Content-Encoding says is a network error, not garbage', async () => {
    const r = failed(await send(outbound('http://api.partner.test/bad-gzip')));
    expect(r.error).toBe('network-error');
    expect(r.message).toContain('the gzip body cannot be decoded');
  });

  it('never throws on a malformed outbound', async () => {
    const r = await sendOutbound({} as LiveOutbound, PUBLIC, { lookup: net.lookup, connect: net.connect });
    expect(r.ok).toBe(false);
    expect(net.attempted).toEqual([]);
  });
});
