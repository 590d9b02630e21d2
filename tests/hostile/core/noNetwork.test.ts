/**
 * BAD-INPUTS group G, static side. Since issue 10 Spec Studio sends live requests, through ONE
 * door (src/server/outbound.ts) that tests/hostile/server attacks with real inputs (G1–G3, G5).
 * These checks keep it one door: the core and the app hold no Node network client, the only
 * outgoing connections in src/ are opened in outbound.ts (DNS only in netguard.ts), the only
 * listening socket is created in src/server/http.ts, and the dev and preview servers bind to
 * 127.0.0.1 with no proxy (G4). They read source text instead of running an input, so their
 * titles carry "[static]" and scripts/hostile-summary.mjs counts them apart.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../../', import.meta.url).pathname;

function files(dir: string, ext: RegExp): string[] {
  if (!existsSync(join(ROOT, dir))) return [];
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = join(dir, name);
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...files(rel, ext));
    else if (ext.test(name)) out.push(rel);
  }
  return out;
}

/** Source without comments, so a comment that names `http.request` is no finding. */
const code = (file: string): string =>
  readFileSync(join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');

/** Every network client of the browser and of Node, and the usual libraries: none in the core or the CLI. */
const ANY_CLIENT = [
  /\bfetch\s*\(/,
  /\bXMLHttpRequest\b/,
  /\bWebSocket\b/,
  /\bEventSource\b/,
  /\bsendBeacon\b/,
  /\b(?:http|https|http2)\.(?:request|get|connect|createServer)\b/,
  /\bnet\.(?:connect|createConnection|createServer|Socket)\b/,
  /\btls\.connect\b/,
  /\bdgram\b/,
  /['"](?:node:)?(?:http|https|http2|net|tls|dgram|dns|dns\/promises|undici|axios|node-fetch|http-proxy|http-proxy-middleware)['"]/,
];

/** Node's network modules (and the usual client libraries): what the app side may never import. */
const NODE_NET =
  /['"](?:node:)?(?:http|https|http2|net|tls|dgram|dns|dns\/promises|undici|axios|node-fetch|http-proxy|http-proxy-middleware)['"]/;

const CORE_AND_CLI = [...files('src/core', /\.(ts|js)$/), ...files('src/cli', /\.ts$/)];
const APP = ['src/features', 'src/store', 'src/lib', 'src/components', 'src/app', 'src/workers'].flatMap(
  (d) => files(d, /\.(ts|tsx)$/),
);
const SERVER = files('src/server', /\.ts$/);
const ALL_SRC = files('src', /\.(ts|tsx|js|mjs)$/);

interface NetImport {
  file: string;
  module: string;
  /** Value (non-type) names imported; `*` for a namespace or default import. */
  names: string[];
}

/** The value imports of Node network modules in `file` (type-only imports are harmless). */
function netImports(file: string): NetImport[] {
  const found: NetImport[] = [];
  const re =
    /import\s+(type\s+)?([^'";]*?)\s*from\s*['"](?:node:)?(http|https|http2|net|tls|dgram|dns|dns\/promises|undici)['"]/g;
  for (const m of code(file).matchAll(re)) {
    if (m[1]) continue;
    const clause = (m[2] as string).trim();
    const names: string[] = [];
    const braces = /\{([^}]*)\}/.exec(clause);
    if (
      clause
        .replace(/\{[^}]*\}/, '')
        .replace(/,/g, '')
        .trim() !== ''
    )
      names.push('*');
    for (const part of braces ? (braces[1] as string).split(',') : []) {
      const p = part.trim();
      if (p === '' || p.startsWith('type ')) continue;
      names.push(p.split(/\s+as\s+/)[0] as string);
    }
    if (names.length > 0) found.push({ file, module: m[3] as string, names });
  }
  return found;
}

/** The one place each network value may be imported; anything else fails. */
const ALLOWED: Record<string, Record<string, string[]>> = {
  'src/server/outbound.ts': { http: ['request'], net: ['connect'], tls: ['connect'] },
  'src/server/netguard.ts': { 'dns/promises': ['lookup'] },
  'src/server/http.ts': { http: ['createServer'] },
};
/** Pure helpers of node:net any server file may use (no socket). */
const HARMLESS = new Set(['isIP', 'isIPv4', 'isIPv6']);

describe('G1–G5 [static]: one outbound door, no client code elsewhere', () => {
  it.each(CORE_AND_CLI.map((f) => [f]))('G1 [static]: %s has no network client code', (file) => {
    const source = code(file);
    for (const pattern of ANY_CLIENT) expect(source, `${pattern} in ${file}`).not.toMatch(pattern);
  });

  it.each(APP.map((f) => [f]))('G1 [static]: %s (app) imports no Node network module', (file) => {
    expect(code(file), `a Node network module in ${file}`).not.toMatch(NODE_NET);
  });

  it('G1 [static]: outgoing connections are opened only in src/server/outbound.ts, DNS only in netguard.ts, a listener only in http.ts', () => {
    const offending: string[] = [];
    for (const file of ALL_SRC) {
      for (const imp of netImports(file)) {
        const allowed = ALLOWED[file]?.[imp.module] ?? [];
        for (const name of imp.names) {
          if (imp.module === 'net' && HARMLESS.has(name)) continue;
          if (!allowed.includes(name)) offending.push(`${file}: ${name} from node:${imp.module}`);
        }
      }
    }
    expect(offending).toEqual([]);
    // The door really is where the connections are made.
    expect(
      netImports('src/server/outbound.ts').flatMap((i) => i.names.map((n) => `${i.module}.${n}`)),
    ).toEqual(expect.arrayContaining(['http.request', 'net.connect', 'tls.connect']));
  });

  it.each(SERVER.map((f) => [f]))(
    'G1 [static]: %s sends nothing by itself (no fetch, no client library)',
    (file) => {
      const source = code(file);
      for (const pattern of ANY_CLIENT.slice(0, 5))
        expect(source, `${pattern} in ${file}`).not.toMatch(pattern);
      expect(source).not.toMatch(/['"](?:undici|axios|node-fetch|got|http-proxy|http-proxy-middleware)['"]/);
      expect(source).not.toMatch(
        /\b(?:http|https|http2)\.(?:request|get)\b|\bnet\.(?:connect|createConnection)\b|\btls\.connect\b/,
      );
    },
  );

  it('G4 [static]: the dev and preview servers bind to 127.0.0.1 and configure no proxy', () => {
    const config = readFileSync(join(ROOT, 'vite.config.ts'), 'utf8');
    expect(config).toMatch(/\bserver:\s*\{[^}]*\bhost:\s*'127\.0\.0\.1'/);
    expect(config).toMatch(/\bpreview:\s*\{[^}]*\bhost:\s*'127\.0\.0\.1'/);
    expect(config).not.toMatch(/\bproxy\s*:/);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<
      string,
      Record<string, string>
    >;
    for (const deps of [pkg.dependencies, pkg.devDependencies]) {
      expect(Object.keys(deps ?? {})).not.toContain('http-proxy-middleware');
      expect(Object.keys(deps ?? {})).not.toContain('http-proxy');
    }
  });

  it('G3 [static]: responses are decoded as strict UTF-8 before JSON parsing (the built CLI)', () => {
    const bin = process.env.SPEC_STUDIO_BIN ?? join(ROOT, 'dist-cli/spec-studio.mjs');
    expect(readFileSync(bin, 'utf8')).toMatch(/new TextDecoder\(["']utf-8["'], \{\s*fatal: true/);
  });
});

describe('CSP: the core generates no code at runtime', () => {
  it.each(CORE_AND_CLI.filter((f) => f.startsWith('src/core')).map((f) => [f]))(
    '%s has no eval or Function',
    (file) => {
      const source = code(file);
      expect(source).not.toMatch(/\beval\s*\(|\bnew\s+Function\b|\bFunction\s*\(/);
      // Type-only imports of ajv are fine; a value import would bring its runtime compiler back.
      expect(source).not.toMatch(/^import (?!type\b)[^;]*from 'ajv/m);
    },
  );
});
