import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  LIVE_LIMITS,
  requestParameterOverrideOf,
  startLiveRun,
  type LiveExchange,
  type LiveRunOptions,
  type LiveStop,
  type LiveStopReason,
} from '@core';
import { createSender } from '../../server/outbound';
import { CliError, createWriter, parseArgs, warn } from '../io';
import { RUN_INPUT_OPTIONS, runOptionsFrom } from '../runInputs';
import { readSpecModel } from '../specInput';

export const RUN_HELP = `Usage: spec-studio run --spec <spec.json> [--param name=value]... [--auth "<authSpec name>"]
       [--window-start <ISO|epoch s> --window-end <ISO|epoch s>] [--backfill]
       [--max-pages N] [--timeout-ms N] [--save-pages DIR] [--records FILE] [--allow-private-hosts]

Runs the source against the real API, page by page, exactly as a simulation pages (SEMANTICS §5),
waiting delayRequestMillis between requests. Prints one JSON line per request sent
  {"method","url","headers","status","ms","records"}   (secrets masked as ••••; status null when
                                                        nothing came back, with "error")
  a 429/503 with Retry-After ≤ 60 s is its own line ("kind":"retry"), waited for and sent again, at
  most 3 times; an OAuth2 refresh is its own line ("kind":"token-refresh")
then a last line {"stop":"<reason>"}: single-request, end-condition, short-page, end-page, no-pointer,
no-token, max-requests or max-pages (normal stops), or http-error, network-error, timeout, too-large,
refused-host, not-json, loop-detected, blocked, aborted (errors: one line on stderr with the API's own
message and what to check).
--param values fill both user inputs (sourceSpec.spec) and auth values (authSpec[].spec); a live run
  needs every value it sends and does not start without one. The window defaults to the 24 hours
  before now; a run is incremental unless --backfill is given.
OAuth2 refresh code: on a 401, when refreshToken and accessTokenUrl have values, the refresh token is
  exchanged once (grant_type=refresh_token, client id and secret) and the page is sent again with the
  new token (kept in memory only). Field names and GET/POST come from requestParameterOverride: the
  spec's defaults, --param 'requestParameterOverride={"refreshTokenField":"rt",…}' or
  --param requestParameterOverride.authenticationMethod=GET.
--max-pages N: stop after N pages (default ${LIVE_LIMITS.maxPages}) when more are due (stop max-pages, exit 0).
--timeout-ms N: per request, connect to last byte (default ${LIVE_LIMITS.timeoutMs}).
--save-pages DIR: writes each 2xx body exactly as received as DIR/page-1.json, page-2.json, ...
  (DIR is created if missing). --records FILE: the records as NDJSON, as flatten writes them.
Hosts: cloud metadata (169.254.169.254, fd00:ec2::254, metadata.google.internal, numeric disguises)
  is always refused; loopback, private, link-local and shared hosts only with --allow-private-hosts
  (for a local test API). Every DNS answer and every redirect (at most 5) is checked the same way;
  credentials are never sent to another origin. Bodies are capped at 50 MB; no cookies are kept.
Exit status: 0 on a normal stop; 1 on an error stop or a run that cannot start (nothing is sent);
2 for unusable input.`;

/** Stops that end `run` with exit 0. */
const NORMAL: ReadonlySet<LiveStopReason> = new Set([
  'single-request',
  'end-condition',
  'short-page',
  'end-page',
  'no-pointer',
  'no-token',
  'max-requests',
  'max-pages',
]);

/** A whole number in [min, max] from a flag, or unusable input. */
function wholeNumber(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new CliError(`${flag} expects a whole number from ${min} to ${max}, not "${text}"`);
  return n;
}

/** One stdout line for a request sent. */
function exchangeLine(e: LiveExchange): string {
  const line: Record<string, unknown> = {
    method: e.display.method,
    url: e.display.url,
    headers: e.display.headers,
    status: e.status ?? null,
    ms: Math.round(e.ms),
    records: e.records ?? 0,
  };
  if (e.kind === 'retry' || e.kind === 'token-refresh') line.kind = e.kind;
  if (e.error !== undefined) line.error = e.error;
  return JSON.stringify(line);
}

