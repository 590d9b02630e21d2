import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { flowScript, postmanFiles, type FlowFrequency, type FlowOptions } from '@core';
import { parseArgs } from '../args';
import { CliError, readText } from '../io';
import { readSpecModel } from '../specInput';

const SHARED = `--auth <name>         the authSpec the base connection uses (default: the first)
--start <time>        the flow's startTime: Unix seconds or an ISO date (default: when it runs)
--frequency <f>       once, minute, hour, day or week (default hour)
--interval <n>        whole number; minute needs 15 or more (default 1, 15 for minute)`;

export const POSTMAN_HELP = `Usage: spec-studio postman --spec <spec.json> --out <dir> [--auth <name>]
                          [--start <time>] [--frequency <f>] [--interval <n>]

Writes the Self-Serve Sources verification flow as a Postman v2.1 collection and its environment:
  <dir>/<slug>.postman_collection.json
  <dir>/<slug>.postman_environment.json
(<slug> from the spec's uiAttributes label key or name) and prints both paths, one per line.
The calls, in order: POST /connectionSpecs, GET + PUT of the RestStorageToAEP flow spec (the new id
added once), POST /connections, GET /connections/{id}/explore, POST /sourceConnections,
POST /targetConnections (data lake), POST /conversion/mappingSets (when "mappings" is set),
POST /flows, then GET /runs until the run succeeds. Ids pass from one call to the next in the
test scripts. The environment lists every variable to fill in; credentials are typed secret and
left empty; baseUrl defaults to https://platform.adobe.io. <dir> is created when missing.
${SHARED}
Exit status: 0 when both files were written; 2 for unusable input (one stderr line).`;

export const FLOW_SCRIPT_HELP = `Usage: spec-studio flow-script --spec <spec.json> [--auth <name>]
                              [--start <time>] [--frequency <f>] [--interval <n>] > flow.sh

Prints the Self-Serve Sources verification flow as a bash script (curl + jq), the same calls as
spec-studio postman. The script reads credentials and inputs from environment variables only
(ADOBE_ACCESS_TOKEN, ADOBE_API_KEY, ADOBE_ORG_ID, ADOBE_SANDBOX, DATASET_ID, AUTH_<PROPERTY>,
SOURCE_<PROPERTY>, …, listed at its top), refuses to start without them, never prints a secret,
and reads SPEC_STUDIO_BASE_URL (default https://platform.adobe.io) to point it at another server.
${SHARED}
Exit status: 0 when the script was printed; 2 for unusable input (one stderr line).`;

const FREQUENCIES: readonly FlowFrequency[] = ['once', 'minute', 'hour', 'day', 'week'];
const OPTIONS = {
  spec: { type: 'string' },
  auth: { type: 'string' },
  start: { type: 'string' },
  frequency: { type: 'string' },
  interval: { type: 'string' },
} as const;

/** The flow options from the shared flags; a bad value is a CliError naming the flag. */
function flowOptions(values: {
  auth?: string;
  start?: string;
  frequency?: string;
  interval?: string;
}): FlowOptions {
  const options: FlowOptions = {};
  if (values.auth !== undefined) options.authSpecName = values.auth;
  const schedule: NonNullable<FlowOptions['schedule']> = {};
  if (values.frequency !== undefined) {
    if (!FREQUENCIES.includes(values.frequency as FlowFrequency))
      throw new CliError(`--frequency: ${values.frequency} is not one of ${FREQUENCIES.join(', ')}`);
    schedule.frequency = values.frequency as FlowFrequency;
  }
  if (values.start !== undefined) {
    const s = values.start.trim();
    const seconds = /^\d+$/.test(s) ? Number(s) : Math.floor(Date.parse(s) / 1000);
    if (!Number.isSafeInteger(seconds) || seconds < 0)
      throw new CliError(`--start: ${values.start} is neither Unix seconds nor an ISO date`);
    schedule.startTime = seconds;
  }
  if (values.interval !== undefined) {
    const n = Number(values.interval);
    const min = schedule.frequency === 'minute' ? 15 : 1;
    if (schedule.frequency === 'once') throw new CliError('--interval: a "once" flow takes no interval');
    if (!/^\d+$/.test(values.interval) || n < min)
      throw new CliError(`--interval: ${values.interval} is not a whole number of at least ${min}`);
    schedule.interval = n;
  }
  if (Object.keys(schedule).length) options.schedule = schedule;
  return options;
}

async function readSpecText(path: string | undefined, command: string): Promise<string> {
  if (path === undefined) throw new CliError(`${command} needs --spec <spec.json> (see --help)`);
  // Refuses what is not a connection spec (one line), then keeps the text as written for the body.
  await readSpecModel(path);
  return readText(path);
}

/** Writes `text` to `path` through a temporary file beside it and a rename. */
async function writeFileAtomically(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, text, { flag: 'wx' });
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw new CliError(`${path}: cannot write (${(error as { code?: string }).code ?? String(error)})`);
  }
}

/** `spec-studio postman`: the verification flow as a Postman collection + environment. */
export async function runPostman(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...OPTIONS, out: { type: 'string' } },
  });
  if (positionals.length)
    throw new CliError(`postman takes no file arguments (got ${positionals[0]}; see --help)`);
  if (values.out === undefined) throw new CliError('postman needs --out <dir> (see --help)');
  const options = flowOptions(values);
  const specText = await readSpecText(values.spec, 'postman');
  const files = postmanFiles(specText, options);
  if (!files.ok) throw new CliError(`${values.spec ?? ''}: ${files.message}`);
  const dir = values.out;
  const existing = await stat(dir).catch(() => null);
  if (existing && !existing.isDirectory()) throw new CliError(`${dir}: is a file, expected a folder`);
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new CliError(
      `${dir}: cannot create the folder (${(error as { code?: string }).code ?? String(error)})`,
    );
  }
  const collection = join(dir, files.collectionFileName);
  const environment = join(dir, files.environmentFileName);
  await writeFileAtomically(collection, `${JSON.stringify(files.collection, null, 2)}\n`);
  await writeFileAtomically(environment, `${JSON.stringify(files.environment, null, 2)}\n`);
  process.stdout.write(`${collection}\n${environment}\n`);
  return 0;
}

/** `spec-studio flow-script`: the verification flow as a bash + curl script on stdout. */
export async function runFlowScript(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  if (positionals.length)
    throw new CliError(`flow-script takes no file arguments (got ${positionals[0]}; see --help)`);
  const options = flowOptions(values);
  const specText = await readSpecText(values.spec, 'flow-script');
  const script = flowScript(specText, options);
  if (!script.ok) throw new CliError(`${values.spec ?? ''}: ${script.message}`);
  await new Promise<void>((resolve, reject) =>
    process.stdout.write(script.script, (e) => (e ? reject(e) : resolve())),
  );
  return 0;
}
