/**
 * Why a run cannot start (request 1 cannot be built), or request k+1 is not built, in the chosen
 * language: for every `request-…` code (and the run's own start failures nested in `run-blocked`),
 * a real spec model that blocks with it; the English rendering of the stop (`stopText`), of the
 * `run-blocked` diagnostic (`diagnosticText`) and of the connection test (`testMessageText`) equals
 * the core's English message, and French differs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  nextRequest,
  simulate,
  startLiveRun,
  startRun,
  testConnection,
  type AuthSpecModel,
  type Diagnostic,
  type JsonValue,
  type RunOptions,
  type SpecModel,
} from '../../src/core';
import { composeRequest } from '../../src/core/run/compose';
import type { BaseRequest } from '../../src/core/run/requests';
import { liveStopText, stopText, testMessageText } from '../../src/features/preview/coreText';
import { setLocale } from '../../src/i18n';
import { same } from './i18n-same';
import { diagnosticText } from '../../src/i18n/diagnostics';
import { apiKey, mailchimp, mailchimpParams, NOW, paging, param } from '../fixtures/run/models';
import { fakeApi, json, partner } from '../core/live.helpers';

afterEach(async () => {
  await setLocale('en', false);
});

/**
 * Simulates `model` with `options` (MailChimp values, NOW): the run must be blocked with `code`
 * (and, when given, the nested failure `inner` under `problem`); its stop and its `run-blocked`
 * diagnostic render the core's English in English and something else in French.
 */
async function blocked(
  model: SpecModel,
  code: string,
  options: RunOptions = {},
  inner?: Record<string, string>,
): Promise<{ message: string; params: Record<string, unknown> }> {
  const r = simulate(model, { params: mailchimpParams, now: NOW, ...options }, []);
  expect(r.stop.reason).toBe('blocked');
  expect(r.stop.code).toBe(code);
  for (const [k, v] of Object.entries(inner ?? {})) expect(r.stop.params?.[k]).toBe(v);
  await same(() => stopText(r.stop), r.stop.message);
  const d = r.diagnostics.find((x) => x.code === 'run-blocked') as Diagnostic;
  expect(d.params?.['detailCode']).toBe(code);
  await same(() => diagnosticText(d), d.message);
  return { message: r.stop.message, params: r.stop.params ?? {} };
}

/** The connection test's verdict: English is the core's message exactly; French differs. */
async function sameTest(r: Parameters<typeof testMessageText>[0]): Promise<void> {
  await setLocale('en', false);
  expect(testMessageText(r)).toBe(r.message);
  await setLocale('fr', false);
  expect(testMessageText(r)).not.toContain(r.message);
  await setLocale('en', false);
}

/** MailChimp with only `auth` (its host written out, as `auth` may not declare `domain`). */
const withAuth = (auth: AuthSpecModel, extra: Partial<SpecModel> = {}): SpecModel =>
  mailchimp({
    authSpecs: [auth],
    urlParams: { ...mailchimp().urlParams, host: 'https://us6.api.mailchimp.com' },
    ...extra,
  });

const hostAuth = (secret: boolean): AuthSpecModel => ({
  index: 0,
  name: 'Host Auth',
  type: 'KeyBased',
  params: [param('host', { secret, pointer: '/authSpec/0/spec/properties/host' })],
});

