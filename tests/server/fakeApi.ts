/**
 * A fake partner API for live-run tests (issue 10 §4): plain node:http on 127.0.0.1, port 0, with
 * a second listener (`otherOrigin`) for cross-origin redirects. Every request either listener gets
 * is recorded in `requests`. Data is small and deterministic: 25 records `{id, name, email}`.
 * Routes live in fakeApiRoutes.ts. `loopbackNet(api)` (below) gives the outbound door a lookup and
 * a connector that map reserved `.test` names onto the fake and throw for anything off loopback;
 * `liveSpec(name)` reads a fixture spec of tests/fixtures/live.
 *
 * Routes (main listener; the other listener serves the same routes):
 *
 * Lists (records in `items`, 25 in all):
 * - `GET /offset/items?limit=L&offset=O`  OFFSET: records O..O+L, short last page; `total`, `hasMore`.
 * - `GET /page/items?limit=L&page=P`      PAGE, 0-based: header `x-pagecount` = ceil(25 / L).
 * - `GET /pointer/items?limit=L&cursor=C` POINTER, absolute next link in `paging.next`, built from
 *                                         the request's own Host header (`http://<host>/pointer/…`),
 *                                         so a test that maps a reserved name onto the fake still
 *                                         gets links to that name; absent on the last page.
 * - `GET /pointer-relative/items?page=N`  POINTER, relative next link `?page=N+1` (10 per page).
 * - `GET /pointer-path/items?cursor=C`    POINTER, path-relative next link `/pointer-path/items?cursor=…`.
 * - `GET /token/items?token=T`            CONTINUATION_TOKEN (10 per page): `next_token` holds `/`,
 *                                         `=` and `+` (`TOKENS`); the route answers 400 unless the
 *                                         `token` query value (or an `x-continuation-token` header)
 *                                         decodes to exactly the token it issued.
 * - `GET /none/items`                     NONE: all 25 records in one page.
 * - `GET /gzip/items`                     the same page, gzip-encoded.
 * - `GET /bad-gzip`                       plain JSON labelled `content-encoding: gzip`.
 * - `GET /echo`, any method               `{method, url, headers, body}` as received.
 *
 * Auth prefixes, in front of any route (`/basic/offset/items`); a wrong credential → 401
 * `{"message":"bad credentials"}` (a missing one too):
 * - `/basic/…`   Basic `FAKE_CREDENTIALS.username` / `.password`.
 * - `/bearer/…`  Bearer `FAKE_CREDENTIALS.accessToken` or any token `/oauth/token` issued.
 * - `/apikey/…`  header `x-api-key: FAKE_CREDENTIALS.apiKey`.
 * - `GET /me`    the `authorizationTestUrl`: 200 `{id:"me"}` for any of the three credentials above.
 * - `/oauth/token`  refresh_token grant, POST form body or GET query: `grant_type=refresh_token`,
 *                   `refresh_token`, `client_id`, `client_secret` (`FAKE_CREDENTIALS`) → 200
 *                   `{access_token: "refreshed-access-<n>", token_type, expires_in}`; else 400/401.
 *
 * Flaky prefixes (stack with the others: `/r429/k1/basic/none/items`):
 * - `/r429/<key>/…`, `/r503/<key>/…`: the first `fails` requests (query, default 1) for that key
 *   get 429 / 503 with `Retry-After: <retryAfter query, default 1>`, later ones pass on.
 *
 * Hostile answers:
 * - `GET /slow?ms=N`         headers after N ms (default 2000), then one page of records.
 * - `GET /slowloris`         headers at once, then one body byte every 100 ms, forever.
 * - `GET /huge?mb=N`         N MB (default 60) of valid JSON, generated and streamed, chunked;
 *                            `&length=1` also sends a Content-Length.
 * - `GET /gzip-bomb?enc=E`   E = gzip (default), deflate or br: ~100 KB on the wire, 100 MB
 *                            of JSON once decoded.
 * - `GET /html-error?status=S`  an HTML error page (status S, default 200) labelled
 *                            `content-type: application/json`.
 * - `GET /set-cookie`        sets two cookies (two `Set-Cookie` headers), answers `{}`.
 * - `GET /echo-cookie`       `{cookie: <the cookie header received, or null>}`.
 *
 * Redirects (status `?status=` default 302):
 * - `/redirect/same?to=P`    to P on the same origin (default `/none/items`).
 * - `/redirect/other?to=U`   to U (default `<otherOrigin>/echo`).
 * - `/redirect/private`      to `http://10.0.0.1/latest`.
 * - `/redirect/metadata`     to `http://169.254.169.254/latest/meta-data/`.
 * - `/redirect/chain/N`      N hops (`/redirect/chain/N-1` … `/redirect/chain/0` = `/none/items`).
 * - `/redirect/loop`         to itself.
 * - `/redirect/malformed?kind=K`  K = `bad-host` (`http://[::1`), `space`, `empty`, `missing`
 *                            (no Location), `scheme` (`javascript:alert(1)`), `huge` (8 KB of path).
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect as netConnect, type AddressInfo, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { route, type HugeStats, type State } from './fakeApiRoutes';

/** One request a listener received. */
export interface FakeRequest {
  /** `main` (origin) or `other` (otherOrigin). */
  listener: 'main' | 'other';
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** Header names and values in the order received. */
  rawHeaders: string[];
  body: string;
}

