import { describe, expect, it } from 'vitest';
import { requestsPerMinute, simulate, startRun } from '../../src/core/run/simulate';
import type { SpecModel } from '../../src/core/types';
import {
  apiKey,
  mailchimp,
  mailchimpParams,
  members,
  NOW,
  oauth,
  paging,
  param,
} from '../fixtures/run/models';

const MAILCHIMP_FORMAT = 'yyyy-MM-ddTHH:mm:ss:fffffffK';
const standard = {
  type: 'STANDARD' as const,
  startParamName: 'since_last_changed',
  endParamName: 'before_last_changed',
  startFormat: MAILCHIMP_FORMAT,
  endFormat: MAILCHIMP_FORMAT,
};

function first(model: SpecModel, params: Record<string, string> = mailchimpParams) {
  const r = startRun(model, { params, now: NOW });
  if (!r.ok) throw new Error(r.message);
  return r.first;
}

describe('building request 1 (SEMANTICS §3)', () => {
  it('MailChimp Members: host + path, schedule params with their formats, bearer auth', () => {
    const r = first(mailchimp({ schedule: standard }));
    expect(r.request).toEqual({
      method: 'GET',
      url:
        'https://us6.api.mailchimp.com/3.0/lists/10c097ca71/members' +
        '?since_last_changed=2026-01-01T03%3A04%3A05%3A0000000Z&before_last_changed=2026-01-02T03%3A04%3A05%3A0000000Z',
      headers: { Authorization: 'Bearer tok-123' },
    });
    expect(r.display.headers).toEqual({ Authorization: 'Bearer ••••' });
  });

  it('orders query parameters: queryParams (object order), schedule, pagination', () => {
    const model = mailchimp({
      urlParams: {
        ...mailchimp().urlParams,
        queryParams: [
          ['z', '1'],
          ['fields', 'a b'],
          ['a', '${listId}'],
        ],
      },
      schedule: { ...standard, startFormat: '', endFormat: 'yyyy' },
      pagination: paging.offset,
    });
    expect(first(model).request.url).toBe(
      'https://us6.api.mailchimp.com/3.0/lists/10c097ca71/members' +
        '?z=1&fields=a+b&a=10c097ca71&since_last_changed=2026-01-01T03%3A04%3A05Z&before_last_changed=2026&count=2&offset=0',
    );
  });

  it('orders headers: headerParams, then auth, then pagination headers', () => {
    const model = mailchimp({
      headerParams: [
        ['Accept', 'application/json'],
        ['X-List', '${listId}'],
      ],
      pagination: { ...paging.token, parameterType: 'HEADERPARAM', parameterName: 'X-Cursor' },
    });
    const run = simulate(model, { params: mailchimpParams, now: NOW }, [
      { body: { meta: { after_cursor: 'c1' } } },
    ]);
    expect(Object.entries(run.next?.request.headers ?? {})).toEqual([
      ['Accept', 'application/json'],
      ['X-List', '10c097ca71'],
      ['Authorization', 'Bearer tok-123'],
      ['X-Cursor', 'c1'],
    ]);
  });

  it('takes the host from the auth spec when urlParams.host is absent', () => {
    const model = mailchimp({
      authSpecs: [apiKey],
      urlParams: { path: '/v1/x', method: 'GET', queryParams: [] },
    });
    expect(first(model, { host: 'https://api.example.com/', authKey1: 'k' }).request.url).toBe(
      'https://api.example.com/v1/x',
    );
  });

  it('adds a missing leading slash to the path', () => {
    const model = mailchimp({ urlParams: { ...mailchimp().urlParams, path: 'v1/${listId}' } });
    expect(first(model).request.url).toBe('https://us6.api.mailchimp.com/v1/10c097ca71');
  });

  it('uses a schema default for a declared parameter without value', () => {
    const model = mailchimp({
      userInputs: [param('listId', { default: 'dflt' }), param('n', { default: 5 })],
    });
    const params = { domain: 'us6', accessToken: 't' };
    expect(first(model, params).request.url).toBe('https://us6.api.mailchimp.com/3.0/lists/dflt/members');
  });

  it('sends a JSON body for POST only, placeholders resolved in string values, secrets masked in display', () => {
    const bodyParams = JSON.parse(
      '{"list":"${listId}","n":1,"ok":true,"deep":{"tok":["${accessToken}",null]},"__proto__":"kept","${listId}":"key untouched"}',
    );
    const post = first(mailchimp({ bodyParams, urlParams: { ...mailchimp().urlParams, method: 'post' } }));
    expect(post.request.method).toBe('POST');
    expect(JSON.parse(post.request.body ?? 'null')).toEqual(
      JSON.parse(
        '{"list":"10c097ca71","n":1,"ok":true,"deep":{"tok":["tok-123",null]},"__proto__":"kept","${listId}":"key untouched"}',
      ),
    );
    expect(post.request.body).toContain('"__proto__":"kept"');
    expect(post.display.body).toContain('"tok":["••••",null]');
    expect(first(mailchimp({ bodyParams })).request.body).toBeUndefined();
  });

  it('masks secret parameters used in the URL and in headers', () => {
    const model = mailchimp({
      urlParams: { ...mailchimp().urlParams, queryParams: [['key', '${accessToken}']] },
      headerParams: [['X-Token', 'T ${accessToken}']],
    });
    const r = first(model);
    expect(r.request.url).toMatch(/key=tok-123$/);
    expect(r.display.url).toMatch(/key=••••$/);
    expect(r.display.headers['X-Token']).toBe('T ••••');
    expect(r.request.headers['X-Token']).toBe('T tok-123');
  });

  it('keeps a header or query parameter named __proto__ as plain data', () => {
    const model = mailchimp({
      urlParams: { ...mailchimp().urlParams, queryParams: [['__proto__', 'q']] },
      headerParams: [['__proto__', 'h']],
    });
    const r = first(model);
    expect(Object.keys(r.request.headers)).toEqual(['__proto__', 'Authorization']);
    expect(Object.getPrototypeOf(r.request.headers)).toBe(Object.prototype);
    expect(r.request.url).toMatch(/\?__proto__=q$/);
  });

  it('keeps an ADF expression verbatim and {SCHEDULE_QUERY} verbatim without an ADVANCE schedule', () => {
    const path = "/api/v2/search/export@{if(empty(''),'?a=1&','')}";
    const model = mailchimp({
      urlParams: { ...mailchimp().urlParams, path, queryParams: [['q', '{SCHEDULE_QUERY}']] },
    });
    expect(first(model).request.url).toBe(`https://us6.api.mailchimp.com${path}&q=%7BSCHEDULE_QUERY%7D`);
  });
});

