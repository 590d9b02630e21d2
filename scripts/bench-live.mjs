#!/usr/bin/env node
/**
 * Live-run benchmark (issue 10 §4): what a live page costs through the local server. A tiny fake
 * API in this process serves 1 KB and 1 MB JSON bodies on 127.0.0.1; the built CLI runs
 * `serve --port 0 --allow-private-hosts` on a stub app; then, interleaved (3 rounds, medians), the same page is fetched
 * directly with node:http (a new connection, like the server's outbound door makes) and through
 * `POST /api/fetch` (keep-alive to the server, as a browser does), timed to the last byte. Prints
 * p50/p95 of each side and the time added (target: ≤ 10 ms at p95 for 1 MB). The bytes that come
 * back through the server are checked against the direct ones. Nothing but loopback is contacted.
 * Run by `npm run bench` (after bench-core.mjs) or `npm run bench:live`.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DIST, ensureCliBuild } from './bench-build.mjs';

// BENCH_DIST_DIR points at another build of vite.cli.config.ts (default dist-cli).
const CLI = join(DIST, 'spec-studio.mjs');
const WARMUP = 20;
/** Rounds per size; each figure printed is the median of the rounds' figures. */
const ROUNDS = 3;
const CASES = [
  { name: '1 KB', path: '/1kb', bytes: 1024, n: 200 },
  { name: '1 MB', path: '/1mb', bytes: 1024 * 1024, n: 60 },
];
/** Target: time added by the server at p95 for a 1 MB page, ms. */
const ADDED_P95_TARGET_MS = 10;

ensureCliBuild(CLI, 'bench-live');

/** A JSON body of exactly `size` bytes: `{"items":[…],"pad":"…"}`, deterministic. */
function jsonBody(size) {
  const items = [];
  // `{"items":[`, `],"pad":"`, `"}` = 21 bytes around the items and the padding.
  let used = 21;
  for (let i = 0; ; i++) {
    const item = JSON.stringify({ id: i, name: `item-${i}`, email: `user${i}@partner.example` });
    if (used + item.length + 1 > size) break;
    items.push(item);
    used += item.length + (items.length > 1 ? 1 : 0);
  }
  const text = `{"items":[${items.join(',')}],"pad":"${'x'.repeat(Math.max(0, size - used))}"}`;
  return Buffer.from(text, 'utf8');
}

const bodies = new Map(CASES.map((c) => [c.path, jsonBody(c.bytes)]));
const fake = createServer((req, res) => {
  const body = bodies.get(req.url ?? '');
  if (!body) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
});
await new Promise((r) => fake.listen(0, '127.0.0.1', r));
const fakeOrigin = `http://127.0.0.1:${fake.address().port}`;

const appDir = mkdtempSync(join(tmpdir(), 'spec-studio-bench-live-'));
writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>bench</title>\n');
const server = spawn(
  process.execPath,
  [CLI, 'serve', '--port', '0', '--allow-private-hosts', '--app-dir', appDir],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const port = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.setEncoding('utf8');
  server.stdout.on('data', (s) => {
    if (out === null) return; // the log lines after the address are drained and dropped
    out += s;
    const m = /^Spec Studio at http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
    if (m) {
      out = null;
      resolve(Number(m[1]));
    }
  });
  server.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
});
const host = `127.0.0.1:${port}`;

/** One request; resolves with status, headers, the body and the time to its last byte. */
function timed(options, body) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(options, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          headers: res.headers,
          body: Buffer.concat(chunks),
          ms: performance.now() - t0,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const page = await timed({ host: '127.0.0.1', port, path: '/', headers: { Host: host }, agent: false });
const cookie = /spec_studio_secret_\d+=[A-Za-z0-9_-]+/.exec(String(page.headers['set-cookie']))?.[0];
if (!cookie) {
  console.error('bench-live: GET / gave no secret cookie');
  process.exit(1);
}
const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });

const direct = (path) => timed({ host: '127.0.0.1', port: fake.address().port, path, agent: false });
function through(path) {
  const url = `${fakeOrigin}${path}`;
  const body = JSON.stringify({
    request: { method: 'GET', url, headers: {} },
    display: { method: 'GET', url, headers: {} },
    authHeaders: [],
    secrets: [],
    timeoutMs: 30_000,
  });
  return timed(
    {
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/fetch',
      agent: keepAlive,
      headers: {
        Host: host,
        Origin: `http://${host}`,
        'Sec-Fetch-Site': 'same-origin',
        Cookie: cookie,
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
      },
    },
    body,
  );
}

