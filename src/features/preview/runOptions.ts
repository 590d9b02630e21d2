import type { ParamDecl, RunOptions, SpecModel } from '@core';
import type { RunInputs } from '../../store/previewTypes';

/** `YYYY-MM-DDTHH:mm` (a datetime-local value) read as UTC → epoch ms; null when empty or invalid. */
export function parseUtcLocal(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(text)) return null;
  const ms = Date.parse(`${text}Z`);
  return Number.isFinite(ms) ? ms : null;
}

/** Epoch ms → `YYYY-MM-DDTHH:mm` in UTC (for a datetime-local input). */
export function formatUtcLocal(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

/** The parameters a run of `model` takes with the chosen auth spec: user inputs, then auth values. */
export function runParams(
  model: SpecModel,
  authName: string | null,
): { user: ParamDecl[]; auth: ParamDecl[] } {
  const auth = model.authSpecs.find((a) => a.name === authName) ?? model.authSpecs[0];
  return { user: model.userInputs, auth: auth?.params ?? [] };
}

/**
 * The core’s run options from what the Requests tab holds. Empty values are left out (so the
 * simulation shows `‹x›` and warns once per input) unless the declaration has a default; a window is passed only when
 * both bounds are valid (else the core’s default: the 24 hours before now).
 */
export function toRunOptions(inputs: RunInputs, model: SpecModel | null): RunOptions {
  const params: Record<string, string> = {};
  const put = (name: string, value: string): void => {
    Object.defineProperty(params, name, { value, enumerable: true, writable: true, configurable: true });
  };
  if (model) {
    const { user, auth } = runParams(model, inputs.authName);
    for (const p of [...user, ...auth]) {
      if (p.default !== undefined && p.default !== null && typeof p.default !== 'object')
        put(p.name, String(p.default));
    }
  }
  for (const [name, value] of Object.entries(inputs.values)) if (value !== '') put(name, value);
  const options: RunOptions = { params, backfill: inputs.backfill };
  if (inputs.authName) options.authName = inputs.authName;
  const start = parseUtcLocal(inputs.windowStart);
  const end = parseUtcLocal(inputs.windowEnd);
  if (start !== null && end !== null) options.window = { start, end };
  return options;
}

/**
 * Required inputs of the chosen auth spec and the user inputs that have neither a value nor a default:
 * a live run, which sends real requests, names them and sends nothing until they are given.
 */
export function missingRequired(model: SpecModel, inputs: RunInputs): string[] {
  const { user, auth } = runParams(model, inputs.authName);
  const given = (p: ParamDecl): boolean =>
    (Object.hasOwn(inputs.values, p.name) && (inputs.values[p.name] ?? '').trim() !== '') ||
    (p.default !== undefined && p.default !== null && p.default !== '');
  return [...user, ...auth].filter((p) => p.required && !given(p)).map((p) => p.name);
}
