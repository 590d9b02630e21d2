/**
 * The verification flow as a bash + curl script (issue 11 §2), written from the chain model
 * (chain.ts). Needs bash, curl ≥ 7.76 (`--fail-with-body`) and jq ≥ 1.6, and checks for them.
 * Credentials come from environment variables only (the script refuses to start without them and
 * names the missing ones); they reach curl through a private header file (`-H @file`), never the
 * command line, and are never printed. Bodies are built by jq from the variables, so every value is
 * escaped and typed as the spec says; ids are captured from each response.
 */
import { ADOBE } from './calls';
import {
  buildFlowChain,
  RUN_DONE,
  SERVER_FIELDS,
  type FlowChain,
  type FlowChainResult,
  type FlowOptions,
  type FlowStep,
  type FlowTemplate,
  type FlowVariable,
} from './chain';

/** The script, or why it cannot be written. */
export type FlowScriptResult =
  | { ok: true; script: string; slug: string; /** `<slug>-flow.sh` */ fileName: string }
  | Extract<FlowChainResult, { ok: false }>;

/** `s` as one bash word in single quotes. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A jq expression that builds `t` from jq variables named after the shell variables. */
function jqExpr(t: FlowTemplate, vars: Map<string, FlowVariable>, used: Set<string>): string {
  // Inputs are read from the (exported) environment inside jq, so no secret is ever an argument of
  // a process; only the fixed ids and the ids captured on the way are passed with --arg.
  const env = (name: string): string => {
    const v = vars.get(name);
    const e = v?.env ?? name.toUpperCase();
    if (v?.kind !== 'captured' && v?.kind !== 'fixed') return `($ENV.${e} // "")`;
    used.add(e);
    return `$${e}`;
  };
  switch (t.t) {
    case 'lit':
      return JSON.stringify(t.v);
    case 'var': {
      const ref = env(t.name);
      const type = vars.get(t.name)?.type ?? 'string';
      if (type === 'integer' || type === 'number') return `(${ref} | tonumber)`;
      if (type === 'boolean') return `(${ref} == "true")`;
      if (type === 'json') return `(${ref} | fromjson)`;
      return ref;
    }
    case 'obj': {
      if (t.members.length === 0) return '{}';
      const parts = t.members.map((m) => {
        const one = `{${JSON.stringify(m.key)}: ${jqExpr(m.value, vars, used)}}`;
        return m.when ? `(if ${env(m.when)} != "" then ${one} else {} end)` : one;
      });
      return `(${parts.join(' + ')})`;
    }
    case 'arr':
      return `[${t.items.map((x) => jqExpr(x, vars, used)).join(', ')}]`;
    case 'schedule': {
      const [start, freq, interval] = ['startTime', 'frequency', 'interval'].map(env);
      return `({startTime: (${start} | tonumber), frequency: ${freq}} + (if ${freq} == "once" then {} else {interval: (${interval} | tonumber)} end))`;
    }
    case 'flowSpecWith': {
      const drop = SERVER_FIELDS.filter((f) => f !== 'id').map((f) => `.${f}`);
      const id = env(t.id);
      return `(${env(t.spec)} | fromjson | del(${drop.join(', ')}) | .sourceConnectionSpecIds = ((.sourceConnectionSpecIds // []) as $ids | if any($ids[]; . == ${id}) then $ids else $ids + [${id}] end))`;
    }
    case 'concat':
      return `([${t.parts.map((x) => jqExpr(x, vars, used)).join(', ')}] | join(""))`;
    case 'base64json':
      return `(${jqExpr(t.value, vars, used)} | tojson | @base64)`;
  }
}

/** `jq -n --arg X "$X" … '<expr>'`, with every variable `expr` uses passed in. */
function jqCommand(t: FlowTemplate, vars: Map<string, FlowVariable>, raw: boolean, suffix = ''): string {
  const used = new Set<string>();
  const expr = `${jqExpr(t, vars, used)}${suffix}`;
  const args = [...used].map((e) => `--arg ${e} "$${e}"`).join(' ');
  return `jq -n${raw ? 'r' : ''} ${args} ${shellQuote(expr)}`;
}

/** jq path of a capture: `['items','0','id']` → `.["items"][0]["id"]`. */
function jqPath(path: string[]): string {
  return `.${path.map((k) => (/^\d+$/.test(k) ? `[${k}]` : `[${JSON.stringify(k)}]`)).join('')}`;
}

