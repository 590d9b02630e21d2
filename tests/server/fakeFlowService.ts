/**
 * A fake Adobe Flow Service for the verification-flow and publish tests (issue 11): plain node:http
 * on 127.0.0.1, port 0. It implements, with the response shapes of Adobe's docs (FORMAT.md §7):
 *
 * Under `/data/foundation/flowservice`:
 * - `POST /connectionSpecs`                the spec → 200 the spec with `id` + audit fields.
 * - `GET /connectionSpecs`                 `{"items":[…every spec…]}`.
 * - `GET /connectionSpecs/{id}`            `{"items":[spec]}`; unknown id → 404.
 * - `PUT /connectionSpecs/{id}`            the complete spec (needs `name`, `authSpec`, `sourceSpec`)
 *                                          → 200 the updated spec; unknown id → 404.
 * - `GET /flowSpecs/6499120c-…`            `{"items":[flowSpec]}` (RestStorageToAEP, a realistic
 *                                          `sourceConnectionSpecIds` list, or `options.flowSpecIds`).
 * - `PUT /flowSpecs/6499120c-…`            the complete flow spec: `name`, `sourceConnectionSpecIds`
 *                                          (strings, each already listed or a known connection spec)
 *                                          → 200 the updated flow spec (duplicates are kept as sent,
 *                                          so tests can see them).
 * - `POST /connections`                    `connectionSpec.id` known, `auth.specName` one of its
 *                                          authSpec names, `auth.params` an object → `{id, etag}`.
 * - `GET /connections/{id}/explore`        `objectType`, `fileType=json`, `sourceParams` base64 of a
 *                                          JSON object (else 400) → `{"data":[…]}`.
 * - `POST /sourceConnections`              `baseConnectionId` known, `connectionSpec.id` known,
 *                                          `params` an object → `{id, etag}`.
 * - `POST /targetConnections`              `connectionSpec.id` = data lake, `params.dataSetId` → `{id, etag}`.
 * - `POST /flows`                          `flowSpec.id` = 6499120c-…, known source/target connection
 *                                          ids, the source's spec listed in the flow spec's
 *                                          `sourceConnectionSpecIds`, `scheduleParams` per FORMAT.md
 *                                          §6.2 (numeric strings accepted, as Adobe's examples send)
 *                                          → `{id, etag}`; the flow gets one run.
 * - `GET /runs?property=flowId==<id>`      `{"items":[run]}`; the run's `metrics.statusSummary.status`
 *                                          is `inProgress` for the first `options.pendingPolls` polls
 *                                          (default 0), then `success`.
 * Under `/data/foundation/conversion`:
 * - `POST /mappingSets`                    `mappings` array → `{id, version, createdDate, …}`.
 *
 * Every call needs `Authorization: Bearer <token>` and `x-api-key` equal to `options.credentials`
 * (default `FAKE_ADOBE_CREDENTIALS`; else 401 `{"error_code":"401013","message":…}` like Adobe's
 * gateway), `x-gw-ims-org-id` and `x-sandbox-name` (else 400 with a Flow Service error body
 * `{"type","title","status","report"}`), and a body call `Content-Type: application/json` with a
 * JSON body (else 400). `failNext(path, status, body?)` scripts one failure for the next request
 * whose path (below the service prefix, e.g. `/connectionSpecs`, or the full path) matches.
 * Every request is recorded in `requests`, the rejected ones too.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const FLOW_SPEC_ID = '6499120c-0b15-42dc-936e-847ea3c24d72';
export const DATA_LAKE_SPEC_ID = 'c604ff05-7f1a-43c0-8e18-33bf874cb11c';
const FLOW_PREFIX = '/data/foundation/flowservice';
const CONVERSION_PREFIX = '/data/foundation/conversion';

/** Credentials the fake accepts by default (test values, not secrets). */
export const FAKE_ADOBE_CREDENTIALS = {
  accessToken: 'fake-ims-token-7f3a',
  apiKey: 'fake-api-key-91c2',
  orgId: 'FAKEORG123@AdobeOrg',
  sandbox: 'fake-sandbox',
} as const;

