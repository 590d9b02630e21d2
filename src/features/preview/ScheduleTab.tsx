import { useId, useMemo, useState } from 'react';
import type { SpecModel } from '@core';
import { t as tNow, useLocale, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { useSpecStore } from '../../store';
import type { FlowFrequency } from '../../store/previewTypes';
import { runParams, toRunOptions } from './runOptions';
import { scheduleTimeline, TIMELINE_RUNS, type TimelineRun } from './scheduleTimeline';
import './schedule.css';

/** The frequencies, labelled in the chosen language (looked up at render time). */
const frequencies = (): Array<{ id: FlowFrequency; label: string }> => [
  { id: 'once', label: tNow('run.schedule.once') },
  { id: 'minute', label: tNow('run.schedule.everyMinutes') },
  { id: 'hour', label: tNow('run.schedule.everyHours') },
  { id: 'day', label: tNow('run.schedule.everyDays') },
  { id: 'week', label: tNow('run.schedule.everyWeeks') },
];

/** A run’s instant in the chosen language, in UTC (the flow’s times are UTC). */
const UTC_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
  timeZoneName: 'short',
};
const utc = (ms: number) => formatDateTime(ms, UTC_TIME);

function RunItem({ run }: { run: TimelineRun }) {
  useLocale();
  return (
    <li className="pv-sched-run">
      <span className="pv-sched-num">{run.index + 1}</span>
      <div className="pv-sched-main">
        <div className="pv-sched-window">
          {run.start === run.end ? utc(run.start) : `${utc(run.start)} → ${utc(run.end)}`}
          {run.mode && <span className={`pv-sched-mode pv-sched-${run.mode}`}>{run.mode}</span>}
        </div>
        {run.error ? (
          <p className="pv-field-error">{run.error}</p>
        ) : (
          run.sent !== '' && <code className="pv-sched-sent">{run.sent}</code>
        )}
      </div>
    </li>
  );
}

function describeSchedule(model: SpecModel): string {
  const s = model.schedule;
  if (!s) return tNow('run.schedule.none');
  if (s.type === 'STANDARD')
    return tNow('run.schedule.standard', {
      start: s.startParamName || tNow('run.schedule.noStartParam'),
      end: s.endParamName || tNow('run.schedule.noEndParam'),
    });
  return tNow('run.schedule.advance', {
    query: '{SCHEDULE_QUERY}',
    first: s.backfill === undefined ? 'incremental' : 'backfill',
  });
}

/**
 * The next runs of a flow schedule: the flow’s start, frequency and interval (checked by the flow
 * spec’s rules) and, for each run, its window and the schedule parameters its requests carry.
 */
export function ScheduleTab() {
  const model = useSpecStore((s) => s.previewResult?.model ?? null);
  const flow = useSpecStore((s) => s.flowSchedule);
  const setFlow = useSpecStore((s) => s.setFlowSchedule);
  const inputs = useSpecStore((s) => s.runInputs);
  const [now] = useState(() => Date.now());
  const t = useT();
  const locale = useLocale();
  const ids = { start: useId(), freq: useId(), interval: useId(), err: useId() };
  const timeline = useMemo(() => {
    if (!model) return null;
    const { user, auth } = runParams(model, inputs.authName);
    const declared = new Set([...user, ...auth].map((p) => p.name));
    const values = toRunOptions(inputs, model).params ?? {};
    const secrets = new Set([...user, ...auth].filter((p) => p.secret).map((p) => p.name));
    return scheduleTimeline(model.schedule, flow, { values, declared, now, secrets });
    // The locale: the timeline’s messages are written in the chosen language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model, flow, inputs, now, locale]);
  if (!model || !timeline) return <p className="pv-empty">{t('run.computingPreview')}</p>;
  const errors = timeline.ok ? {} : timeline.errors;
  return (
    <div className="pv-schedule">
      <form
        className="pv-sched-form"
        aria-label={t('run.schedule.form')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="pv-field">
          <label htmlFor={ids.start}>{t('run.schedule.startUtc')}</label>
          <input
            id={ids.start}
            type="datetime-local"
            value={flow.start}
            aria-invalid={errors.start ? true : undefined}
            onChange={(e) => setFlow({ start: e.target.value })}
          />
          {errors.start ? (
            <p className="pv-field-error">{errors.start}</p>
          ) : (
            !flow.start && <p className="pv-muted">{t('run.schedule.startEmpty')}</p>
          )}
        </div>
        <div className="pv-field">
          <label htmlFor={ids.freq}>{t('run.schedule.frequency')}</label>
          <select
            id={ids.freq}
            value={flow.frequency}
            onChange={(e) => setFlow({ frequency: e.target.value as FlowFrequency })}
          >
            {frequencies().map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        <div className="pv-field">
          <label htmlFor={ids.interval}>{t('run.schedule.interval')}</label>
          <input
            id={ids.interval}
            type="number"
            min={flow.frequency === 'minute' ? 15 : 1}
            step={1}
            value={flow.frequency === 'once' ? '' : flow.interval}
            disabled={flow.frequency === 'once'}
            aria-invalid={errors.interval ? true : undefined}
            aria-describedby={errors.interval ? ids.err : undefined}
            onChange={(e) => setFlow({ interval: e.target.value })}
          />
          {errors.interval ? (
            <p className="pv-field-error" id={ids.err} role="alert">
              {errors.interval}
            </p>
          ) : (
            <p className="pv-muted">
              {flow.frequency === 'once'
                ? t('run.schedule.onceNoInterval')
                : t('run.schedule.atLeast', { min: flow.frequency === 'minute' ? 15 : 1 })}
            </p>
          )}
        </div>
      </form>
      <p className="pv-muted pv-sched-about">{describeSchedule(model)}</p>
      {errors.format && (
        <p className="pv-field-error" role="alert">
          {errors.format}
        </p>
      )}
      {!timeline.ok && !errors.format && <p className="pv-empty">{t('run.schedule.fixAbove')}</p>}
      {timeline.ok && (
        <ol className="pv-sched-runs" aria-label={t('run.schedule.nextRuns', { count: TIMELINE_RUNS })}>
          {timeline.runs.map((r) => (
            <RunItem key={r.index} run={r} />
          ))}
        </ol>
      )}
    </div>
  );
}