describe('request 1 cannot be built: placeholders', () => {
  it('request-needs-value-in: a live input without a value', async () => {
    const { message } = await blocked(mailchimp(), 'request-needs-value-in', {
      params: { domain: 'us6', accessToken: 't' },
      requireInputs: true,
    });
    expect(message).toBe('urlParams.path needs a value for ${listId}');
  });

  it('placeholder-undeclared: a placeholder declared nowhere', async () => {
    const model = mailchimp({
      urlParams: { ...mailchimp().urlParams, path: '/3.0/lists/${nope}/members' },
    });
    const { message } = await blocked(model, 'placeholder-undeclared');
    expect(message).toBe('`${nope}` is used in urlParams.path but declared in no spec.properties');
  });

  it('request-at + request-unterminated', async () => {
    const model = mailchimp({ urlParams: { ...mailchimp().urlParams, path: '/3.0/lists/${listId' } });
    const { message } = await blocked(model, 'request-at', {}, { problemCode: 'request-unterminated' });
    expect(message).toBe('urlParams.path: `${listId` is an unterminated placeholder');
  });

  it('request-value-unencodable + request-value-reason (surrogate): a path value', async () => {
    const { message } = await blocked(
      mailchimp(),
      'request-at',
      { params: { ...mailchimpParams, listId: 'a\uD800' } },
      { problemCode: 'request-value-unencodable', 'problem.reasonCode': 'request-value-reason' },
    );
    expect(message).toBe(
      'urlParams.path: the value of ${listId} contains a lone UTF-16 surrogate and cannot be encoded',
    );
  });

  it.each([
    ['a\nb', 'a line break (CR or LF)'],
    ['a\u0000b', 'NUL (U+0000)'],
    ['a\u0007b', 'a control character (U+0007)'],
  ])('request-value-reason in a header value: %j', async (value, what) => {
    const model = mailchimp({ headerParams: [['X-List', '${listId}']] });
    const { message } = await blocked(
      model,
      'request-at',
      { params: { ...mailchimpParams, listId: value } },
      { problemCode: 'request-value-unencodable' },
    );
    expect(message).toBe(
      `headerParams.X-List: the value of \${listId} contains ${what}, which is not allowed in a header value`,
    );
  });

  it('request-engine-unencodable: {SCHEDULE_QUERY} in a header', async () => {
    const model = mailchimp({
      headerParams: [['X-Filter', '{SCHEDULE_QUERY}']],
      schedule: { type: 'ADVANCE', paramFormat: '', incremental: 'since {START_TIME}\r\nx' },
    });
    const { message } = await blocked(model, 'request-at', {}, { problemCode: 'request-engine-unencodable' });
    expect(message).toBe(
      'headerParams.X-Filter: {SCHEDULE_QUERY} contains a line break (CR or LF), which is not allowed in a header value',
    );
  });

  it('request-host-not-origin and request-host-not-origin-via', async () => {
    const plain = mailchimp({ urlParams: { ...mailchimp().urlParams, host: 'https://api.example.com/v3' } });
    const a = await blocked(plain, 'request-at', {}, { problemCode: 'request-host-not-origin' });
    expect(a.message).toMatch(
      /^urlParams\.host: host `https:\/\/api\.example\.com\/v3` is not a valid URL origin/,
    );
    const b = await blocked(
      mailchimp(),
      'request-at',
      { params: { ...mailchimpParams, domain: 'us6/x' } },
      { problemCode: 'request-host-not-origin-via' },
    );
    expect(b.message).toMatch(/\(via \$\{domain\}\) is not a valid URL origin/);
  });
});

describe('request 1 cannot be built: the host from the auth spec', () => {
  const noHost = { ...mailchimp().urlParams, host: undefined } as unknown as SpecModel['urlParams'];

  it('request-auth-host-none', async () => {
    const { message } = await blocked(mailchimp({ urlParams: noHost }), 'request-auth-host-none');
    expect(message).toBe(
      "urlParams.host is absent, so the host comes from the auth spec's host value: but it has none",
    );
  });

  it('request-auth-host-secret', async () => {
    const model = withAuth(hostAuth(true), { urlParams: noHost });
    const { message } = await blocked(model, 'request-auth-host-secret', {
      params: { ...mailchimpParams, host: 'not a url' },
    });
    expect(message).toMatch(/: but it is not a valid URL origin \(the value is secret\)$/);
  });

  it('request-auth-host with a nested host-not-origin or unterminated', async () => {
    const model = withAuth(hostAuth(false), { urlParams: noHost });
    await blocked(
      model,
      'request-auth-host',
      { params: { ...mailchimpParams, host: 'ftp://x' } },
      { problemCode: 'request-host-not-origin' },
    );
    await blocked(
      model,
      'request-auth-host',
      { params: { ...mailchimpParams, host: 'https://${x' } },
      { problemCode: 'request-unterminated' },
    );
  });

  it('request-auth-host-undeclared', async () => {
    const model = withAuth(hostAuth(false), { urlParams: noHost });
    const { message } = await blocked(model, 'request-auth-host-undeclared', {
      params: { ...mailchimpParams, host: 'https://${zone}.example.com' },
    });
    expect(message).toBe(
      "`${zone}` is used in urlParams.host is absent, so the host comes from the auth spec's host value but declared in no spec.properties",
    );
  });
});