/** The ids in the fake flow spec's `sourceConnectionSpecIds` by default (Adobe's own example list). */
export const DEFAULT_FLOW_SPEC_IDS = [
  '4e98f16f-87d6-4ef0-bdc6-7a2b0fe76e62',
  '2e8580db-6489-4726-96de-e33f5f60295f',
  'c8ce8c8c-37fb-4162-9fbf-c2f181e04a7a',
];

type Json = Record<string, unknown>;

/** One request the fake received. */
export interface FlowRequest {
  method: string;
  /** The URL path without the query, e.g. `/data/foundation/flowservice/connectionSpecs`. */
  path: string;
  /** Decoded query parameters (last value wins). */
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** The body as received (`''` when none). */
  body: string;
  /** The body parsed as JSON, or `undefined` when empty or not JSON. */
  json: unknown;
  /** The status the fake answered. */
  status: number;
}

export interface FlowState {
  /** Created or updated connection specs by id. */
  connectionSpecs: Map<string, Json>;
  /** The RestStorageToAEP flow spec as it is now. */
  flowSpec: Json;
  /** How many times the flow spec was PUT. */
  flowSpecPuts: number;
  connections: Map<string, Json>;
  sourceConnections: Map<string, Json>;
  targetConnections: Map<string, Json>;
  mappingSets: Map<string, Json>;
  flows: Map<string, Json>;
  /** Polls answered so far, by flow id. */
  runPolls: Map<string, number>;
}

export interface FakeFlowServiceOptions {
  /** `sourceConnectionSpecIds` of the flow spec at start (default `DEFAULT_FLOW_SPEC_IDS`). */
  flowSpecIds?: string[];
  /** Ids `POST /connectionSpecs` hands out, in order (then random UUIDs). */
  connectionSpecIds?: string[];
  /** Polls of a flow's runs answered `inProgress` before `success` (default 0). */
  pendingPolls?: number;
  /** The credentials accepted (default `FAKE_ADOBE_CREDENTIALS`). */
  credentials?: { accessToken: string; apiKey: string; orgId?: string; sandbox?: string };
}

export interface FakeFlowService {
  /** `http://127.0.0.1:PORT` (no trailing `/`): the base URL the chain is pointed at. */
  baseUrl: string;
  requests: FlowRequest[];
  state: FlowState;
  /** The next request whose path matches answers `status` with `body` (default an Adobe error body). */
  failNext(path: string, status: number, body?: unknown): void;
  close(): Promise<void>;
}

/** The RestStorageToAEP flow spec as Adobe's GET answers it, with `ids` as its source specs. */
export function restStorageFlowSpec(ids: string[]): Json {
  return {
    id: FLOW_SPEC_ID,
    createdAt: 1633080822911,
    updatedAt: 1633080822911,
    createdBy: '{CREATED_BY}',
    updatedBy: '{UPDATED_BY}',
    name: 'RestStorageToAEP',
    providerId: '0ed90a81-07f4-4586-8190-b40eccef1c5a',
    version: '1.0',
    sourceConnectionSpecIds: [...ids],
    targetConnectionSpecIds: [DATA_LAKE_SPEC_ID],
    optionSpec: {
      name: 'OptionSpec',
      spec: { type: 'object', properties: { errorDiagnosticsEnabled: { type: 'boolean', default: false } } },
    },
    transformationSpecs: [
      {
        name: 'Mapping',
        spec: {
          type: 'object',
          properties: { mappingId: { type: 'string' }, mappingVersion: { type: 'string' } },
        },
      },
    ],
    scheduleSpec: {
      name: 'PeriodicSchedule',
      type: 'Periodic',
      spec: {
        type: 'object',
        properties: {
          startTime: { type: 'integer' },
          frequency: { type: 'string', enum: ['once', 'minute', 'hour', 'day', 'week'] },
          interval: { type: 'integer' },
          backfill: { type: 'boolean', default: true },
        },
        required: ['startTime', 'frequency'],
      },
    },
    attributes: { notification: { category: 'sources', flowRun: { enabled: true } } },
  };
}

