/**
 * Helpers of the server tests: start the REAL built CLI's `serve` (SPEC_STUDIO_BIN, like the CLI
 * tests) on a temporary app directory, and talk to it with raw node:http requests (so each test
 * sets Host, Origin, Sec-Fetch-Site and the cookie itself) or raw bytes on a socket. Loopback only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LiveFetchBody } from '@core';

export const BIN = process.env.SPEC_STUDIO_BIN ?? 'dist-cli/spec-studio.mjs';

/** Text of a file OUTSIDE the app directory: no response may ever carry it. */
export const OUTSIDE_TEXT = 'outside-the-app-dir-do-not-serve';

/** A temporary app: index.html, assets/app.js, a directory, a symlink that leads outside. */
export function makeAppDir(): { root: string; app: string } {
  const root = mkdtempSync(join(tmpdir(), 'spec-studio-serve-'));
  const app = join(root, 'app');
  mkdirSync(join(app, 'assets', 'sub'), { recursive: true });
  writeFileSync(join(app, 'index.html'), '<!doctype html><title>Spec Studio</title><div id="root"></div>\n');
  writeFileSync(join(app, 'assets', 'app.js'), 'console.log("app");\n');
  writeFileSync(join(app, 'assets', 'style.css'), 'body{}\n');
  writeFileSync(join(root, 'secret.txt'), OUTSIDE_TEXT);
  symlinkSync(join(root, 'secret.txt'), join(app, 'link.txt'));
  return { root, app };
}

export interface Served {
  port: number;
  proc: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Spawns `spec-studio serve <args>` and waits for its one address line. */
export function serve(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Served> {
  const proc = spawn(process.execPath, [BIN, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let out = '';
  let err = '';
  proc.stdout?.setEncoding('utf8').on('data', (s: string) => (out += s));
  proc.stderr?.setEncoding('utf8').on('data', (s: string) => (err += s));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 15_000);
    const check = (): void => {
      const m = /^Spec Studio at http:\/\/127\.0\.0\.1:(\d+)\/\n/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        port: Number(m[1]),
        proc,
        stdout: () => out,
        stderr: () => err,
        stop: (signal = 'SIGTERM') => {
          if (proc.exitCode === null) proc.kill(signal);
          return exited;
        },
      });
    };
    proc.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${err}`));
    });
  });
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
}

export interface Ask {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** One raw request to 127.0.0.1:`port` with exactly the headers given (no automatic Host). */
export function ask(port: number, a: Ask = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: a.method ?? 'GET',
        path: a.path ?? '/',
        headers: a.headers ?? {},
        setHost: false,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(a.body);
  });
}

/** Raw bytes on a socket; resolves with everything the server sent until it closed (or 3 s). */
export function rawBytes(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let got = '';
    socket.setEncoding('latin1');
    socket.on('data', (s: string) => (got += s));
    socket.on('error', reject);
    socket.on('close', () => resolve(got));
    socket.setTimeout(3000, () => socket.destroy());
    socket.write(bytes, 'latin1');
  });
}

/** The secret a GET / hands out (the cookie's value). */
export async function secretOf(port: number): Promise<string> {
  const page = await ask(port, { headers: { Host: `127.0.0.1:${port}` } });
  const cookie = String(page.headers['set-cookie'] ?? '');
  const m = new RegExp(`^spec_studio_secret_${port}=([A-Za-z0-9_-]+);`).exec(cookie);
  if (!m) throw new Error(`no secret cookie in ${cookie}`);
  return m[1] as string;
}

/** Headers of a genuine same-origin call from the app page. */
export function appHeaders(
  port: number,
  secret: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    Host: `127.0.0.1:${port}`,
    Cookie: `spec_studio_secret_${port}=${secret}`,
    Origin: `http://127.0.0.1:${port}`,
    'Sec-Fetch-Site': 'same-origin',
    ...extra,
  };
}

/** A `LiveFetchBody` for a GET of `url` (display = the same URL unless given). */
export function fetchBody(url: string, over: Partial<LiveFetchBody> = {}): LiveFetchBody {
  return {
    request: { method: 'GET', url, headers: {} },
    display: { method: 'GET', url, headers: {} },
    authHeaders: [],
    secrets: [],
    timeoutMs: 10_000,
    ...over,
  };
}

/** POST /api/fetch as the app does it. */
export function apiFetch(port: number, secret: string, body: unknown): Promise<Answer> {
  return ask(port, {
    method: 'POST',
    path: '/api/fetch',
    headers: { ...appHeaders(port, secret), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Splits a 200 answer of /api/fetch: the meta line (JSON) and the body bytes. */
export function splitFetch(a: Answer): { meta: Record<string, unknown>; bytes: Buffer } {
  const nl = a.body.indexOf(0x0a);
  return {
    meta: JSON.parse(a.body.subarray(0, nl).toString('utf8')) as Record<string, unknown>,
    bytes: a.body.subarray(nl + 1),
  };
}

/** Waits (up to 3 s) until `read()` matches `pattern`: log lines are written after the answer. */
export async function waitForText(read: () => string, pattern: RegExp): Promise<string> {
  for (let i = 0; i < 60 && !pattern.test(read()); i++) await new Promise((r) => setTimeout(r, 50));
  return read();
}
