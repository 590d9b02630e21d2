/**
 * Issue 9 item 1: no secret (a `format: password` value) reaches anything a simulation shows —
 * the requests' display copies, the next request, the stop message, the diagnostics — raw,
 * URL-encoded, form-encoded or base64 (also base64 of `user:secret`, Basic auth), wherever the
 * spec uses it: host, path, query, headers, body, ADVANCE schedule templates, relative POINTER
 * links resolved against a secret host or path, loop-detected messages, invalid-host errors.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Utf8 } from '../../src/core/run/auth';
import { simulate } from '../../src/core/run/simulate';
import { encodeQueryComponent } from '../../src/core/placeholders/encode';
import type { AuthSpecModel, Pagination, SampleResponse, SpecModel } from '../../src/core/types';
import { param } from '../fixtures/run/models';

/** A distinctive secret: a prefix no spec text holds, then characters some encodings change. */
const secret = (prefix: string) =>
  fc
    .tuple(fc.stringMatching(/^[A-Za-z0-9]{3,6}$/), fc.constantFrom('', ' ', '/', '+', '&', 'é', '=', '.'))
    .map(([a, b]) => `${prefix}${a}${b}Z9`);

/** A hostname-safe distinctive secret (so a host holding it is a valid origin). */
const hostSecret = fc.stringMatching(/^[a-z0-9]{3,6}$/).map((a) => `hsecret${a}`);

const auths = (hostIsSecret: boolean): AuthSpecModel[] => [
  {
    index: 0,
    name: 'OAuth2 Refresh Code',
    type: 'OAuth2RefreshCode',
    params: [
      param('accessToken', {
        secret: true,
        required: true,
        pointer: '/authSpec/0/spec/properties/accessToken',
      }),
    ],
  },
  {
    index: 1,
    name: 'Basic Authentication',
    type: 'BasicAuthentication',
    params: [param('username', { required: true }), param('password', { secret: true, required: true })],
  },
  {
    index: 2,
    name: 'API Key Authentication',
    type: 'KeyBased',
    params: [
      param('host', { secret: hostIsSecret }),
      param('authKey1', { secret: true, required: true, headerParamName: 'X-Auth-Key1' }),
    ],
  },
];

interface Case {
  model: SpecModel;
  params: Record<string, string>;
  authName: string;
  backfill: boolean;
  responses: SampleResponse[];
  secrets: string[];
  username: string;
}

const pagination: fc.Arbitrary<Pagination> = fc.constantFrom<Pagination>(
  { type: 'NONE', maximumRequest: 10, delayRequestMillis: 0 },
  { type: 'POINTER', maximumRequest: 10, delayRequestMillis: 0, pointerPath: '$.next' },
  {
    type: 'POINTER',
    maximumRequest: 10,
    delayRequestMillis: 0,
    pointerPath: '$.next',
    limitName: 'limit',
    limitValue: 1,
  },
  {
    type: 'CONTINUATION_TOKEN',
    maximumRequest: 10,
    delayRequestMillis: 0,
    continuationTokenPath: '$.next',
    parameterType: 'HEADERPARAM',
    parameterName: 'X-Cursor',
  },
  {
    type: 'OFFSET',
    maximumRequest: 10,
    delayRequestMillis: 0,
    limitName: 'limit',
    limitValue: 1,
    offSetName: 'o',
  },
);