const sha = (b) => createHash('sha256').update(b).digest('hex');
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const f = (ms) => `${ms.toFixed(1)} ms`;

const rows = [];
let pass = true;
try {
  for (const c of CASES) {
    // Same bytes first: through the server the body must be exactly what the API sent.
    const d = await direct(c.path);
    const t = await through(c.path);
    const nl = t.body.indexOf(0x0a);
    const meta = JSON.parse(t.body.subarray(0, nl).toString('utf8'));
    const same = t.status === 200 && meta.status === 200 && sha(t.body.subarray(nl + 1)) === sha(d.body);
    if (!same) {
      rows.push([`${c.name}: the same bytes through the server`, 'NO', 'FAIL']);
      pass = false;
      continue;
    }
    for (let i = 0; i < WARMUP; i++) {
      await direct(c.path);
      await through(c.path);
    }
    // ROUNDS rounds of n pairs, interleaved and alternating which goes first, so both sides see
    // the same machine load; each figure is the median over the rounds (like bench-core's medians).
    const stats = { d50: [], d95: [], t50: [], t95: [], m50: [], m95: [], a50: [], a95: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const ds = [];
      const ts = [];
      const doors = [];
      const th = async () => {
        const r = await through(c.path);
        const nl = r.body.indexOf(0x0a);
        doors.push(JSON.parse(r.body.subarray(0, nl).toString('utf8')).ms);
        return r;
      };
      for (let i = 0; i < c.n; i++) {
        if (i % 2 === 0) {
          ds.push((await direct(c.path)).ms);
          ts.push((await th()).ms);
        } else {
          ts.push((await th()).ms);
          ds.push((await direct(c.path)).ms);
        }
      }
      stats.d50.push(pct(ds, 50));
      stats.d95.push(pct(ds, 95));
      stats.t50.push(pct(ts, 50));
      stats.t95.push(pct(ts, 95));
      stats.m50.push(pct(doors, 50));
      stats.m95.push(pct(doors, 95));
      stats.a50.push(pct(ts, 50) - pct(ds, 50));
      stats.a95.push(pct(ts, 95) - pct(ds, 95));
    }
    const med = (xs) => pct(xs, 50);
    const added50 = med(stats.a50);
    const added95 = med(stats.a95);
    rows.push([
      `${c.name} (${d.body.length} B, ${ROUNDS} rounds of ${c.n}): direct node:http, p50 / p95`,
      `${f(med(stats.d50))} / ${f(med(stats.d95))}`,
      '',
    ]);
    rows.push([
      `${c.name}: through POST /api/fetch, p50 / p95`,
      `${f(med(stats.t50))} / ${f(med(stats.t95))}`,
      '',
    ]);
    rows.push([
      `${c.name}: of which the server's own request (meta.ms), p50 / p95`,
      `${f(med(stats.m50))} / ${f(med(stats.m95))}`,
      '',
    ]);
    const verdict =
      c.bytes >= 1024 * 1024
        ? added95 <= ADDED_P95_TARGET_MS
          ? `PASS (≤ ${ADDED_P95_TARGET_MS} ms at p95)`
          : `FAIL (target ≤ ${ADDED_P95_TARGET_MS} ms at p95)`
        : '';
    if (c.bytes >= 1024 * 1024 && added95 > ADDED_P95_TARGET_MS) pass = false;
    rows.push([`${c.name}: added by the server, p50 / p95`, `${f(added50)} / ${f(added95)}`, verdict]);
  }
} finally {
  keepAlive.destroy();
  server.kill('SIGTERM');
  await new Promise((r) => server.on('exit', r));
  await new Promise((r) => fake.close(r));
  rmSync(appDir, { recursive: true, force: true });
}

const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
console.log(`\nSpec Studio live-run benchmark (node ${process.version}, loopback only)\n`);
for (const [a, b, c] of rows) console.log(`  ${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`);
console.log(
  `\n  live page through the server (1 MB, p95 added ≤ ${ADDED_P95_TARGET_MS} ms): ${pass ? 'PASS' : 'FAIL'}\n`,
);
process.exit(pass ? 0 : 1);
