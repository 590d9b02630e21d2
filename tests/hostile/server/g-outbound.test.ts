/**
 * BAD-INPUTS group G, run for real: the outbound door (src/server/outbound.ts), the one function
 * every live request goes through, attacked by the fake partner API. The network is
 * `loopbackNet`: reserved `.test` names mapped onto the fake on 127.0.0.1, and a connector that
 * records every attempt and throws for any address outside 127.0.0.0/8.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  normalise,
  parseJson,
  startLiveRun,
  type JsonValue,
  type LiveOutbound,
  type LiveSendResult,
} from '@core';
import { createSender, sendOutbound, type OutboundOptions } from '../../../src/server/outbound';
import {
  FAKE_CREDENTIALS,
  liveSpec,
  loopbackNet,
  startFakeApi,
  type FakeApi,
  type LoopbackNet,
} from '../../server/fakeApi';

let api: FakeApi;
let net: LoopbackNet;
beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(() => api.close());
beforeEach(() => {
  net = loopbackNet(api);
  api.requests.length = 0;
});

const PUBLIC: OutboundOptions = { allowPrivateHosts: false };

function outbound(
  url: string,
  headers: Record<string, string> = {},
  more: Partial<LiveOutbound> = {},
): LiveOutbound {
  const request = {
    method: more.request?.method ?? 'GET',
    url,
    headers,
    ...(more.request?.body ? { body: more.request.body } : {}),
  };
  return { display: request, authHeaders: [], secrets: [], timeoutMs: 5000, ...more, request };
}
const send = (o: LiveOutbound, options: OutboundOptions = PUBLIC, signal?: AbortSignal) =>
  sendOutbound(o, options, net, signal);
const failure = (r: LiveSendResult) => (r.ok ? { error: 'ok', message: `status ${r.status}` } : r);

describe('G1: redirects to another origin', () => {
  const creds = {
    Authorization: 'Bearer live-token',
    'Proxy-Authorization': 'Basic cHJveHk6cHc=',
    Cookie: 'sid=1',
    'X-Api-Key': FAKE_CREDENTIALS.apiKey,
    'X-Custom-Key': 'custom-1',
    Accept: 'application/json',
  };

  it.each([301, 302, 303, 307, 308])(
    'G1: a %i to another origin strips Authorization, Proxy-Authorization, Cookie and the auth headers',
    async (status) => {
      const to = encodeURIComponent('http://other.partner.test/echo');
      const r = await send(
        outbound(`http://api.partner.test/redirect/other?status=${status}&to=${to}`, creds, {
          authHeaders: ['authorization', 'x-api-key', 'x-custom-key'],
        }),
      );
      expect(r.ok && r.status).toBe(200);
      const [first, hop] = api.requests;
      expect(first!.headers).toMatchObject({
        authorization: 'Bearer live-token',
        'x-api-key': FAKE_CREDENTIALS.apiKey,
        'x-custom-key': 'custom-1',
        cookie: 'sid=1',
      });
      expect(hop!.listener).toBe('other');
      for (const name of ['authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'x-custom-key']) {
        expect(hop!.headers[name], name).toBeUndefined();
      }
      expect(hop!.headers.accept).toBe('application/json');
    },
  );

  it('G1: a credential stripped on the way out is not restored when a later hop returns to the first origin', async () => {
    const back = encodeURIComponent('http://api.partner.test/echo');
    const to = encodeURIComponent(`http://other.partner.test/redirect/other?to=${back}`);
    const r = await send(
      outbound(`http://api.partner.test/redirect/other?to=${to}`, creds, { authHeaders: ['x-api-key'] }),
    );
    expect(r.ok && r.redirects.length).toBe(2);
    expect(api.requests[2]!.headers.authorization).toBeUndefined();
    expect(api.requests[2]!.headers['x-api-key']).toBeUndefined();
  });

  it('G1: the redirect count is capped at 5 (a loop, a 6-hop chain)', async () => {
    for (const path of ['/redirect/loop', '/redirect/chain/6']) {
      api.requests.length = 0;
      const r = failure(await send(outbound(`http://api.partner.test${path}`)));
      expect(r).toMatchObject({ error: 'network-error' });
      expect(r.message).toContain('more than 5 redirects');
      expect(api.requests).toHaveLength(6);
    }
  });

  it('G1: a redirect to a cloud metadata address is refused even with allowPrivateHosts, never connected', async () => {
    const r = failure(
      await send(outbound('http://api.partner.test/redirect/metadata'), { allowPrivateHosts: true }),
    );
    expect(r).toMatchObject({ error: 'refused' });
    expect(net.attempted).toEqual(['203.0.113.10:80']);
  });

  it('G1: a redirect to a private address is refused without the flag, never connected', async () => {
    const r = failure(await send(outbound('http://api.partner.test/redirect/private')));
    expect(r).toMatchObject({ error: 'refused' });
    expect(net.attempted).toEqual(['203.0.113.10:80']);
  });
});

describe('G2: endless, huge, slow and compressed answers', () => {
  it('G2: a 60 MB body stops at the 50 MB cap with a clear message', async () => {
    const r = failure(await send(outbound('http://api.partner.test/huge?mb=60')));
    expect(r).toMatchObject({ error: 'too-large' });
    expect(r.message).toContain('larger than 50 MB (the cap of a live page)');
    expect(api.stats.hugeCompleted).toBe(0);
  });

  it('G2: an endless body (1 GB announced by nothing) is cut at the cap, not read to the end', async () => {
    const r = failure(
      await send(outbound('http://api.partner.test/huge?mb=1024'), {
        allowPrivateHosts: false,
        maxBodyBytes: 2 * 1024 * 1024,
      }),
    );
    expect(r).toMatchObject({ error: 'too-large' });
    await new Promise((res) => setTimeout(res, 100));
    expect(api.stats.hugeBytesWritten).toBeLessThan(200 * 1024 * 1024);
  });

  it.each(['gzip', 'deflate', 'br'])(
    'G2: a %s bomb (small on the wire, 100 MB decoded) is too large, counted decoded',
    async (enc) => {
      const r = failure(await send(outbound(`http://api.partner.test/gzip-bomb?enc=${enc}`)));
      expect(r).toMatchObject({ error: 'too-large' });
    },
  );

  it('G2: a slowloris trickle times out: the timeout covers the whole body', async () => {
    const r = failure(await send(outbound('http://api.partner.test/slowloris', {}, { timeoutMs: 400 })));
    expect(r).toMatchObject({ error: 'timeout' });
    expect(r.message).toContain('no complete answer within 0.4 s');
  });

  it('G2: headers that never come time out', async () => {
    const r = failure(await send(outbound('http://api.partner.test/slow?ms=10000', {}, { timeoutMs: 300 })));
    expect(r).toMatchObject({ error: 'timeout' });
  });

  it('G2: an abort in the middle of a trickling body ends it at once', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 300);
    const r = failure(
      await send(
        outbound('http://api.partner.test/slowloris', {}, { timeoutMs: 10_000 }),
        PUBLIC,
        controller.signal,
      ),
    );
    expect(r).toMatchObject({ error: 'aborted' });
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('G3: an HTML error page labelled application/json', () => {
  it('G3: the door returns the bytes as received; the core parser gives a located error, never a value', async () => {
    const r = await send(outbound('http://api.partner.test/html-error'));
    if (!r.ok) throw new Error(r.message);
    expect(r.headers['content-type']).toBe('application/json');
    const text = new TextDecoder('utf-8', { fatal: true }).decode(r.body);
    expect(text.startsWith('<!DOCTYPE html>')).toBe(true);
    const parsed = parseJson(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatchObject({ line: 1, column: 1 });
  });

  it.each([200, 500])(
    'G3: a live run over an HTML page (status %i) stops with a clear reason and no records',
    async (status) => {
      const spec = liveSpec('none') as { sourceSpec: { attributes: { urlParams: { path: string } } } };
      spec.sourceSpec.attributes.urlParams.path = '/html-error';
      const { model } = normalise(spec as unknown as JsonValue);
      model.urlParams.queryParams.push(['status', String(status)]);
      const started = startLiveRun(
        model,
        { params: { host: 'http://api.partner.test' } },
        createSender(PUBLIC, net),
      );
      if (!started.ok) throw new Error(started.stop.message);
      const step = await started.run.step();
      expect(step.page).toBeUndefined();
      expect(step.stop?.reason).toBe(status === 200 ? 'not-json' : 'http-error');
      expect(step.stop?.message).not.toMatch(/^\s*$/);
    },
  );
});

describe('G5: malformed Location headers and URLs never throw', () => {
  it.each([
    ['bad-host', 'network-error'],
    ['space', 'network-error'],
    ['scheme', 'refused'],
    ['empty', 'network-error'],
    ['missing', 'ok'],
    ['huge', 'ok'],
  ])('G5: Location %s is handled as a value (%s)', async (kind, expected) => {
    const r = await send(outbound(`http://api.partner.test/redirect/malformed?kind=${kind}`));
    expect(r.ok ? 'ok' : r.error).toBe(expected);
    if (!r.ok) expect(r.message).not.toMatch(/[\r\n]/);
    expect(net.attempted.every((a) => a === '203.0.113.10:80')).toBe(true);
  });

  it('G5: any string as a request URL gives a result, never an exception, and connects nowhere but the fake', async () => {
    const urls = fc.oneof(
      fc.string(),
      fc.webUrl(),
      fc.constantFrom(
        'http://[::1',
        'http://%zz/',
        'http://a b/',
        'http:///x',
        'http://0x7f.1/',
        '\u0000',
        'http://api.partner.test:99999/',
        `http://${'a'.repeat(300)}.test/`,
      ),
      fc.string().map((s) => `http://api.partner.test/${s}`),
    );
    await fc.assert(
      fc.asyncProperty(urls, async (url) => {
        const r = await send(outbound(url, {}, { timeoutMs: 1000 }));
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.message).not.toMatch(/[\r\n]/);
        expect(net.attempted.every((a) => a.startsWith('203.0.113.') || a.startsWith('127.'))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
