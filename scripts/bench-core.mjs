#!/usr/bin/env node
/**
 * Core benchmark: JSON.parse vs flatten on a ~50 MB MailChimp-like response, then (when jq is on PATH)
 * the whole `spec-studio flatten` process vs an equivalent jq program and vs a hand-specialised Node
 * loop for the same spec, run side by side (interleaved), after checking that all three print the
 * same bytes for the 50 MB response. Plain Node ESM; run by `npm run bench`. Imports the built core (dist-cli/core.mjs), building it first when missing.
 * Re-runs itself with --expose-gc so heap figures start from a collected heap.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DIST, ensureCliBuild, ROOT } from './bench-build.mjs';
import { validateRows } from './bench-core-validate.mjs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BENCH = join(ROOT, '.bench');
// BENCH_DIST_DIR points at another build of vite.cli.config.ts (default dist-cli).
const CORE = join(DIST, 'core.mjs');
const CLI = join(DIST, 'spec-studio.mjs');
const TARGET_BYTES = 50 * 1024 * 1024;
const RUNS = 3;
/** Targets: whole-process time of `spec-studio flatten` over jq's and over the hand-written loop's. */
const CLI_JQ_TARGET = 0.35;
const CLI_LOOP_TARGET = 1.2;

if (typeof globalThis.gc !== 'function') {
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exit(r.status ?? 1);
}

ensureCliBuild(CORE, 'bench');
const { flatten } = await import(pathToFileURL(CORE).href);

/** mulberry32: small seeded PRNG, so every run benchmarks the same bytes. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'alpha',
  'bravo',
  'charlie',
  'delta',
  'echo',
  'foxtrot',
  'golf',
  'hotel',
  'india',
  'juliet',
  'kilo',
  'lima',
];
const ACTIONS = ['open', 'click', 'bounce', 'sent', 'unsub'];
function member(rnd, i, listId) {
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const hex = (n) => Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('');
  const day = (d) => new Date(Date.UTC(2024, 0, 1) + d * 3600_000).toISOString().replace('.000Z', '+00:00');
  const first = pick(WORDS);
  const last = pick(WORDS);
  // Numbers are integers or binary fractions (k/1024), printed identically by JS and jq 1.6 (%.17g).
  const frac = () => Math.floor(rnd() * 1024) / 1024;
  return {
    id: hex(32),
    email_address: `${first}.${last}.${i}@example.com`,
    unique_email_id: hex(10),
    full_name: `${first} ${last}`,
    web_id: Math.floor(rnd() * 1e9),
    email_type: 'html',
    status: pick(['subscribed', 'unsubscribed', 'cleaned', 'pending']),
    merge_fields: {
      FNAME: first,
      LNAME: last,
      ADDRESS: `${i} ${pick(WORDS)} street`,
      PHONE: `+1-555-${hex(4)}`,
      BIRTHDAY: '01/02',
    },
    stats: {
      avg_open_rate: frac(),
      avg_click_rate: frac(),
      ecommerce_data: {
        total_revenue: Math.floor(rnd() * 1e5),
        number_of_orders: Math.floor(rnd() * 50),
        currency_code: 'USD',
      },
    },
    ip_signup: `10.${Math.floor(rnd() * 255)}.${Math.floor(rnd() * 255)}.${Math.floor(rnd() * 255)}`,
    timestamp_signup: day(Math.floor(rnd() * 8000)),
    member_rating: Math.floor(rnd() * 5),
    last_changed: day(Math.floor(rnd() * 8000)),
    language: pick(['en', 'fr', 'de', 'ja']),
    vip: rnd() < 0.1,
    location: {
      latitude: 40 + frac(),
      longitude: -70 - frac(),
      gmtoff: 0,
      dstoff: 0,
      country_code: 'US',
      timezone: 'America/New_York',
    },
    tags: Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_, k) => ({ id: k + 1, name: pick(WORDS) })),
    activity: Array.from({ length: 10 }, (_, k) => {
      const action = pick(ACTIONS);
      const a = { action, timestamp: day(Math.floor(rnd() * 8000) + k) };
      if (action === 'click') a.url = `https://example.com/${pick(WORDS)}/${hex(8)}`;
      return a;
    }),
    list_id: listId,
    _links: [
      { rel: 'self', href: `https://us1.api.mailchimp.com/3.0/lists/${listId}/members/${i}`, method: 'GET' },
      { rel: 'parent', href: `https://us1.api.mailchimp.com/3.0/lists/${listId}/members`, method: 'GET' },
    ],
  };
}

/** Writes a MailChimp-like response of about `bytes` bytes; returns its member count. */
function generate(file, bytes, seed) {
  const rnd = prng(seed);
  const parts = [];
  let size = 0;
  let n = 0;
  while (size < bytes) {
    const s = JSON.stringify(member(rnd, n, 'a1b2c3'));
    parts.push(s);
    size += s.length + 1;
    n++;
  }
  writeFileSync(file, `{"members":[${parts.join(',')}],"list_id":"a1b2c3","total_items":${n},"_links":[]}`);
  return n;
}