const url = (p: string) => ({ ...mailchimp().urlParams, path: p });

describe('a run that cannot start is blocked (never sends ${x} or "undefined")', () => {
  it.each([
    [
      'undeclared placeholder',
      mailchimp({ urlParams: url('/lists/${nope}') }),
      mailchimpParams,
      '`${nope}` is used in urlParams.path but declared in no spec.properties',
      '/sourceSpec/attributes/urlParams/path',
    ],
    [
      'missing value, no default',
      mailchimp(),
      { domain: 'us6', accessToken: 't' },
      'urlParams.path needs a value for ${listId}',
      '/sourceSpec/attributes/urlParams/path',
    ],
    [
      'host not an origin',
      mailchimp(),
      { ...mailchimpParams, domain: 'evil.com/x?' },
      'not a valid URL origin',
      '/sourceSpec/attributes/urlParams/host',
    ],
    [
      'no host anywhere',
      mailchimp({ urlParams: { path: '/x', method: 'GET', queryParams: [] } }),
      mailchimpParams,
      'host',
      '/sourceSpec/attributes/urlParams',
    ],
    [
      'bad date format',
      mailchimp({ schedule: { ...standard, endFormat: 'yyyy gg' } }),
      mailchimpParams,
      '`gg`',
      '/sourceSpec/attributes/scheduleParams/scheduleEndParamFormat',
    ],
    [
      'header with CR/LF',
      mailchimp({ headerParams: [['X-Id', '${listId}']] }),
      { ...mailchimpParams, listId: 'a\r\nb' },
      'line break',
      '/sourceSpec/attributes/headerParams/X-Id',
    ],
    [
      'bad header name',
      mailchimp({ headerParams: [['Bad Name', 'x']] }),
      mailchimpParams,
      'not a valid HTTP header name',
      '/sourceSpec/attributes/headerParams/Bad Name',
    ],
    [
      'query lone surrogate',
      mailchimp({ urlParams: { ...url('/x'), queryParams: [['q', '${listId}']] } }),
      { ...mailchimpParams, listId: '\ud800' },
      '${listId}',
      '/sourceSpec/attributes/urlParams/queryParams/q',
    ],
    [
      'maximumRequest 0',
      mailchimp({ pagination: { ...paging.none, maximumRequest: 0 } }),
      mailchimpParams,
      'maximumRequest',
      '/sourceSpec/attributes/paginationParams/maximumRequest',
    ],
    [
      'window reversed',
      mailchimp(),
      mailchimpParams,
      'starts after it ends',
      '/sourceSpec/attributes/scheduleParams',
    ],
  ])('%s', (label, model, params, message, pointer) => {
    const window = label === 'window reversed' ? { start: 2, end: 1 } : undefined;
    const started = startRun(model, { params, now: NOW, window, requireInputs: true });
    expect(started).toMatchObject({ ok: false, pointer });
    if (!started.ok) expect(started.message).toContain(message);
    const run = simulate(model, { params, now: NOW, window, requireInputs: true }, [members(1)]);
    expect(run.stop.reason).toBe('blocked');
    expect(run.stop.message).toContain(message);
    expect(run.steps).toEqual([]);
    expect(run.next).toBeUndefined();
    expect(run.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', pointer }));
  });
});

describe('simulation results', () => {
  it('with no responses: samples-exhausted, zero steps, request 1 as next', () => {
    const run = simulate(mailchimp(), { params: mailchimpParams, now: NOW }, []);
    expect(run.stop.reason).toBe('samples-exhausted');
    expect(run.steps).toEqual([]);
    expect(run.next?.request.url).toBe('https://us6.api.mailchimp.com/3.0/lists/10c097ca71/members');
  });

  it('records the answering page and content items of each step', () => {
    const run = simulate(mailchimp({ pagination: paging.offset }), { params: mailchimpParams, now: NOW }, [
      members(2),
      members(1),
    ]);
    expect(run.steps.map((s) => [s.page, s.contentItems])).toEqual([
      [0, 2],
      [1, 1],
    ]);
  });

  it.each([
    [850, 3, 1700, 70.6],
    [0, 3, 0, null],
    [1000, 1, 0, 60],
    [333, 2, 333, 180.2],
  ])('delay %d ms over %d requests → %d ms, %s requests/min', (delay, n, ms, rpm) => {
    const model = mailchimp({ pagination: { ...paging.token, delayRequestMillis: delay } });
    const responses = Array.from({ length: n }, (_, i) => ({
      body: { meta: { after_cursor: i < n - 1 ? `c${i}` : null } },
    }));
    const run = simulate(model, { params: mailchimpParams, now: NOW }, responses);
    expect(run.stop.reason).toBe('no-token');
    expect(run.steps).toHaveLength(n);
    expect(run.estimatedDurationMs).toBe(ms);
    expect(run.requestsPerMinute).toBe(rpm);
  });

  it('requestsPerMinute(850) is 70.6', () => {
    expect(requestsPerMinute(850)).toBe(70.6);
    expect(requestsPerMinute(-1)).toBeNull();
  });

  it('does not mutate the model', () => {
    const model = mailchimp({ pagination: paging.offset, authSpecs: [oauth] });
    const before = JSON.stringify(model);
    simulate(model, { params: mailchimpParams, now: NOW }, [members(2), members(2)]);
    expect(JSON.stringify(model)).toBe(before);
  });
});
