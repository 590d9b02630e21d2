import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apiErrorMessage,
  liveStopHint,
  retryAfterMs,
  startLiveRun,
  testConnection,
  type HttpRequest,
  type LiveSendResult,
} from '../../src/core';
import { param } from '../fixtures/run/models';
import { drive, fakeApi, json, partner, records, type Reply } from './live.helpers';

const enc = (s: string) => new TextEncoder().encode(s);

describe('apiErrorMessage: the API’s own words, one line', () => {
  it.each<[string, string | undefined, string]>([
    ['{"message":"bad credentials"}', 'application/json', 'bad credentials'],
    ['{"error":"invalid_grant","error_description":"expired"}', undefined, 'invalid_grant: expired'],
    ['{"error":"nope"}', undefined, 'nope'],
    ['{"error":{"message":"deep","code":7}}', undefined, 'deep'],
    ['{"error_description":"d only"}', undefined, 'd only'],
    ['{"detail":"Not found.","title":"NotFound"}', undefined, 'Not found.'],
    ['{"title":"Bad Request"}', undefined, 'Bad Request'],
    ['{"errors":[{"message":"first"},{"message":"second"}]}', undefined, 'first'],
    ['{"errors":["plain"]}', undefined, 'plain'],
    ['[{"message":"in a list"}]', undefined, 'in a list'],
    ['{"status":401}', 'application/json', ''],
    ['', undefined, ''],
    ['\n\n  Service down  \nretry later', 'text/plain', 'Service down'],
    ['<html><head><title>502 Bad Gateway</title></head></html>', 'text/html', '502 Bad Gateway'],
    ['<p>plain <b>html</b></p>', 'text/html', 'plain html'],
    ['{"message":"a\\u001b[31mred\\u0007"}', undefined, 'a\\u001b[31mred\\u0007'],
    ['{"message":"line1\\nline2"}', undefined, 'line1 line2'],
  ])('%s', (body, type, expected) => {
    expect(apiErrorMessage(enc(body), type)).toBe(expected);
  });

  it('cuts at 200 characters and masks secrets before cutting', () => {
    const long = apiErrorMessage(enc(JSON.stringify({ message: 'x'.repeat(500) })));
    expect(long).toBe(`${'x'.repeat(200)}…`);
    const secret = 'S3CRET-VALUE-123';
    const text = apiErrorMessage(enc(JSON.stringify({ message: `${'y'.repeat(190)}${secret}` })), undefined, [
      secret,
    ]);
    expect(text).toBe(`${'y'.repeat(190)}••••`);
    expect(apiErrorMessage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff]))).toBe('');
  });
});

describe('Retry-After and hints', () => {
  const now = Date.UTC(2026, 0, 2, 3, 4, 5);
  it.each<[string | undefined, number | null]>([
    ['0', 0],
    ['1', 1000],
    [' 60 ', 60_000],
    ['61', 61_000],
    ['1.5', null],
    ['-1', null],
    ['soon', null],
    [undefined, null],
    ['Fri, 02 Jan 2026 03:04:35 GMT', 30_000],
    ['Fri, 02 Jan 2026 03:00:00 GMT', 0],
  ])('%s → %s', (value, ms) => expect(retryAfterMs(value, now)).toBe(ms));

  it('every failure has a hint; normal stops and aborted have none', () => {
    for (const r of [
      'network-error',
      'timeout',
      'too-large',
      'refused-host',
      'not-json',
      'max-pages',
      'loop-detected',
      'blocked',
    ] as const)
      expect(liveStopHint(r)).not.toBe('');
    for (const r of [
      'single-request',
      'short-page',
      'end-page',
      'no-pointer',
      'no-token',
      'end-condition',
      'max-requests',
      'aborted',
    ] as const)
      expect(liveStopHint(r)).toBe('');
    expect(liveStopHint('http-error', 403)).toMatch(/credentials/);
    expect(liveStopHint('http-error', 418)).toMatch(/documentation/);
  });
});

/** How the hostile fake API (and a careless sender) may echo what it got. */
type Echo = 'message' | 'header' | 'html' | 'sender' | 'retry' | 'redirect' | 'ok';

function echoing(kind: Echo, stripe: number) {
  return (req: HttpRequest, i: number): Reply | Extract<LiveSendResult, { ok: false }> => {
    const everything = `${req.url} ${JSON.stringify(req.headers)} ${req.body ?? ''}`;
    if (req.url.includes('/token')) return json({ access_token: `fresh${stripe}TOKENxyz${stripe}` });
    switch (kind) {
      case 'message':
        return json({ message: `you sent ${everything}` }, i === 0 ? 401 : 403);
      case 'header':
        return json({ items: records(0, 2) }, 200, { 'x-echo': everything, 'set-cookie': `s=${everything}` });
      case 'html':
        return { raw: `<html>${everything}</html>`, headers: { 'content-type': 'application/json' } };
      case 'sender':
        return { ok: false, error: 'network-error', message: `cannot send ${everything}`, ms: 1 };
      case 'retry':
        return i < 2
          ? json({ error: everything }, 429, { 'retry-after': '0', 'x-echo': everything })
          : json({ items: [] });
      case 'redirect':
        return {
          ok: false,
          error: 'refused',
          message: `redirect refused`,
          ms: 1,
          redirects: [{ status: 302, url: req.url }],
        };
      case 'ok':
        return json({ items: records(0, 1) });
    }
  };
}

