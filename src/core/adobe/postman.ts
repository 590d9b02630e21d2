/**
 * The verification flow as a Postman v2.1 collection and environment (issue 11 §2), written from the
 * chain model (chain.ts). Bodies and templated query values are built by each request's pre-request
 * script with `JSON.stringify` (so any value is escaped correctly and typed as the spec says); ids
 * are passed on by the test scripts with `pm.environment.set`. Credentials are environment
 * variables typed `secret` with empty values; the base URL is the variable `baseUrl`.
 */
import { ADOBE } from './calls';
import {
  buildFlowChain,
  RUN_DONE,
  type FlowChain,
  type FlowChainResult,
  type FlowOptions,
  type FlowStep,
  type FlowTemplate,
} from './chain';
import type { JsonObject, JsonValue } from '../types';
import { SERVER_FIELDS } from './flowTypes';

/** Schema URL of a Postman v2.1 collection. */
export const POSTMAN_SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/** The two Postman files, or why they cannot be written. */
export type PostmanResult =
  | {
      ok: true;
      collection: JsonObject;
      environment: JsonObject;
      slug: string;
      /** `<slug>.postman_collection.json` */
      collectionFileName: string;
      /** `<slug>.postman_environment.json` */
      environmentFileName: string;
    }
  | Extract<FlowChainResult, { ok: false }>;

const q = (s: string): string => JSON.stringify(s);

/** Helpers every pre-request script starts with (scripts run in separate scopes). */
const PRELUDE = [
  'const val = (k) => { const x = pm.variables.get(k); return x === undefined || x === null ? "" : String(x); };',
  'const typed = (k, t) => { const x = val(k); if (t === "string") return x; if (x === "") return null;',
  '  if (t === "integer" || t === "number") return Number(x); if (t === "boolean") return x === "true"; return JSON.parse(x); };',
  'const schedule = () => { const f = val("frequency") || "once"; const s = { startTime: Number(val("startTime") || Math.floor(Date.now() / 1000)), frequency: f };',
  '  if (f !== "once") s.interval = Number(val("interval")); return s; };',
  `const SERVER_FIELDS = ${JSON.stringify(SERVER_FIELDS.filter((f) => f !== 'id'))};`,
  'const flowSpecWith = (specVar, idVar) => { const fs = JSON.parse(val(specVar)); const id = val(idVar);',
  '  for (const f of SERVER_FIELDS) delete fs[f]; const ids = Array.isArray(fs.sourceConnectionSpecIds) ? fs.sourceConnectionSpecIds : [];',
  '  fs.sourceConnectionSpecIds = ids.includes(id) ? ids : ids.concat([id]); return fs; };',
  'const b64 = (s) => CryptoJS.enc.Base64.stringify(CryptoJS.enc.Utf8.parse(s));',
];

/** A JavaScript expression (for a pre-request script) that builds `t` from the variables. */
function jsExpr(t: FlowTemplate, types: Map<string, string>): string {
  switch (t.t) {
    case 'lit':
      return JSON.stringify(t.v);
    case 'var':
      return `typed(${q(t.name)}, ${q(types.get(t.name) ?? 'string')})`;
    case 'obj': {
      const parts = t.members.map((m) => {
        const one = `{ ${q(m.key)}: ${jsExpr(m.value, types)} }`;
        return m.when ? `(val(${q(m.when)}) !== "" ? ${one} : {})` : one;
      });
      return `Object.assign({}, ${parts.join(', ')})`;
    }
    case 'arr':
      return `[${t.items.map((x) => jsExpr(x, types)).join(', ')}]`;
    case 'schedule':
      return 'schedule()';
    case 'flowSpecWith':
      return `flowSpecWith(${q(t.spec)}, ${q(t.id)})`;
    case 'concat':
      return `[${t.parts.map((x) => jsExpr(x, types)).join(', ')}].join("")`;
    case 'base64json':
      return `b64(JSON.stringify(${jsExpr(t.value, types)}))`;
  }
}

/** A readable picture of a template for the request's description: variables as `{{name}}`. */
function preview(t: FlowTemplate): JsonValue {
  switch (t.t) {
    case 'lit':
      return t.v;
    case 'var':
      return `{{${t.name}}}`;
    case 'obj':
      return Object.fromEntries(t.members.map((m) => [m.key, preview(m.value)]));
    case 'arr':
      return t.items.map(preview);
    case 'schedule':
      return {
        startTime: '{{startTime}}',
        frequency: '{{frequency}}',
        interval: '{{interval}} (not for once)',
      };
    case 'flowSpecWith':
      return `{{${t.spec}}} with {{${t.id}}} in sourceConnectionSpecIds (once), server fields dropped`;
    case 'concat':
      return t.parts.map((p) => String(preview(p))).join('');
    case 'base64json':
      return `base64(${JSON.stringify(preview(t.value))})`;
  }
}