/** A Flow Service error body (`{"type","title","status","report"}`), as the service answers a bad call. */
export function flowError(status: number, code: string, title: string, detail: string): Json {
  return {
    type: `https://ns.adobe.com/aep/errors/FLOW-${code}-${status}`,
    title,
    status,
    report: { detailed: detail, additionalContext: null },
  };
}

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const audit = (): Json => ({
  createdAt: Date.now(),
  updatedAt: Date.now(),
  createdBy: 'fake@AdobeID',
  updatedBy: 'fake@AdobeID',
  createdClient: 'fake-client',
  updatedClient: 'fake-client',
  sandboxName: 'fake-sandbox',
  imsOrgId: FAKE_ADOBE_CREDENTIALS.orgId,
});
const etag = (): string => `"${randomUUID().slice(0, 8)}-0000-0200-0000-000000000000"`;
const intLike = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isInteger(v)
    ? v
    : typeof v === 'string' && /^\d+$/.test(v)
      ? Number(v)
      : undefined;

/** Why `scheduleParams` breaks the flow spec's scheduleSpec (FORMAT.md §6.2), or undefined. */
function scheduleProblem(s: unknown): string | undefined {
  if (!isObj(s)) return 'scheduleParams is required';
  if (intLike(s.startTime) === undefined)
    return 'scheduleParams.startTime must be an integer (epoch seconds)';
  const f = s.frequency;
  if (!['once', 'minute', 'hour', 'day', 'week'].includes(String(f)))
    return `frequency ${String(f)} is not allowed`;
  if (f === 'once')
    return s.interval !== undefined ? 'interval must be absent when frequency is once' : undefined;
  const i = intLike(s.interval);
  if (i === undefined) return 'interval is required';
  return i < (f === 'minute' ? 15 : 1) ? `interval ${i} is too small for ${String(f)}` : undefined;
}