const SPEC = {
  name: 'bench-mailchimp-members',
  type: 'generic-rest',
  sourceSpec: {
    attributes: {
      urlParams: { host: 'https://us1.api.mailchimp.com', path: '/3.0/lists/a1b2c3/members', method: 'GET' },
      contentPath: { path: '$.members', skipAttributes: ['_links'], overrideWrapperAttribute: 'member' },
      explodeEntityPath: { path: '$.member.activity', overrideWrapperAttribute: 'activity' },
      paginationParams: { type: 'NONE' },
    },
  },
};
const CONFIG = {
  contentPath: {
    path: '$.members',
    skipAttributes: ['_links'],
    keepAttributes: [],
    overrideWrapperAttribute: 'member',
  },
  explodeEntityPath: {
    path: '$.member.activity',
    skipAttributes: [],
    keepAttributes: [],
    overrideWrapperAttribute: 'activity',
  },
};
/** The same records with jq: contentPath + skip + wrap + explode (missing/empty arrays: record once). */
const JQ_PROGRAM =
  '.members[] | del(._links) | {member: .} | if ((.member.activity | type) == "array" and (.member.activity | length) > 0) then (.member.activity[] as $a | .member.activity = $a) else . end';

/**
 * The same records with a Node loop written for this one spec (read, JSON.parse, a plain loop, one
 * JSON.stringify per record, one write): the floor a general CLI is measured against.
 */
const NODE_LOOP = `import { readFileSync } from 'node:fs';
const body = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const out = [];
for (const m of body.members) {
  const member = {};
  for (const k of Object.keys(m)) if (k !== '_links') member[k] = m[k];
  const activity = member.activity;
  if (Array.isArray(activity) && activity.length > 0) {
    for (const a of activity) out.push(JSON.stringify({ member: { ...member, activity: a } }));
  } else {
    out.push(JSON.stringify({ member }));
  }
}
out.push('');
process.stdout.write(out.join('\\n'));
`;

