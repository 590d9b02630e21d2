/**
 * The Postman collection of the verification flow, RUN against the fake Flow Service by a small
 * collection runner: each item's pre-request script, `{{variable}}` substitution, the request, then
 * its test script, in the collection's order (following `postman.setNextRequest`). The `pm` object is
 * the subset the generated scripts use (variables, environment, response, test, expect, info), with
 * chai's `expect` as Postman has it; CryptoJS is reduced to the two calls the scripts make. Newman is
 * not a dependency; this checks the scripts' logic and the requests they produce.
 */
import { runInNewContext } from 'node:vm';
import { readFileSync } from 'node:fs';
import { afterEach, chai, describe, expect, it } from 'vitest';
import { postmanFiles, type FlowOptions } from '../../src/core/adobe/flow';
import {
  DEFAULT_FLOW_SPEC_IDS,
  FAKE_ADOBE_CREDENTIALS as C,
  FLOW_SPEC_ID,
  startFakeFlowService,
  type FakeFlowService,
  type FakeFlowServiceOptions,
} from './fakeFlowService';

const MAILCHIMP = readFileSync(
  new URL('../../public/examples/mailchimp-members.json', import.meta.url),
  'utf8',
);

interface Item {
  name: string;
  event: Array<{ listen: string; script: { exec: string[] } }>;
  request: {
    method: string;
    header: Array<{ key: string; value: string }>;
    url: { raw: string };
    body?: { raw: string };
  };
}
interface TestResult {
  item: string;
  name: string;
  error?: string;
}

const CRYPTO_JS = {
  enc: {
    Utf8: { parse: (s: string) => s },
    Base64: { stringify: (s: string) => Buffer.from(s, 'utf8').toString('base64') },
  },
};

/** Runs the collection as Postman's runner would; returns every pm.test result and the environment. */
async function runCollection(
  collection: Record<string, unknown>,
  environment: Record<string, unknown>,
  values: Record<string, string>,
): Promise<{ tests: TestResult[]; env: Map<string, string>; sent: string[] }> {
  const env = new Map(
    (environment.values as Array<{ key: string; value: string }>).map(
      (v) => [v.key, v.value] as [string, string],
    ),
  );
  for (const [k, v] of Object.entries(values)) env.set(k, v);
  const collectionVars = new Map(
    (collection.variable as Array<{ key: string; value: string }>).map(
      (v) => [v.key, v.value] as [string, string],
    ),
  );
  const items = collection.item as Item[];
  const tests: TestResult[] = [];
  const sent: string[] = [];
  let index = 0;
  for (let guard = 0; index < items.length && guard < 40; guard++) {
    const item = items[index]!;
    const locals = new Map<string, string>();
    const get = (k: string): string | undefined => locals.get(k) ?? env.get(k) ?? collectionVars.get(k);
    const sub = (s: string): string => s.replace(/\{\{([^{}]+)\}\}/g, (m, k: string) => get(k) ?? m);
    let next: string | null | undefined;
    let response: { code: number; text: string } = { code: 0, text: '' };
    const pm = {
      info: { requestName: item.name },
      variables: { get, set: (k: string, v: unknown) => locals.set(k, String(v)) },
      environment: {
        get: (k: string) => env.get(k),
        set: (k: string, v: unknown) => env.set(k, String(v)),
        unset: (k: string) => env.delete(k),
      },
      test: (name: string, fn: () => void) => {
        try {
          fn();
          tests.push({ item: item.name, name });
        } catch (e) {
          tests.push({ item: item.name, name, error: (e as Error).message });
        }
      },
      expect: chai.expect,
      response: {
        get code() {
          return response.code;
        },
        json: () => JSON.parse(response.text) as unknown,
        to: {
          be: {
            get success() {
              chai.expect(response.code, `status of ${item.name}`).to.be.within(200, 299);
              return true;
            },
          },
        },
      },
    };
    const postman = { setNextRequest: (name: string | null) => (next = name) };
    const context = { pm, postman, CryptoJS: CRYPTO_JS, setTimeout: () => 0 };
    const script = (listen: string): string | undefined =>
      item.event.find((e) => e.listen === listen)?.script.exec.join('\n');
    const pre = script('prerequest');
    if (pre) runInNewContext(pre, context);
    const url = sub(item.request.url.raw);
    const headers = Object.fromEntries(item.request.header.map((h) => [h.key, sub(h.value)]));
    const res = await fetch(url, {
      method: item.request.method,
      headers,
      ...(item.request.body ? { body: sub(item.request.body.raw) } : {}),
    });
    response = { code: res.status, text: await res.text() };
    sent.push(item.name);
    const test = script('test');
    if (test) runInNewContext(test, context);
    if (next === null) break;
    index = next === undefined ? index + 1 : items.findIndex((i) => i.name === next);
  }
  return { tests, env, sent };
}

let fake: FakeFlowService | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const INPUTS = {
  authorizationToken: C.accessToken,
  'x-api-key': C.apiKey,
  'x-gw-ims-org-id': C.orgId,
  'x-sandbox-name': C.sandbox,
  domain: 'us6',
  accessToken: 'mc-SECRET',
  listId: 'list "quoted" \\ é',
  dataSetId: 'ds-7',
  verifyWatTimeInSecond: '0',
};

async function run(
  values: Record<string, string>,
  fakeOptions: FakeFlowServiceOptions = {},
  options: FlowOptions = {},
) {
  const files = postmanFiles(MAILCHIMP, options);
  if (!files.ok) throw new Error(files.message);
  fake = await startFakeFlowService(fakeOptions);
  const out = await runCollection(files.collection, files.environment, { ...values, baseUrl: fake.baseUrl });
  return { ...out, requests: fake.requests, state: fake.state };
}