const link = fc.constantFrom(
  '?page=2',
  '/next',
  'next',
  '//api.example.com/n',
  'https://other.example.com/n',
  '?page=2',
);

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    apiSecret: secret('APIsecret'),
    hostValue: hostSecret,
    accessToken: secret('TOKsecret'),
    password: secret('PWDsecret'),
    authKey1: secret('KEYsecret'),
    username: fc.constantFrom('user', 'me@example.com'),
    hostIn: fc.constantFrom('none', 'urlParams', 'auth'),
    pathIn: fc.boolean(),
    queryIn: fc.boolean(),
    headerIn: fc.boolean(),
    bodyIn: fc.boolean(),
    schedule: fc.constantFrom('none', 'incremental', 'backfill', 'path'),
    backfill: fc.boolean(),
    authName: fc.constantFrom('OAuth2 Refresh Code', 'Basic Authentication', 'API Key Authentication'),
    pagination,
    links: fc.array(link, { minLength: 0, maxLength: 3 }),
    repeat: fc.boolean(),
    drop: fc.constantFrom('', 'apiSecret', 'password', 'accessToken'),
  })
  .map((c) => {
    const userInputs = [param('apiSecret', { secret: true }), param('hostName', { secret: true })];
    const host =
      c.hostIn === 'urlParams'
        ? 'https://${hostName}.example.com'
        : c.hostIn === 'auth'
          ? undefined
          : 'https://api.example.com';
    const model: SpecModel = {
      authSpecs: auths(c.hostIn === 'auth'),
      userInputs,
      urlParams: {
        ...(host === undefined ? {} : { host }),
        path: c.pathIn
          ? '/v1/${apiSecret}/items'
          : c.schedule === 'path'
            ? '/v1/items/{SCHEDULE_QUERY}'
            : '/v1/items',
        method: c.bodyIn ? 'POST' : 'GET',
        queryParams: [
          ...(c.queryIn ? ([['key', 'k-${apiSecret}']] as Array<[string, string]>) : []),
          ...(c.schedule === 'incremental' || c.schedule === 'backfill'
            ? ([['filter', '{SCHEDULE_QUERY}']] as Array<[string, string]>)
            : []),
        ],
      },
      headerParams: c.headerIn ? [['X-Api', 'key ${apiSecret}']] : [],
      ...(c.bodyIn ? { bodyParams: { q: '${apiSecret}', nested: ['${password}'] } } : {}),
      pagination: c.pagination,
      ...(c.schedule === 'none'
        ? {}
        : {
            schedule: {
              type: 'ADVANCE' as const,
              paramFormat: 'yyyy-MM-ddTHH:mm:ssZ',
              incremental: 'updated>{START_TIME} and key=${apiSecret} and p=${password}',
              backfill: 'created<{END_TIME} and key=${apiSecret}',
            },
          }),
    };
    const params: Record<string, string> = {
      apiSecret: c.apiSecret,
      hostName: c.hostValue,
      host: `https://${c.hostValue}.example.com`,
      accessToken: c.accessToken,
      username: c.username,
      password: c.password,
      authKey1: c.authKey1,
    };
    if (c.drop !== '') delete params[c.drop];
    const bodies = c.links.length === 0 ? [{ next: '?page=2' }] : c.links.map((next) => ({ next }));
    const responses: SampleResponse[] = (c.repeat ? [...bodies, ...bodies, ...bodies] : bodies).map(
      (body) => ({
        body: { ...body, items: [{ id: 1 }] },
      }),
    );
    const secrets = [c.apiSecret, c.hostValue, c.accessToken, c.password, c.authKey1];
    return {
      model,
      params,
      authName: c.authName,
      backfill: c.backfill,
      responses,
      secrets,
      username: c.username,
    };
  });

/** Every form in which a secret must never appear in shown output. */
function forbiddenForms(secrets: string[], username: string): string[] {
  const forms = new Set<string>();
  for (const s of secrets) {
    forms.add(s);
    forms.add(encodeURIComponent(s));
    forms.add(encodeQueryComponent(s));
    forms.add(encodeURI(s));
    const b = base64Utf8(s);
    if (b) forms.add(b);
    const basic = base64Utf8(`${username}:${s}`);
    if (basic) forms.add(basic);
  }
  return [...forms];
}