/** Runs a command with stdout hashed as it streams: exit status, byte count and SHA-256. */
function hashRun(cmd, args) {
  return new Promise((resolve) => {
    const hash = createHash('sha256');
    let bytes = 0;
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.on('data', (chunk) => {
      bytes += chunk.length;
      hash.update(chunk);
    });
    child.on('close', (status) => resolve({ status, bytes, sha: hash.digest('hex') }));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;
const mb = (x) => `${(x / 1024 / 1024).toFixed(1)} MB`;
function time(fn) {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

mkdirSync(BENCH, { recursive: true });
const responseFile = join(BENCH, 'mailchimp-members-50mb.json');
const specFile = join(BENCH, 'mailchimp-members.spec.json');
writeFileSync(specFile, JSON.stringify(SPEC, null, 2));
if (!existsSync(responseFile) || statSync(responseFile).size < TARGET_BYTES) {
  console.log('generating .bench/mailchimp-members-50mb.json (seeded) ...');
  generate(responseFile, TARGET_BYTES, 20260102);
}
const text = readFileSync(responseFile, 'utf8');

// Warm-up, then RUNS measured runs of each step. Heap: gc() first, then heapUsed after flatten with
// its records still referenced (a synchronous call cannot be sampled by a timer mid-way, so this is
// the retained peak of the result; process maxRSS is shown as the whole-process ceiling).
flatten(CONFIG, [JSON.parse(text)]);
const parseTimes = [];
const flattenTimes = [];
let records = 0;
let members = 0;
let heapDelta = 0;
for (let i = 0; i < RUNS; i++) {
  globalThis.gc();
  const p = time(() => JSON.parse(text));
  parseTimes.push(p.ms);
  members = p.value.members.length;
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  const f = time(() => flatten(CONFIG, [p.value]));
  flattenTimes.push(f.ms);
  heapDelta = Math.max(heapDelta, process.memoryUsage().heapUsed - before);
  records = f.value.records.length;
}
if (records !== members * 10) {
  console.error(`bench: expected ${members * 10} records, got ${records}`);
  process.exit(1);
}
const parseMs = median(parseTimes);
const flattenMs = median(flattenTimes);
const ratio = flattenMs / parseMs;

const rows = [
  ['input', `${mb(text.length)} (${members} members, ${records} records)`, ''],
  ['JSON.parse (median of 3)', ms(parseMs), ''],
  ['flatten, parse excluded (median of 3)', ms(flattenMs), ''],
  ['flatten / parse', ratio.toFixed(2), ratio <= 1 ? 'PASS (≤ 1.0)' : 'FAIL (target ≤ 1.0)'],
  ['records per second', Math.round(records / (flattenMs / 1000)).toLocaleString('en-US'), ''],
  ['heap retained by the records (after gc)', mb(heapDelta), ''],
  ['process max RSS', mb(process.resourceUsage().maxRSS * 1024), ''],
];

let cliVerdict = 'skipped';
const hasJq = spawnSync('jq', ['--version']).status === 0;
if (!existsSync(CLI)) {
  rows.push(['CLI vs jq', 'skipped: dist-cli/spec-studio.mjs is missing', '']);
} else if (!hasJq) {
  rows.push(['CLI vs jq', 'skipped: jq is not on PATH', '']);
} else {
  // Same output first, on the 50 MB response itself: CLI, jq and the Node loop must print the
  // same bytes, or the timings compare different work (and the verdicts fail).
  const loopFile = join(BENCH, 'node-loop.mjs');
  writeFileSync(loopFile, NODE_LOOP);
  const cliArgs = [CLI, 'flatten', '--spec', specFile, responseFile];
  const loopArgs = [loopFile, responseFile];
  const jqArgs = ['-c', JQ_PROGRAM, responseFile];
  const outputs = [
    await hashRun(process.execPath, cliArgs),
    await hashRun('jq', jqArgs),
    await hashRun(process.execPath, loopArgs),
  ];
  const [cliOut, jqOut, loopOut] = outputs;
  const same = outputs.every((o) => o.status === 0 && o.sha === cliOut.sha && o.bytes === cliOut.bytes);
  rows.push([
    'CLI, jq and Node loop print the same bytes (50 MB response)',
    same
      ? `yes (${mb(cliOut.bytes)}, sha256 ${cliOut.sha.slice(0, 12)})`
      : `NO (cli ${cliOut.status}/${cliOut.sha.slice(0, 8)}, jq ${jqOut.status}/${jqOut.sha.slice(0, 8)}, loop ${loopOut.status}/${loopOut.sha.slice(0, 8)})`,
    same ? '' : 'FAIL',
  ]);
  const devNull = openSync('/dev/null', 'w');
  const wall = (cmd, args) => {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { stdio: ['ignore', devNull, 'pipe'], maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
    return performance.now() - t0;
  };
  // Interleaved, so the three see the same machine load; the first round warms the file cache.
  const cliTimes = [];
  const loopTimes = [];
  const jqTimes = [];
  wall(process.execPath, cliArgs);
  wall(process.execPath, loopArgs);
  for (let i = 0; i < RUNS; i++) {
    cliTimes.push(wall(process.execPath, cliArgs));
    loopTimes.push(wall(process.execPath, loopArgs));
    jqTimes.push(wall('jq', jqArgs));
  }
  closeSync(devNull);
  const cliMs = median(cliTimes);
  const loopMs = median(loopTimes);
  const jqMs = median(jqTimes);
  const jqRatio = cliMs / jqMs;
  const loopRatio = cliMs / loopMs;
  const jqPass = same && jqRatio <= CLI_JQ_TARGET;
  const loopPass = same && loopRatio <= CLI_LOOP_TARGET;
  cliVerdict = jqPass && loopPass ? 'PASS' : 'FAIL';
  rows.push(['spec-studio flatten, whole process (median of 3)', ms(cliMs), '']);
  rows.push(['jq -c (same records), whole process (median of 3)', ms(jqMs), '']);
  rows.push(['hand-written Node loop, whole process (median of 3)', ms(loopMs), '']);
  rows.push([
    'CLI / jq',
    jqRatio.toFixed(2),
    `${jqPass ? 'PASS' : 'FAIL'} (≤ ${CLI_JQ_TARGET}${same ? '' : ', and the same output'})`,
  ]);
  rows.push([
    'CLI / Node loop',
    loopRatio.toFixed(2),
    `${loopPass ? 'PASS' : 'FAIL'} (≤ ${CLI_LOOP_TARGET}${same ? '' : ', and the same output'})`,
  ]);
}

let validateVerdict = 'skipped';
if (existsSync(CLI)) {
  const vRows = validateRows(CLI);
  rows.push(...vRows);
  validateVerdict = vRows.some((r) => r[2].startsWith('FAIL')) ? 'FAIL' : 'PASS';
}

const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
console.log(`\nSpec Studio core benchmark (node ${process.version}, --expose-gc)\n`);
for (const [a, b, c] of rows) console.log(`  ${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`);
console.log(
  `\n  flatten/parse: ${ratio <= 1 ? 'PASS' : 'FAIL'}   CLI (vs jq and vs Node loop): ${cliVerdict}   validate: ${validateVerdict}\n`,
);
process.exit(ratio <= 1 && cliVerdict !== 'FAIL' && validateVerdict !== 'FAIL' ? 0 : 1);
