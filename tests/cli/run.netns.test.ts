/**
 * `spec-studio run` against refused targets (issue 10 §3, §4): the REAL CLI runs inside a
 * loopback-only network namespace (tests/server/netns.ts), next to a small recording API on that
 * namespace's 127.0.0.1, so even a wrong host rule could only yield ENETUNREACH, never a packet
 * off this machine. Fails (never skips) when the namespace is unavailable.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { liveSpecPath } from '../server/fakeApi';
import { requireNetns, runInNetns } from '../server/netns';
import { BIN, expectOneLineError } from './runCli';

const dir = mkdtempSync(join(tmpdir(), 'h1-run-netns-'));

/** A recording API: every request URL goes to the log; /redirect/metadata redirects to metadata. */
const SERVER = `
import { createServer } from 'node:http';
import { appendFileSync, writeFileSync } from 'node:fs';
const [log, portFile] = process.argv.slice(2);
writeFileSync(log, '');
const server = createServer((req, res) => {
  appendFileSync(log, req.url + '\\n');
  if (req.url.startsWith('/redirect/metadata')) {
    res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"items":[]}');
});
server.listen(0, '127.0.0.1', () => writeFileSync(portFile, String(server.address().port)));
`;
const serverFile = join(dir, 'server.mjs');
writeFileSync(serverFile, SERVER);

let seq = 0;

/**
 * Inside one namespace: starts the recording API, then runs `spec-studio run` with `args`, where
 * `$PORT` stands for the API's port. Returns the CLI's exit code, stdout, stderr and the API's log.
 */
function runRefused(args: string[]) {
  requireNetns();
  const n = ++seq;
  const log = join(dir, `log-${n}`);
  const portFile = join(dir, `port-${n}`);
  const quoted = args.map((a) => `"${a.replace(/["\\$`]/g, '\\$&').replace('\\$PORT', '$PORT')}"`).join(' ');
  const script = [
    `"${process.execPath}" "${serverFile}" "${log}" "${portFile}" &`,
    `for i in $(seq 100); do [ -s "${portFile}" ] && break; sleep 0.05; done`,
    `PORT=$(cat "${portFile}")`,
    `"${process.execPath}" "${resolve(BIN)}" run ${quoted}`,
    'code=$?',
    'kill $! 2>/dev/null',
    'exit $code',
  ].join('\n');
  const r = runInNetns('sh', ['-c', script], { encoding: 'utf8', timeout: 30_000 });
  const out = String(r.stdout);
  return {
    code: r.status,
    out,
    err: String(r.stderr),
    lines: out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>),
    received: readFileSync(log, 'utf8').split('\n').filter(Boolean),
  };
}

const spec = (path: string) => {
  const s = JSON.parse(readFileSync(liveSpecPath('none'), 'utf8')) as {
    sourceSpec: { attributes: { urlParams: Record<string, string> } };
  };
  s.sourceSpec.attributes.urlParams.path = path;
  const file = join(dir, `spec-${path.replace(/\W/g, '_')}.json`);
  writeFileSync(file, JSON.stringify(s));
  return file;
};

describe('spec-studio run refuses what the host rules refuse (inside a loopback-only namespace)', () => {
  it('the recording API is reachable in the namespace (so the refusals below are real)', () => {
    const r = runRefused([
      '--spec',
      liveSpecPath('none'),
      '--param',
      'host=http://127.0.0.1:$PORT',
      '--allow-private-hosts',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.received).toEqual(['/none/items']);
  });

  it.each([
    ['http://169.254.169.254', /metadata/],
    ['http://2852039166', /metadata/],
    ['http://[fd00:ec2::254]', /metadata/],
    ['http://metadata.google.internal', /metadata/],
  ])('metadata %s, even with --allow-private-hosts: exit 1, one line, nothing sent', (host, message) => {
    const r = runRefused([
      '--spec',
      liveSpecPath('none'),
      '--param',
      `host=${host}`,
      '--allow-private-hosts',
    ]);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([{ stop: 'refused-host' }]);
    expectOneLineError(r.err, message);
    expect(r.err).toMatch(/cloud metadata addresses are always refused/);
    expect(r.received).toEqual([]);
  });

  it('a loopback host without --allow-private-hosts: exit 1, one line, nothing sent', () => {
    const r = runRefused(['--spec', liveSpecPath('none'), '--param', 'host=http://127.0.0.1:$PORT']);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([{ stop: 'refused-host' }]);
    expectOneLineError(r.err, /^spec-studio: request 1: .*loopback.* — check the host/);
    expect(r.received).toEqual([]);
  });

  it('a redirect to metadata: the first hop only, then exit 1 naming the refused hop', () => {
    const r = runRefused([
      '--spec',
      spec('/redirect/metadata'),
      '--param',
      'host=http://127.0.0.1:$PORT',
      '--allow-private-hosts',
    ]);
    expect(r.code).toBe(1);
    expect(r.received).toEqual(['/redirect/metadata']);
    expect(r.lines).toEqual([
      expect.objectContaining({ status: null, error: expect.stringMatching(/169\.254\.169\.254|metadata/) }),
      { stop: 'refused-host' },
    ]);
    expectOneLineError(r.err, /metadata/);
  });
});