function stepLines(step: FlowStep, n: number, vars: Map<string, FlowVariable>): string[] {
  const out: string[] = [`# ${n}. ${step.title}`];
  const base = step.service === 'flowservice' ? ADOBE.flowServicePath : ADOBE.conversionPath;
  const path = step.path.replace(
    /\{\{([^}]+)\}\}/g,
    (_, name: string) => `\${${vars.get(name)?.env ?? name}}`,
  );
  const query = step.query.map(({ key, value }) => {
    if (value.t === 'lit' && typeof value.v === 'string') return `${key}=${encodeURIComponent(value.v)}`;
    const local = `Q_${key.toUpperCase()}`;
    out.push(`${local}=$(${jqCommand({ t: 'concat', parts: [value] }, vars, true, ' | @uri')})`);
    return `${key}=\${${local}}`;
  });
  const url = `"$BASE${base}${path}${query.length ? `?${query.join('&')}` : ''}"`;
  let bodyArg = '';
  if (step.body?.t === 'text') {
    // The heredoc ends the text with one line end: the text's own, when it has one.
    out.push(
      `cat > "$WORK/body.json" <<'SPEC_STUDIO_SPEC_EOF'`,
      step.body.text.replace(/\r?\n$/, ''),
      'SPEC_STUDIO_SPEC_EOF',
    );
    bodyArg = ' "$WORK/body.json"';
  } else if (step.body) {
    out.push(`${jqCommand(step.body, vars, false)} > "$WORK/body.json"`);
    bodyArg = ' "$WORK/body.json"';
  }
  const call = `call ${n} ${shellQuote(step.title)} ${step.method} ${url}${bodyArg}`;
  if (step.id === 'pollRuns') {
    const status = jqPath(step.captures[0]!.path);
    return [
      ...out,
      'RUN_STATUS=""',
      'for ((poll = 1; poll <= MAX_POLLS; poll++)); do',
      `  ${call}`,
      `  RUN_STATUS=$(jq -r '${status} // empty' "$WORK/response")`,
      `  echo "   run status: \${RUN_STATUS:-no run yet} (poll $poll of $MAX_POLLS)"`,
      '  case "$RUN_STATUS" in',
      `    ${RUN_DONE.success.join('|')}) echo "The dataflow run succeeded: flow $FLOW_ID"; exit 0 ;;`,
      `    ${RUN_DONE.failed.join('|')}) echo "flow.sh: the dataflow run ended $RUN_STATUS (flow $FLOW_ID)" >&2; exit 1 ;;`,
      '  esac',
      '  if [ "$poll" -lt "$MAX_POLLS" ]; then sleep "$POLL_SECONDS"; fi',
      'done',
      'echo "flow.sh: no finished run after $MAX_POLLS polls, $POLL_SECONDS s apart (last status: ${RUN_STATUS:-none}) — poll again later" >&2',
      'exit 1',
    ];
  }
  out.push(call);
  for (const c of step.captures) {
    const env = vars.get(c.variable)?.env ?? c.variable.toUpperCase();
    out.push(
      `${env}=$(jq ${c.json ? '-c' : '-r'} '${jqPath(c.path)} // empty' "$WORK/response")`,
      `[ -n "$${env}" ] || fail "step ${n}: the response has no ${c.path.join('.')}"`,
    );
    if (!c.json) out.push(`echo "   ${c.variable}: $${env}"`);
  }
  if (!step.when) return out;
  const env = vars.get(step.when)?.env ?? step.when;
  return [
    `if [ -n "$${env}" ]; then`,
    ...out.map((l) => (l.includes('SPEC_STUDIO_SPEC_EOF') ? l : `  ${l}`)),
    'fi',
  ];
}

/** Inputs the script reads (the fixed ids are written in it; `schemaAltId` is for Postman only). */
const scriptInput = (v: FlowVariable): boolean =>
  v.kind !== 'captured' &&
  v.name !== 'schemaAltId' &&
  (v.kind !== 'fixed' || v.env === 'SPEC_STUDIO_BASE_URL');

