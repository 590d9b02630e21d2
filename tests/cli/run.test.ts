/**
 * `spec-studio run` (issue 10 §3) end to end: the built CLI against the fake partner API on
 * 127.0.0.1 (hence --allow-private-hosts). Nothing here names a host outside this machine.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FAKE_CREDENTIALS,
  liveSpec,
  liveSpecPath,
  RECORDS,
  startFakeApi,
  type FakeApi,
  type LiveSpecName,
} from '../server/fakeApi';
import { BIN, expectOneLineError } from './runCli';

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(async () => {
  await api.close();
});

const tmp = mkdtempSync(join(tmpdir(), 'h1-run-'));
let seq = 0;

/** The built CLI, run asynchronously (the fake API answers from this process meanwhile). */
function cli(args: string[], timeoutMs = 25_000) {
  return new Promise<{
    code: number | null;
    out: string;
    err: string;
    lines: Array<Record<string, unknown>>;
  }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const lines = out.startsWith('{')
        ? out
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as Record<string, unknown>)
        : [];
      resolve({ code, out, err, lines });
    });
  });
}

/** A fixture spec with `sourceSpec.attributes` changed, written to a temporary file. */
function specWith(name: LiveSpecName, attrs: Record<string, unknown>): string {
  const spec = liveSpec(name) as { sourceSpec: { attributes: Record<string, unknown> } };
  Object.assign(spec.sourceSpec.attributes, attrs);
  const file = join(tmp, `spec-${++seq}.json`);
  writeFileSync(file, JSON.stringify(spec));
  return file;
}

const live = (spec: string, ...args: string[]) =>
  cli(['run', '--spec', spec, '--param', `host=${api.origin}`, '--allow-private-hosts', ...args]);

const requestsTo = (prefix: string) => api.requests.filter((r) => r.url.startsWith(prefix));

