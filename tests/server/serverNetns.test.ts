/**
 * The REAL built `spec-studio serve --allow-private-hosts` against refused targets, run inside a
 * loopback-only network namespace (netns.ts), together with its client and a tiny fake API: cloud
 * metadata targets and redirects to them are refused by the server (502 `refused`), so a bug
 * here would show as `network-error` ENETUNREACH, never as a packet off this machine. A private
 * address, which the flag allows, shows exactly that: the namespace is what keeps the test safe.
 * Fails (never skips) when the namespace is unavailable.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInNetns } from './netns';
import { BIN } from './serverHarness';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'spec-studio-serve-netns-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>netns</title>\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs inside the namespace: a fake API, the server, and one /api/fetch per case. */
const DRIVER = `
import { spawn } from 'node:child_process';
import { createServer, request } from 'node:http';
const [bin, app] = process.argv.slice(2);
const fake = createServer((req, res) => {
  const to = { '/to-metadata': 'http://169.254.169.254/latest/meta-data/', '/to-gcp': 'http://metadata.google.internal/computeMetadata/v1/', '/to-ecs': 'http://[fd00:ec2::254]/' }[req.url];
  if (to) { res.writeHead(302, { location: to }); res.end(); return; }
  res.end('{"ok":true}');
});
await new Promise((r) => fake.listen(0, '127.0.0.1', r));
const origin = 'http://127.0.0.1:' + fake.address().port;
const server = spawn(process.execPath, [bin, 'serve', '--port', '0', '--allow-private-hosts', '--app-dir', app], { stdio: ['ignore', 'pipe', 'inherit'] });
let out = '';
server.stdout.setEncoding('utf8').on('data', (s) => (out += s));
while (!/Spec Studio at http:\\/\\/127\\.0\\.0\\.1:(\\d+)\\//.test(out)) await new Promise((r) => setTimeout(r, 20));
const port = Number(/:(\\d+)\\//.exec(out)[1]);
const host = '127.0.0.1:' + port;
const call = (path, headers, body) => new Promise((resolve, reject) => {
  const req = request({ host: '127.0.0.1', port, path, method: body ? 'POST' : 'GET', headers: { Host: host, ...headers } }, (res) => {
    let text = '';
    res.setEncoding('utf8').on('data', (s) => (text += s)).on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
  });
  req.on('error', reject);
  req.end(body);
});
const page = await call('/', {});
const cookie = /spec_studio_secret_\\d+=[A-Za-z0-9_-]+/.exec(String(page.headers['set-cookie']))[0];
const results = {};
for (const url of [
  'http://169.254.169.254/latest/meta-data/',
  'http://[fd00:ec2::254]/',
  'http://metadata.google.internal/',
  'http://0251.0376.0251.0376/',
  origin + '/to-metadata',
  origin + '/to-gcp',
  origin + '/to-ecs',
  origin + '/ok',
  'http://10.0.0.1/',
]) {
  const request = { method: 'GET', url, headers: {} };
  const body = JSON.stringify({ request, display: request, authHeaders: [], secrets: [], timeoutMs: 5000 });
  const a = await call('/api/fetch', { Cookie: cookie, 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' }, body);
  results[url.replace(origin, 'FAKE')] = a.status === 200 ? { status: 200, upstream: JSON.parse(a.text.split('\\n')[0]).status } : { status: a.status, ...JSON.parse(a.text) };
}
server.kill('SIGTERM');
await new Promise((r) => server.on('exit', r));
fake.close();
process.stdout.write(JSON.stringify(results));
`;

describe('serve in a loopback-only network namespace: metadata always refused', () => {
  it('metadata targets and redirects to them → 502 refused, even with --allow-private-hosts', () => {
    const driver = join(dir, 'driver.mjs');
    writeFileSync(driver, DRIVER);
    const r = runInNetns(process.execPath, [driver, resolve(BIN), dir], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status, String(r.stderr)).toBe(0);
    const results = JSON.parse(String(r.stdout)) as Record<
      string,
      { status: number; error?: string; message?: string; upstream?: number }
    >;
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://[fd00:ec2::254]/',
      'http://metadata.google.internal/',
      'http://0251.0376.0251.0376/',
      'FAKE/to-metadata',
      'FAKE/to-gcp',
      'FAKE/to-ecs',
    ]) {
      expect(results[url], url).toMatchObject({ status: 502, error: 'refused' });
      expect(results[url]?.message, url).not.toMatch(/ENETUNREACH|EHOSTUNREACH/);
    }
    expect(results['FAKE/ok']).toEqual({ status: 200, upstream: 200 });
    // The control: a private address the flag allows is tried, and the namespace stops it.
    expect(results['http://10.0.0.1/']).toMatchObject({ status: 502, error: 'network-error' });
    expect(results['http://10.0.0.1/']?.message).toMatch(/ENETUNREACH|EHOSTUNREACH|unreachable/i);
  });
});
