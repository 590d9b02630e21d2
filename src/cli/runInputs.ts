/**
 * The run inputs `simulate` and `run` share: `--param name=value`, `--auth`, the schedule window
 * (`--window-start`, `--window-end`, `--backfill`), read once here into the core's `RunOptions`.
 */
import { parseInstant, type RunOptions, type SpecModel } from '@core';
import { CliError } from './io';

/** The parseArgs options of the run inputs (spread into a command's own options). */
export const RUN_INPUT_OPTIONS = {
  param: { type: 'string' as const, multiple: true as const, default: [] as string[] },
  auth: { type: 'string' as const },
  'window-start': { type: 'string' as const },
  'window-end': { type: 'string' as const },
  backfill: { type: 'boolean' as const, default: false },
};

/** The parsed values of {@link RUN_INPUT_OPTIONS}. */
export interface RunInputValues {
  param?: string[];
  auth?: string;
  'window-start'?: string;
  'window-end'?: string;
  backfill?: boolean;
}

/**
 * `name=value` pairs as own properties of a plain object (a name such as `__proto__` is data).
 * A pair without `=` or with an empty name is unusable input (exit 2).
 */
export function parseParams(list: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const item of list) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new CliError(`--param expects name=value, got "${item}"`);
    Object.defineProperty(params, item.slice(0, eq), {
      value: item.slice(eq + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return params;
}

/** An ISO 8601 instant or epoch seconds as epoch ms; unusable input (exit 2) otherwise. */
export function instant(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = parseInstant(text);
  if (value === null)
    throw new CliError(`${flag}: "${text}" is neither an ISO 8601 instant nor epoch seconds`);
  return value;
}

/**
 * The run's options from the command line: params, the auth spec (`--auth` must name one of the
 * spec's auth specs), the window (both ends or neither; end after start) and backfill. Every
 * problem is unusable input (exit 2).
 */
export function runOptionsFrom(values: RunInputValues, model: SpecModel): RunOptions {
  if (values.auth !== undefined && !model.authSpecs.some((a) => a.name === values.auth)) {
    const names = model.authSpecs.map((a) => `"${a.name}"`).join(', ') || 'none';
    throw new CliError(`--auth "${values.auth}" is not an authSpec of this spec (it has: ${names})`);
  }
  const start = instant('--window-start', values['window-start']);
  const end = instant('--window-end', values['window-end']);
  if ((start === undefined) !== (end === undefined)) {
    throw new CliError('--window-start and --window-end go together');
  }
  if (start !== undefined && end !== undefined && end <= start) {
    throw new CliError('--window-end must be after --window-start');
  }
  const options: RunOptions = { params: parseParams(values.param ?? []), backfill: values.backfill === true };
  if (values.auth !== undefined) options.authName = values.auth;
  if (start !== undefined && end !== undefined) options.window = { start, end };
  return options;
}