describe('spec-studio run pages through every pagination type', () => {
  it.each<[LiveSpecName, string, string[]]>([
    [
      'offset',
      'short-page',
      [
        '/offset/items?limit=10&offset=0',
        '/offset/items?limit=10&offset=10',
        '/offset/items?limit=10&offset=20',
      ],
    ],
    [
      'page',
      'end-page',
      ['/page/items?limit=10&page=0', '/page/items?limit=10&page=1', '/page/items?limit=10&page=2'],
    ],
    [
      'pointer',
      'no-pointer',
      ['/pointer/items?limit=10', '/pointer/items?limit=10&cursor=10', '/pointer/items?limit=10&cursor=20'],
    ],
    [
      'pointer-relative',
      'no-pointer',
      [
        '/pointer-relative/items?limit=10',
        '/pointer-relative/items?page=2',
        '/pointer-relative/items?page=3',
      ],
    ],
    ['none', 'single-request', ['/none/items']],
  ])('%s', async (name, stop, paths) => {
    const r = await live(liveSpecPath(name));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const sent = r.lines.slice(0, -1);
    expect(sent.map((l) => String(l.url).replace(api.origin, ''))).toEqual(paths);
    for (const l of sent) {
      expect(Object.keys(l)).toEqual(['method', 'url', 'headers', 'status', 'ms', 'records']);
      expect(l).toMatchObject({ method: 'GET', status: 200 });
      expect(typeof l.ms).toBe('number');
    }
    expect(sent.reduce((n, l) => n + Number(l.records), 0)).toBe(RECORDS.length);
    expect(r.lines.at(-1)).toEqual({ stop });
  });

  it('CONTINUATION_TOKEN: tokens holding /, = and + reach the API exactly (it answers 400 otherwise)', async () => {
    const r = await live(liveSpecPath('continuation-token'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const urls = r.lines.slice(0, -1).map((l) => String(l.url).replace(api.origin, ''));
    expect(urls).toEqual([
      '/token/items',
      '/token/items?token=ab%2Fc%2Bd%3D%3D',
      '/token/items?token=x%2By%2Fz%3Dw%3D',
    ]);
    expect(r.lines.at(-1)).toEqual({ stop: 'no-token' });
  });

  it('POINTER with a path-relative next link (/path?cursor=…)', async () => {
    const spec = specWith('pointer', {
      urlParams: { host: '${host}', path: '/pointer-path/items', method: 'GET' },
      paginationParams: { type: 'POINTER', pointerPath: '$.paging.next' },
    });
    const r = await live(spec);
    expect(r.code).toBe(0);
    expect(r.lines.slice(0, -1).map((l) => String(l.url).replace(api.origin, ''))).toEqual([
      '/pointer-path/items',
      '/pointer-path/items?cursor=10',
      '/pointer-path/items?cursor=20',
    ]);
    expect(r.lines.at(-1)).toEqual({ stop: 'no-pointer' });
  });

  it('--max-pages stops a run that has more pages (exit 0, stop max-pages)', async () => {
    const r = await live(liveSpecPath('offset'), '--max-pages', '2');
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(3);
    expect(r.lines.at(-1)).toEqual({ stop: 'max-pages' });
    expect(r.err).toMatch(/page cap \(2 pages\); request 3 would come next/);
  });
});

describe('saved pages and records', () => {
  it('--save-pages writes each body byte for byte as the API sent it; --records as flatten writes them', async () => {
    const dir = join(tmp, 'pages', 'deeper');
    const records = join(tmp, 'records.ndjson');
    const r = await live(liveSpecPath('page'), '--save-pages', dir, '--records', records);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['page-1.json', 'page-2.json', 'page-3.json']);
    for (const [i, line] of r.lines.slice(0, -1).entries()) {
      const direct = Buffer.from(await (await fetch(String(line.url))).arrayBuffer());
      expect(readFileSync(join(dir, `page-${i + 1}.json`)).equals(direct)).toBe(true);
    }
    const flattened = await cli([
      'flatten',
      '--spec',
      liveSpecPath('page'),
      ...[1, 2, 3].map((i) => join(dir, `page-${i}.json`)),
    ]);
    expect(flattened.code).toBe(0);
    expect(readFileSync(records, 'utf8')).toBe(flattened.out);
    expect(readFileSync(records, 'utf8').trim().split('\n')).toHaveLength(25);
  });
});

describe('authentication', () => {
  const basic = (password: string, ...more: string[]) =>
    live(
      liveSpecPath('basic'),
      '--param',
      `username=${FAKE_CREDENTIALS.username}`,
      '--param',
      `password=${password}`,
      ...more,
    );

  it('Basic: pages with the right credentials; the header is masked', async () => {
    const r = await basic(FAKE_CREDENTIALS.password);
    expect(r.code).toBe(0);
    expect(r.lines.at(-1)).toEqual({ stop: 'short-page' });
    expect(r.lines[0]?.headers).toEqual({ Authorization: 'Basic ••••' });
    expect(r.out).not.toContain(FAKE_CREDENTIALS.password);
  });

  it('401 → exit 1, the API’s own message on one stderr line, no secret anywhere', async () => {
    const wrong = 'wrong-pass-123';
    const r = await basic(wrong);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([expect.objectContaining({ status: 401, records: 0 }), { stop: 'http-error' }]);
    expectOneLineError(r.err, /^spec-studio: request 1: 401 bad credentials — check the credentials/);
    const b64 = Buffer.from(`${FAKE_CREDENTIALS.username}:${wrong}`).toString('base64');
    for (const s of [wrong, b64]) expect(r.out + r.err).not.toContain(s);
  });

  it('OAuth2: a 401 refreshes the token once (its own line, masked), then the page is sent again', async () => {
    const before = requestsTo('/oauth/token').length;
    const r = await live(
      liveSpecPath('oauth'),
      '--param',
      'accessToken=expired-token-0',
      '--param',
      `refreshToken=${FAKE_CREDENTIALS.refreshToken}`,
      '--param',
      `clientId=${FAKE_CREDENTIALS.clientId}`,
      '--param',
      `clientSecret=${FAKE_CREDENTIALS.clientSecret}`,
      '--param',
      `accessTokenUrl=${api.origin}/oauth/token`,
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.lines.map((l) => [l.kind ?? 'page', l.status])).toEqual([
      ['page', 401],
      ['token-refresh', 200],
      ['page', 200],
      ['page', undefined],
    ]);
    expect(r.lines[1]).toMatchObject({ method: 'POST', url: `${api.origin}/oauth/token` });
    const token = requestsTo('/oauth/token').slice(before);
    expect(token).toHaveLength(1);
    expect(Object.fromEntries(new URLSearchParams(token[0]?.body))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: FAKE_CREDENTIALS.refreshToken,
      client_id: FAKE_CREDENTIALS.clientId,
      client_secret: FAKE_CREDENTIALS.clientSecret,
    });
    const resent = api.requests.filter((q) => q.url === '/bearer/none/items').at(-1);
    expect(resent?.headers.authorization).toMatch(/^Bearer refreshed-access-\d+$/);
    const fresh = String(resent?.headers.authorization).slice(7);
    for (const s of [fresh, FAKE_CREDENTIALS.refreshToken, FAKE_CREDENTIALS.clientSecret, 'expired-token-0'])
      expect(r.out + r.err).not.toContain(s);
  });

  it('OAuth2 GET form via requestParameterOverride.authenticationMethod', async () => {
    const before = requestsTo('/oauth/token').length;
    const r = await live(
      liveSpecPath('oauth'),
      '--param',
      'accessToken=expired',
      '--param',
      `refreshToken=${FAKE_CREDENTIALS.refreshToken}`,
      '--param',
      `clientId=${FAKE_CREDENTIALS.clientId}`,
      '--param',
      `clientSecret=${FAKE_CREDENTIALS.clientSecret}`,
      '--param',
      `accessTokenUrl=${api.origin}/oauth/token`,
      '--param',
      'requestParameterOverride.authenticationMethod=GET',
    );
    expect(r.code).toBe(0);
    const token = requestsTo('/oauth/token').slice(before);
    expect(token.map((t) => t.method)).toEqual(['GET']);
    expect(r.lines[1]?.url).toBe(
      `${api.origin}/oauth/token?grant_type=refresh_token&refresh_token=••••&client_id=${FAKE_CREDENTIALS.clientId}&client_secret=••••`,
    );
  });

  it('API key header', async () => {
    const r = await live(liveSpecPath('apikey'), '--param', `authKey1=${FAKE_CREDENTIALS.apiKey}`);
    expect(r.code).toBe(0);
    expect(r.lines.at(-1)).toEqual({ stop: 'single-request' });
    expect(r.lines[0]?.headers).toEqual({ 'x-api-key': '••••' });
    expect(api.requests.at(-1)?.headers['x-api-key']).toBe(FAKE_CREDENTIALS.apiKey);
    expect(r.out).not.toContain(FAKE_CREDENTIALS.apiKey);
  });
});

