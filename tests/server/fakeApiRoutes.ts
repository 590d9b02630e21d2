/**
 * The routes of the fake partner API (documented in fakeApi.ts, which starts the listeners):
 * deterministic data, credentials, and the hostile answers the live tests need.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Transform } from 'node:stream';
import { constants as zc, createBrotliCompress, createDeflate, createGzip, gzipSync } from 'node:zlib';

/** `/huge` bodies: bytes written so far and how many were sent to the end. */
export interface HugeStats {
  hugeBytesWritten: number;
  hugeCompleted: number;
}

/** Credentials the fake API accepts. None is a real secret. */
export const FAKE_CREDENTIALS = {
  username: 'partner',
  password: 'pa55:w0rd/s3cret',
  accessToken: 'access-token-1',
  refreshToken: 'refresh-token-1',
  clientId: 'client-1',
  clientSecret: 'client-secret-1',
  apiKey: 'api-key-1',
} as const;

/** The 25 records every list route pages over. */
export const RECORDS = Array.from({ length: 25 }, (_, i) => ({
  id: i + 1,
  name: `item-${i + 1}`,
  email: `user${i + 1}@partner.example`,
}));

/** Continuation tokens: TOKENS[k] opens page k + 1 of /token/items (each holds `/`, `=`, `+`). */
export const TOKENS = ['ab/c+d==', 'x+y/z=w=', 'q/=+/=+'];

const TOKEN_PAGE = 10;

const json = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
) => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
};

const intParam = (q: URLSearchParams, name: string, fallback: number): number => {
  const v = Number(q.get(name));
  return q.has(name) && Number.isInteger(v) && v >= 0 ? v : fallback;
};

/** Bomb bodies, built once per encoding: 100 MB of JSON compressed. */
const bombs = new Map<string, Promise<Buffer>>();

function bomb(enc: 'gzip' | 'deflate' | 'br'): Promise<Buffer> {
  let made = bombs.get(enc);
  if (made) return made;
  made = new Promise<Buffer>((resolve, reject) => {
    const z: Transform =
      enc === 'br'
        ? createBrotliCompress({ params: { [zc.BROTLI_PARAM_QUALITY]: 5 } })
        : enc === 'deflate'
          ? createDeflate({ level: 9 })
          : createGzip({ level: 9 });
    const out: Buffer[] = [];
    z.on('data', (c: Buffer) => out.push(c));
    z.on('end', () => resolve(Buffer.concat(out)));
    z.on('error', reject);
    const mb = Buffer.alloc(1024 * 1024, 0x61);
    z.write('{"pad":"');
    for (let i = 0; i < 100; i++) z.write(mb);
    z.end('"}');
  });
  bombs.set(enc, made);
  return made;
}

/** Streams `mb` MB of valid JSON `{"items":[{…},…,{"last":true}]}` with back-pressure. */
function streamHuge(res: ServerResponse, mb: number, withLength: boolean, stats: HugeStats): void {
  const record = `{"id":1,"name":"${'x'.repeat(1000)}"},`;
  const open = '{"items":[';
  const close = '{"last":true}]}';
  const total = mb * 1024 * 1024;
  const count = Math.max(0, Math.floor((total - open.length - close.length) / record.length));
  const pad = total - open.length - close.length - count * record.length;
  const head = open + ' '.repeat(Math.max(0, pad));
  const chunk = Buffer.from(record.repeat(64));
  res.writeHead(200, {
    'content-type': 'application/json',
    ...(withLength ? { 'content-length': String(total) } : {}),
  });
  res.write(head);
  let left = count;
  const pump = (): void => {
    while (left > 0 && !res.destroyed) {
      const n = Math.min(64, left);
      left -= n;
      const part = n === 64 ? chunk : chunk.subarray(0, n * record.length);
      stats.hugeBytesWritten += part.length;
      const ok = res.write(part);
      if (!ok) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) {
      res.end(close);
      stats.hugeCompleted += 1;
    }
  };
  pump();
}

/** What the routes of one fake API share. */
export interface State {
  other: () => string;
  issued: Set<string>;
  flaky: Map<string, number>;
  timers: Set<NodeJS.Timeout>;
  refreshCount: number;
  stats: HugeStats;
}

function authorised(kind: 'basic' | 'bearer' | 'apikey', req: IncomingMessage, state: State): boolean {
  const auth = req.headers.authorization ?? '';
  if (kind === 'basic') {
    const expected = Buffer.from(`${FAKE_CREDENTIALS.username}:${FAKE_CREDENTIALS.password}`).toString(
      'base64',
    );
    return auth === `Basic ${expected}`;
  }
  if (kind === 'bearer') {
    const m = /^Bearer (.+)$/.exec(auth);
    return m !== null && (m[1] === FAKE_CREDENTIALS.accessToken || state.issued.has(m[1] as string));
  }
  return req.headers['x-api-key'] === FAKE_CREDENTIALS.apiKey;
}