describe('request 1 cannot be built: names, schedule, body, pagination', () => {
  const url = mailchimp().urlParams;

  it('request-query-name-surrogate and request-query-value-surrogate', async () => {
    await blocked(
      mailchimp({ urlParams: { ...url, queryParams: [['a\uD800', 'v']] } }),
      'request-query-name-surrogate',
    );
    const { message } = await blocked(
      mailchimp({ urlParams: { ...url, queryParams: [['q', 'x\uDC00']] } }),
      'request-query-value-surrogate',
    );
    expect(message).toBe('urlParams.queryParams.q: the value holds a lone UTF-16 surrogate');
  });

  it('request-schedule-surrogate', async () => {
    const schedule = {
      type: 'STANDARD' as const,
      startParamName: 's\uD800',
      endParamName: 'end',
      startFormat: '',
      endFormat: '',
    };
    const { message } = await blocked(mailchimp({ schedule }), 'request-schedule-surrogate');
    expect(message).toBe('scheduleParams: a name holds a lone surrogate');
  });

  it('request-at: an ADVANCE schedule template that cannot be rendered', async () => {
    const schedule = {
      type: 'ADVANCE' as const,
      paramFormat: 'yyyy-MM-ddTHH:mm:ssZ',
      incremental: 'since={START_TIME}&x=${nope',
    };
    const { message } = await blocked(
      mailchimp({ schedule }),
      'request-at',
      {},
      { problemCode: 'request-unterminated' },
    );
    expect(message).toBe('scheduleParams.incremental: `${nope` is an unterminated placeholder');
  });

  it('schedule-date-format (nested in run-blocked)', async () => {
    const schedule = {
      type: 'STANDARD' as const,
      startParamName: 'since',
      endParamName: 'until',
      startFormat: "yyyy'T",
      endFormat: '',
    };
    await blocked(mailchimp({ schedule }), 'schedule-date-format');
  });

  it('request-header-name', async () => {
    const { message } = await blocked(mailchimp({ headerParams: [['X Bad', 'v']] }), 'request-header-name');
    expect(message).toBe('headerParams["X Bad"]: the name is not a valid HTTP header name');
  });

  it('request-pagination-header-name', async () => {
    const pagination = { ...paging.token, parameterType: 'HEADERPARAM' as const, parameterName: 'X Token' };
    const { message } = await blocked(mailchimp({ pagination }), 'request-pagination-header-name');
    expect(message).toMatch(/^paginationParams\.parameterName "X Token" is not a valid HTTP header name/);
  });

  it('request-at + too-deep: bodyParams nested too deeply', async () => {
    let body: JsonValue = 'x';
    for (let i = 0; i < 300; i++) body = { a: body };
    const model = mailchimp({ urlParams: { ...url, method: 'POST' }, bodyParams: body });
    const { message } = await blocked(model, 'request-at', {}, { problemCode: 'too-deep' });
    expect(message).toMatch(/^bodyParams: nesting deeper than 256 levels/);
  });

  it('run-no-auth-spec and run-maximum-request (nested in run-blocked)', async () => {
    await blocked(mailchimp(), 'run-no-auth-spec', { authName: 'Nope' });
    await blocked(mailchimp({ pagination: { ...paging.none, maximumRequest: 0 } }), 'run-maximum-request');
  });
});

describe('request 1 cannot be built: auth headers', () => {
  it('request-auth-needs-value', async () => {
    const { message } = await blocked(mailchimp(), 'request-auth-needs-value', {
      params: { domain: 'us6', listId: 'L' },
      requireInputs: true,
    });
    expect(message).toBe('OAuth2 Refresh Code needs a value for accessToken');
  });

  it('request-auth-surrogate', async () => {
    const { message } = await blocked(mailchimp(), 'request-auth-surrogate', {
      authName: 'Basic Authentication',
      params: { domain: 'us6', listId: 'L', username: 'a\uD800', password: 'p' },
    });
    expect(message).toBe('Basic Authentication: username or password holds a lone UTF-16 surrogate');
  });

  it('request-auth-header-name', async () => {
    const auth: AuthSpecModel = {
      ...apiKey,
      index: 0,
      params: [param('authKey1', { secret: true, required: true, headerParamName: 'X Key' })],
    };
    const { message } = await blocked(withAuth(auth), 'request-auth-header-name', {
      params: { ...mailchimpParams, authKey1: 'k' },
    });
    expect(message).toBe(
      'API Key Authentication: restAttributes.headerParamName of authKey1 is not a valid HTTP header name',
    );
  });

  it('request-auth-header-value', async () => {
    const { message } = await blocked(
      withAuth({ ...apiKey, index: 0 }),
      'request-auth-header-value',
      { params: { ...mailchimpParams, authKey1: 'k\u0001' } },
      { reasonCode: 'request-value-reason' },
    );
    expect(message).toBe(
      'API Key Authentication: the X-Auth-Key1 header value contains a control character (U+0001), which is not allowed in a header value',
    );
  });
});

