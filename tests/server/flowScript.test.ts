/**
 * The verification flow's shell script (issue 11 §2) RUN against the fake Flow Service: every
 * request the fake received is checked (order, headers, bodies, ids passed on), and so are the
 * refusals (missing variables: nothing sent) and the secrets (never on stdout/stderr).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { flowScript, type FlowOptions } from '../../src/core/adobe/flow';
import {
  DATA_LAKE_SPEC_ID,
  DEFAULT_FLOW_SPEC_IDS,
  FAKE_ADOBE_CREDENTIALS as C,
  FLOW_SPEC_ID,
  startFakeFlowService,
  type FakeFlowService,
  type FakeFlowServiceOptions,
  type FlowRequest,
} from './fakeFlowService';

const MAILCHIMP = readFileSync(
  new URL('../../public/examples/mailchimp-members.json', import.meta.url),
  'utf8',
);
const ACME = readFileSync(new URL('../../public/examples/acme-orders.json', import.meta.url), 'utf8');
const SOURCE_SECRET = 'mc-access-SECRET-4411';
const dir = mkdtempSync(join(tmpdir(), 'k2-flow-'));

// The script needs jq (it says so and checks): so do these tests. Debian: apt-get install jq.
beforeAll(() => {
  const jq = spawnSync('jq', ['--version'], { encoding: 'utf8' });
  if (jq.status !== 0) throw new Error('these tests run flow.sh, which needs jq: apt-get install jq');
});

let fake: FakeFlowService | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  requests: FlowRequest[];
}

/** Writes the script for `spec`, starts a fake and runs `bash flow.sh` with `env` (plus PATH/HOME only). */
async function runScript(
  spec: string,
  env: Record<string, string>,
  opts: { fake?: FakeFlowServiceOptions; flow?: FlowOptions; onStart?: (f: FakeFlowService) => void } = {},
): Promise<Run> {
  const built = flowScript(spec, opts.flow);
  if (!built.ok) throw new Error(built.message);
  const file = join(dir, `${Math.random().toString(36).slice(2)}.sh`);
  writeFileSync(file, built.script);
  fake = await startFakeFlowService(opts.fake);
  const f = fake;
  opts.onStart?.(f);
  const child = spawn('bash', [file], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, SPEC_STUDIO_BASE_URL: f.baseUrl, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((r) => child.on('close', r));
  return { code, stdout, stderr, requests: f.requests };
}

const ADOBE_ENV = {
  ADOBE_ACCESS_TOKEN: C.accessToken,
  ADOBE_API_KEY: C.apiKey,
  ADOBE_ORG_ID: C.orgId,
  ADOBE_SANDBOX: C.sandbox,
  DATASET_ID: 'dataset-5f1e',
  POLL_SECONDS: '0',
};
const MAILCHIMP_ENV = {
  ...ADOBE_ENV,
  AUTH_DOMAIN: 'us6',
  AUTH_ACCESS_TOKEN: SOURCE_SECRET,
  SOURCE_LIST_ID: '10c097ca71',
};
const json = (r: FlowRequest | undefined): Record<string, unknown> => r?.json as Record<string, unknown>;
const call = (r: FlowRequest): string => `${r.method} ${r.path.replace('/data/foundation/flowservice', '')}`;

function expectNoSecret(run: Run): void {
  for (const secret of [C.accessToken, C.apiKey, SOURCE_SECRET]) {
    expect(run.stdout).not.toContain(secret);
    expect(run.stderr).not.toContain(secret);
  }
}

describe('flow.sh against the fake Flow Service', () => {
  it('runs the whole chain in order, passing each id on, with the four headers on every call', async () => {
    const run = await runScript(MAILCHIMP, MAILCHIMP_ENV, { fake: { pendingPolls: 2 } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rs = run.requests;
    expect(rs.map(call)).toEqual([
      'POST /connectionSpecs',
      `GET /flowSpecs/${FLOW_SPEC_ID}`,
      `PUT /flowSpecs/${FLOW_SPEC_ID}`,
      'POST /connections',
      expect.stringMatching(/^GET \/connections\/[0-9a-f-]{36}\/explore$/),
      'POST /sourceConnections',
      'POST /targetConnections',
      'POST /flows',
      'GET /runs',
      'GET /runs',
      'GET /runs',
    ]);
    expect(rs.every((r) => r.status >= 200 && r.status < 300)).toBe(true);
    for (const r of rs) {
      expect(r.headers.authorization).toBe(`Bearer ${C.accessToken}`);
      expect(r.headers['x-api-key']).toBe(C.apiKey);
      expect(r.headers['x-gw-ims-org-id']).toBe(C.orgId);
      expect(r.headers['x-sandbox-name']).toBe(C.sandbox);
      if (r.method === 'GET') expect(r.body).toBe('');
      else expect(r.headers['content-type']).toBe('application/json');
    }
    // 1: the spec as exported.
    expect(json(rs[0])).toEqual(JSON.parse(MAILCHIMP));
    const specId = [...fake!.state.connectionSpecs.keys()][0]!;
    // 3: the flow spec as read, the new id appended once, server fields dropped.
    const put = json(rs[2]);
    expect(put.sourceConnectionSpecIds).toEqual([...DEFAULT_FLOW_SPEC_IDS, specId]);
    expect(put).toMatchObject({
      id: FLOW_SPEC_ID,
      name: 'RestStorageToAEP',
      targetConnectionSpecIds: [DATA_LAKE_SPEC_ID],
    });
    expect(put).not.toHaveProperty('createdAt');
    expect(put).not.toHaveProperty('updatedBy');
    // 4: base connection with the first auth spec and its params.
    expect(json(rs[3])).toMatchObject({
      connectionSpec: { id: specId, version: '1.0' },
      auth: { specName: 'OAuth2 Refresh Code', params: { domain: 'us6', accessToken: SOURCE_SECRET } },
    });
    expect((json(rs[3]).auth as { params: object }).params).not.toHaveProperty('authorizationTestUrl');
    const baseId = [...fake!.state.connections.keys()][0]!;
    // 5: explore on that connection, sourceParams = base64 JSON of the source params.
    expect(rs[4]!.path).toBe(`/data/foundation/flowservice/connections/${baseId}/explore`);
    expect(rs[4]!.query).toMatchObject({ objectType: 'rest', fileType: 'json', preview: 'true' });
    expect(JSON.parse(Buffer.from(rs[4]!.query.sourceParams!, 'base64').toString('utf8'))).toEqual({
      listId: '10c097ca71',
    });
    // 6, 7: source and target connections.
    expect(json(rs[5])).toMatchObject({
      baseConnectionId: baseId,
      connectionSpec: { id: specId },
      data: { format: 'json' },
      params: { listId: '10c097ca71' },
    });
    expect(json(rs[6])).toMatchObject({
      connectionSpec: { id: DATA_LAKE_SPEC_ID },
      params: { dataSetId: 'dataset-5f1e' },
    });
    expect(json(rs[6]).data).toEqual({ format: 'parquet_xdm' });
    // 8: the flow joins both, default schedule hour/1 starting now.
    const [srcId] = [...fake!.state.sourceConnections.keys()];
    const [tgtId] = [...fake!.state.targetConnections.keys()];
    const flow = json(rs[7]);
    expect(flow).toMatchObject({
      flowSpec: { id: FLOW_SPEC_ID, version: '1.0' },
      sourceConnectionIds: [srcId],
      targetConnectionIds: [tgtId],
      scheduleParams: { frequency: 'hour', interval: 1 },
    });
    expect(flow).not.toHaveProperty('transformations');
    const start = (flow.scheduleParams as { startTime: number }).startTime;
    expect(Math.abs(start - Date.now() / 1000)).toBeLessThan(60);
    // 9: runs polled for that flow until success.
    const [flowId] = [...fake!.state.flows.keys()];
    expect(rs.slice(8).map((r) => r.query.property)).toEqual(Array(3).fill(`flowId==${flowId}`));
    expect(run.stdout).toContain(`The dataflow run succeeded: flow ${flowId}`);
    expectNoSecret(run);
  });

  it('holds the id once in the flow spec PUT when it was already there', async () => {
    const ids = [...DEFAULT_FLOW_SPEC_IDS.slice(0, 2), 'spec-already-there', DEFAULT_FLOW_SPEC_IDS[2]!];
    const run = await runScript(MAILCHIMP, MAILCHIMP_ENV, {
      fake: { connectionSpecIds: ['spec-already-there'], flowSpecIds: ids },
    });
    expect(run.code).toBe(0);
    const put = run.requests.find((r) => r.method === 'PUT')!;
    expect(json(put).sourceConnectionSpecIds).toEqual(ids);
  });

  it.each([
    [['ADOBE_ACCESS_TOKEN'], 'ADOBE_ACCESS_TOKEN'],
    [['ADOBE_API_KEY', 'ADOBE_SANDBOX'], 'ADOBE_API_KEY ADOBE_SANDBOX'],
    [['AUTH_ACCESS_TOKEN', 'DATASET_ID'], 'AUTH_ACCESS_TOKEN DATASET_ID'],
  ])('refuses to start without %j, naming them, before any request', async (drop, named) => {
    const env: Record<string, string> = { ...MAILCHIMP_ENV };
    for (const d of drop) env[d] = '';
    const run = await runScript(MAILCHIMP, env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`missing environment variables: ${named} `);
    expect(run.stdout).toBe('');
    expect(run.requests).toEqual([]);
    expectNoSecret(run);
  });

  it('stops at a 401 with the platform message, never printing a secret', async () => {
    const run = await runScript(MAILCHIMP, MAILCHIMP_ENV, {
      onStart: (f) =>
        f.failNext('/connections', 401, { error_code: '401013', message: 'Oauth token is not valid' }),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'step 4 (Create the base connection) failed: POST /data/foundation/flowservice/connections answered 401',
    );
    expect(run.stderr).toContain('Oauth token is not valid');
    expect(run.requests.map((r) => r.method)).toEqual(['POST', 'GET', 'PUT', 'POST']);
    expectNoSecret(run);
  });

  it('refuses to start without jq, saying so, before any request', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'k2-nojq-'));
    const curl = spawnSync('sh', ['-c', 'command -v curl'], { encoding: 'utf8' }).stdout.trim();
    symlinkSync(curl, join(bin, 'curl'));
    const bash = spawnSync('sh', ['-c', 'command -v bash'], { encoding: 'utf8' }).stdout.trim();
    const built = flowScript(MAILCHIMP);
    if (!built.ok) throw new Error(built.message);
    const file = join(dir, 'nojq.sh');
    writeFileSync(file, built.script);
    fake = await startFakeFlowService();
    const r = spawnSync(bash, [file], {
      encoding: 'utf8',
      env: { PATH: bin, SPEC_STUDIO_BASE_URL: fake.baseUrl, ...MAILCHIMP_ENV },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'flow.sh: jq is needed (Debian/Ubuntu: apt-get install jq; macOS: brew install jq)\n',
    );
    expect(fake.requests).toEqual([]);
  });

  it('says which step found no server, and stops there', async () => {
    const closed = await startFakeFlowService();
    const url = closed.baseUrl;
    await closed.close();
    const run = await runScript(MAILCHIMP, { ...MAILCHIMP_ENV, SPEC_STUDIO_BASE_URL: url });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `flow.sh: step 1 (Create the connection spec) failed: POST /data/foundation/flowservice/connectionSpecs answered nothing (no answer from ${url})`,
    );
    expect(run.requests).toEqual([]);
    expectNoSecret(run);
  });

  it('masks a credential that an error answer echoes back', async () => {
    const run = await runScript(MAILCHIMP, MAILCHIMP_ENV, {
      onStart: (f) =>
        f.failNext('/connections', 400, {
          title: 'Invalid auth params',
          status: 400,
          report: { detailed: `accessToken ${SOURCE_SECRET} was refused for key ${C.apiKey}` },
        }),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('"detailed":"accessToken •••• was refused for key ••••"');
    expectNoSecret(run);
  });

  it('creates the mapping set when MAPPINGS is set and passes its id to the flow', async () => {
    const mappings = [{ sourceType: 'ATTRIBUTE', source: 'email', destination: 'personalEmail.address' }];
    const run = await runScript(MAILCHIMP, {
      ...MAILCHIMP_ENV,
      MAPPINGS: JSON.stringify(mappings),
      SCHEMA_ID: 'https://ns.adobe.com/tenant/schemas/abc',
    });
    expect(run.code).toBe(0);
    const mapping = run.requests.find((r) => r.path === '/data/foundation/conversion/mappingSets')!;
    expect(json(mapping)).toEqual({
      version: 0,
      xdmSchema: 'https://ns.adobe.com/tenant/schemas/abc',
      xdmVersion: '1.0',
      id: null,
      mappings,
    });
    const [mappingId] = [...fake!.state.mappingSets.keys()];
    const flow = json(run.requests.find((r) => r.path.endsWith('/flows')));
    expect(flow.transformations).toEqual([{ name: 'Mapping', params: { mappingId, mappingVersion: '0' } }]);
    expect(json(run.requests.find((r) => r.path.endsWith('/targetConnections'))).data).toEqual({
      format: 'parquet_xdm',
      schema: {
        id: 'https://ns.adobe.com/tenant/schemas/abc',
        version: 'application/vnd.adobe.xed-full+json;version=1',
      },
    });
  });

  it('MAPPINGS without SCHEMA_ID is refused before any request', async () => {
    const run = await runScript(MAILCHIMP, { ...MAILCHIMP_ENV, MAPPINGS: '[]' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing environment variables: SCHEMA_ID');
    expect(run.requests).toEqual([]);
  });

  it('uses the chosen auth spec, the schedule option, and sends odd values exactly', async () => {
    const odd = `a "quoted" \\ value $(touch /tmp/k2-pwned) \`x\` 'y' é`;
    const run = await runScript(
      MAILCHIMP,
      {
        ...ADOBE_ENV,
        AUTH_DOMAIN: 'us6',
        AUTH_USERNAME: 'ann',
        AUTH_PASSWORD: SOURCE_SECRET,
        SOURCE_LIST_ID: odd,
      },
      {
        flow: {
          authSpecName: 'Basic Authentication',
          schedule: { startTime: 1767225600, frequency: 'once' },
        },
      },
    );
    expect(run.code).toBe(0);
    const rs = run.requests;
    expect(json(rs[3]).auth).toEqual({
      specName: 'Basic Authentication',
      params: { domain: 'us6', username: 'ann', password: SOURCE_SECRET },
    });
    expect(json(rs[5]).params).toEqual({ listId: odd });
    expect(JSON.parse(Buffer.from(rs[4]!.query.sourceParams!, 'base64').toString('utf8'))).toEqual({
      listId: odd,
    });
    expect(json(rs[7]).scheduleParams).toEqual({ startTime: 1767225600, frequency: 'once' });
    expectNoSecret(run);
  });

  it('gives up after MAX_POLLS polls of a run that does not finish', async () => {
    const run = await runScript(
      MAILCHIMP,
      { ...MAILCHIMP_ENV, MAX_POLLS: '2' },
      { fake: { pendingPolls: 5 } },
    );
    expect(run.code).toBe(1);
    expect(run.requests.filter((r) => r.path.endsWith('/runs'))).toHaveLength(2);
    expect(run.stderr).toContain('no finished run after 2 polls');
  });

  it('runs the Acme spec (Basic auth, required source input) the same way', async () => {
    const run = await runScript(ACME, {
      ...ADOBE_ENV,
      AUTH_HOST: 'api.acme.test',
      AUTH_USERNAME: 'u',
      AUTH_PASSWORD: SOURCE_SECRET,
      SOURCE_STORE_ID: 'store-9',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(json(run.requests[5]).params).toEqual({ storeId: 'store-9' });
    expectNoSecret(run);
  });
});