const page = <T>(list: T[], from: number, size: number): T[] => list.slice(from, from + size);

function tokenRoute(req: IncomingMessage, q: URLSearchParams, res: ServerResponse): void {
  const header = req.headers['x-continuation-token'];
  const given = q.get('token') ?? (typeof header === 'string' ? header : null);
  let k = 0;
  if (given !== null) {
    const i = TOKENS.indexOf(given);
    if (i < 0) {
      json(res, 400, { message: `unknown continuation token ${JSON.stringify(given)}` });
      return;
    }
    k = i + 1;
  }
  const items = page(RECORDS, k * TOKEN_PAGE, TOKEN_PAGE);
  const last = (k + 1) * TOKEN_PAGE >= RECORDS.length;
  json(res, 200, { items, next_token: last ? null : TOKENS[k] });
}

function redirect(res: ServerResponse, q: URLSearchParams, location: string | null): void {
  const status = intParam(q, 'status', 302);
  res.writeHead(status, location === null ? {} : { location, 'content-length': '0' });
  res.end();
}

function malformedLocation(kind: string | null): string | null {
  switch (kind) {
    case 'space':
      return 'http://exa mple.test/a b';
    case 'empty':
      return '';
    case 'missing':
      return null;
    case 'scheme':
      // eslint-disable-next-line no-script-url -- a hostile Location the door must refuse, never run
      return 'javascript:alert(1)';
    case 'huge':
      return `/${'a'.repeat(8000)}`;
    default:
      return 'http://[::1';
  }
}

function tokenEndpoint(
  req: IncomingMessage,
  body: string,
  q: URLSearchParams,
  res: ServerResponse,
  state: State,
): void {
  const form = req.method === 'POST' ? new URLSearchParams(body) : q;
  if (form.get('grant_type') !== 'refresh_token') {
    json(res, 400, { error: 'unsupported_grant_type' });
    return;
  }
  if (
    form.get('refresh_token') !== FAKE_CREDENTIALS.refreshToken ||
    form.get('client_id') !== FAKE_CREDENTIALS.clientId ||
    form.get('client_secret') !== FAKE_CREDENTIALS.clientSecret
  ) {
    json(res, 401, { error: 'invalid_grant', message: 'bad credentials' });
    return;
  }
  state.refreshCount += 1;
  const token = `refreshed-access-${state.refreshCount}`;
  state.issued.add(token);
  json(res, 200, { access_token: token, token_type: 'bearer', expires_in: 3600 });
}

