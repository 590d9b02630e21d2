/**
 * BAD-INPUTS group G (CLI and dev proxy) and the CSP side of the core. Spec Studio makes no live
 * calls and has no dev proxy: simulated requests are built, shown and never sent. So G1–G5 cannot
 * occur; these tests keep it that way by checking that the built CLI, src/cli and src/core contain
 * no network client code, and that the dev server binds to 127.0.0.1 with no proxy. If a live
 * runner or a proxy is ever added, these tests fail and G1–G5 need real tests. They read source and
 * build text instead of running an input, so their titles carry "[static]" and
 * scripts/hostile-summary.mjs counts them as static checks, not as inputs tried.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../../', import.meta.url).pathname;

function files(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = join(dir, name);
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...files(rel, ext));
    else if (ext.test(name)) out.push(rel);
  }
  return out;
}

/** Network clients and servers of Node and the browser, and the usual libraries. */
const NETWORK = [
  /\bfetch\s*\(/,
  /\bXMLHttpRequest\b/,
  /\bWebSocket\b/,
  /\bEventSource\b/,
  /\bsendBeacon\b/,
  /\b(?:http|https|http2)\.(?:request|get|createServer)\b/,
  /\bnet\.(?:connect|createConnection|createServer)\b/,
  /\btls\.connect\b/,
  /\bdgram\b/,
  /['"](?:node:)?(?:http|https|http2|net|tls|dgram|undici|axios|node-fetch|http-proxy|http-proxy-middleware)['"]/,
];

const SOURCES = [...files('src/core', /\.(ts|js)$/), ...files('src/cli', /\.ts$/)];
const BUNDLE = 'dist-cli/spec-studio.mjs';

describe('G1–G5: no network code, so no redirects, bombs, slowloris or proxies', () => {
  it.each([
    ['G1', '3xx redirects cannot be followed'],
    ['G2', 'no response can be endless, huge or compressed'],
    ['G3', 'no live response can be mistaken for JSON'],
    ['G5', 'no proxy path matcher can throw'],
  ])('%s [static]: the built CLI has no network client (%s)', (_id, _why) => {
    const bundle = readFileSync(join(ROOT, BUNDLE), 'utf8');
    for (const pattern of NETWORK) expect(bundle, `${pattern} in ${BUNDLE}`).not.toMatch(pattern);
  });
  it.each(SOURCES.map((f) => [f]))('G1 [static]: %s has no network client code', (file) => {
    const source = readFileSync(join(ROOT, file), 'utf8');
    for (const pattern of NETWORK) expect(source, `${pattern} in ${file}`).not.toMatch(pattern);
  });
  it('G4 [static]: the dev and preview servers bind to 127.0.0.1 and configure no proxy', () => {
    const config = readFileSync(join(ROOT, 'vite.config.ts'), 'utf8');
    expect(config).toMatch(/server:\s*\{\s*host:\s*'127\.0\.0\.1'/);
    expect(config).toMatch(/preview:\s*\{\s*host:\s*'127\.0\.0\.1'/);
    expect(config).not.toMatch(/\bproxy\s*:/);
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))).not.toHaveProperty(
      'dependencies.http-proxy-middleware',
    );
  });
  it('G3 [static]: the CLI reads responses only from files, as strict JSON (see tests/hostile/cli for the messages)', () => {
    const bundle = readFileSync(join(ROOT, BUNDLE), 'utf8');
    expect(bundle).toMatch(/new TextDecoder\(["']utf-8["'], \{\s*fatal: true/);
  });
});

describe('CSP: the core generates no code at runtime', () => {
  it.each(SOURCES.filter((f) => f.startsWith('src/core')).map((f) => [f]))(
    '%s has no eval or Function',
    (file) => {
      const code = readFileSync(join(ROOT, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      expect(code).not.toMatch(/\beval\s*\(|\bnew\s+Function\b|\bFunction\s*\(/);
      // Type-only imports of ajv are fine; a value import would bring its runtime compiler back.
      expect(code).not.toMatch(/^import (?!type\b)[^;]*from 'ajv/m);
    },
  );
});
