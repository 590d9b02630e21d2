/**
 * The fixture specs of tests/fixtures/live are clean (`validate`: no error or warning) and run
 * against the fake API page by page with the core's step function, every request sent through
 * the outbound door (reserved name api.partner.test mapped onto the fake by `loopbackNet`), to the
 * stop their pagination type promises, collecting all 25 records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentItemsOf, nextRequest, normalise, startRun, validate, type JsonValue } from '@core';
import { createSender } from '../../src/server/outbound';
import {
  FAKE_CREDENTIALS,
  RECORDS,
  TOKENS,
  liveSpec,
  loopbackNet,
  startFakeApi,
  type FakeApi,
  type LiveSpecName,
} from './fakeApi';

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(() => api.close());

async function get(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: JsonValue; headers: Record<string, string> }> {
  const net = loopbackNet(api);
  const send = createSender({ allowPrivateHosts: false }, net);
  const request = { method: 'GET', url, headers };
  const r = await send({ request, display: request, authHeaders: [], secrets: [], timeoutMs: 5000 });
  if (!r.ok) throw new Error(r.message);
  expect(net.attempted).toEqual(['203.0.113.10:80']);
  return {
    status: r.status,
    body: JSON.parse(Buffer.from(r.body).toString('utf8')) as JsonValue,
    headers: r.headers,
  };
}

const CASES: Array<[LiveSpecName, string, number, Record<string, string>]> = [
  ['offset', 'short-page', 3, {}],
  ['page', 'end-page', 3, {}],
  ['pointer', 'no-pointer', 3, {}],
  ['pointer-relative', 'no-pointer', 3, {}],
  ['continuation-token', 'no-token', 3, {}],
  ['none', 'single-request', 1, {}],
  ['basic', 'short-page', 3, { username: FAKE_CREDENTIALS.username, password: FAKE_CREDENTIALS.password }],
  ['oauth', 'single-request', 1, { accessToken: FAKE_CREDENTIALS.accessToken }],
  ['apikey', 'single-request', 1, { authKey1: FAKE_CREDENTIALS.apiKey }],
];

describe('live fixture specs', () => {
  it.each(CASES)(
    '%s: validates clean and runs to %s in %i requests, 25 records',
    async (name, stop, count, creds) => {
      const doc = liveSpec(name) as JsonValue;
      const findings = validate(doc).filter((d) => d.severity !== 'info');
      expect(findings).toEqual([]);
      const { model } = normalise(doc);
      const started = startRun(model, {
        params: { host: 'http://api.partner.test', ...creds },
        requireInputs: true,
        now: Date.UTC(2026, 0, 2),
      });
      if (!started.ok) throw new Error(started.message);
      let state = started.state;
      let current = started.first;
      const ids: number[] = [];
      let requests = 0;
      for (;;) {
        requests++;
        const res = await get(current.request.url, current.request.headers);
        expect(res.status, current.display.url).toBe(200);
        const items = contentItemsOf(model.contentPath, res.body).items as Array<{ id: number }>;
        ids.push(...items.map((r) => r.id));
        const step = nextRequest(state, { body: res.body, headers: res.headers });
        state = step.state;
        if (step.stop) {
          expect(step.stop.reason).toBe(stop);
          break;
        }
        current = step.next!;
        expect(requests).toBeLessThan(10);
      }
      expect(requests).toBe(count);
      expect(ids).toEqual(RECORDS.map((r) => r.id));
    },
  );
});

describe('fake API: the routes the live tests lean on', () => {
  const net = () => loopbackNet(api);
  const call = async (
    path: string,
    init: { method?: string; headers?: Record<string, string>; body?: string } = {},
  ) => {
    const request = {
      method: init.method ?? 'GET',
      url: `http://api.partner.test${path}`,
      headers: init.headers ?? {},
      ...(init.body === undefined ? {} : { body: init.body }),
    };
    const r = await createSender(
      { allowPrivateHosts: false },
      net(),
    )({ request, display: request, authHeaders: [], secrets: [], timeoutMs: 5000 });
    if (!r.ok) throw new Error(r.message);
    return {
      status: r.status,
      headers: r.headers,
      json: JSON.parse(Buffer.from(r.body).toString('utf8')) as Record<string, unknown>,
    };
  };
  const c = FAKE_CREDENTIALS;
  const form = `grant_type=refresh_token&refresh_token=${c.refreshToken}&client_id=${c.clientId}&client_secret=${c.clientSecret}`;

  it('OAuth: POST form and GET query refresh grants issue tokens the bearer routes accept; a wrong grant is 401', async () => {
    expect((await call('/bearer/none/items', { headers: { Authorization: 'Bearer expired' } })).status).toBe(
      401,
    );
    const post = await call('/oauth/token', {
      method: 'POST',
      body: form,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(post).toMatchObject({
      status: 200,
      json: { access_token: 'refreshed-access-1', token_type: 'bearer' },
    });
    const get = await call(`/oauth/token?${form}`);
    expect(get.json.access_token).toBe('refreshed-access-2');
    expect(
      (await call('/bearer/none/items', { headers: { Authorization: 'Bearer refreshed-access-1' } })).status,
    ).toBe(200);
    expect(
      (await call('/oauth/token', { method: 'POST', body: form.replace(c.refreshToken, 'nope') })).status,
    ).toBe(401);
  });

  it('auth routes: 401 {"message":"bad credentials"} unless right; /me takes any of them', async () => {
    expect(
      await call('/basic/none/items', { headers: { Authorization: 'Basic d3Jvbmc6d3Jvbmc=' } }),
    ).toMatchObject({ status: 401, json: { message: 'bad credentials' } });
    expect((await call('/apikey/none/items', { headers: { 'x-api-key': c.apiKey } })).status).toBe(200);
    expect((await call('/me', { headers: { 'x-api-key': 'wrong' } })).status).toBe(401);
    expect((await call('/me', { headers: { Authorization: `Bearer ${c.accessToken}` } })).json).toEqual({
      id: 'me',
    });
  });

  it.each(['429', '503'])(
    'r%s: the first request of a key gets Retry-After: 1, the next passes',
    async (code) => {
      const first = await call(`/r${code}/k-${code}/none/items`);
      expect(first.status).toBe(Number(code));
      expect(first.headers['retry-after']).toBe('1');
      expect((await call(`/r${code}/k-${code}/none/items`)).status).toBe(200);
      expect((await call(`/r${code}/other-key/none/items?fails=2&retryAfter=3`)).headers['retry-after']).toBe(
        '3',
      );
    },
  );

  it('token route: 400 unless the token decodes to exactly the one issued', async () => {
    expect((await call(`/token/items?token=${encodeURIComponent(TOKENS[0]!)}`)).status).toBe(200);
    expect((await call(`/token/items?token=${TOKENS[0]!}`)).status).toBe(400);
  });
});
