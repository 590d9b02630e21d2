import { describe, expect, it } from 'vitest';
import {
  normalise,
  requestParameterOverrideOf,
  startLiveRun,
  testConnection,
  tokenExchangeFields,
  type HttpRequest,
  type LiveRunOptions,
  type SpecModel,
} from '../../src/core';
import {
  BASE,
  drive,
  fakeApi,
  json,
  partner,
  records,
  refreshParams,
  TOKEN_URL,
  type Reply,
} from './live.helpers';

const SECRETS = ['old-access-token-1', 'refresh-token-77', 'client-secret-9', 'new-access-token-2'];

/** The partner API: data needs the current token; the token URL trades the refresh token. */
function oauthApi(options: { tokenReply?: Reply; accessTokenField?: string; failAgain?: boolean } = {}) {
  const current = 'new-access-token-2';
  return (req: HttpRequest): Reply => {
    if (req.url.startsWith(TOKEN_URL)) {
      return (
        options.tokenReply ??
        json({ [options.accessTokenField ?? 'access_token']: current, expires_in: 3600 })
      );
    }
    if (req.headers['Authorization'] !== `Bearer ${current}` || options.failAgain) {
      return json({ message: `token ${req.headers['Authorization']} expired` }, 401, {
        'www-authenticate': `Bearer error="${req.headers['Authorization']}"`,
      });
    }
    return json({ items: records(0, 3) });
  };
}

function start(
  handler: (r: HttpRequest, i: number) => Reply,
  options: LiveRunOptions = {},
  model = partner(),
) {
  const api = fakeApi(handler);
  const started = startLiveRun(
    model,
    { params: refreshParams, wait: () => Promise.resolve(), ...options },
    api.send,
  );
  if (!started.ok) throw new Error(started.stop.message);
  return { ...api, run: started.run };
}

function expectNoSecret(value: unknown, secrets = SECRETS) {
  const text = JSON.stringify(value);
  for (const s of secrets) expect(text).not.toContain(s);
}