export interface FakeApi {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  port: number;
  /** A second listener on another port, for cross-origin redirects. */
  otherOrigin: string;
  otherPort: number;
  requests: FakeRequest[];
  /** `/huge` bodies: bytes written so far and how many were sent to the end. */
  stats: HugeStats;
  close(): Promise<void>;
}

export { FAKE_CREDENTIALS, RECORDS, TOKENS } from './fakeApiRoutes';

/** Names of the fixture specs in tests/fixtures/live. */
export type LiveSpecName =
  | 'offset'
  | 'page'
  | 'pointer'
  | 'pointer-relative'
  | 'continuation-token'
  | 'none'
  | 'basic'
  | 'oauth'
  | 'apikey';

const FIXTURES = fileURLToPath(new URL('../fixtures/live/', import.meta.url));

/** Path of the fixture spec `tests/fixtures/live/<name>.json`. */
export function liveSpecPath(name: LiveSpecName): string {
  return `${FIXTURES}${name}.json`;
}

/**
 * The fixture spec `tests/fixtures/live/<name>.json`, parsed. Each targets the fake API through
 * the input `host` (`urlParams.host` = `${host}`): pass the fake's origin as `params.host`.
 */
export function liveSpec(name: LiveSpecName): Record<string, unknown> {
  return JSON.parse(readFileSync(liveSpecPath(name), 'utf8')) as Record<string, unknown>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** Starts the fake API: two listeners on 127.0.0.1, ephemeral ports. */
export async function startFakeApi(): Promise<FakeApi> {
  const requests: FakeRequest[] = [];
  const sockets = new Set<Socket>();
  let otherOrigin = '';
  const state: State = {
    other: () => otherOrigin,
    issued: new Set(),
    flaky: new Map(),
    timers: new Set(),
    refreshCount: 0,
    stats: { hugeBytesWritten: 0, hugeCompleted: 0 },
  };
  const make = (listener: 'main' | 'other'): Server => {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        requests.push({
          listener,
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          rawHeaders: req.rawHeaders,
          body,
        });
        try {
          route(req, res, body, state, listener);
        } catch (error) {
          // A request line no route can read (the G5 fuzz sends any string): 400, never a crash.
          if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
          res.end(`fake API: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
    });
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    return server;
  };
  const main = make('main');
  const other = make('other');
  const port = await listen(main);
  const otherPort = await listen(other);
  otherOrigin = `http://127.0.0.1:${otherPort}`;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    otherOrigin,
    otherPort,
    requests,
    stats: state.stats,
    close: async () => {
      for (const t of state.timers) clearTimeout(t);
      for (const s of sockets) s.destroy();
      await Promise.all([main, other].map((s) => new Promise<void>((r) => s.close(() => r()))));
    },
  };
}

/** Reserved names (and documentation addresses) that `loopbackNet` maps onto the fake API. */
export const TEST_HOSTS: Record<string, string[]> = {
  'api.partner.test': ['203.0.113.10'],
  'other.partner.test': ['203.0.113.11'],
  'closed.partner.test': ['203.0.113.12'],
  'loop.partner.test': ['127.0.0.1'],
  'mixed.partner.test': ['203.0.113.10', '10.0.0.5'],
  'rebind.partner.test': ['169.254.169.254'],
  'v6meta.partner.test': ['fd00:ec2::254'],
  'mapped.partner.test': ['::ffff:169.254.169.254'],
};

/** A lookup and a connector for the door that can only ever reach loopback, recording every call. */
export interface LoopbackNet {
  lookup: (hostname: string) => Promise<Array<{ address: string; family: 4 | 6 }>>;
  connect: (target: {
    address: string;
    family: 4 | 6;
    port: number;
    tls: boolean;
    servername: string;
  }) => Socket;
  /** Names looked up, in order. */
  looked: string[];
  /** `address:port` of every connection attempted (including refused ones), in order. */
  attempted: string[];
}

/**
 * `lookup` answers from `TEST_HOSTS` (others: ENOTFOUND). `connect` maps 203.0.113.10 to the
 * fake API, 203.0.113.11 to its other listener, 203.0.113.12 to `closedPort` (nothing listens),
 * passes 127.0.0.0/8 through, and THROWS for any other address, so a door that got a rule wrong
 * still sends nothing off this machine. TLS targets get `tls.connect` to the same loopback port.
 */
export function loopbackNet(api: FakeApi, closedPort = 9): LoopbackNet {
  const looked: string[] = [];
  const attempted: string[] = [];
  const map: Record<string, number> = {
    '203.0.113.10': api.port,
    '203.0.113.11': api.otherPort,
    '203.0.113.12': closedPort,
  };
  return {
    looked,
    attempted,
    lookup: (hostname) => {
      looked.push(hostname);
      const found = TEST_HOSTS[hostname.toLowerCase()];
      if (!found)
        return Promise.reject(
          Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }),
        );
      return Promise.resolve(found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
    },
    connect: (t) => {
      attempted.push(`${t.address}:${t.port}`);
      const mapped = map[t.address];
      const port = mapped ?? t.port;
      if (mapped === undefined && !/^127\.\d+\.\d+\.\d+$/.test(t.address)) {
        throw new Error(`test connector: ${t.address} is outside 127.0.0.0/8, not connecting`);
      }
      const host = mapped === undefined ? t.address : '127.0.0.1';
      return t.tls
        ? tlsConnect({ host, port, servername: t.servername, rejectUnauthorized: true })
        : netConnect({ host, port });
    },
  };
}
