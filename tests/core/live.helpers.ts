/**
 * A fake `LiveSend` for the live-run tests: no network, an in-memory API answering each request
 * through a handler, and a driver that steps a run to its stop.
 */
import type {
  AuthSpecModel,
  HttpRequest,
  LiveExchange,
  LiveOutbound,
  LivePage,
  LiveRun,
  LiveSend,
  LiveSendResult,
  LiveStop,
  SpecModel,
} from '../../src/core';
import { param } from '../fixtures/run/models';

/** What the fake answers: a response, or a sender failure. */
export type Reply =
  | { status?: number; body?: unknown; raw?: string | Uint8Array; headers?: Record<string, string> }
  | Extract<LiveSendResult, { ok: false }>;

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Reply => ({
  status,
  body,
  headers: { 'content-type': 'application/json', ...headers },
});

/** A fake API: `send` records every outbound and answers through `handler`. */
export function fakeApi(handler: (request: HttpRequest, i: number) => Reply) {
  const sent: LiveOutbound[] = [];
  const send: LiveSend = async (outbound) => {
    // A macrotask per request: a driver bug that loops forever times out instead of starving timers.
    await new Promise((resolve) => setImmediate(resolve));
    sent.push(structuredClone(outbound));
    const reply = handler(outbound.request, sent.length - 1);
    if ('ok' in reply) return reply;
    const bytes =
      reply.raw instanceof Uint8Array
        ? reply.raw
        : new TextEncoder().encode(reply.raw ?? JSON.stringify(reply.body ?? {}));
    return {
      ok: true,
      status: reply.status ?? 200,
      headers: reply.headers ?? { 'content-type': 'application/json' },
      body: bytes,
      ms: 3,
      redirects: [],
    };
  };
  return { send, sent };
}

/** Steps `run` until it stops (at most `max` steps). */
export async function drive(run: LiveRun, max = 100) {
  const exchanges: LiveExchange[] = [];
  const pages: LivePage[] = [];
  let stop: LiveStop | undefined;
  for (let i = 0; i < max && !stop; i++) {
    const r = await run.step();
    exchanges.push(...r.exchanges);
    if (r.page) pages.push(r.page);
    stop = r.stop;
  }
  return { exchanges, pages, stop: stop as LiveStop };
}

/** 25 records `{id}`, sliced. */
export const records = (from: number, n: number) =>
  Array.from({ length: Math.max(0, Math.min(n, 25 - from)) }, (_, i) => ({ id: from + i }));

export const HOST = 'https://${domain}.partner.test';

export const oauthRefresh: AuthSpecModel = {
  index: 0,
  name: 'OAuth2 Refresh Code',
  type: 'OAuth2RefreshCode',
  params: [
    param('domain', { required: true }),
    param('authorizationTestUrl'),
    param('clientId'),
    param('clientSecret', { secret: true }),
    param('accessToken', { secret: true, required: true }),
    param('refreshToken', { secret: true }),
    param('accessTokenUrl'),
    param('requestParameterOverride', { type: 'object' }),
  ],
};

export const basicAuth: AuthSpecModel = {
  index: 1,
  name: 'Basic Authentication',
  type: 'BasicAuthentication',
  params: [
    param('domain', { required: true }),
    param('username', { required: true }),
    param('password', { secret: true, required: true }),
    param('authorizationTestUrl'),
  ],
};

export const keyAuth: AuthSpecModel = {
  index: 2,
  name: 'API Key',
  type: 'KeyBased',
  params: [
    param('domain', { required: true }),
    param('apiKey', { secret: true, required: true, headerParamName: 'X-Api-Key' }),
  ],
};

/** A partner API spec on `${domain}.partner.test` (a reserved name: nothing is ever contacted). */
export function partner(overrides: Partial<SpecModel> = {}): SpecModel {
  return {
    name: 'Partner items',
    type: 'generic-rest',
    authSpecs: [oauthRefresh, basicAuth, keyAuth],
    userInputs: [param('listId')],
    urlParams: { host: HOST, path: '/lists/${listId}/items', method: 'GET', queryParams: [] },
    headerParams: [],
    contentPath: {
      path: '$.items',
      skipAttributes: [],
      keepAttributes: [],
      overrideWrapperAttribute: 'item',
    },
    pagination: { type: 'NONE', maximumRequest: 10000, delayRequestMillis: 0 },
    ...overrides,
  };
}

export const BASE = 'https://acme.partner.test/lists/L1/items';
export const params = { domain: 'acme', listId: 'L1', accessToken: 'old-access-token-1' };

/** The token URL and the values of an OAuth 2 refresh-code run (tests of the one token refresh). */
export const TOKEN_URL = 'https://auth.partner.test/oauth/token';
export const refreshParams = {
  domain: 'acme',
  listId: 'L1',
  accessToken: 'old-access-token-1',
  refreshToken: 'refresh-token-77',
  clientId: 'client-id-5',
  clientSecret: 'client-secret-9',
  accessTokenUrl: TOKEN_URL,
};