describe('secrets never reach an exchange or a message', () => {
  const secret = fc.stringMatching(/^[A-Za-z0-9]{10,24}$/);
  it('whatever the API or the sender echoes (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          password: secret,
          accessToken: secret,
          refreshToken: secret,
          clientSecret: secret,
          apiKey: secret,
          listKey: secret,
        }),
        fc.constantFrom<Echo>('message', 'header', 'html', 'sender', 'retry', 'redirect', 'ok'),
        fc.constantFrom('OAuth2 Refresh Code', 'Basic Authentication', 'API Key'),
        fc.integer({ min: 0, max: 999 }),
        async (s, kind, authName, stripe) => {
          const model = partner({
            userInputs: [param('listId'), param('listKey', { secret: true })],
            urlParams: {
              ...partner().urlParams,
              path: '/lists/${listId}/${listKey}',
              queryParams: [['k', '${listKey}']],
            },
          });
          const values = {
            domain: 'acme',
            listId: 'L1',
            username: 'ann',
            authorizationTestUrl: 'https://acme.partner.test/me/${listKey}',
            accessTokenUrl: 'https://acme.partner.test/token',
            clientId: 'cid',
            ...s,
          };
          const api = fakeApi(echoing(kind, stripe));
          const started = startLiveRun(
            model,
            { params: values, authName, wait: () => Promise.resolve() },
            api.send,
          );
          if (!started.ok) throw new Error(started.stop.message);
          const r = await drive(started.run);
          const test = await testConnection(model, { params: values, authName }, api.send);
          const shown = JSON.stringify([r.exchanges, r.stop, test, started.first.display]);
          const secrets = [...Object.values(s), btoa(`ann:${s.password}`), `fresh${stripe}TOKENxyz${stripe}`];
          for (const v of secrets) expect(shown).not.toContain(v);
          // The sender was told every secret in use, so it can mask its own logs too.
          for (const o of api.sent) expect(o.secrets).toEqual(expect.arrayContaining([s.listKey]));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('a live run never throws on any answer', () => {
  it('any status, headers and bytes end in a page or a stop (property)', async () => {
    const answer = fc.record({
      status: fc.integer({ min: 100, max: 599 }),
      body: fc.oneof(
        fc.uint8Array({ maxLength: 64 }),
        fc.json().map((j) => new TextEncoder().encode(j)),
        fc
          .constantFrom('{"items":[{"a":1}],"next":"?x=1"}', '{"items":"x","next":"http://[::1"}', '\uFEFF[]')
          .map((t) => new TextEncoder().encode(t)),
      ),
      retryAfter: fc.option(fc.oneof(fc.string(), fc.nat({ max: 90 }).map(String)), { nil: undefined }),
      contentType: fc.option(fc.constantFrom('application/json', 'text/html', 'text/plain; charset=utf-8'), {
        nil: undefined,
      }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(answer, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('NONE', 'POINTER'),
        async (answers, type) => {
          const model = partner({
            pagination:
              type === 'NONE'
                ? { type: 'NONE', maximumRequest: 100, delayRequestMillis: 0 }
                : { type: 'POINTER', pointerPath: 'next', maximumRequest: 100, delayRequestMillis: 0 },
          });
          let i = 0;
          const started = startLiveRun(
            model,
            { params: { domain: 'acme', listId: 'L1', accessToken: 'tok' }, wait: () => Promise.resolve() },
            () => {
              const a = answers[Math.min(i++, answers.length - 1)]!;
              const headers: Record<string, string> = {};
              if (a.retryAfter !== undefined) headers['retry-after'] = a.retryAfter;
              if (a.contentType !== undefined) headers['content-type'] = a.contentType;
              return Promise.resolve({
                ok: true,
                status: a.status,
                headers,
                body: a.body,
                ms: 1,
                redirects: [],
              });
            },
          );
          if (!started.ok) throw new Error(started.stop.message);
          const r = await drive(started.run, 30);
          expect(r.stop).toBeDefined();
          // One printable line: no control character in any stop message or exchange error.
          // eslint-disable-next-line no-control-regex -- control characters are what this looks for
          const control = /[\u0000-\u001f\u007f-\u009f]/;
          expect(r.stop.message).not.toMatch(control);
          for (const e of r.exchanges) expect(e.error ?? '').not.toMatch(control);
        },
      ),
      { numRuns: 200 },
    );
  });
});