function describeStep(step: FlowStep): string {
  const lines = [`${step.title}.${step.when ? ` Runs only when the variable \`${step.when}\` is set.` : ''}`];
  const templated = step.query.filter((x) => x.value.t !== 'lit');
  if (step.body && step.body.t !== 'text')
    lines.push(
      '',
      'The pre-request script builds the body from the variables (a member whose variable is empty is left out):',
      '```json',
      JSON.stringify(preview(step.body), null, 2),
      '```',
    );
  for (const x of templated)
    lines.push('', `Query \`${x.key}\` (built by the pre-request script): \`${String(preview(x.value))}\``);
  return lines.join('\n');
}

/** `{{var}}`-only templates need no script; a literal string query value is written as is. */
const literalString = (t: FlowTemplate): string | undefined =>
  t.t === 'lit' && typeof t.v === 'string' ? t.v : undefined;

function itemName(i: number, step: FlowStep): string {
  return `${i + 1}. ${step.title}`;
}

/**
 * The test script of a step: checks the status, keeps the captured ids in the environment, and on a
 * failed call stops the run (`setNextRequest(null)`), as the shell script stops at the first failure.
 */
function testScript(step: FlowStep, chain: FlowChain, names: string[], index: number): string[] {
  const body: string[] = [
    'let res = null; try { res = pm.response.json(); } catch (e) { res = null; }',
    'const at = (path) => path.reduce((o, k) => (o === null || o === undefined ? undefined : o[k]), res);',
  ];
  if (step.id !== 'pollRuns')
    for (const c of step.captures) {
      const value = `at(${JSON.stringify(c.path)})`;
      body.push(
        `pm.test(${q(`response has ${c.path.join('.')}`)}, () => pm.expect(${value}).to.not.be.undefined);`,
        `if (${value} !== undefined) pm.environment.set(${q(c.variable)}, ${c.json ? `JSON.stringify(${value})` : `String(${value})`});`,
      );
    }
  if (step.id === 'createTargetConnection') {
    const flowItem = names[chain.steps.findIndex((s) => s.id === 'createFlow')] ?? '';
    body.push(`if (!pm.variables.get("mappings")) postman.setNextRequest(${q(flowItem)});`);
  }
  if (step.id === 'createFlow') body.push('pm.environment.set("runPolls", "0");');
  if (step.id === 'pollRuns') {
    const status = step.captures[0]!.path;
    body.push(
      `const status = String(at(${JSON.stringify(status)}) || "");`,
      'pm.environment.set("runStatus", status);',
      'const polls = Number(pm.environment.get("runPolls") || 0) + 1;',
      'pm.environment.set("runPolls", String(polls));',
      `if (${JSON.stringify(RUN_DONE.success)}.includes(status)) {`,
      '  pm.test("the dataflow run succeeded", () => pm.expect(status).to.equal("success"));',
      `} else if (${JSON.stringify(RUN_DONE.failed)}.includes(status)) {`,
      '  pm.test("the dataflow run succeeded", () => pm.expect.fail("run status: " + status));',
      '} else if (polls < Number(pm.variables.get("maxPolls") || 1)) {',
      '  const wait = Number(pm.variables.get("verifyWatTimeInSecond") || 0) * 1000;',
      '  setTimeout(() => {}, wait);',
      `  postman.setNextRequest(${q(names[index] ?? '')});`,
      '} else {',
      '  pm.test("the dataflow run finished within maxPolls", () => pm.expect.fail("still " + (status || "not started")));',
      '}',
    );
  }
  return [
    `pm.test(${q(`${step.title}: ${step.method} answered 2xx`)}, () => pm.response.to.be.success);`,
    'if (pm.response.code < 200 || pm.response.code > 299) {',
    '  postman.setNextRequest(null);',
    '} else {',
    ...body.map((l) => `  ${l}`),
    '}',
  ];
}

