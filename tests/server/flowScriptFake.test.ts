import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DATA_LAKE_SPEC_ID,
  DEFAULT_FLOW_SPEC_IDS,
  FAKE_ADOBE_CREDENTIALS as C,
  FLOW_SPEC_ID,
  startFakeFlowService,
  type FakeFlowService,
} from './fakeFlowService';

/** The fake Flow Service itself: the flow-script and publish tests rely on it refusing what Adobe refuses. */
const H = {
  Authorization: `Bearer ${C.accessToken}`,
  'x-api-key': C.apiKey,
  'x-gw-ims-org-id': C.orgId,
  'x-sandbox-name': C.sandbox,
};
const SPEC = {
  name: 'Fake source',
  authSpec: [{ name: 'Basic Authentication', type: 'BasicAuthentication', spec: {} }],
  sourceSpec: { attributes: {}, spec: {} },
};

let fake: FakeFlowService;
beforeEach(async () => {
  fake = await startFakeFlowService();
});
afterEach(async () => {
  await fake.close();
});

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = H,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  const res = await fetch(`${fake.baseUrl}${path}`, init);
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
const fs = (p: string): string => `/data/foundation/flowservice${p}`;

describe('fake Flow Service', () => {
  it('runs the whole chain with Adobe-shaped answers', async () => {
    const created = await call('POST', fs('/connectionSpecs'), SPEC);
    expect(created.status).toBe(200);
    const specId = created.json.id as string;
    expect(created.json).toMatchObject({ name: 'Fake source', createdBy: expect.any(String) });
    expect((await call('GET', fs(`/connectionSpecs/${specId}`))).json).toEqual({ items: [created.json] });

    const got = await call('GET', fs(`/flowSpecs/${FLOW_SPEC_ID}`));
    const flowSpec = (got.json.items as Array<Record<string, unknown>>)[0]!;
    expect(flowSpec.sourceConnectionSpecIds).toEqual(DEFAULT_FLOW_SPEC_IDS);
    const put = await call('PUT', fs(`/flowSpecs/${FLOW_SPEC_ID}`), {
      ...flowSpec,
      sourceConnectionSpecIds: [...DEFAULT_FLOW_SPEC_IDS, specId],
    });
    expect(put.status).toBe(200);
    expect(fake.state.flowSpecPuts).toBe(1);

    const base = await call('POST', fs('/connections'), {
      name: 'b',
      connectionSpec: { id: specId, version: '1.0' },
      auth: { specName: 'Basic Authentication', params: { username: 'u' } },
    });
    expect(base.json).toEqual({ id: expect.any(String), etag: expect.any(String) });
    const sp = Buffer.from(JSON.stringify({ listId: 'x' })).toString('base64');
    const explore = await call(
      'GET',
      fs(
        `/connections/${base.json.id as string}/explore?objectType=rest&object=none&fileType=json&preview=true&sourceParams=${sp}`,
      ),
    );
    expect(explore.status).toBe(200);
    expect(Array.isArray(explore.json.data)).toBe(true);
    const src = await call('POST', fs('/sourceConnections'), {
      baseConnectionId: base.json.id,
      connectionSpec: { id: specId, version: '1.0' },
      data: { format: 'json' },
      params: { listId: 'x' },
    });
    const tgt = await call('POST', fs('/targetConnections'), {
      connectionSpec: { id: DATA_LAKE_SPEC_ID, version: '1.0' },
      data: { format: 'parquet_xdm' },
      params: { dataSetId: 'ds1' },
    });
    const flow = await call('POST', fs('/flows'), {
      flowSpec: { id: FLOW_SPEC_ID, version: '1.0' },
      sourceConnectionIds: [src.json.id],
      targetConnectionIds: [tgt.json.id],
      scheduleParams: { startTime: '1625040887', frequency: 'minute', interval: 15 },
    });
    expect(flow.status).toBe(201);
    const runs = await call('GET', fs(`/runs?property=flowId==${flow.json.id as string}`));
    expect(runs.json.items).toMatchObject([
      { flowId: flow.json.id, metrics: { statusSummary: { status: 'success' } } },
    ]);
    expect(fake.requests.map((r) => r.status)).toEqual([200, 200, 200, 200, 201, 200, 201, 201, 201, 200]);
  });

  it('refuses a flow whose source spec is not in the flow spec, and a bad schedule', async () => {
    const specId = (await call('POST', fs('/connectionSpecs'), SPEC)).json.id as string;
    const base = await call('POST', fs('/connections'), {
      connectionSpec: { id: specId },
      auth: { specName: 'Basic Authentication', params: {} },
    });
    const src = await call('POST', fs('/sourceConnections'), {
      baseConnectionId: base.json.id,
      connectionSpec: { id: specId },
      params: {},
    });
    const tgt = await call('POST', fs('/targetConnections'), {
      connectionSpec: { id: DATA_LAKE_SPEC_ID },
      params: { dataSetId: 'ds' },
    });
    const flow = {
      flowSpec: { id: FLOW_SPEC_ID },
      sourceConnectionIds: [src.json.id],
      targetConnectionIds: [tgt.json.id],
      scheduleParams: { startTime: 1, frequency: 'minute', interval: 15 },
    };
    const r1 = await call('POST', fs('/flows'), flow);
    expect(r1.status).toBe(400);
    expect(r1.json).toMatchObject({ title: 'Invalid request', status: 400, report: expect.any(Object) });
    fake.state.flowSpec.sourceConnectionSpecIds = [specId];
    const r2 = await call('POST', fs('/flows'), {
      ...flow,
      scheduleParams: { startTime: 1, frequency: 'minute', interval: 5 },
    });
    expect(r2.status).toBe(400);
    expect((await call('POST', fs('/flows'), flow)).status).toBe(201);
  });

  it.each([
    ['no token', { ...H, Authorization: '' }, 401],
    ['a wrong token', { ...H, Authorization: 'Bearer nope' }, 401],
    [
      'no api key',
      { Authorization: H.Authorization, 'x-gw-ims-org-id': C.orgId, 'x-sandbox-name': C.sandbox },
      401,
    ],
    ['no org', { Authorization: H.Authorization, 'x-api-key': C.apiKey, 'x-sandbox-name': C.sandbox }, 400],
    [
      'no sandbox',
      { Authorization: H.Authorization, 'x-api-key': C.apiKey, 'x-gw-ims-org-id': C.orgId },
      400,
    ],
  ])('answers %s with %i', async (_name, headers, status) => {
    const r = await call(
      'GET',
      fs(`/flowSpecs/${FLOW_SPEC_ID}`),
      undefined,
      headers as Record<string, string>,
    );
    expect(r.status).toBe(status);
    expect(r.json.error_code ?? r.json.title).toBeTruthy();
  });

  it('needs Content-Type: application/json on a body, and runs failNext once', async () => {
    const res = await fetch(`${fake.baseUrl}${fs('/connectionSpecs')}`, {
      method: 'POST',
      headers: { ...H, 'Content-Type': 'text/plain' },
      body: JSON.stringify(SPEC),
    });
    expect(res.status).toBe(400);
    fake.failNext('/connectionSpecs', 400, { type: 't', title: 'Bad spec', status: 400, report: {} });
    const r = await call('POST', fs('/connectionSpecs'), SPEC);
    expect(r).toEqual({ status: 400, json: { type: 't', title: 'Bad spec', status: 400, report: {} } });
    expect((await call('POST', fs('/connectionSpecs'), SPEC)).status).toBe(200);
  });

  it('answers inProgress for the pending polls, then success', async () => {
    await fake.close();
    fake = await startFakeFlowService({
      pendingPolls: 2,
      connectionSpecIds: ['fixed-id'],
      flowSpecIds: ['fixed-id'],
    });
    expect((await call('POST', fs('/connectionSpecs'), SPEC)).json.id).toBe('fixed-id');
    fake.state.flows.set('f1', {});
    const statuses: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await call('GET', fs('/runs?property=flowId==f1'));
      statuses.push(
        (r.json.items as Array<{ metrics: { statusSummary: { status: string } } }>)[0]!.metrics.statusSummary
          .status,
      );
    }
    expect(statuses).toEqual(['inProgress', 'inProgress', 'success']);
  });
});