/** The error line of a stop: what happened, then what to check. */
const stopText = (stop: LiveStop): string =>
  stop.hint === '' ? stop.message : `${stop.message} — ${stop.hint}`;

/** `spec-studio run`: a live run against the real API, page by page (issue 10 §3). */
export async function runRun(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      spec: { type: 'string' },
      ...RUN_INPUT_OPTIONS,
      'max-pages': { type: 'string' },
      'timeout-ms': { type: 'string' },
      'save-pages': { type: 'string' },
      records: { type: 'string' },
      'allow-private-hosts': { type: 'boolean', default: false },
    },
  });
  if (!values.spec) throw new CliError('run needs --spec <spec.json> (see --help)');
  if (positionals.length > 0) {
    throw new CliError(`run takes no response files (got "${positionals[0]}"): it fetches the pages itself`);
  }
  const maxPages = wholeNumber('--max-pages', values['max-pages'], 1, 100_000);
  const timeoutMs = wholeNumber('--timeout-ms', values['timeout-ms'], 1, 3_600_000);
  const { doc, model } = await readSpecModel(values.spec);
  const options: LiveRunOptions = runOptionsFrom(values, model);
  if (maxPages !== undefined) options.maxPages = maxPages;
  if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
  // An OAuth spec's own requestParameterOverride defaults apply unless the run gives the object.
  const auth =
    values.auth === undefined ? model.authSpecs[0] : model.authSpecs.find((a) => a.name === values.auth);
  const params = options.params ?? {};
  if (auth?.type === 'OAuth2RefreshCode' && !Object.hasOwn(params, 'requestParameterOverride')) {
    const defaults = requestParameterOverrideOf(doc, auth.index);
    if (defaults !== undefined) params.requestParameterOverride = defaults;
  }

  const pagesDir = values['save-pages'];
  if (pagesDir !== undefined) {
    try {
      await mkdir(pagesDir, { recursive: true });
    } catch (error) {
      throw new CliError(
        `--save-pages ${pagesDir}: cannot create the folder (${(error as { code?: string }).code ?? 'error'})`,
      );
    }
  }
  const records = values.records === undefined ? undefined : await openRecords(values.records);

  const send = createSender({ allowPrivateHosts: values['allow-private-hosts'] === true });
  const out = createWriter();
  const started = startLiveRun(model, options, send);
  if (!started.ok) {
    await out.line(JSON.stringify({ stop: 'blocked' }));
    await out.flush();
    await records?.close();
    throw new CliError(`cannot start the run: ${stopText(started.stop)}`, 1);
  }
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  let stop: LiveStop | undefined;
  try {
    while (!stop) {
      const step = await started.run.step(controller.signal);
      stop = step.stop;
      for (const e of step.exchanges) {
        // A request the host rules refused before any byte left was not sent: no line.
        const unsent = e.status === undefined && e.redirects.length === 0 && stop?.reason === 'refused-host';
        if (!unsent) await out.line(exchangeLine(e));
      }
      if (step.page) {
        if (pagesDir !== undefined)
          await writeFile(join(pagesDir, `page-${step.page.index + 1}.json`), step.page.body);
        if (records) for (const r of step.page.records) await records.line(JSON.stringify(r));
      }
      await out.flush();
    }
  } finally {
    process.removeListener('SIGINT', onSignal);
    await records?.close();
  }
  await out.line(JSON.stringify({ stop: stop.reason }));
  await out.flush();
  if (NORMAL.has(stop.reason)) {
    if (stop.reason === 'max-pages')
      warn({ severity: 'info', pointer: '', code: 'max-pages', message: stop.message });
    return 0;
  }
  throw new CliError(stopText(stop), 1);
}

/** The records file, written as records come (never all held), closed at the end. */
async function openRecords(path: string) {
  const stream = createWriteStream(path);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (error: NodeJS.ErrnoException) =>
      reject(new CliError(`--records ${path}: cannot write (${error.code ?? error.message})`)),
    );
  });
  const writer = createWriter(stream);
  return {
    line: async (text: string) => {
      const sent = writer.line(text);
      if (sent) await sent;
    },
    close: async () => {
      await writer.flush();
      await new Promise<void>((resolve) => stream.end(() => resolve()));
    },
  };
}