function header(chain: FlowChain, vars: FlowVariable[]): string[] {
  const inputs = vars.filter(scriptInput);
  const width = Math.max(...inputs.map((v) => v.env.length));
  const rows = inputs.map((v) => {
    const tag = v.required ? 'required' : v.value ? `default ${v.value}` : 'optional';
    return `#   ${v.env.padEnd(width)}  ${v.secret ? 'secret, ' : ''}${tag}: ${v.description}`.replace(
      /\s+$/,
      '',
    );
  });
  return [
    '#!/usr/bin/env bash',
    `# ${chain.title}: the Self-Serve Sources verification flow, written by Spec Studio.`,
    '#',
    '# Creates the connection spec, adds it to the RestStorageToAEP flow spec, creates the base connection',
    `# (auth spec "${chain.authSpecName}"), explores the source, creates the source and data lake target`,
    '# connections, a mapping set when MAPPINGS is set, and the dataflow, then polls its runs.',
    '#',
    '# Needs: bash, curl >= 7.76 (--fail-with-body) and jq >= 1.6',
    '#   (Debian/Ubuntu: apt-get install curl jq; macOS: brew install jq).',
    '# Run:   ADOBE_ACCESS_TOKEN=… ADOBE_API_KEY=… ADOBE_ORG_ID=… ADOBE_SANDBOX=… DATASET_ID=… bash flow.sh',
    '# Exit:  0 when a run succeeded; 1 when a call or the run failed; 2 when something it needs is missing.',
    '# Credentials are read from the environment only; they are never printed or put on a command line.',
    '#',
    '# Environment variables:',
    ...rows,
    '',
    'set -euo pipefail',
    '',
  ];
}

/**
 * The bash + curl script of the verification flow for `specText` (see `buildFlowChain` for the calls
 * and the options `authSpecName`, `schedule`, `slug`). Environment variables: `ADOBE_ACCESS_TOKEN`,
 * `ADOBE_API_KEY`, `ADOBE_ORG_ID`, `ADOBE_SANDBOX`, `DATASET_ID` (required), `AUTH_<PROPERTY>` for
 * the auth spec's properties and `SOURCE_<PROPERTY>` for `sourceSpec.spec`'s (required when the
 * schema requires them and gives no default), `SPEC_STUDIO_BASE_URL` (default
 * `https://platform.adobe.io`), `MAPPINGS` + `SCHEMA_ID` (optional mapping set), `MAPPING_ID`,
 * `START_TIME` (default: the schedule option, else now), `FREQUENCY`, `INTERVAL`, `POLL_SECONDS`,
 * `MAX_POLLS`. The script refuses to start (exit 2, before any request) when one it needs is empty.
 * Fails (never throws) as `buildFlowChain` does.
 */
