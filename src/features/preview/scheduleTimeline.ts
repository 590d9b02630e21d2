import { checkDateFormat, DEFAULT_DATE_FORMAT, scheduleParts, scheduleRuns, type Schedule } from '@core';
import { dateFormatText, scheduleText } from './coreText';
import type { FlowScheduleInputs } from '../../store/previewTypes';
import { t } from '../../i18n';
import { parseUtcLocal } from './runOptions';

/** Runs listed by the timeline. */
export const TIMELINE_RUNS = 10;
const HOUR_MS = 3_600_000;

/** One run of a flow: its window (epoch ms) and the schedule parameters its requests carry. */
export interface TimelineRun {
  index: number;
  start: number;
  end: number;
  /** ADVANCE only: which template the run renders (the first run is a backfill when there is one). */
  mode: 'backfill' | 'incremental' | null;
  /** Standard form: the query pairs (rendered with the spec’s formats); empty for ADVANCE. */
  params: Array<[string, string]>;
  /** What is sent: `since=…&before=…` (query-encoded), or the rendered ADVANCE template. */
  sent: string;
  /** Why this run’s parameters could not be rendered (a template needing a missing value). */
  error?: string;
}

/** Problems of the flow inputs, by the field they belong to (shown inline). */
export interface TimelineErrors {
  start?: string;
  interval?: string;
  format?: string;
}

export type Timeline =
  { ok: true; startTime: number; runs: TimelineRun[] } | { ok: false; errors: TimelineErrors };

/** The flow start in epoch seconds: the typed UTC time, or the next full hour after `now`. */
function startSeconds(text: string, now: number): number | null {
  if (text.trim() === '') return Math.ceil(now / HOUR_MS) * (HOUR_MS / 1000);
  const ms = parseUtcLocal(text);
  return ms === null ? null : Math.floor(ms / 1000);
}

function formatProblem(schedule: Schedule | undefined): string | undefined {
  if (!schedule) return undefined;
  const formats =
    schedule.type === 'STANDARD' ? [schedule.startFormat, schedule.endFormat] : [schedule.paramFormat];
  for (const f of formats) {
    const fmt = f === '' ? DEFAULT_DATE_FORMAT : f;
    const bad = checkDateFormat(fmt).find((c) => c.severity === 'error');
    if (bad) return t('run.schedule.dateFormat', { format: fmt, message: dateFormatText(bad) });
  }
  return undefined;
}

/**
 * The next `count` runs of a flow schedule (core `scheduleRuns`, whose windows are epoch seconds,
 * with the flow spec’s rules: `once` takes no interval, `minute` needs ≥ 15, others ≥ 1) and, for
 * each, the schedule parameters exactly as its requests carry them: standard form
 * `start=…&end=…` rendered with the spec’s formats and query-encoded; ADVANCE the rendered
 * `backfill` template for the first run (when present) and `incremental` for the others.
 * `values`/`declared` resolve `${x}` inside ADVANCE templates. Input problems are values by field.
 */
export function scheduleTimeline(
  schedule: Schedule | undefined,
  flow: FlowScheduleInputs,
  ctx: {
    values: Record<string, string>;
    declared: ReadonlySet<string>;
    now: number;
    secrets?: ReadonlySet<string>;
  },
  count = TIMELINE_RUNS,
): Timeline {
  const errors: TimelineErrors = {};
  const startTime = startSeconds(flow.start, ctx.now);
  if (startTime === null) errors.start = t('run.schedule.enterStart');
  else if (startTime < 0) errors.start = t('run.schedule.before1970');
  const text = flow.interval.trim();
  const interval = flow.frequency === 'once' ? undefined : text === '' ? NaN : Number(text);
  const format = formatProblem(schedule);
  if (format) errors.format = format;
  if (startTime === null || startTime < 0) return { ok: false, errors };
  // The flow spec’s interval rule, said in the chosen language (the core’s scheduleRuns says it in English).
  const min = flow.frequency === 'minute' ? 15 : 1;
  if (interval !== undefined && (!Number.isInteger(interval) || interval < min))
    return {
      ok: false,
      errors: { ...errors, interval: t('run.schedule.intervalMin', { frequency: flow.frequency, min }) },
    };
  const r = scheduleRuns({ startTime, frequency: flow.frequency, interval }, count);
  if (!r.ok) return { ok: false, errors: { ...errors, interval: scheduleText(r) } };
  if (format) return { ok: false, errors };
  const runs = r.windows.map((w, index): TimelineRun => {
    const start = w.start * 1000;
    const end = w.end * 1000;
    const run: TimelineRun = { index, start, end, mode: null, params: [], sent: '' };
    if (!schedule) return run;
    // The first run of a flow is a backfill run when the ADVANCE schedule has a backfill template.
    const backfill = schedule.type === 'ADVANCE' && index === 0 && schedule.backfill !== undefined;
    if (schedule.type === 'ADVANCE') run.mode = backfill ? 'backfill' : 'incremental';
    // `sent` is shown: secrets are masked (issue 9 item 1); an input without a value shows as
    // `‹name›`, as in the Requests tab (a preview needs no credentials).
    const parts = scheduleParts(schedule, { start, end }, backfill, ctx.values, ctx.declared, {
      secrets: ctx.secrets ?? new Set(),
      missing: 'marker',
    });
    if (!parts.ok) run.error = scheduleText(parts);
    else if (schedule.type === 'STANDARD') {
      run.params = parts.query;
      run.sent = new URLSearchParams(parts.query).toString();
    } else run.sent = parts.engineShown.SCHEDULE_QUERY ?? '';
    return run;
  });
  return { ok: true, startTime, runs };
}