describe('OAuth2 refresh code: one token refresh per run', () => {
  it('POST (default): form body with the default field names; the page is sent again with the new token', async () => {
    const t = start(oauthApi());
    const r = await drive(t.run);
    expect(r.exchanges.map((e) => [e.n, e.kind, e.status])).toEqual([
      [1, 'page', 401],
      [2, 'token-refresh', 200],
      [3, 'page', 200],
    ]);
    expect(r.stop.reason).toBe('single-request');
    const token = t.sent[1]!;
    expect(token.request).toEqual({
      method: 'POST',
      url: TOKEN_URL,
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=refresh_token&refresh_token=refresh-token-77&client_id=client-id-5&client_secret=client-secret-9',
    });
    expect(token.display.body).toBe(
      'grant_type=refresh_token&refresh_token=••••&client_id=client-id-5&client_secret=••••',
    );
    expect(t.sent[2]?.request.headers).toEqual({ Authorization: 'Bearer new-access-token-2' });
    expect(t.sent[2]?.request.url).toBe(BASE);
    expect(t.sent[2]?.display.headers).toEqual({ Authorization: 'Bearer ••••' });
    expect(t.run.secrets).toContain('new-access-token-2');
    expect(t.sent[2]?.secrets).toContain('new-access-token-2');
    // The API echoed the old token in its message and a header: masked in every exchange.
    expectNoSecret(r);
    expect(r.exchanges[0]?.headers?.['www-authenticate']).toBe('Bearer error="Bearer ••••"');
  });

  it('GET with every field name overridden (requestParameterOverride as a JSON object param)', async () => {
    const override = {
      authenticationMethod: 'get',
      refreshTokenField: 'rt',
      clientId: 'app_id',
      clientSecret: 'app_secret',
      accessTokenField: 'token',
    };
    const t = start(oauthApi({ accessTokenField: 'token' }), {
      params: { ...refreshParams, requestParameterOverride: JSON.stringify(override) },
    });
    const r = await drive(t.run);
    expect(r.stop.reason).toBe('single-request');
    expect(t.sent[1]?.request).toEqual({
      method: 'GET',
      url: `${TOKEN_URL}?grant_type=refresh_token&rt=refresh-token-77&app_id=client-id-5&app_secret=client-secret-9`,
      headers: { Accept: 'application/json' },
    });
    expect(r.exchanges[1]?.display.url).toBe(
      `${TOKEN_URL}?grant_type=refresh_token&rt=••••&app_id=client-id-5&app_secret=••••`,
    );
    expectNoSecret(r);
  });

  it('single params requestParameterOverride.<key> win over the object', () => {
    const f = tokenExchangeFields(
      { requestParameterOverride: '{"refreshTokenField":"a","authenticationMethod":"GET"}' },
      {
        'requestParameterOverride.refreshTokenField': 'b',
        'requestParameterOverride.authenticationMethod': 'PUT',
      },
    );
    expect(f).toEqual({
      accessTokenField: 'access_token',
      refreshTokenField: 'b',
      clientIdField: 'client_id',
      clientSecretField: 'client_secret',
      authenticationMethod: 'GET',
    });
    expect(tokenExchangeFields({ requestParameterOverride: 'not json' }).refreshTokenField).toBe(
      'refresh_token',
    );
  });

  it("a spec's own requestParameterOverride defaults are read from the document", () => {
    const doc = {
      authSpec: [
        {
          name: 'OAuth2 Refresh Code',
          type: 'OAuth2RefreshCode',
          spec: {
            properties: {
              requestParameterOverride: {
                type: 'object',
                default: { clientId: 'cid', refreshTokenField: 'x' },
                properties: {
                  refreshTokenField: { type: 'string', const: 'rtok' },
                  authenticationMethod: { default: 'GET' },
                },
              },
            },
          },
        },
      ],
    };
    const text = requestParameterOverrideOf(doc, 0);
    expect(JSON.parse(text!)).toEqual({
      clientId: 'cid',
      refreshTokenField: 'rtok',
      authenticationMethod: 'GET',
    });
    expect(requestParameterOverrideOf(doc, 1)).toBeUndefined();
    expect(requestParameterOverrideOf(null, 0)).toBeUndefined();
    const model = normalise(doc as never).model;
    expect(model.authSpecs[0]?.params.map((p) => p.name)).toContain('requestParameterOverride');
  });

  it('only once: a second 401 after the refresh stops the run, the refresh is not repeated', async () => {
    const t = start(oauthApi({ failAgain: true }));
    const r = await drive(t.run);
    expect(r.exchanges.map((e) => e.kind)).toEqual(['page', 'token-refresh', 'page']);
    expect(r.stop).toMatchObject({
      reason: 'http-error',
      status: 401,
      message: 'request 1: 401 token Bearer •••• expired',
    });
    expectNoSecret(r);
  });

  it('once per run: a 401 on page 3 after a refresh on page 1 is not refreshed again', async () => {
    const model = partner({
      pagination: {
        type: 'OFFSET',
        limitName: 'limit',
        limitValue: 3,
        offSetName: 'offset',
        maximumRequest: 100,
        delayRequestMillis: 0,
      },
    });
    const api = oauthApi();
    let pageCalls = 0;
    const t = start(
      (req) => {
        if (
          !req.url.startsWith(TOKEN_URL) &&
          req.headers['Authorization'] === 'Bearer new-access-token-2' &&
          ++pageCalls === 3
        )
          return json({ message: 'revoked' }, 401);
        return api(req);
      },
      {},
      model,
    );
    const r = await drive(t.run);
    expect(r.exchanges.map((e) => `${e.kind} ${e.status}`)).toEqual([
      'page 401',
      'token-refresh 200',
      'page 200',
      'page 200',
      'page 401',
    ]);
    expect(r.stop.message).toBe('request 3: 401 revoked');
  });

  it('a refresh on page 2 rebuilds that page’s request with the new token (token in a query too)', async () => {
    const model = partner({
      urlParams: { ...partner().urlParams, queryParams: [['access_token', '${accessToken}']] },
      pagination: {
        type: 'OFFSET',
        limitName: 'limit',
        limitValue: 3,
        offSetName: 'offset',
        maximumRequest: 100,
        delayRequestMillis: 0,
      },
    });
    let calls = 0;
    const t = start(
      (req) => {
        if (req.url.startsWith(TOKEN_URL)) return json({ access_token: 'new/access+token=2' });
        calls++;
        if (calls === 2) return json({ message: 'expired' }, 401);
        return json({ items: records(0, calls >= 4 ? 1 : 3) });
      },
      {},
      model,
    );
    const r = await drive(t.run);
    expect(r.stop.reason).toBe('short-page');
    expect(t.sent[3]?.request.url).toBe(`${BASE}?access_token=new%2Faccess%2Btoken%3D2&limit=3&offset=3`);
    expect(t.sent[3]?.request.headers).toEqual({ Authorization: 'Bearer new/access+token=2' });
    expect(t.sent[4]?.request.url).toBe(`${BASE}?access_token=new%2Faccess%2Btoken%3D2&limit=3&offset=6`);
    expect(r.exchanges[3]?.display.url).toBe(`${BASE}?access_token=••••&limit=3&offset=3`);
    expectNoSecret(r, [...SECRETS, 'new/access+token=2', 'new%2Faccess']);
  });

  it('a failed refresh stops with http-error naming the token step and the token API’s words', async () => {
    const t = start(
      oauthApi({
        tokenReply: json({ error: 'invalid_grant', error_description: 'refresh token expired' }, 400),
      }),
    );
    const r = await drive(t.run);
    expect(r.stop).toMatchObject({
      reason: 'http-error',
      status: 400,
      message:
        'request 1: 401, and the token refresh failed: accessTokenUrl answered 400 invalid_grant: refresh token expired',
    });
    expect(r.stop.hint).toMatch(/refreshToken.*requestParameterOverride/);
    expect(r.exchanges.map((e) => e.kind)).toEqual(['page', 'token-refresh']);
  });

  it('an answer without the token field, and a token endpoint that cannot be reached', async () => {
    const none = start(oauthApi({ tokenReply: json({ token_type: 'bearer' }) }));
    expect((await drive(none.run)).stop.message).toBe(
      'request 1: 401, and the token refresh failed: the answer has no access_token string',
    );
    const down = start(
      oauthApi({ tokenReply: { ok: false, error: 'network-error', message: 'ECONNREFUSED', ms: 1 } }),
    );
    expect((await drive(down.run)).stop).toMatchObject({
      reason: 'network-error',
      message: 'request 1: 401, and the token refresh failed: ECONNREFUSED',
    });
  });

  it('no refresh without a refresh token or a token URL: the 401 stops the run', async () => {
    for (const missing of ['refreshToken', 'accessTokenUrl']) {
      const p: Record<string, string> = { ...refreshParams };
      delete p[missing];
      const t = start(oauthApi(), { params: p });
      const r = await drive(t.run);
      expect(r.exchanges.map((e) => e.kind)).toEqual(['page']);
      expect(r.stop.status).toBe(401);
    }
  });
});

