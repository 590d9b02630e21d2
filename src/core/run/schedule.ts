/**
 * Schedule windows in requests (SEMANTICS.md §6) and the flow schedule timeline
 * (FORMAT.md §6.2 `scheduleSpec` rules).
 */
import { checkDateFormat, DEFAULT_DATE_FORMAT, formatDate } from '../dates/formatDate';
import { renderTemplatePair } from '../placeholders/placeholders';
import { nestedParams } from '../diagnosticCodes';
import type { Diagnostic, DiagnosticParams, Schedule } from '../types';

/** A run's window [start, end), epoch milliseconds. */
export interface RunWindow {
  start: number;
  end: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const SCHEDULE_POINTER = '/sourceSpec/attributes/scheduleParams';

/** A failure: the English message, and for some a stable `code` with `params` (for the app's languages). */
type Fail = { ok: false; message: string; pointer: string; code?: string; params?: DiagnosticParams };

/**
 * The window of a run: `window` when given, else end = `now` (default `Date.now()`) truncated to
 * the second and start = end − 24 h. A window whose bounds are not finite or whose start is
 * after its end is an error.
 */
export function resolveWindow(window?: RunWindow, now?: number): { ok: true; window: RunWindow } | Fail {
  if (window === undefined) {
    const end = Math.floor((now ?? Date.now()) / 1000) * 1000;
    if (!Number.isFinite(end))
      return { ok: false, message: 'the current time is not a valid instant', pointer: '' };
    return { ok: true, window: { start: end - DAY_MS, end } };
  }
  const { start, end } = window;
  if (![start, end].every((t) => Number.isFinite(t) && Math.abs(t) <= 8.64e15)) {
    return { ok: false, message: 'the schedule window needs valid start and end instants', pointer: '' };
  }
  if (start > end) return { ok: false, message: 'the schedule window starts after it ends', pointer: '' };
  return { ok: true, window: { start, end } };
}

/** What a schedule adds to every request: query pairs (standard form) or engine values (ADVANCE). */
export interface ScheduleParts {
  query: Array<[string, string]>;
  engine: Record<string, string>;
  /** `engine` as shown to people: secrets masked (`••••`). */
  engineShown: Record<string, string>;
  /** Declared inputs the template needed that have no value (rendered `‹name›`). */
  missing: string[];
  diagnostics: Diagnostic[];
}

/** How `scheduleParts` treats secrets and inputs without a value. */
export interface ScheduleRenderOptions {
  /** Names whose values are masked in `engineShown`. */
  secrets?: ReadonlySet<string>;
  /** `marker`: an input without a value renders `‹name›` (simulation); default `error`. */
  missing?: 'error' | 'marker';
}

function render(instant: number, format: string, pointer: string): { ok: true; text: string } | Fail {
  const fmt = format === '' ? DEFAULT_DATE_FORMAT : format;
  const error = checkDateFormat(fmt).find((f) => f.severity === 'error');
  if (error) {
    const params = { format: fmt, kind: error.kind, token: error.token, quote: error.token.slice(0, 1) };
    const message = `date format \`${fmt}\`: ${error.message}`;
    return { ok: false, message, pointer, code: 'schedule-date-format', params };
  }
  return { ok: true, text: formatDate(instant, fmt) };
}

/**
 * Schedule parameters of one run. Standard form: `startParamName=<start>` and
 * `endParamName=<end>` rendered with their formats (default `DEFAULT_DATE_FORMAT`). ADVANCE: the
 * `incremental` template (or `backfill`, when asked and present) with `{START_TIME}`/`{END_TIME}`
 * rendered with `paramFormat` becomes the engine value `SCHEDULE_QUERY`. A format the core cannot
 * render, or a template that needs an undeclared parameter, is an error; so is a declared one
 * without a value unless `options.missing` is `marker`. The template is rendered twice in one
 * pass: `engine` as sent and `engineShown` with the `options.secrets` values masked.
 */
export function scheduleParts(
  schedule: Schedule | undefined,
  window: RunWindow,
  backfill: boolean,
  values: Record<string, string>,
  declared: ReadonlySet<string>,
  options: ScheduleRenderOptions = {},
): ({ ok: true } & ScheduleParts) | Fail {
  const parts: ScheduleParts = { query: [], engine: {}, engineShown: {}, missing: [], diagnostics: [] };
  if (schedule === undefined) return { ok: true, ...parts };
  if (schedule.type === 'STANDARD') {
    const start = render(window.start, schedule.startFormat, `${SCHEDULE_POINTER}/scheduleStartParamFormat`);
    if (!start.ok) return start;
    const end = render(window.end, schedule.endFormat, `${SCHEDULE_POINTER}/scheduleEndParamFormat`);
    if (!end.ok) return end;
    if (schedule.startParamName !== '') parts.query.push([schedule.startParamName, start.text]);
    if (schedule.endParamName !== '') parts.query.push([schedule.endParamName, end.text]);
    return { ok: true, ...parts };
  }
  const formatPointer = `${SCHEDULE_POINTER}/paramFormat`;
  const start = render(window.start, schedule.paramFormat, formatPointer);
  if (!start.ok) return start;
  const end = render(window.end, schedule.paramFormat, formatPointer);
  if (!end.ok) return end;
  const useBackfill = backfill && schedule.backfill !== undefined;
  if (backfill && !useBackfill) {
    parts.diagnostics.push({
      severity: 'info',
      pointer: SCHEDULE_POINTER,
      message:
        'backfill was asked for but scheduleParams has no backfill template: the incremental one is used',
      code: 'schedule-no-backfill',
    });
  }
  const key = useBackfill ? 'backfill' : 'incremental';
  const template = (useBackfill ? schedule.backfill : schedule.incremental) ?? '';
  const engine = { START_TIME: start.text, END_TIME: end.text };
  const ctx = { values, declared, engine, encode: 'raw' as const, missing: options.missing ?? 'error' };
  const r = renderTemplatePair(template, ctx, options.secrets ?? new Set());
  if (!r.ok)
    return {
      ok: false,
      message: `scheduleParams.${key}: ${r.message}`,
      pointer: `${SCHEDULE_POINTER}/${key}`,
      code: 'request-at',
      params: { where: `scheduleParams.${key}`, ...nestedParams('problem', r) },
    };
  parts.engine.SCHEDULE_QUERY = r.value;
  parts.engineShown.SCHEDULE_QUERY = r.display;
  parts.missing = r.missing ?? [];
  return { ok: true, ...parts };
}

/** A flow schedule (`POST /flows` `scheduleParams`): start in epoch seconds. */
export interface FlowSchedule {
  startTime: number;
  frequency: 'once' | 'minute' | 'hour' | 'day' | 'week';
  interval?: number;
}

const PERIOD_S = { minute: 60, hour: 3600, day: 86400, week: 604800 } as const;
const MAX_RUNS = 10_000;

/**
 * The first `count` run windows of a flow schedule, in epoch **seconds** like `startTime`:
 * window k is [startTime + k·P, startTime + (k+1)·P) with P = interval × frequency. A `once`
 * flow has one zero-length window at `startTime`. Enforces the flow spec's rules: `once` takes
 * no interval; `minute` needs an integer interval ≥ 15; `hour`/`day`/`week` need ≥ 1; count is
 * an integer from 0 to 10000.
 */
export function scheduleRuns(
  flow: FlowSchedule,
  count: number,
):
  | { ok: true; windows: Array<{ start: number; end: number }> }
  | { ok: false; message: string; code: string; params: DiagnosticParams } {
  const { startTime, frequency, interval } = flow;
  if (!Number.isInteger(count) || count < 0 || count > MAX_RUNS) {
    const message = `count must be an integer from 0 to ${MAX_RUNS}`;
    return { ok: false, message, code: 'schedule-count', params: { max: MAX_RUNS } };
  }
  if (!Number.isInteger(startTime) || startTime < 0) {
    const message = 'startTime must be a non-negative integer (epoch seconds)';
    return { ok: false, message, code: 'schedule-start-time', params: {} };
  }
  if (frequency === 'once') {
    if (interval !== undefined)
      return {
        ok: false,
        message: 'a "once" schedule takes no interval',
        code: 'schedule-once-interval',
        params: {},
      };
    return { ok: true, windows: count === 0 ? [] : [{ start: startTime, end: startTime }] };
  }
  if (!Object.prototype.hasOwnProperty.call(PERIOD_S, frequency)) {
    return {
      ok: false,
      message: `frequency must be once, minute, hour, day or week, not "${String(frequency)}"`,
      code: 'schedule-frequency',
      params: { frequency: String(frequency) },
    };
  }
  const min = frequency === 'minute' ? 15 : 1;
  if (interval === undefined) {
    const message = `a "${frequency}" schedule needs an interval`;
    return { ok: false, message, code: 'schedule-needs-interval', params: { frequency } };
  }
  if (!Number.isInteger(interval) || interval < min) {
    const message = `a "${frequency}" schedule needs an integer interval of at least ${min}`;
    return { ok: false, message, code: 'schedule-interval-min', params: { frequency, min } };
  }
  const period = PERIOD_S[frequency] * interval;
  const windows = Array.from({ length: count }, (_, k) => ({
    start: startTime + k * period,
    end: startTime + (k + 1) * period,
  }));
  return { ok: true, windows };
}
