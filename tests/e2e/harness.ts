/**
 * Shared e2e harness: serves the e2e build (dist-e2e/) with `vite preview` on a free 127.0.0.1 port and drives
 * Debian's Chromium (headless, fresh profile) with playwright-core. Records every request that leaves
 * 127.0.0.1 and every console error, so tests can assert the app stays local and quiet.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = new URL('../../', import.meta.url).pathname;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`vite preview did not answer at ${url}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface Harness {
  baseUrl: string;
  context: BrowserContext;
  /** Requests to any host other than 127.0.0.1 (should stay empty). */
  offOrigin: string[];
  /** Every URL requested, in order. */
  requests: string[];
  /** Console errors and uncaught page errors (should stay empty). */
  consoleErrors: string[];
  /** What the server printed (with the `serve` option: its address line and request log). */
  serverLog: string[];
  /** A new page with request/console recording attached. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The build served by the tests: dist-e2e/ (`vite build --mode e2e --outDir dist-e2e`, which keeps the
 * test hook `window.__specStudio` that the production build drops), or E2E_DIST (a private build, e.g.
 * `vite build --mode e2e --outDir /tmp/x`).
 */
export const DIST = process.env.E2E_DIST ?? join(ROOT, 'dist-e2e');

/** The built CLI the `serve` option runs: SPEC_STUDIO_BIN, else dist-cli/spec-studio.mjs. */
export const SPEC_STUDIO_BIN = process.env.SPEC_STUDIO_BIN ?? join(ROOT, 'dist-cli/spec-studio.mjs');

/**
 * Starts `spec-studio serve --port 0 --allow-private-hosts --app-dir DIST` and waits for the line
 * `Spec Studio at http://127.0.0.1:N/` it prints; everything it prints is kept in `log`.
 */
async function startServe(log: string[]): Promise<{ server: ChildProcess; baseUrl: string }> {
  if (!existsSync(SPEC_STUDIO_BIN))
    throw new Error(
      `${SPEC_STUDIO_BIN} is missing: build the CLI (npx vite build --config vite.cli.config.ts)`,
    );
  const server = spawn(
    process.execPath,
    [SPEC_STUDIO_BIN, 'serve', '--port', '0', '--allow-private-hosts', '--app-dir', DIST],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`spec-studio serve printed no address: ${log.join('')}`)),
      30_000,
    );
    const read = (chunk: Buffer) => {
      log.push(chunk.toString('utf8'));
      const m = /Spec Studio at (http:\/\/127\.0\.0\.1:\d+)\//.exec(log.join(''));
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    server.stdout?.on('data', read);
    server.stderr?.on('data', read);
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`spec-studio serve exited (${code}): ${log.join('')}`));
    });
  });
  return { server, baseUrl };
}

/** Starts `vite preview` on a free port over DIST. */
async function startPreview(): Promise<{ server: ChildProcess; baseUrl: string }> {
  const port = await freePort();
  const server: ChildProcess = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
      '--outDir',
      DIST,
    ],
    { cwd: ROOT, stdio: 'ignore' },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${baseUrl}/`, 30_000);
  } catch (e) {
    server.kill();
    throw e;
  }
  return { server, baseUrl };
}

/**
 * Starts a server over the build (`vite preview`, or with `serve` the real `spec-studio serve`, which
 * also answers the Live run's /api/) and a headless Chromium with a fresh profile directory.
 */
export async function startHarness(
  options: { downloadsPath?: string; serve?: boolean } = {},
): Promise<Harness> {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error(`${DIST} has no build: run \`npx vite build --mode e2e --outDir dist-e2e\` first`);
  const serverLog: string[] = [];
  const { server, baseUrl } = options.serve ? await startServe(serverLog) : await startPreview();
  const profile = await mkdtemp(join(tmpdir(), 'spec-studio-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    // The app picks its language from the browser's (src/i18n); tests read English labels whatever
    // the machine's locale is.
    locale: 'en-US',
    acceptDownloads: true,
    ...(options.downloadsPath ? { downloadsPath: options.downloadsPath } : {}),
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  const offOrigin: string[] = [];
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  const attach = (page: Page) => {
    page.on('request', (req) => {
      const url = req.url();
      requests.push(url);
      if (url.startsWith('data:') || url.startsWith('blob:')) return;
      try {
        if (new URL(url).hostname !== '127.0.0.1') offOrigin.push(url);
      } catch {
        offOrigin.push(url);
      }
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    page.on('pageerror', (err) => consoleErrors.push(String(err)));
  };
  for (const p of context.pages()) attach(p);
  context.on('page', attach);
  return {
    baseUrl,
    context,
    offOrigin,
    requests,
    consoleErrors,
    serverLog,
    newPage: () => context.newPage(),
    async close() {
      await context.close().catch(() => {});
      server.kill();
      await rm(profile, { recursive: true, force: true }).catch(() => {});
    },
  };
}