describe('a request that is not built (composeRequest)', () => {
  it('request-url-control: request 1 from startRun', async () => {
    const model = mailchimp({ urlParams: { ...mailchimp().urlParams, path: '/3.0/a\u0001b' } });
    const { message } = await blocked(model, 'request-url-control');
    expect(message).toBe('the URL holds a control character ("\\u0001")');
  });

  it('request-pagination-unencodable: stop-not-built words its nested problem', async () => {
    const model = mailchimp({ pagination: paging.token });
    const started = startRun(model, { params: mailchimpParams, now: NOW });
    if (!started.ok) throw new Error(started.message);
    const step = nextRequest(started.state, { body: { members: [], meta: { after_cursor: 'x\uD800' } } });
    const stop = step.stop!;
    expect(stop.code).toBe('stop-not-built');
    expect(stop.params?.['problemCode']).toBe('request-pagination-unencodable');
    await same(() => stopText(stop), stop.message);
  });

  it('request-header-invalid and request-header-value (composeRequest itself)', async () => {
    const started = startRun(mailchimp(), { params: mailchimpParams, now: NOW });
    if (!started.ok) throw new Error(started.message);
    const base: BaseRequest = started.state.base;
    for (const [h, code] of [
      [{ name: 'X Bad', real: 'v', shown: 'v' }, 'request-header-invalid'],
      [{ name: 'X-Token', real: 'a\rb', shown: 'a\rb' }, 'request-header-value'],
    ] as const) {
      const r = composeRequest(base, { headers: [h] });
      if (!('problem' in r)) throw new Error('built');
      expect(r.coded.code).toBe(code);
      expect(r.coded.message).toBe(r.problem);
      await same(() => diagnosticText(r.coded), r.problem);
    }
  });
});

describe('a live run and the connection test', () => {
  it('a live blocked stop is worded (liveStopText)', async () => {
    const api = fakeApi(() => json({}));
    const started = startLiveRun(mailchimp(), { params: { domain: 'us6', accessToken: 't' } }, api.send);
    if (started.ok) throw new Error('started');
    expect(started.stop.code).toBe('request-needs-value-in');
    await same(() => liveStopText(started.stop), started.stop.message);
    expect(api.sent).toHaveLength(0);
  });

  const basic = (authorizationTestUrl: string, extra: Record<string, string> = {}) => ({
    params: { domain: 'acme', username: 'ann', password: 'pw-123456', authorizationTestUrl, ...extra },
    authName: 'Basic Authentication',
  });

  it.each([
    ['https://${nope}.partner.test/me', 'request-at', 'request-undeclared'],
    ['https://${domain.partner.test/me', 'request-at', 'request-unterminated'],
    // The URL's own problem: as checkUrlSyntax gives it (with its code, when it has one).
    ['ftp://acme.partner.test/me', 'request-url-unrequestable', null],
  ])('test-url: %s', async (url, code, inner) => {
    const api = fakeApi(() => json({}));
    const r = await testConnection(partner(), basic(url), api.send);
    expect(r.code).toBe('test-url');
    expect(r.params?.['detailCode']).toBe(code);
    if (inner !== null) expect(r.params?.['detail.problemCode']).toBe(inner);
    await sameTest(r);
    expect(api.sent).toHaveLength(0);
  });

  it('test-url: request-needs-value nested in request-at', async () => {
    const model = partner();
    const r = await testConnection(
      model,
      { params: { domain: 'acme', accessToken: 't', authorizationTestUrl: 'https://x.test/${clientId}' } },
      fakeApi(() => json({})).send,
    );
    expect(r.params?.['detail.problemCode']).toBe('request-needs-value');
    expect(r.message).toBe('authorizationTestUrl: needs a value for ${clientId}');
    await sameTest(r);
  });

  it('test-headers: request-auth-needs-value', async () => {
    const r = await testConnection(
      partner(),
      {
        params: { domain: 'acme', username: 'ann', authorizationTestUrl: 'https://acme.partner.test/me' },
        authName: 'Basic Authentication',
      },
      fakeApi(() => json({})).send,
    );
    expect(r.code).toBe('test-headers');
    expect(r.params?.['detailCode']).toBe('request-auth-needs-value');
    expect(r.message).toBe('Basic Authentication needs a value for password');
    await sameTest(r);
  });
});
