/**
 * Secrets never reach a message of the door: `maskForLog` on its own, then a property test that
 * puts generated secrets into the real request (query, path, header, a redirect's Location) of
 * every kind of failure and checks the whole result (body aside) for them. The network is
 * `loopbackNet`: reserved names onto the fake API, and a connector that throws off loopback.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveOutbound, LiveSendResult } from '@core';
import { maskForLog, sendOutbound, type OutboundOptions } from '../../src/server/outbound';
import { loopbackNet, startFakeApi, type FakeApi } from './fakeApi';

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(() => api.close());

describe('maskForLog', () => {
  it.each([
    ['raw value', 'key is s3cr3t!', ['s3cr3t!'], 'key is ••••'],
    ['URL-encoded value', 'http://a.test/?q=a%2Fb%2Bc%3D', ['a/b+c='], 'http://a.test/?q=••••'],
    ['form-encoded value', 'http://a.test/?q=a+b+c', ['a b c'], 'http://a.test/?q=••••'],
    ['longest first', 'x abcdef y', ['abc', 'abcdef'], 'x •••• y'],
    [
      'secret-looking query names',
      'http://a.test/?access_token=t1&apiKey=k1&page=2&client_secret=c&password=p&sig=s&code=x',
      [],
      'http://a.test/?access_token=••••&apiKey=••••&page=2&client_secret=••••&password=••••&sig=••••&code=••••',
    ],
    ['in a fragment-like pair', 'http://a.test/#id_token=abc', [], 'http://a.test/#id_token=••••'],
    [
      'Bearer and Basic credentials',
      'Authorization: Bearer abc.def; Basic dXNlcjpwYXNz',
      [],
      'Authorization: Bearer ••••; Basic ••••',
    ],
    ['empty secrets ignored', 'plain text', ['', ''], 'plain text'],
    [
      'harmless names kept',
      'http://a.test/?limit=10&offset=20&q=hello',
      [],
      'http://a.test/?limit=10&offset=20&q=hello',
    ],
  ])('%s', (_what, input, secrets, expected) => {
    expect(maskForLog(input, secrets)).toBe(expected);
  });
});

/** A secret that cannot occur in the tests' own text by chance (marker prefix), printable ASCII. */
const secretArb = fc
  .string({
    unit: fc.constantFrom(..."abcXYZ019 /+=%&?#@:;,!'()*-._~".split('')),
    minLength: 4,
    maxLength: 16,
  })
  .map((s) => `Qz7${s}`);

const enc = encodeURIComponent;

type Scenario = (secret: string) => { o: LiveOutbound; options?: OutboundOptions; expect: string };

function outbound(
  real: string,
  shown: string,
  secret: string,
  headers: Record<string, string> = {},
  timeoutMs = 3000,
): LiveOutbound {
  const request = { method: 'GET', url: real, headers };
  const display = {
    method: 'GET',
    url: shown,
    headers: Object.fromEntries(Object.keys(headers).map((k) => [k, '••••'])),
  };
  return {
    request,
    display,
    authHeaders: Object.keys(headers).map((k) => k.toLowerCase()),
    secrets: [secret],
    timeoutMs,
  };
}

const SCENARIOS: Array<[string, Scenario]> = [
  [
    'refused private target',
    (s) => ({
      o: outbound(`http://10.0.0.1/x?q=${enc(s)}`, 'http://10.0.0.1/x?q=••••', s),
      expect: 'refused',
    }),
  ],
  [
    'refused metadata target, secret in the path',
    (s) => ({
      o: outbound(`http://169.254.169.254/${enc(s)}/`, 'http://169.254.169.254/••••/', s),
      options: { allowPrivateHosts: true },
      expect: 'refused',
    }),
  ],
  [
    'redirect to metadata echoing the secret',
    (s) => ({
      o: outbound(
        `http://api.partner.test/redirect/other?to=${enc(`http://169.254.169.254/?q=${enc(s)}`)}`,
        'http://api.partner.test/redirect/other?to=••••',
        s,
      ),
      options: { allowPrivateHosts: true },
      expect: 'refused',
    }),
  ],
  [
    'redirect loop echoing the secret',
    (s) => ({
      o: outbound(
        `http://api.partner.test/redirect/same?to=${enc(`/redirect/loop?q=${enc(s)}`)}`,
        'http://api.partner.test/redirect/same?to=••••',
        s,
      ),
      expect: 'network-error',
    }),
  ],
  [
    'unknown host',
    (s) => ({
      o: outbound(`http://nowhere.partner.test/?q=${enc(s)}`, 'http://nowhere.partner.test/?q=••••', s),
      expect: 'network-error',
    }),
  ],
  [
    'connection refused',
    (s) => ({
      o: outbound(`http://closed.partner.test/${enc(s)}`, 'http://closed.partner.test/••••', s),
      expect: 'network-error',
    }),
  ],
  [
    'timeout',
    (s) => ({
      o: outbound(
        `http://api.partner.test/slow?ms=3000&q=${enc(s)}`,
        'http://api.partner.test/slow?ms=3000&q=••••',
        s,
        {},
        50,
      ),
      expect: 'timeout',
    }),
  ],
  [
    'too large',
    (s) => ({
      o: outbound(
        `http://api.partner.test/huge?mb=1&q=${enc(s)}`,
        'http://api.partner.test/huge?mb=1&q=••••',
        s,
      ),
      options: { allowPrivateHosts: false, maxBodyBytes: 1000 },
      expect: 'too-large',
    }),
  ],
  [
    'header injection through the secret',
    (s) => ({
      o: outbound('http://api.partner.test/echo', 'http://api.partner.test/echo', `${s}\r\nX: 1`, {
        'X-Key': `${s}\r\nX: 1`,
      }),
      expect: 'refused',
    }),
  ],
];

const leaks = (r: LiveSendResult, secret: string): string[] => {
  const shown = JSON.stringify({ ...r, body: undefined });
  const forms = [secret, enc(secret), new URL(`http://x.test/?${secret}`).search.slice(1)].filter(
    (f) => f.length >= 4,
  );
  return forms.filter((f) => shown.includes(f) || shown.includes(JSON.stringify(f).slice(1, -1)));
};

describe('secrets never appear in what the door returns', () => {
  it.each(SCENARIOS)('%s', async (_name, scenario) => {
    await fc.assert(
      fc.asyncProperty(secretArb, async (secret) => {
        const { o, options, expect: error } = scenario(secret);
        const net = loopbackNet(api, 9);
        const r = await sendOutbound(o, options ?? { allowPrivateHosts: false }, net);
        expect(r.ok ? 'ok' : r.error).toBe(error);
        expect(leaks(r, secret)).toEqual([]);
        expect(net.attempted.every((a) => a.startsWith('203.0.113.'))).toBe(true);
      }),
      { numRuns: 15 },
    );
  });

  it('a successful redirect echoing a secret shows the hop masked', async () => {
    const secret = 'Qz7-token/with+chars=';
    const o = outbound(
      `http://api.partner.test/redirect/same?to=${enc(`/echo?q=${enc(secret)}`)}`,
      'http://api.partner.test/redirect/same?to=••••',
      secret,
    );
    const r = await sendOutbound(o, { allowPrivateHosts: false }, loopbackNet(api));
    expect(r.ok && r.redirects).toEqual([{ status: 302, url: 'http://api.partner.test/echo?q=••••' }]);
  });
});