export function flowScript(specText: string, options: FlowOptions = {}): FlowScriptResult {
  const built = buildFlowChain(specText, options);
  if (!built.ok) return built;
  const chain = built.chain;
  const vars = new Map(chain.variables.map((v) => [v.name, v]));
  const inputs = chain.variables.filter(scriptInput);
  const required = inputs.filter((v) => v.required).map((v) => v.env);
  const secrets = inputs.filter((v) => v.secret || v.kind === 'adobe').map((v) => v.env);
  const lines = [
    ...header(chain, chain.variables),
    'fail() { echo "flow.sh: $*" >&2; exit 1; }',
    'for tool in curl jq; do',
    '  command -v "$tool" >/dev/null 2>&1 || { echo "flow.sh: $tool is needed (Debian/Ubuntu: apt-get install $tool; macOS: brew install $tool)" >&2; exit 2; }',
    'done',
    'jq -n \'$ENV\' >/dev/null 2>&1 || { echo "flow.sh: jq 1.6 or newer is needed (this one has no $ENV)" >&2; exit 2; }',
    '',
    '# Refuse to start without what every call needs.',
    'missing=()',
    `for name in ${required.join(' ')}; do`,
    '  [ -n "${!name:-}" ] || missing+=("$name")',
    'done',
    'if [ -n "${MAPPINGS:-}" ] && [ -z "${SCHEMA_ID:-}" ]; then missing+=(SCHEMA_ID); fi',
    'if [ "${#missing[@]}" -gt 0 ]; then',
    '  echo "flow.sh: missing environment variables: ${missing[*]} — set them and run again (nothing was sent)" >&2',
    '  exit 2',
    'fi',
    `for name in ${secrets.join(' ')}; do`,
    `  case "\${!name:-}" in *$'\\n'* | *$'\\r'*) echo "flow.sh: $name holds a line break" >&2; exit 2 ;; esac`,
    'done',
    '',
    '# Defaults (the variables are documented at the top).',
    ...inputs
      .filter((v) => !v.required && v.kind !== 'fixed' && v.env !== 'START_TIME')
      .map((v) => `: "\${${v.env}:=${v.value.replace(/["\\$`]/g, '\\$&')}}"`),
    `: "\${SPEC_STUDIO_BASE_URL:=${ADOBE.platformUrl}}"`,
    `: "\${START_TIME:=${vars.get('startTime')?.value || '$(date +%s)'}}"`,
    `AUTH_SPEC_NAME=${shellQuote(chain.authSpecName)}`,
    `FLOW_SPEC_ID=${shellQuote(ADOBE.flowSpecId)}`,
    `TARGET_CONNECTION_SPEC_ID=${shellQuote(ADOBE.dataLakeConnectionSpecId)}`,
    'for name in START_TIME POLL_SECONDS MAX_POLLS; do',
    '  [[ "${!name}" =~ ^[0-9]+$ ]] || { echo "flow.sh: $name must be a whole number, not ${!name}" >&2; exit 2; }',
    'done',
    'case "$FREQUENCY" in',
    '  once) ;;',
    '  minute | hour | day | week) [[ "$INTERVAL" =~ ^[0-9]+$ ]] || { echo "flow.sh: INTERVAL must be a whole number for $FREQUENCY" >&2; exit 2; } ;;',
    '  *) echo "flow.sh: FREQUENCY must be once, minute, hour, day or week" >&2; exit 2 ;;',
    'esac',
    `export ${inputs.map((v) => v.env).join(' ')}`,
    'BASE="${SPEC_STUDIO_BASE_URL%/}"',
    `SECRETS=${shellQuote(
      inputs
        .filter((v) => v.secret)
        .map((v) => v.env)
        .join(' '),
    )}`,
    '',
    'WORK=$(mktemp -d)',
    'trap \'rm -rf "$WORK"\' EXIT',
    'umask 077',
    "printf 'Authorization: Bearer %s\\nx-api-key: %s\\nx-gw-ims-org-id: %s\\nx-sandbox-name: %s\\n' \\",
    '  "$ADOBE_ACCESS_TOKEN" "$ADOBE_API_KEY" "$ADOBE_ORG_ID" "$ADOBE_SANDBOX" > "$WORK/headers"',
    '',
    '# call <n> <title> <method> <url> [body file]: the response lands in $WORK/response; a failure stops the flow',
    "# with the platform's own message.",
    'call() {',
    '  local n=$1 title=$2 method=$3 url=$4 body=${5:-} code',
    '  local args=(--silent --show-error --fail-with-body --max-time 120 -X "$method" -H "@$WORK/headers"',
    '    -o "$WORK/response" -w \'%{http_code}\')',
    '  if [ -n "$body" ]; then args+=(-H "Content-Type: application/json" --data-binary "@$body"); fi',
    '  local shown=${url#"$BASE"}',
    '  if ! code=$(curl "${args[@]}" "$url"); then',
    '    if [ "${code:-000}" = 000 ]; then code="nothing (no answer from $BASE)"; fi',
    '    echo "flow.sh: step $n ($title) failed: $method ${shown%%\\?*} answered $code" >&2',
    '    if [ -s "$WORK/response" ]; then',
    '      local msg secret name',
    '      msg=$(head -c 4000 "$WORK/response")',
    '      # An answer that echoes a credential back is shown with it masked.',
    '      for name in $SECRETS; do secret=${!name:-}; if [ -n "$secret" ]; then msg=${msg//"$secret"/••••}; fi; done',
    '      printf \'%s\\n\' "$msg" >&2',
    '    fi',
    '    exit 1',
    '  fi',
    '  echo "$n. $title: $method ${shown%%\\?*} → $code"',
    '}',
    '',
  ];
  chain.steps.forEach((s, i) => lines.push(...stepLines(s, i + 1, vars), ''));
  const script = `${lines.join('\n').replace(/\n+$/, '')}\n`;
  return { ok: true, script, slug: chain.slug, fileName: `${chain.slug}-flow.sh` };
}