describe('the Postman collection against the fake Flow Service', () => {
  it('runs every item in order, every test passing, ids passed on by the test scripts', async () => {
    const r = await run(INPUTS, { pendingPolls: 1 });
    expect(r.tests.filter((t) => t.error)).toEqual([]);
    expect(r.sent).toEqual([
      '1. Create the connection spec',
      '2. Read the RestStorageToAEP flow spec',
      '3. Add the connection spec to the flow spec',
      '4. Create the base connection',
      '5. Explore the source (preview)',
      '6. Create the source connection',
      '7. Create the data lake target connection',
      '9. Create the dataflow',
      '10. Poll the dataflow runs',
      '10. Poll the dataflow runs',
    ]);
    const specId = [...r.state.connectionSpecs.keys()][0]!;
    const [baseId] = [...r.state.connections.keys()];
    const [flowId] = [...r.state.flows.keys()];
    expect(r.env.get('connectionSpecId')).toBe(specId);
    expect(r.env.get('baseConnectionId')).toBe(baseId);
    expect(r.env.get('flowId')).toBe(flowId);
    expect(r.env.get('runStatus')).toBe('success');
    const rs = r.requests;
    for (const q of rs) {
      expect(q.headers.authorization).toBe(`Bearer ${C.accessToken}`);
      expect([q.headers['x-api-key'], q.headers['x-gw-ims-org-id'], q.headers['x-sandbox-name']]).toEqual([
        C.apiKey,
        C.orgId,
        C.sandbox,
      ]);
    }
    expect(rs[0]!.body).toBe(MAILCHIMP);
    expect((rs[2]!.json as { sourceConnectionSpecIds: string[] }).sourceConnectionSpecIds).toEqual([
      ...DEFAULT_FLOW_SPEC_IDS,
      specId,
    ]);
    expect(rs[2]!.path).toBe(`/data/foundation/flowservice/flowSpecs/${FLOW_SPEC_ID}`);
    expect((rs[3]!.json as { auth: unknown }).auth).toEqual({
      specName: 'OAuth2 Refresh Code',
      params: { domain: 'us6', accessToken: 'mc-SECRET' },
    });
    expect(JSON.parse(Buffer.from(rs[4]!.query.sourceParams!, 'base64').toString('utf8'))).toEqual({
      listId: INPUTS.listId,
    });
    expect((rs[5]!.json as { params: unknown }).params).toEqual({ listId: INPUTS.listId });
    const flow = rs[7]!.json as {
      scheduleParams: { startTime: number; frequency: string; interval: number };
    };
    expect(flow.scheduleParams).toMatchObject({ frequency: 'hour', interval: 1 });
    expect(Math.abs(flow.scheduleParams.startTime - Date.now() / 1000)).toBeLessThan(60);
  });

  it('keeps the id once when the flow spec already lists it', async () => {
    const ids = ['spec-in-list', ...DEFAULT_FLOW_SPEC_IDS];
    const r = await run(INPUTS, { connectionSpecIds: ['spec-in-list'], flowSpecIds: ids });
    expect(r.tests.filter((t) => t.error)).toEqual([]);
    const put = r.requests.find((q) => q.method === 'PUT')!;
    expect((put.json as { sourceConnectionSpecIds: string[] }).sourceConnectionSpecIds).toEqual(ids);
  });

  it('creates the mapping set when mappings is set, and uses the schedule option', async () => {
    const mappings = [{ sourceType: 'ATTRIBUTE', source: 'id', destination: '_id' }];
    const r = await run(
      { ...INPUTS, mappings: JSON.stringify(mappings), schemaId: 'https://ns.adobe.com/t/schemas/s1' },
      {},
      { schedule: { startTime: 1767225600, frequency: 'once' } },
    );
    expect(r.tests.filter((t) => t.error)).toEqual([]);
    expect(r.sent).toContain('8. Create the mapping set');
    const mapping = r.requests.find((q) => q.path.endsWith('/mappingSets'))!;
    expect(mapping.json).toEqual({
      version: 0,
      xdmSchema: 'https://ns.adobe.com/t/schemas/s1',
      xdmVersion: '1.0',
      id: null,
      mappings,
    });
    const [mappingId] = [...r.state.mappingSets.keys()];
    const flow = r.requests.find((q) => q.path.endsWith('/flows'))!.json as Record<string, unknown>;
    expect(flow.transformations).toEqual([{ name: 'Mapping', params: { mappingId, mappingVersion: '0' } }]);
    expect(flow.scheduleParams).toEqual({ startTime: 1767225600, frequency: 'once' });
  });

  it('fails the tests, and stops polling, when the run does not finish within maxPolls', async () => {
    const r = await run({ ...INPUTS, maxPolls: '3' }, { pendingPolls: 10 });
    expect(r.sent.filter((n) => n.startsWith('10.'))).toHaveLength(3);
    expect(r.tests.filter((t) => t.error).map((t) => t.name)).toEqual([
      'the dataflow run finished within maxPolls',
    ]);
  });

  it('shows a 401 as a failed test of that item', async () => {
    const files = postmanFiles(MAILCHIMP);
    if (!files.ok) throw new Error(files.message);
    fake = await startFakeFlowService();
    const out = await runCollection(files.collection, files.environment, {
      ...INPUTS,
      authorizationToken: 'expired',
      baseUrl: fake.baseUrl,
    });
    expect(out.tests.filter((t) => t.error).map((t) => t.item)).toEqual(['1. Create the connection spec']);
    expect(out.sent).toEqual(['1. Create the connection spec']);
    expect(fake.requests.map((q) => q.status)).toEqual([401]);
    expect(out.env.get('connectionSpecId')).toBe('');
  });
});
