/**
 * Helpers of scripts/bench-ui.mjs: the initial-JS size of a build, `vite preview` + headless Chromium
 * (the same setup as tests/e2e/harness.ts), in-page probes (long tasks, "visible" waits) and the
 * generated inputs (a spec with a 2,000-property custom schema, MailChimp-like samples of any size).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
];

/**
 * gzip sizes of `starts` and every chunk they import statically (minified ES chunks import as
 * `import{..}from"./x.js"` or `import"./x.js"`), skipping the files in `skip`: Map file → gzip bytes.
 */
function staticClosure(dist, starts, skip) {
  const seen = new Map();
  const visit = (file) => {
    if (seen.has(file) || skip.has(file)) return;
    const code = readFileSync(join(dist, file));
    seen.set(file, gzipSync(code).length);
    for (const m of code
      .toString('utf8')
      .matchAll(/import\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([^"']+\.js)["']/g))
      visit(join(dirname(file), m[1]));
  };
  for (const file of starts) visit(file);
  return seen;
}

/**
 * The JS a first visit downloads before any lazy import: the entry script of index.html, its
 * modulepreload links and (transitively) every chunk they import statically. Sizes are gzip (zlib
 * default level, as Vite reports them). Lazily loaded chunks (Monaco, preview) are listed apart.
 */
export function initialJs(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g),
  ];
  const seen = staticClosure(
    dist,
    refs.map(([, file]) => file),
    new Set(),
  );
  const total = [...seen.values()].reduce((a, b) => a + b, 0);
  return { total, files: [...seen].sort((a, b) => b[1] - a[1]) };
}

/** gzip size of the biggest chunk whose name starts with `prefix` (e.g. the lazy Monaco chunk). */
export function chunkGzip(dist, prefix) {
  const files = readdirSync(join(dist, 'assets')).filter((f) => f.startsWith(prefix) && f.endsWith('.js'));
  return Math.max(0, ...files.map((f) => gzipSync(readFileSync(join(dist, 'assets', f))).length));
}

/**
 * gzip size of a lazy chunk (the biggest whose name starts with `prefix`) with the chunks it imports
 * statically, minus those already in `initial` (initialJs().files): what loading it downloads. Monaco
 * lives in a chunk shared by the lazy JSON pane and the lazy field editor, so the pane's own chunk
 * alone is a few KB.
 */
export function lazyClosureGzip(dist, prefix, initial) {
  const skip = new Set(initial.map(([f]) => f));
  const files = readdirSync(join(dist, 'assets')).filter((f) => f.startsWith(prefix) && f.endsWith('.js'));
  const start = files.map((f) => join('assets', f)).sort((a, b) => statSize(dist, b) - statSize(dist, a))[0];
  const seen = staticClosure(dist, start ? [start] : [], skip);
  return [...seen.values()].reduce((a, b) => a + b, 0);
}

const statSize = (dist, file) => readFileSync(join(dist, file)).length;

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/** Serves `dist` with `vite preview` and launches Chromium; `close()` ends both. */
export async function startBench(dist) {
  const port = await freePort();
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const args = ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist];
  const server = spawn(process.execPath, [vite, ...args], { cwd: ROOT, stdio: 'ignore' });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let until = Date.now() + 30_000; ;) {
    const ok = await fetch(`${baseUrl}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > until) throw new Error(`vite preview did not answer at ${baseUrl}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const profiles = [];
  return {
    baseUrl,
    /**
     * A fresh context (empty cache and storage) with the long-task probe installed; `locale`: the
     * browser's language, which picks the app's on a first visit.
     */
    async newPage(locale = 'en-US') {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
      profiles.push(context);
      await context.addInitScript(PROBE);
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
      return page;
    },
    async close() {
      for (const c of profiles) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      server.kill();
    },
  };
}

/**
 * Installed in every page before its scripts: records long tasks (PerformanceObserver 'longtask')
 * and the time of the last keydown, and offers `__bench.visible(test)`: resolves with the time of the
 * first animation frame at which `test()` is true (so the change has been rendered).
 */
const PROBE = `(() => {
  const bench = { long: [], keyAt: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.long.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  addEventListener('keydown', (e) => { bench.keyAt = e.timeStamp; }, true);
  // JS files (path, request start, response end) and the first paint, for "JS loaded before first paint".
  bench.scripts = () => {
    const paint = performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint')
      ?? performance.getEntriesByType('paint')[0];
    const js = performance.getEntriesByType('resource')
      .filter((r) => new URL(r.name).pathname.endsWith('.js'))
      .map((r) => ({ path: new URL(r.name).pathname, start: r.startTime, end: r.responseEnd }));
    return { paint: paint ? paint.startTime : null, js };
  };
  bench.visible = (test, timeout = 30000) => new Promise((resolve, reject) => {
    const t0 = performance.now();
    const tick = () => {
      let ok = false;
      try { ok = test(); } catch { ok = false; }
      if (ok) return resolve(performance.now());
      if (performance.now() - t0 > timeout) return reject(new Error('not visible in time'));
      requestAnimationFrame(tick);
    };
    tick();
  });
  bench.longSince = (t) => bench.long.filter((l) => l.start + l.duration >= t);
  bench.hasCell = (text) => [...document.querySelectorAll('[aria-label="Flattened records"] [role=cell]')]
    .some((c) => c.textContent === text);
  // What "shown" means for each timed keystroke (by name, so no code is sent as text).
  const nameInput = () => [...document.querySelectorAll('.form-pane label')]
    .find((l) => l.textContent.trim().replace(/\\s*\\*$/, '') === 'Name')?.control;
  bench.tests = {
    jsonShows: (needle) => document.querySelector('.monaco-editor .view-lines')?.textContent.includes(needle),
    nameIs: (value) => nameInput()?.value === value,
    columnShown: (label) => [...document.querySelectorAll('.pv-th-label')].some((c) => c.textContent === label),
    // [aria-label, value]: the input of that accessible name (an attribute, not a selector) shows value.
    inputIs: ([label, value]) => [...document.querySelectorAll('input, textarea')]
      .some((el) => el.getAttribute('aria-label') === label && el.value === value),
    // [label text, value]: the customer view's input labelled by that text shows value.
    labelledIs: ([label, value]) => [...document.querySelectorAll('.pv-customer label')]
      .some((l) => l.textContent.trim().replace(/\\s*\\*$/, '') === label && l.control?.value === value),
  };
  // Navigation → usable form: the first frame that shows an enabled input in the form pane.
  const formInput = () => document.querySelector('.form-pane input:not([disabled])');
  bench.formReady = () => bench.formAt ?? bench.visible(formInput);
  const ready = () => { if (formInput()) bench.formAt = performance.now(); else requestAnimationFrame(ready); };
  requestAnimationFrame(ready);
  window.__bench = bench;
})();`;

/** Number of CPUs of this machine. */
export const cpus = () => availableParallelism();

/** A duration for the report: "42 ms". */
export const ms = (n) => `${Math.round(n)} ms`;

/** Letters typed one per timed keystroke. */
export const KEYS = 'abcdefghijklmnopqrstuvwxyzabcdefghijklmn';

/** Presses `key`; resolves with keydown → first frame at which `__bench.tests[shown](arg)` is true. */
export async function timedKey(page, key, shown, arg) {
  const seen = page.evaluate(
    ([src, a]) => {
      const test = window.__bench.tests[src];
      return window.__bench.visible(() => test(a)).then((t) => t - window.__bench.keyAt);
    },
    [shown, arg],
  );
  await page.keyboard.press(key);
  return seen;
}

/** Resolves after `ms` milliseconds. */
export const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/** p50 / p95 of timings (every sample printed with BENCH_VERBOSE=1). */
export function summary(xs) {
  if (process.env.BENCH_VERBOSE)
    console.log(
      `    samples: ${[...xs]
        .sort((a, b) => a - b)
        .map(Math.round)
        .join(' ')}`,
    );
  return { p50: percentile(xs, 50), p95: percentile(xs, 95) };
}

/** p-th percentile (nearest rank) of numbers. */
export function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

/** MailChimp Members (public/examples) with a custom schema of `n` properties. */
export function bigSchemaSpec(n) {
  const spec = JSON.parse(readFileSync(join(ROOT, 'public/examples/mailchimp-members.json'), 'utf8'));
  const properties = {};
  for (let i = 0; i < n; i++)
    properties[`field_${i}`] = {
      type: i % 3 === 0 ? 'integer' : 'string',
      title: `Field ${i}`,
      description: `Property ${i} of the custom schema.`,
    };
  spec.name = 'Bench';
  spec.sourceSpec.attributes.schema = { type: 'object', properties };
  return `${JSON.stringify(spec, null, 2)}\n`;
}

/**
 * A MailChimp-like members page (`{"members": [...], "total_items": n}`) of exactly `records`
 * records, each padded so the file is about `bytes` long; record i has id `m<i>`.
 */
export function membersSample(records, bytes) {
  const pad = Math.max(0, Math.floor(bytes / records) - 190);
  const filler = 'x'.repeat(pad);
  const parts = [];
  for (let i = 0; i < records; i++) {
    parts.push(
      `{"id":"m${i}","email_address":"user${i}@example.com","status":"${i % 7 ? 'subscribed' : 'pending'}",` +
        `"merge_fields":{"FNAME":"F${i}","AGE":${i % 90}},"tags":[{"id":${i % 5},"name":"t"}],"note":"${filler}"}`,
    );
  }
  return `{"members":[${parts.join(',')}],"total_items":${records}}`;
}

/** Writes `text` to a new temp file named `name`; returns its path and a cleanup. */
export async function tempFile(name, text) {
  const dir = await mkdtemp(join(tmpdir(), 'bench-ui-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return { path, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * MailChimp Members (public/examples) with `n` user inputs (`sourceSpec.spec.properties`): input i is
 * `input_<i>` with description "Input-<i>" (no space: Monaco renders spaces as U+00A0; keys in the order title, description, type, so the
 * description's JSON line ends with a comma). The first auth's `domain` has the title "AuthDomain".
 */
export function bigInputsSpec(n) {
  const spec = JSON.parse(readFileSync(join(ROOT, 'public/examples/mailchimp-members.json'), 'utf8'));
  const properties = { listId: spec.sourceSpec.spec.properties.listId };
  for (let i = 0; i < n - 1; i++)
    properties[`input_${i}`] = { title: `Title ${i}`, description: `Input-${i}`, type: 'string' };
  spec.name = 'Bench inputs';
  spec.authSpec[0].spec.properties.domain.title = 'AuthDomain';
  spec.sourceSpec.spec.properties = properties;
  return `${JSON.stringify(spec, null, 2)}\n`;
}

/**
 * What a first visit loads around its first paint, measured in the page (resource timing): gzip
 * bytes of the JS files whose download ended before the first contentful paint (`before`), and of
 * those requested before it (`requested`: lazy chunks a first render asks for, such as the preview and
 * Monaco panes, which finish after the paint). `files` lists both sets. `locale`: the browser's
 * language (the app's catalogue for it is part of the first paint).
 */
export async function paintJs(bench, dist, locale = 'en-US') {
  const page = await bench.newPage(locale);
  await page.goto(`${bench.baseUrl}/`);
  await page.evaluate(() => window.__bench.formReady());
  await pause(1500);
  const { paint, js } = await page.evaluate(() => window.__bench.scripts());
  await page.context().close();
  const gz = (path) => {
    try {
      return gzipSync(readFileSync(join(dist, path))).length;
    } catch {
      return 0;
    }
  };
  const before = js.filter((r) => paint !== null && r.end <= paint);
  const requested = js.filter((r) => paint !== null && r.start <= paint);
  const sum = (list) => list.reduce((a, r) => a + gz(r.path), 0);
  return {
    paint,
    before: sum(before),
    requested: sum(requested),
    files: { before: before.map((r) => r.path), requested: requested.map((r) => r.path) },
  };
}
