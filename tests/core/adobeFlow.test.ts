import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  ADOBE,
  buildFlowChain,
  flowEnvName,
  flowScheduleFromInputs,
  flowScript,
  postmanFiles,
  type FlowChain,
} from '@core';

/** postman-collection ships no types: the little of it these tests use. */
interface PmList<T> {
  all(): T[];
}
const { Collection, VariableScope } = createRequire(import.meta.url)('postman-collection') as {
  Collection: new (json: unknown) => { items: PmList<unknown> };
  VariableScope: new (json: unknown) => { get(key: string): unknown };
};

const read = (name: string): string =>
  readFileSync(new URL(`../../public/examples/${name}.json`, import.meta.url), 'utf8');
const MAILCHIMP = read('mailchimp-members');
const ACME = read('acme-orders');
/** Acme with a password written into the spec: it must never reach an export. */
const SECRET = 'hunter2-in-the-spec';
const ACME_WITH_SECRET = (() => {
  const doc = JSON.parse(ACME) as {
    authSpec: Array<{ spec: { properties: Record<string, Record<string, unknown>> } }>;
  };
  doc.authSpec[0]!.spec.properties.password!.default = SECRET;
  return JSON.stringify(doc, null, 2);
})();

function chainOf(text: string, options = {}): FlowChain {
  const r = buildFlowChain(text, options);
  if (!r.ok) throw new Error(r.message);
  return r.chain;
}