describe('secrets never reach what a simulation shows (issue 9 item 1)', () => {
  it('property: no display request, next request, stop message or diagnostic holds a secret in any form', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const run = simulate(
          c.model,
          { params: c.params, authName: c.authName, backfill: c.backfill, now: Date.UTC(2026, 0, 2) },
          c.responses,
        );
        const shown = JSON.stringify({
          steps: run.steps.map((s) => s.display),
          next: run.next?.display,
          stop: run.stop,
          diagnostics: run.diagnostics,
        });
        for (const form of forbiddenForms(c.secrets, c.username)) expect(shown).not.toContain(form);
      }),
      { numRuns: 400 },
    );
  });

  it.each([
    ['ADVANCE incremental template', 'incremental', false],
    ['ADVANCE backfill template', 'backfill', true],
  ])('the %s is masked in the query, and sent in full', (_label, _which, backfill) => {
    const model: SpecModel = {
      authSpecs: [],
      userInputs: [param('apiSecret', { secret: true })],
      urlParams: {
        host: 'https://api.example.com',
        path: '/x',
        method: 'GET',
        queryParams: [['filter', '{SCHEDULE_QUERY}']],
      },
      headerParams: [],
      pagination: { type: 'NONE', maximumRequest: 1, delayRequestMillis: 0 },
      schedule: {
        type: 'ADVANCE',
        paramFormat: 'yyyy',
        incremental: 'since {START_TIME} key ${apiSecret}',
        backfill: 'until {END_TIME} key ${apiSecret}',
      },
    };
    const run = simulate(model, { params: { apiSecret: 'SeCrEt99' }, backfill, now: Date.UTC(2026, 0, 2) }, [
      { body: {} },
    ]);
    const step = run.steps[0];
    expect(step?.request.url).toContain('SeCrEt99');
    expect(step?.display.url).not.toContain('SeCrEt99');
    expect(step?.display.url).toContain('••••');
  });

  it('a relative POINTER link resolved against a secret path shows the masked path', () => {
    const model: SpecModel = {
      authSpecs: [],
      userInputs: [param('apiSecret', { secret: true })],
      urlParams: {
        host: 'https://api.example.com',
        path: '/v1/${apiSecret}/items',
        method: 'GET',
        queryParams: [],
      },
      headerParams: [],
      pagination: { type: 'POINTER', maximumRequest: 5, delayRequestMillis: 0, pointerPath: '$.next' },
    };
    const run = simulate(model, { params: { apiSecret: 'SeCrEt99' } }, [{ body: { next: '?page=2' } }]);
    expect(run.next?.request.url).toBe('https://api.example.com/v1/SeCrEt99/items?page=2');
    expect(run.next?.display.url).toBe('https://api.example.com/v1/••••/items?page=2');
  });

  it('the loop-detected message quotes the masked URL', () => {
    const model: SpecModel = {
      authSpecs: [],
      userInputs: [param('apiSecret', { secret: true })],
      urlParams: {
        host: 'https://api.example.com',
        path: '/v1/${apiSecret}',
        method: 'GET',
        queryParams: [],
      },
      headerParams: [],
      pagination: { type: 'POINTER', maximumRequest: 5, delayRequestMillis: 0, pointerPath: '$.next' },
    };
    const run = simulate(model, { params: { apiSecret: 'SeCrEt99' } }, [
      { body: { next: '?p=2' } },
      { body: { next: '?p=2' } },
    ]);
    expect(run.stop.reason).toBe('loop-detected');
    expect(run.stop.message).toContain('/v1/••••?p=2');
    expect(run.stop.message).not.toContain('SeCrEt99');
  });

  it('an invalid auth host that is secret is reported without its value', () => {
    const model: SpecModel = {
      authSpecs: [auths(true)[2] as AuthSpecModel],
      userInputs: [],
      urlParams: { path: '/x', method: 'GET', queryParams: [] },
      headerParams: [],
      pagination: { type: 'NONE', maximumRequest: 1, delayRequestMillis: 0 },
    };
    const run = simulate(model, { params: { host: 'SeCrEt99 not a host', authKey1: 'k' } }, []);
    expect(run.stop.reason).toBe('blocked');
    expect(JSON.stringify(run)).not.toContain('SeCrEt99');
  });
});
