import { parseArgs } from 'node:util';
import { flatten, tableToCsv, toTable, type JsonValue } from '@core';
import { CliError, createWriter, readJson, warnToStderr } from '../io';
import { readSpecModel } from '../specInput';

export const FLATTEN_HELP = `Usage: spec-studio flatten --spec <spec.json> [--format ndjson|csv] <response.json>...

Extracts and flattens the records of each response with the spec's contentPath and explodeEntityPath.
Prints the records of all responses in order, one JSON line each (NDJSON, keys in source order), or a
CSV table with dotted columns (--format csv). Diagnostics go to stderr as JSON lines, including
parser warnings (duplicate keys, integers beyond 2^53 that JSON numbers cannot keep exactly).
Exit status: 0 on success; 2 for unusable input (unreadable file, invalid JSON, invalid JSONPath).`;

/** `spec-studio flatten`: records as NDJSON or CSV. */
export async function runFlatten(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { spec: { type: 'string' }, format: { type: 'string', default: 'ndjson' } },
  });
  if (!values.spec) throw new CliError('flatten needs --spec <spec.json> (see --help)');
  if (values.format !== 'ndjson' && values.format !== 'csv') {
    throw new CliError(`--format must be ndjson or csv, not "${values.format}"`);
  }
  if (positionals.length === 0) throw new CliError('flatten needs at least one response file (see --help)');
  const { model } = await readSpecModel(values.spec);
  if (!model.contentPath)
    throw new CliError(`${values.spec}: no sourceSpec.attributes.contentPath to extract records with`);
  const responses: JsonValue[] = [];
  for (const file of positionals) responses.push(await readJson(file, warnToStderr(file)));
  const result = flatten(model, responses);
  for (const d of result.diagnostics) process.stderr.write(`${JSON.stringify(d)}\n`);
  const out = createWriter();
  if (values.format === 'csv') {
    await out.line(tableToCsv(toTable(result.records)).replace(/\r?\n$/, ''));
  } else {
    for (const record of result.records) await out.line(JSON.stringify(record));
  }
  await out.flush();
  return 0;
}