/** Answers one request (its body already read). */
export function route(
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
  state: State,
  listener: string,
): void {
  const url = new URL(req.url ?? '/', 'http://fake.test');
  const q = url.searchParams;
  let path = url.pathname;

  // Prefixes: flaky first, then auth; each strips itself and passes the rest on.
  for (;;) {
    const flaky = /^\/r(429|503)\/([^/]+)(\/.*)$/.exec(path);
    if (flaky) {
      const key = `${listener}:${flaky[1]}:${flaky[2]}`;
      const seen = state.flaky.get(key) ?? 0;
      state.flaky.set(key, seen + 1);
      if (seen < intParam(q, 'fails', 1)) {
        json(
          res,
          Number(flaky[1]),
          { message: flaky[1] === '429' ? 'slow down' : 'try again later' },
          {
            'retry-after': String(intParam(q, 'retryAfter', 1)),
          },
        );
        return;
      }
      path = flaky[3] as string;
      continue;
    }
    const auth = /^\/(basic|bearer|apikey)(\/.*)$/.exec(path);
    if (auth) {
      if (!authorised(auth[1] as 'basic' | 'bearer' | 'apikey', req, state)) {
        json(res, 401, { message: 'bad credentials' });
        return;
      }
      path = auth[2] as string;
      continue;
    }
    break;
  }

  const limit = intParam(q, 'limit', 10);
  const chain = /^\/redirect\/chain\/(\d+)$/.exec(path);
  if (chain) {
    const n = Number(chain[1]);
    redirect(res, q, n <= 1 ? '/none/items' : `/redirect/chain/${n - 1}`);
    return;
  }
  switch (path) {
    case '/offset/items': {
      const offset = intParam(q, 'offset', 0);
      const items = page(RECORDS, offset, limit);
      json(res, 200, { items, total: RECORDS.length, hasMore: offset + limit < RECORDS.length });
      return;
    }
    case '/page/items': {
      const p = intParam(q, 'page', 0);
      const pages = Math.ceil(RECORDS.length / Math.max(1, limit));
      json(res, 200, { items: page(RECORDS, p * limit, limit) }, { 'x-pagecount': String(pages) });
      return;
    }
    case '/pointer/items': {
      const from = intParam(q, 'cursor', 0);
      const next =
        from + limit < RECORDS.length
          ? `http://${req.headers.host ?? ''}/pointer/items?limit=${limit}&cursor=${from + limit}`
          : null;
      json(res, 200, { items: page(RECORDS, from, limit), paging: next === null ? {} : { next } });
      return;
    }
    case '/pointer-relative/items': {
      const p = intParam(q, 'page', 1);
      const more = p * 10 < RECORDS.length;
      json(res, 200, {
        items: page(RECORDS, (p - 1) * 10, 10),
        paging: { next: more ? `?page=${p + 1}` : null },
      });
      return;
    }
    case '/pointer-path/items': {
      const from = intParam(q, 'cursor', 0);
      const more = from + 10 < RECORDS.length;
      json(res, 200, {
        items: page(RECORDS, from, 10),
        paging: { next: more ? `/pointer-path/items?cursor=${from + 10}` : '' },
      });
      return;
    }
    case '/token/items':
      tokenRoute(req, q, res);
      return;
    case '/none/items':
      json(res, 200, { items: RECORDS });
      return;
    case '/bad-gzip':
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end('{"items":[]}');
      return;
    case '/gzip/items': {
      const zipped = gzipSync(JSON.stringify({ items: RECORDS }));
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': zipped.length,
      });
      res.end(zipped);
      return;
    }
    case '/echo':
      json(res, 200, { method: req.method, url: req.url, headers: req.headers, body });
      return;
    case '/me':
      if (['basic', 'bearer', 'apikey'].some((k) => authorised(k as 'basic', req, state)))
        json(res, 200, { id: 'me' });
      else json(res, 401, { message: 'bad credentials' });
      return;
    case '/oauth/token':
      tokenEndpoint(req, body, q, res, state);
      return;
    case '/slow': {
      const t = setTimeout(
        () => {
          state.timers.delete(t);
          if (!res.destroyed) json(res, 200, { items: page(RECORDS, 0, 5) });
        },
        intParam(q, 'ms', 2000),
      );
      state.timers.add(t);
      return;
    }
    case '/slowloris': {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"items":[');
      const t = setInterval(() => {
        if (res.destroyed) {
          clearInterval(t);
          state.timers.delete(t);
        } else res.write(' ');
      }, 100);
      state.timers.add(t);
      res.on('close', () => {
        clearInterval(t);
        state.timers.delete(t);
      });
      return;
    }
    case '/huge':
      streamHuge(res, intParam(q, 'mb', 60), q.get('length') === '1', state.stats);
      return;
    case '/gzip-bomb': {
      const enc = q.get('enc') === 'br' ? 'br' : q.get('enc') === 'deflate' ? 'deflate' : 'gzip';
      void bomb(enc).then((buf) => {
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-encoding': enc,
          'content-length': buf.length,
        });
        res.end(buf);
      });
      return;
    }
    case '/html-error': {
      const html =
        '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n<body><h1>Bad Gateway</h1></body></html>\n';
      res.writeHead(intParam(q, 'status', 200), {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(html),
      });
      res.end(html);
      return;
    }
    case '/set-cookie':
      json(
        res,
        200,
        {},
        { 'set-cookie': ['session=fake-session-1; Path=/; HttpOnly', 'theme=dark; Path=/'] },
      );
      return;
    case '/echo-cookie':
      json(res, 200, { cookie: req.headers.cookie ?? null });
      return;
    case '/redirect/same':
      redirect(res, q, q.get('to') ?? '/none/items');
      return;
    case '/redirect/other':
      redirect(res, q, q.get('to') ?? `${state.other()}/echo`);
      return;
    case '/redirect/private':
      redirect(res, q, 'http://10.0.0.1/latest');
      return;
    case '/redirect/metadata':
      redirect(res, q, 'http://169.254.169.254/latest/meta-data/');
      return;
    case '/redirect/loop':
      redirect(res, q, '/redirect/loop');
      return;
    case '/redirect/malformed':
      redirect(res, q, malformedLocation(q.get('kind')));
      return;
    default:
      json(res, 404, { message: `no route ${path}` });
  }
}