describe('buildFlowChain', () => {
  it('orders the calls as the issue does', () => {
    const c = chainOf(MAILCHIMP);
    expect(
      c.steps.map((s) => `${s.method} ${s.service === 'conversion' ? '/conversion' : ''}${s.path}`),
    ).toEqual([
      'POST /connectionSpecs',
      'GET /flowSpecs/{{flowSpecificationId}}',
      'PUT /flowSpecs/{{flowSpecificationId}}',
      'POST /connections',
      'GET /connections/{{baseConnectionId}}/explore',
      'POST /sourceConnections',
      'POST /targetConnections',
      'POST /conversion/mappingSets',
      'POST /flows',
      'GET /runs',
    ]);
    expect(c.steps.find((s) => s.id === 'createMappingSet')?.when).toBe('mappings');
    expect(c.steps.flatMap((s) => s.captures.map((x) => x.variable))).toEqual([
      'connectionSpecId',
      'flowSpec',
      'baseConnectionId',
      'sourceConnectionId',
      'targetConnectionId',
      'mappingId',
      'flowId',
      'runStatus',
    ]);
    expect(c.slug).toBe('mailchimp-members');
    expect(c.authSpecName).toBe('OAuth2 Refresh Code');
  });

  it.each([
    [undefined, ['domain', 'authorizationTestUrl', 'accessToken'], ['domain', 'accessToken']],
    ['Basic Authentication', ['domain', 'username', 'password'], ['domain', 'username', 'password']],
  ])('auth %s: its properties become variables, required ones required', (auth, names, required) => {
    const c = chainOf(MAILCHIMP, auth ? { authSpecName: auth } : {});
    const vars = c.variables.filter((v) => v.kind === 'auth');
    expect(vars.map((v) => v.name)).toEqual(names);
    expect(vars.filter((v) => v.required).map((v) => v.name)).toEqual(required);
    expect(vars.find((v) => v.name === (auth ? 'password' : 'accessToken'))).toMatchObject({ secret: true });
    expect(c.variables.find((v) => v.name === 'authSpecName')?.value).toBe(auth ?? 'OAuth2 Refresh Code');
  });

  it('lists every variable FORMAT.md §7 names', () => {
    const names = chainOf(MAILCHIMP).variables.map((v) => v.name);
    for (const n of [
      'x-api-key',
      'x-gw-ims-org-id',
      'authorizationToken',
      'schemaId',
      'schemaVersion',
      'schemaAltId',
      'dataSetId',
      'mappings',
      'mappingId',
      'connectionSpecId',
      'flowSpecificationId',
      'targetConnectionSpecId',
      'verifyWatTimeInSecond',
      'startTime',
      'authSpecName',
      'listId',
    ])
      expect(names).toContain(n);
  });

  it('types credentials by format: password or by name, not URLs and names that merely mention a token', () => {
    const spec = {
      name: 'OAuth source',
      authSpec: [
        {
          name: 'OAuth2 Refresh Code',
          type: 'OAuth2RefreshCode',
          spec: {
            properties: {
              accessTokenUrl: { type: 'string', default: 'https://auth.example/token' },
              clientSecret: { type: 'string' },
              refreshToken: { type: 'string' },
              pin: { type: 'integer', format: 'password', default: 1234 },
              retries: { type: 'integer', default: 3 },
            },
          },
        },
      ],
      sourceSpec: { spec: { properties: { filter: { type: 'object' } } } },
    };
    const vars = chainOf(JSON.stringify(spec)).variables.filter(
      (v) => v.kind === 'auth' || v.kind === 'source',
    );
    expect(vars.map((v) => [v.name, v.env, v.type, v.secret, v.value])).toEqual([
      ['accessTokenUrl', 'AUTH_ACCESS_TOKEN_URL', 'string', false, 'https://auth.example/token'],
      ['clientSecret', 'AUTH_CLIENT_SECRET', 'string', true, ''],
      ['refreshToken', 'AUTH_REFRESH_TOKEN', 'string', true, ''],
      ['pin', 'AUTH_PIN', 'integer', true, ''],
      ['retries', 'AUTH_RETRIES', 'integer', false, '3'],
      ['filter', 'SOURCE_FILTER', 'json', false, ''],
    ]);
  });

  it.each([
    ['{not json', /not valid JSON/],
    ['[1]', /not a JSON object/],
    ['{"name":"x","authSpec":[]}', /no authSpec/],
  ])('refuses %s', (text, message) => {
    const r = buildFlowChain(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('names the auth specs when the chosen one does not exist', () => {
    const r = buildFlowChain(MAILCHIMP, { authSpecName: 'OAuth 2' });
    expect(r).toEqual({
      ok: false,
      message: 'No authSpec named "OAuth 2"; the spec has "OAuth2 Refresh Code", "Basic Authentication"',
      code: 'unknown-auth-spec',
      params: { name: '"OAuth 2"', names: '"OAuth2 Refresh Code", "Basic Authentication"' },
    });
  });

  it('sends the spec text as written, secrets blanked; a GET response is unwrapped and its server fields dropped', () => {
    const text = (t: string): string => {
      const b = chainOf(t).steps[0]!.body;
      return b?.t === 'text' ? b.text : '';
    };
    expect(text(MAILCHIMP)).toBe(MAILCHIMP);
    expect(text(ACME_WITH_SECRET)).not.toContain(SECRET);
    // What redaction leaves: the default blanked, everything else as in the example.
    const blanked = JSON.parse(ACME_WITH_SECRET.replace(JSON.stringify(SECRET), '""')) as unknown;
    expect(JSON.parse(text(ACME_WITH_SECRET))).toEqual(blanked);
    const fromAdobe = JSON.stringify({
      items: [{ id: 'abc', createdAt: 1, imsOrgId: 'o', ...JSON.parse(ACME_WITH_SECRET) }],
    });
    const body = JSON.parse(text(fromAdobe)) as Record<string, unknown>;
    expect(body).toEqual(blanked);
  });

  it.each([
    ['accessToken', 'ACCESS_TOKEN'],
    ['x-api-key', 'X_API_KEY'],
    ['listId', 'LIST_ID'],
    ['authKey1', 'AUTH_KEY1'],
    ['ünïcode', 'N_CODE'],
    ['---', 'VALUE'],
  ])('flowEnvName(%s) = %s', (name, env) => expect(flowEnvName(name)).toBe(env));

  it.each([
    [
      { start: '2026-01-01T00:00', frequency: 'hour', interval: '2' },
      { startTime: 1767225600, frequency: 'hour', interval: 2 },
    ],
    [
      { start: '', frequency: 'minute', interval: '15' },
      { frequency: 'minute', interval: 15 },
    ],
    [
      { start: '2026-01-01T00:00', frequency: 'once', interval: '3' },
      { startTime: 1767225600, frequency: 'once' },
    ],
    [{ start: 'soon', frequency: 'day', interval: 'x' }, { frequency: 'day' }],
  ] as const)('flowScheduleFromInputs(%j)', (inputs, expected) => {
    expect(flowScheduleFromInputs(inputs)).toEqual(expected);
  });
});

describe('postmanFiles', () => {
  const files = postmanFiles(MAILCHIMP, {
    schedule: { startTime: 1767225600, frequency: 'minute', interval: 30 },
  });
  if (!files.ok) throw new Error(files.message);

  it('loads with postman-collection: items in order, method, URL and the four headers', () => {
    const c = new Collection(files.collection);
    const items = c.items.all() as unknown as Array<{
      name: string;
      request: {
        method: string;
        url: { getPath(): string; getHost(): string };
        headers: { toObject(excludeDisabled?: boolean, caseSensitive?: boolean): Record<string, string> };
        body?: { raw?: string };
      };
    }>;
    expect(items.map((i) => i.name)).toEqual([
      '1. Create the connection spec',
      '2. Read the RestStorageToAEP flow spec',
      '3. Add the connection spec to the flow spec',
      '4. Create the base connection',
      '5. Explore the source (preview)',
      '6. Create the source connection',
      '7. Create the data lake target connection',
      '8. Create the mapping set',
      '9. Create the dataflow',
      '10. Poll the dataflow runs',
    ]);
    expect(items.map((i) => i.request.method)).toEqual([
      'POST',
      'GET',
      'PUT',
      'POST',
      'GET',
      'POST',
      'POST',
      'POST',
      'POST',
      'GET',
    ]);
    expect(items.map((i) => i.request.url.getPath())).toEqual([
      '/data/foundation/flowservice/connectionSpecs',
      '/data/foundation/flowservice/flowSpecs/{{flowSpecificationId}}',
      '/data/foundation/flowservice/flowSpecs/{{flowSpecificationId}}',
      '/data/foundation/flowservice/connections',
      '/data/foundation/flowservice/connections/{{baseConnectionId}}/explore',
      '/data/foundation/flowservice/sourceConnections',
      '/data/foundation/flowservice/targetConnections',
      '/data/foundation/conversion/mappingSets',
      '/data/foundation/flowservice/flows',
      '/data/foundation/flowservice/runs',
    ]);
    for (const i of items) {
      expect(i.request.url.getHost()).toBe('{{baseUrl}}');
      const h = i.request.headers.toObject(true, true);
      expect(h).toMatchObject({
        Authorization: 'Bearer {{authorizationToken}}',
        'x-api-key': '{{x-api-key}}',
        'x-gw-ims-org-id': '{{x-gw-ims-org-id}}',
        'x-sandbox-name': '{{x-sandbox-name}}',
      });
      if (i.request.method === 'GET') expect(h['Content-Type']).toBeUndefined();
      else expect(h['Content-Type']).toBe('application/json');
    }
    expect(items[0]!.request.body?.raw).toBe(MAILCHIMP);
    // A templated body is shown readably in the request's description.
    const base = (files.collection.item as Array<{ request: { description: string } }>)[3]!.request
      .description;
    expect(base).toContain('"specName": "{{authSpecName}}"');
    expect(base).toContain('"accessToken": "{{accessToken}}"');
  });

  it('has an environment with every variable, credentials typed secret and empty, baseUrl defaulting to Adobe', () => {
    const env = new VariableScope(files.environment);
    const values = files.environment.values as Array<{ key: string; value: string; type: string }>;
    const byKey = Object.fromEntries(values.map((v) => [v.key, v]));
    for (const k of ['authorizationToken', 'x-api-key', 'accessToken'])
      expect(byKey[k]).toMatchObject({ type: 'secret', value: '' });
    expect(env.get('baseUrl')).toBe(ADOBE.platformUrl);
    expect(env.get('flowSpecificationId')).toBe(ADOBE.flowSpecId);
    expect(env.get('targetConnectionSpecId')).toBe(ADOBE.dataLakeConnectionSpecId);
    expect(env.get('authSpecName')).toBe('OAuth2 Refresh Code');
    expect([env.get('startTime'), env.get('frequency'), env.get('interval')]).toEqual([
      '1767225600',
      'minute',
      '30',
    ]);
    expect(values.filter((v) => v.type === 'secret').map((v) => v.key)).toEqual([
      'authorizationToken',
      'x-api-key',
      'accessToken',
    ]);
    expect(files.collectionFileName).toBe('mailchimp-members.postman_collection.json');
    expect(files.environmentFileName).toBe('mailchimp-members.postman_environment.json');
  });

  it('writes no secret of the spec anywhere', () => {
    const f = postmanFiles(ACME_WITH_SECRET, {});
    if (!f.ok) throw new Error(f.message);
    expect(JSON.stringify(f)).not.toContain(SECRET);
    const password = (f.environment.values as Array<{ key: string; type: string; value: string }>).find(
      (v) => v.key === 'password',
    );
    expect(password).toEqual({ key: 'password', value: '', type: 'secret', enabled: true });
  });

  it('adds the id to the flow spec once, in the PUT pre-request script', () => {
    const put = (
      files.collection.item as Array<{ event: Array<{ listen: string; script: { exec: string[] } }> }>
    )[2]!;
    const pre = put.event.find((e) => e.listen === 'prerequest')!.script.exec.join('\n');
    const run = (flowSpec: object): unknown => {
      const vars: Record<string, string> = { flowSpec: JSON.stringify(flowSpec), connectionSpecId: 'new-id' };
      const pm = {
        variables: { get: (k: string) => vars[k], set: (k: string, v: string) => (vars[k] = v) },
      };
      // The script as Postman runs it: `pm` in scope, nothing else needed for this step.
      runInNewContext(pre, { pm, CryptoJS: {} });
      return JSON.parse(vars.updateFlowSpecBody!);
    };
    expect(run({ id: 'f', createdAt: 1, sourceConnectionSpecIds: ['a'] })).toEqual({
      id: 'f',
      sourceConnectionSpecIds: ['a', 'new-id'],
    });
    expect(run({ id: 'f', sourceConnectionSpecIds: ['new-id', 'a'] })).toEqual({
      id: 'f',
      sourceConnectionSpecIds: ['new-id', 'a'],
    });
    expect(run({ id: 'f' })).toEqual({ id: 'f', sourceConnectionSpecIds: ['new-id'] });
  });
});

describe('flowScript', () => {
  const s = flowScript(MAILCHIMP, {});
  if (!s.ok) throw new Error(s.message);

  it('is valid bash with strict mode, no tracing, the dependency stated and checked', () => {
    expect(spawnSync('bash', ['-n'], { input: s.script }).status).toBe(0);
    expect(s.script.startsWith('#!/usr/bin/env bash\n')).toBe(true);
    expect(s.script).toContain('\nset -euo pipefail\n');
    expect(s.script).not.toMatch(/set -[a-z]*x|set -o xtrace|bash -x/);
    expect(s.script).toContain('# Needs: bash, curl >= 7.76 (--fail-with-body) and jq >= 1.6');
    expect(s.script).toContain('for tool in curl jq; do');
    expect(s.script).toContain(`: "\${SPEC_STUDIO_BASE_URL:=${ADOBE.platformUrl}}"`);
    expect(s.fileName).toBe('mailchimp-members-flow.sh');
  });

  it('never puts a credential on a command line: curl reads a header file, jq reads the environment', () => {
    expect(s.script).toContain('-H "@$WORK/headers"');
    expect(s.script).not.toMatch(/--arg (ADOBE_|AUTH_ACCESS_TOKEN)/);
    expect(s.script).toContain('$ENV.AUTH_ACCESS_TOKEN');
    const secret = flowScript(ACME_WITH_SECRET, {});
    expect(secret.ok && secret.script).not.toContain(SECRET);
  });

  it('fails as the chain does', () => {
    expect(flowScript('{}')).toEqual({
      ok: false,
      message: 'The spec has no authSpec: a base connection needs one',
      code: 'no-auth-spec',
      params: {},
    });
  });
});