/** Starts the fake Flow Service on 127.0.0.1 (ephemeral port). */
export async function startFakeFlowService(options: FakeFlowServiceOptions = {}): Promise<FakeFlowService> {
  const creds = options.credentials ?? FAKE_ADOBE_CREDENTIALS;
  const nextIds = [...(options.connectionSpecIds ?? [])];
  const requests: FlowRequest[] = [];
  const failures: Array<{ path: string; status: number; body: unknown }> = [];
  const sockets = new Set<Socket>();
  const state: FlowState = {
    connectionSpecs: new Map(),
    flowSpec: restStorageFlowSpec(options.flowSpecIds ?? DEFAULT_FLOW_SPEC_IDS),
    flowSpecPuts: 0,
    connections: new Map(),
    sourceConnections: new Map(),
    targetConnections: new Map(),
    mappingSets: new Map(),
    flows: new Map(),
    runPolls: new Map(),
  };

  const handle = (req: FlowRequest): { status: number; body: unknown } => {
    const bad = (detail: string, code = '1100'): { status: number; body: unknown } => ({
      status: 400,
      body: flowError(400, code, 'Invalid request', detail),
    });
    const h = req.headers;
    const auth = String(h.authorization ?? '');
    if (auth !== `Bearer ${creds.accessToken}`)
      return { status: 401, body: { error_code: '401013', message: 'Oauth token is not valid' } };
    if (h['x-api-key'] !== creds.apiKey)
      return { status: 401, body: { error_code: '403000', message: 'Api Key is invalid' } };
    if (!h['x-gw-ims-org-id'] || (creds.orgId && h['x-gw-ims-org-id'] !== creds.orgId))
      return bad('Header x-gw-ims-org-id is missing or not valid.', '1403');
    if (!h['x-sandbox-name'] || (creds.sandbox && h['x-sandbox-name'] !== creds.sandbox))
      return bad('Header x-sandbox-name is missing or not valid.', '1403');
    const hasBody = req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH';
    if (hasBody) {
      if (!String(h['content-type'] ?? '').startsWith('application/json'))
        return bad('Content-Type must be application/json.', '1401');
      if (!isObj(req.json)) return bad('The request body is not a JSON object.', '1401');
    }
    const body = req.json as Json;
    const fail = failures.findIndex(
      (f) =>
        f.path === req.path ||
        `${FLOW_PREFIX}${f.path}` === req.path ||
        `${CONVERSION_PREFIX}${f.path}` === req.path,
    );
    if (fail >= 0) {
      const [f] = failures.splice(fail, 1);
      return {
        status: f!.status,
        body: f!.body ?? flowError(f!.status, '1100', 'Invalid request', 'Scripted failure.'),
      };
    }
    const notFound = (what: string): { status: number; body: unknown } => ({
      status: 404,
      body: flowError(404, '1101', 'Resource not found', `${what} does not exist.`),
    });

    if (req.path === `${CONVERSION_PREFIX}/mappingSets` && req.method === 'POST') {
      if (!Array.isArray(body.mappings)) return bad('mappings must be an array.');
      const id = randomUUID().replace(/-/g, '');
      state.mappingSets.set(id, body);
      return {
        status: 200,
        body: {
          id,
          version: 0,
          createdDate: Date.now(),
          modifiedDate: Date.now(),
          createdBy: 'fake',
          modifiedBy: 'fake',
        },
      };
    }
    if (!req.path.startsWith(`${FLOW_PREFIX}/`)) return notFound(req.path);
    const parts = req.path.slice(FLOW_PREFIX.length + 1).split('/');
    const [coll, id, sub] = parts;
    const key = `${req.method} ${coll}${id === undefined ? '' : '/:id'}${sub === undefined ? '' : `/${sub}`}`;
    const created = (map: Map<string, Json>, value: Json): { status: number; body: unknown } => {
      const newId = randomUUID();
      const tag = etag();
      map.set(newId, { ...value, id: newId, etag: tag });
      return { status: 201, body: { id: newId, etag: tag } };
    };

    switch (key) {
      case 'POST connectionSpecs': {
        if (typeof body.name !== 'string' || !Array.isArray(body.authSpec) || !isObj(body.sourceSpec))
          return bad('A connection spec needs name, authSpec and sourceSpec.');
        const newId = nextIds.shift() ?? randomUUID();
        const spec = { ...body, id: newId, ...audit() };
        state.connectionSpecs.set(newId, spec);
        return { status: 200, body: spec };
      }
      case 'GET connectionSpecs':
        return { status: 200, body: { items: [...state.connectionSpecs.values()] } };
      case 'GET connectionSpecs/:id': {
        const spec = state.connectionSpecs.get(id!);
        return spec ? { status: 200, body: { items: [spec] } } : notFound(`Connection spec ${id}`);
      }
      case 'PUT connectionSpecs/:id': {
        const old = state.connectionSpecs.get(id!);
        if (!old) return notFound(`Connection spec ${id}`);
        if (typeof body.name !== 'string' || !Array.isArray(body.authSpec) || !isObj(body.sourceSpec))
          return bad('PUT needs the complete spec: name, authSpec and sourceSpec.');
        const spec = { ...body, id, createdAt: old.createdAt, ...audit() };
        state.connectionSpecs.set(id!, spec);
        return { status: 200, body: spec };
      }
      case 'GET flowSpecs/:id':
        return id === FLOW_SPEC_ID
          ? { status: 200, body: { items: [state.flowSpec] } }
          : notFound(`Flow spec ${id}`);
      case 'PUT flowSpecs/:id': {
        if (id !== FLOW_SPEC_ID) return notFound(`Flow spec ${id}`);
        const ids = body.sourceConnectionSpecIds;
        if (typeof body.name !== 'string' || !Array.isArray(ids) || ids.some((x) => typeof x !== 'string'))
          return bad('PUT needs the complete flow spec with sourceConnectionSpecIds.');
        const before = state.flowSpec.sourceConnectionSpecIds as string[];
        const unknown = (ids as string[]).find((x) => !before.includes(x) && !state.connectionSpecs.has(x));
        if (unknown) return bad(`Connection spec ${unknown} does not exist.`);
        state.flowSpec = { ...body, id: FLOW_SPEC_ID, updatedAt: Date.now() };
        state.flowSpecPuts += 1;
        return { status: 200, body: state.flowSpec };
      }
      case 'POST connections': {
        const csId = isObj(body.connectionSpec) ? String(body.connectionSpec.id) : '';
        const spec = state.connectionSpecs.get(csId);
        if (!spec) return bad(`Connection spec ${csId} does not exist.`);
        const auth = body.auth;
        const names = (spec.authSpec as unknown[]).map((a) => (isObj(a) ? a.name : undefined));
        if (!isObj(auth) || !names.includes(auth.specName) || !isObj(auth.params))
          return bad(`auth.specName must be one of ${names.join(', ')} and auth.params an object.`);
        return created(state.connections, body);
      }
      case 'GET connections/:id/explore': {
        if (!state.connections.has(id!)) return notFound(`Connection ${id}`);
        if (!req.query.objectType || req.query.fileType !== 'json')
          return bad('objectType and fileType=json are required.');
        let params: unknown;
        try {
          params = JSON.parse(Buffer.from(req.query.sourceParams ?? '', 'base64').toString('utf8'));
        } catch {
          params = undefined;
        }
        if (!isObj(params)) return bad('sourceParams must be a base64-encoded JSON object.');
        return {
          status: 200,
          body: { data: [{ items: [{ id: 1, name: 'sample record' }], sourceParams: params }] },
        };
      }
      case 'POST sourceConnections': {
        if (!state.connections.has(String(body.baseConnectionId)))
          return bad(`Base connection ${String(body.baseConnectionId)} does not exist.`);
        const csId = isObj(body.connectionSpec) ? String(body.connectionSpec.id) : '';
        if (!state.connectionSpecs.has(csId)) return bad(`Connection spec ${csId} does not exist.`);
        if (!isObj(body.params)) return bad('params must be an object.');
        return created(state.sourceConnections, body);
      }
      case 'POST targetConnections': {
        const csId = isObj(body.connectionSpec) ? body.connectionSpec.id : undefined;
        if (csId !== DATA_LAKE_SPEC_ID) return bad('connectionSpec.id must be the data lake.');
        if (!isObj(body.params) || typeof body.params.dataSetId !== 'string' || !body.params.dataSetId)
          return bad('params.dataSetId is required.');
        return created(state.targetConnections, body);
      }
      case 'POST flows': {
        if (!isObj(body.flowSpec) || body.flowSpec.id !== FLOW_SPEC_ID)
          return bad('flowSpec.id must be RestStorageToAEP.');
        const src = Array.isArray(body.sourceConnectionIds)
          ? state.sourceConnections.get(String(body.sourceConnectionIds[0]))
          : undefined;
        if (!src) return bad('sourceConnectionIds must name a source connection.');
        const tgt = Array.isArray(body.targetConnectionIds)
          ? state.targetConnections.get(String(body.targetConnectionIds[0]))
          : undefined;
        if (!tgt) return bad('targetConnectionIds must name a target connection.');
        const srcSpec = isObj(src.connectionSpec) ? src.connectionSpec.id : undefined;
        if (!(state.flowSpec.sourceConnectionSpecIds as string[]).includes(String(srcSpec)))
          return bad(
            `Connection spec ${String(srcSpec)} is not in the flow spec's sourceConnectionSpecIds.`,
            '1200',
          );
        const problem = scheduleProblem(body.scheduleParams);
        if (problem) return bad(problem, '1201');
        const r = created(state.flows, body);
        state.runPolls.set((r.body as Json).id as string, 0);
        return r;
      }
      case 'GET runs': {
        const m = /^flowId==(.+)$/.exec(req.query.property ?? '');
        const flowId = m?.[1] ?? '';
        if (!state.flows.has(flowId)) return { status: 200, body: { items: [] } };
        const polls = (state.runPolls.get(flowId) ?? 0) + 1;
        state.runPolls.set(flowId, polls);
        const status = polls > (options.pendingPolls ?? 0) ? 'success' : 'inProgress';
        return {
          status: 200,
          body: {
            items: [
              {
                id: `run-${flowId.slice(0, 8)}`,
                flowId,
                etag: etag(),
                ...audit(),
                metrics: {
                  durationSummary: { startedAtUTC: Date.now() - 1000, completedAtUTC: Date.now() },
                  recordSummary: { inputRecordCount: 25, outputRecordCount: 25, failedRecordCount: 0 },
                  statusSummary: { status },
                },
              },
            ],
          },
        };
      }
      default:
        return notFound(`${req.method} ${req.path}`);
    }
  };

  const server = createServer((req, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = body ? JSON.parse(body) : undefined;
      } catch {
        json = undefined;
      }
      const rec: FlowRequest = {
        method: req.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body,
        json,
        status: 0,
      };
      requests.push(rec);
      const out = handle(rec);
      rec.status = out.status;
      const text = JSON.stringify(out.body);
      res.writeHead(out.status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    state,
    failNext: (path, status, body) => failures.push({ path, status, body }),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
