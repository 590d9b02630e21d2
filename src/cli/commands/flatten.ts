import {
  csvLines,
  flatten,
  flattenRecords,
  MAX_CSV_COLUMNS,
  quoteText,
  toTable,
  type Diagnostic,
  type JsonValue,
} from '@core';
import { CliError, createWriter, parseArgs, readJson, warn, warnToStderr } from '../io';
import { readSpecModel } from '../specInput';

export const FLATTEN_HELP = `Usage: spec-studio flatten --spec <spec.json> [--format ndjson|csv] <response.json>...

Extracts and flattens the records of each response with the spec's contentPath and explodeEntityPath.
Prints the records of all responses in order, one JSON line each (NDJSON, keys in source order), or a
CSV table with dotted columns (--format csv; at most ${MAX_CSV_COLUMNS.toLocaleString('en-US')} columns, a warning says when more
were left out). Diagnostics go to stderr as JSON lines, including parser warnings (duplicate keys,
integers beyond 2^53 that JSON numbers cannot keep exactly).
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
    throw new CliError(`--format must be ndjson or csv, not ${quoteText(String(values.format))}`);
  }
  if (positionals.length === 0) throw new CliError('flatten needs at least one response file (see --help)');
  const { model } = await readSpecModel(values.spec);
  if (!model.contentPath)
    throw new CliError(`${values.spec}: no sourceSpec.attributes.contentPath to extract records with`);
  const responses: JsonValue[] = [];
  for (const file of positionals) responses.push(await readJson(file, warnToStderr(file)));
  const out = createWriter();
  let diagnostics: Diagnostic[];
  if (values.format === 'csv') {
    const result = flatten(model, responses);
    diagnostics = result.diagnostics;
    const table = toTable(result.records);
    const left = table.columns.length - MAX_CSV_COLUMNS;
    if (left > 0) {
      warn({
        severity: 'warning',
        pointer: '',
        code: 'csv-columns-capped',
        message: `the CSV holds the first ${MAX_CSV_COLUMNS.toLocaleString('en-US')} of ${table.columns.length.toLocaleString('en-US')} columns; ${left.toLocaleString('en-US')} columns are left out (use --format ndjson for every field)`,
      });
    }
    // RFC 4180 line ends (CRLF), written line by line.
    for (const line of csvLines(table, MAX_CSV_COLUMNS)) await out.line(`${line}\r`);
  } else {
    // Each record is written as soon as it is made, so none is kept (profiled: holding all the
    // records of a 50 MB response made garbage collection the CLI's largest cost).
    const run = flattenRecords(model, responses);
    let step = run.next();
    while (!step.done) {
      const sent = out.line(JSON.stringify(step.value));
      if (sent) await sent;
      step = run.next();
    }
    diagnostics = step.value.diagnostics;
  }
  await out.flush();
  for (const d of diagnostics) warn(d);
  return 0;
}