describe('testConnection', () => {
  const basic = (extra: Record<string, string> = {}) => ({
    params: { domain: 'acme', username: 'ann', password: 'pw-123456', ...extra },
    authName: 'Basic Authentication',
  });

  it('GETs authorizationTestUrl (placeholders filled) with the auth headers: ok on 2xx', async () => {
    const api = fakeApi(() => json({ id: 'me' }));
    const r = await testConnection(
      partner(),
      basic({ authorizationTestUrl: 'https://${domain}.partner.test/me' }),
      api.send,
    );
    expect(r).toMatchObject({ ok: true, hint: '' });
    expect(r.message).toMatch(/200/);
    expect(api.sent[0]?.request).toEqual({
      method: 'GET',
      url: 'https://acme.partner.test/me',
      headers: { Authorization: `Basic ${btoa('ann:pw-123456')}` },
    });
    expect(r.exchange).toMatchObject({ n: 1, kind: 'connection-test', status: 200 });
    expect(r.exchange?.display.headers).toEqual({ Authorization: 'Basic ••••' });
    expect(api.sent[0]?.secrets).toEqual(expect.arrayContaining(['pw-123456', btoa('ann:pw-123456')]));
  });

  it('401: the API’s message and a credentials hint', async () => {
    const api = fakeApi(() => json({ message: 'bad credentials' }, 401));
    const r = await testConnection(
      partner(),
      basic({ authorizationTestUrl: 'https://acme.partner.test/me' }),
      api.send,
    );
    expect(r).toMatchObject({ ok: false, message: 'connection test: 401 bad credentials' });
    expect(r.hint).toMatch(/credentials/);
  });

  it('an API-key header, and a sender failure', async () => {
    const model: SpecModel = partner();
    model.authSpecs[2]!.params.push({
      name: 'authorizationTestUrl',
      secret: false,
      required: false,
      pointer: '',
    });
    const api = fakeApi(() => ({
      ok: false,
      error: 'refused',
      message: 'loopback host 127.0.0.1: refused',
      ms: 0,
    }));
    const r = await testConnection(
      model,
      {
        params: { domain: 'acme', apiKey: 'key-999', authorizationTestUrl: 'http://127.0.0.1:9/me' },
        authName: 'API Key',
      },
      api.send,
    );
    expect(api.sent[0]?.request.headers).toEqual({ 'X-Api-Key': 'key-999' });
    expect(api.sent[0]?.authHeaders).toEqual(['authorization', 'x-api-key']);
    expect(r).toMatchObject({ ok: false, message: 'connection test: loopback host 127.0.0.1: refused' });
    expect(r.hint).toMatch(/allow-private-hosts/);
  });

  it('without authorizationTestUrl, a credential or an auth spec: ok:false, nothing sent', async () => {
    const api = fakeApi(() => json({}));
    const none = await testConnection(partner(), basic(), api.send);
    expect(none).toMatchObject({ ok: false, message: expect.stringMatching(/has no authorizationTestUrl/) });
    const missing = await testConnection(
      partner(),
      {
        params: { domain: 'acme', username: 'ann', authorizationTestUrl: 'https://a.partner.test/me' },
        authName: 'Basic Authentication',
      },
      api.send,
    );
    expect(missing).toMatchObject({
      ok: false,
      message: expect.stringMatching(/needs a value for password/),
    });
    const noAuth = await testConnection(partner({ authSpecs: [] }), {}, api.send);
    expect(noAuth.ok).toBe(false);
    const bad = await testConnection(
      partner(),
      basic({ authorizationTestUrl: 'ftp://x.partner.test/' }),
      api.send,
    );
    expect(bad).toMatchObject({
      ok: false,
      message: expect.stringMatching(/authorizationTestUrl cannot be requested/),
    });
    expect(api.sent).toHaveLength(0);
  });
});
