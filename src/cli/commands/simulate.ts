import {
  classifyTarget,
  simulate,
  type JsonValue,
  type SampleResponse,
  type SimulatedRequest,
  type SimulationResult,
} from '@core';
import { CliError, createWriter, parseArgs, readJson, warn, warnToStderr } from '../io';
import { RUN_INPUT_OPTIONS, runOptionsFrom } from '../runInputs';
import { readSpecModel } from '../specInput';

export const SIMULATE_HELP = `Usage: spec-studio simulate --spec <spec.json> [--param name=value]... [--auth "<authSpec name>"]
       [--window-start <ISO|epoch s> --window-end <ISO|epoch s>] [--backfill] [--with-headers]
       [--allow-private-hosts]
       <response1.json> <response2.json>...

Simulates a run of the source: response k answers request k. Prints one JSON line per request
  {"method","url","headers","body"?}   (secrets masked as ••••)
then a last line {"stop":"<reason>"} with the reason: single-request, end-condition, short-page, end-page,
no-pointer, no-token, max-requests, loop-detected or samples-exhausted (after which the request that would
come next is printed as {"next":{...}}).
--param values fill both user inputs (sourceSpec.spec) and auth values (authSpec[].spec).
--with-headers: each response file is {"headers":{...},"body":...} (for PAGE endPageIndex "headers.x").
The window defaults to the 24 hours before now; a run is incremental unless --backfill is given.
An input without a value does not block a simulation: the requests show ‹name› in its place, with one
  warning per missing input on stderr (exit 0). Secrets (format: password) are masked everywhere.
--allow-private-hosts: simulate requests to loopback (localhost, 127/8, ::1), link-local (169.254/16,
  fe80::/10), private (10/8, 172.16/12, 192.168/16, fc00::/7), shared (100.64/10) or unspecified
  (0.0.0.0/8, ::) hosts, as a URL parser reads them (2130706433 and 0x7f.1 are 127.0.0.1). Without it
  such a run is refused (exit 1): requests are never sent, but the platform would send them from its
  network (server-side request forgery, CWE-918). Always refused, even with the flag: cloud metadata
  (169.254.169.254, fd00:ec2::254, metadata.google.internal, 100.100.100.200) and any URL that would
  not be sent as written (control characters, spaces or backslashes, user info, a host written
  otherwise than a URL parser reads it, such as %31%32%37.0.0.1 or full-width digits).
Exit status: 0 on a normal stop; 1 when the run cannot start, loops or goes to a refused host;
2 for unusable input.`;

function toSample(file: string, value: JsonValue, withHeaders: boolean): SampleResponse {
  if (!withHeaders) return { body: value };
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !('body' in value)) {
    throw new CliError(`${file}: with --with-headers, a response file is {"headers":{...},"body":...}`);
  }
  const headers: Record<string, string> = {};
  const raw = value.headers;
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [k, v] of Object.entries(raw)) headers[k.toLowerCase()] = String(v);
  }
  return { body: value.body ?? null, headers };
}

/**
 * The host rules, applied to every request of the run (request 1, each next link, the next
 * request) through the core's one door, `classifyTarget`: exit 1 for a metadata host or a URL
 * that would not be sent as written (always), or a loopback/link-local/private/unspecified/shared
 * host without --allow-private-hosts. Messages quote the masked URL, never a secret. An input
 * without a value (`‹domain›` in the host) stands for one DNS label while the host is checked.
 */
function refuseTargets(result: SimulationResult, allowPrivateHosts: boolean): void {
  const requests: SimulatedRequest[] = result.steps.slice();
  if (result.next) requests.push(result.next);
  const fill = (url: string): string =>
    url.replace(/‹([A-Za-z_][A-Za-z0-9_.-]*)›/g, (m, name: string) =>
      result.missingInputs.includes(name) ? 'x' : m,
    );
  requests.forEach(({ request, display }, i) => {
    const verdict = classifyTarget(fill(request.url), { allowPrivateHosts, display: fill(display.url) });
    if (verdict.ok) return;
    const which = i < result.steps.length ? `request ${i + 1}` : 'the next request';
    if (verdict.reason === 'invalid') throw new CliError(`${which}: ${verdict.message}: refused`, 1);
    const why = verdict.alwaysRefused
      ? 'refused, even with --allow-private-hosts (cloud metadata services hold credentials)'
      : 'refused (server-side request forgery risk); pass --allow-private-hosts to simulate it anyway';
    throw new CliError(`${which} goes to a ${verdict.message}: ${why}`, 1);
  });
}

/** `spec-studio simulate`: the requests of a run over sample responses, then the stop reason. */
export async function runSimulate(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      spec: { type: 'string' },
      ...RUN_INPUT_OPTIONS,
      'with-headers': { type: 'boolean', default: false },
      'allow-private-hosts': { type: 'boolean', default: false },
    },
  });
  if (!values.spec) throw new CliError('simulate needs --spec <spec.json> (see --help)');
  const { model } = await readSpecModel(values.spec);
  const options = runOptionsFrom(values, model);
  const responses: SampleResponse[] = [];
  for (const file of positionals)
    responses.push(toSample(file, await readJson(file, warnToStderr(file)), values['with-headers']));

  const result = simulate(model, options, responses);
  if (result.stop.reason === 'blocked') throw new CliError(`cannot simulate: ${result.stop.message}`, 1);
  refuseTargets(result, values['allow-private-hosts'] === true);
  const out = createWriter();
  for (const step of result.steps) await out.line(JSON.stringify(step.display));
  await out.line(JSON.stringify({ stop: result.stop.reason }));
  if (result.next) await out.line(JSON.stringify({ next: result.next.display }));
  await out.flush();
  if (result.stop.reason !== 'loop-detected') {
    for (const d of result.diagnostics) warn(d);
  } else {
    throw new CliError(result.stop.message, 1);
  }
  return 0;
}
