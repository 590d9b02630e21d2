import { parseJson, validate, type Diagnostic } from '@core';
import { CliError, createWriter, parseFailure, readText } from '../io';
import { escapeLine } from '../stderr';

export const VALIDATE_HELP = `Usage: spec-studio validate <spec.json>

Checks a connection spec: JSON Schema, placeholders, pagination and schedule fields, date formats,
JSONPath syntax. Prints one JSON line per diagnostic on stdout:
  {"severity":"error|warning|info","pointer":"/json/pointer","message":"..."}
Exit status: 1 when any error was found, else 0; 2 for unusable input.`;

/** `spec-studio validate`: diagnostics as NDJSON, exit 1 on any error. */
export async function runValidate(args: string[]): Promise<number> {
  const [path, ...rest] = args;
  if (!path || rest.length > 0) throw new CliError('validate takes exactly one spec file (see --help)');
  const text = await readText(path);
  if (text.trim() === '') throw new CliError(`${path}: empty file, expected JSON`);
  const parsed = parseJson(text);
  if (!parsed.ok) throw parseFailure(path, text, parsed.error);
  const fromParser: Diagnostic[] = parsed.warnings.map((w) => ({
    severity: 'warning',
    pointer: w.pointer,
    message: `${w.message} (line ${w.line}, column ${w.column})`,
  }));
  const diagnostics = [...fromParser, ...validate(parsed.value)];
  const out = createWriter();
  for (const d of diagnostics) {
    // JSON escapes C0 controls; escapeLine also escapes C1, line separators and bidi controls.
    await out.line(
      escapeLine(JSON.stringify({ severity: d.severity, pointer: d.pointer, message: d.message })),
    );
  }
  await out.flush();
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