describe('waits, limits and failures', () => {
  it('429 with Retry-After: its own line (kind retry), then the page (exit 0)', async () => {
    const spec = specWith('none', {
      urlParams: { host: '${host}', path: '/r429/cli-1/none/items', method: 'GET' },
    });
    const t0 = Date.now();
    const r = await live(spec);
    expect(r.code).toBe(0);
    expect(r.lines.map((l) => [l.kind ?? 'page', l.status])).toEqual([
      ['retry', 429],
      ['page', 200],
      ['page', undefined],
    ]);
    expect(r.lines.at(-1)).toEqual({ stop: 'single-request' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000);
  });

  it('--timeout-ms: a slow answer stops the run with timeout (exit 1)', async () => {
    const spec = specWith('none', {
      urlParams: { host: '${host}', path: '/slow', method: 'GET', queryParams: { ms: '3000' } },
    });
    const r = await live(spec, '--timeout-ms', '300');
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      expect.objectContaining({ status: null, error: expect.any(String) }),
      { stop: 'timeout' },
    ]);
    expectOneLineError(r.err, /^spec-studio: request 1: .* — the API did not answer in time/);
  });

  it('a 60 MB body stops the run with too-large (exit 1)', async () => {
    const spec = specWith('none', { urlParams: { host: '${host}', path: '/huge', method: 'GET' } });
    const r = await live(spec);
    expect(r.code).toBe(1);
    expect(r.lines.at(-1)).toEqual({ stop: 'too-large' });
    expectOneLineError(r.err, /50 MB/);
  });

  it('an HTML page labelled JSON stops with not-json (exit 1), quoting its start', async () => {
    const spec = specWith('none', { urlParams: { host: '${host}', path: '/html-error', method: 'GET' } });
    const r = await live(spec);
    expect(r.code).toBe(1);
    expect(r.lines.at(-1)).toEqual({ stop: 'not-json' });
    expectOneLineError(
      r.err,
      /^spec-studio: response 1 is not JSON: line \d+, column \d+: .*; it starts with `</,
    );
  });

  it('Ctrl+C (SIGINT) aborts the request in flight: stop aborted, exit 1', async () => {
    const spec = specWith('none', { urlParams: { host: '${host}', path: '/slowloris', method: 'GET' } });
    const child = spawn(
      process.execPath,
      [BIN, 'run', '--spec', spec, '--param', `host=${api.origin}`, '--allow-private-hosts'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(1);
    expect(out.trim().split('\n').at(-1)).toBe('{"stop":"aborted"}');
    expectOneLineError(err, /aborted/);
  });

  it('a missing input: exit 1, stop blocked, nothing sent', async () => {
    const before = api.requests.length;
    const r = await cli([
      'run',
      '--spec',
      liveSpecPath('basic'),
      '--param',
      `host=${api.origin}`,
      '--allow-private-hosts',
    ]);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([{ stop: 'blocked' }]);
    expectOneLineError(r.err, /cannot start the run: .*username/);
    expect(api.requests.length).toBe(before);
  });

  it.each([
    [['--max-pages', '0'], /--max-pages expects a whole number/],
    [['--timeout-ms', 'soon'], /--timeout-ms expects a whole number/],
    [['page.json'], /run takes no response files/],
    [['--auth', 'Nope'], /--auth "Nope" is not an authSpec/],
    [['--window-start', '2026-01-01T00:00:00Z'], /go together/],
    [['--param', 'novalue'], /--param expects name=value/],
  ])('unusable input %j → exit 2, nothing sent', async (args, message) => {
    const before = api.requests.length;
    const r = await live(liveSpecPath('none'), ...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expectOneLineError(r.err, message);
    expect(api.requests.length).toBe(before);
  });

  it('--help', async () => {
    const r = await cli(['run', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: spec-studio run --spec <spec.json>/);
    expect(r.out).toMatch(/--save-pages DIR/);
  });
});