function item(step: FlowStep, index: number, chain: FlowChain, names: string[]): JsonObject {
  const types = new Map(chain.variables.map((x) => [x.name, x.type]));
  const pre: string[] = [];
  const local = (name: string, expr: string): string => {
    pre.push(`pm.variables.set(${q(name)}, ${expr});`);
    return `{{${name}}}`;
  };
  const query = step.query.map(({ key, value }) => {
    const text = literalString(value);
    return {
      key,
      value: text ?? local(`${step.id}_${key}`, `encodeURIComponent(${jsExpr(value, types)})`),
    };
  });
  let raw: string | undefined;
  if (step.body?.t === 'text') raw = step.body.text;
  else if (step.body) raw = local(`${step.id}Body`, `JSON.stringify(${jsExpr(step.body, types)}, null, 2)`);
  const servicePath = step.service === 'flowservice' ? ADOBE.flowServicePath : ADOBE.conversionPath;
  const pathText = `${servicePath}${step.path}`;
  const queryText = query.map((x) => `${x.key}=${x.value}`).join('&');
  const header = [
    { key: 'Authorization', value: 'Bearer {{authorizationToken}}', type: 'text' },
    { key: 'x-api-key', value: '{{x-api-key}}', type: 'text' },
    { key: 'x-gw-ims-org-id', value: '{{x-gw-ims-org-id}}', type: 'text' },
    { key: 'x-sandbox-name', value: '{{x-sandbox-name}}', type: 'text' },
    ...(raw === undefined ? [] : [{ key: 'Content-Type', value: 'application/json', type: 'text' }]),
  ];
  const event: JsonObject[] = [];
  if (pre.length)
    event.push({ listen: 'prerequest', script: { type: 'text/javascript', exec: [...PRELUDE, ...pre] } });
  event.push({
    listen: 'test',
    script: { type: 'text/javascript', exec: testScript(step, chain, names, index) },
  });
  const request: JsonObject = {
    method: step.method,
    header,
    url: {
      raw: `{{baseUrl}}${pathText}${queryText ? `?${queryText}` : ''}`,
      host: ['{{baseUrl}}'],
      path: pathText.split('/').filter(Boolean),
      ...(query.length ? { query } : {}),
    },
    description: describeStep(step),
  };
  if (raw !== undefined) request.body = { mode: 'raw', raw, options: { raw: { language: 'json' } } };
  return { name: names[index] ?? step.title, event, request };
}

/**
 * The Postman v2.1 collection and environment of the verification flow for `specText` (see
 * `buildFlowChain` for the calls and the options: `authSpecName`, `schedule`, `slug`). The environment
 * (`<title> verification`) lists every variable of FORMAT.md §7 (credentials `authorizationToken`,
 * `x-api-key` typed `secret`, org id and sandbox, `authSpecName`, the chosen auth spec's properties,
 * every `sourceSpec.spec` property, `dataSetId`, `schemaId`, `mappings`, `startTime`,
 * `verifyWatTimeInSecond`, the fixed flow-spec and target ids) plus `baseUrl` (default
 * `https://platform.adobe.io`) and the ids the flow captures; no secret has a value. Fails (never
 * throws) as `buildFlowChain` does.
 */
export function postmanFiles(specText: string, options: FlowOptions = {}): PostmanResult {
  const built = buildFlowChain(specText, options);
  if (!built.ok) return built;
  const chain = built.chain;
  const names = chain.steps.map((s, i) => itemName(i, s));
  const collection: JsonObject = {
    info: {
      name: `${chain.title} — verification flow`,
      description: [
        `Self-Serve Sources verification flow for ${chain.title}, written by Spec Studio.`,
        'Run it with the collection runner and the environment of the same name: it creates the connection spec,',
        'adds it to the RestStorageToAEP flow spec, creates the base, source and target connections, an optional',
        'mapping set and the dataflow, then polls the dataflow runs. Set the credentials and inputs in the',
        'environment first; `baseUrl` points the flow at another server.',
      ].join(' '),
      schema: POSTMAN_SCHEMA,
    },
    item: chain.steps.map((s, i) => item(s, i, chain, names)),
    variable: [{ key: 'baseUrl', value: ADOBE.platformUrl, type: 'string' }],
  };
  const environment: JsonObject = {
    name: `${chain.title} verification`,
    values: chain.variables.map((x) => ({
      key: x.name,
      value: x.secret ? '' : x.value,
      type: x.secret ? 'secret' : 'default',
      enabled: true,
    })),
    _postman_variable_scope: 'environment',
  };
  return {
    ok: true,
    collection,
    environment,
    slug: chain.slug,
    collectionFileName: `${chain.slug}.postman_collection.json`,
    environmentFileName: `${chain.slug}.postman_environment.json`,
  };
}
