import { useId, useMemo, useState } from 'react';
import type { SpecModel } from '@core';
import { useSpecStore } from '../../store';
import type { FlowFrequency } from '../../store/previewTypes';
import { runParams, toRunOptions } from './runOptions';
import { scheduleTimeline, TIMELINE_RUNS, type TimelineRun } from './scheduleTimeline';
import './schedule.css';

const FREQUENCIES: Array<{ id: FlowFrequency; label: string }> = [
  { id: 'once', label: 'Once' },
  { id: 'minute', label: 'Every n minutes' },
  { id: 'hour', label: 'Every n hours' },
  { id: 'day', label: 'Every n days' },
  { id: 'week', label: 'Every n weeks' },
];

const utc = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/:00\.000Z$/, ' UTC')
    .replace(/\.000Z$/, ' UTC');

function RunItem({ run }: { run: TimelineRun }) {
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
  if (!s) return 'This spec has no scheduleParams: its requests carry no window, whatever the schedule.';
  if (s.type === 'STANDARD')
    return `Each request gets ${s.startParamName || '(no start parameter)'} and ${s.endParamName || '(no end parameter)'} as query parameters.`;
  return `ADVANCE: {SCHEDULE_QUERY} is the rendered template; the flow's first run uses ${s.backfill === undefined ? 'incremental (no backfill template)' : 'backfill'}, later runs incremental.`;
}

/**
 * The next runs of a flow schedule: the flow's start, frequency and interval (checked by the flow
 * spec's rules) and, for each run, its window and the schedule parameters its requests carry.
 */
export function ScheduleTab() {
  const model = useSpecStore((s) => s.previewResult?.model ?? null);
  const flow = useSpecStore((s) => s.flowSchedule);
  const setFlow = useSpecStore((s) => s.setFlowSchedule);
  const inputs = useSpecStore((s) => s.runInputs);
  const [now] = useState(() => Date.now());
  const ids = { start: useId(), freq: useId(), interval: useId(), err: useId() };
  const timeline = useMemo(() => {
    if (!model) return null;
    const { user, auth } = runParams(model, inputs.authName);
    const declared = new Set([...user, ...auth].map((p) => p.name));
    const values = toRunOptions(inputs, model).params ?? {};
    const secrets = new Set([...user, ...auth].filter((p) => p.secret).map((p) => p.name));
    return scheduleTimeline(model.schedule, flow, { values, declared, now, secrets });
  }, [model, flow, inputs, now]);
  if (!model || !timeline) return <p className="pv-empty">Computing the preview…</p>;
  const errors = timeline.ok ? {} : timeline.errors;
  return (
    <div className="pv-schedule">
      <form className="pv-sched-form" aria-label="Flow schedule" onSubmit={(e) => e.preventDefault()}>
        <div className="pv-field">
          <label htmlFor={ids.start}>Start (UTC)</label>
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
            !flow.start && <p className="pv-muted">empty: the next full hour</p>
          )}
        </div>
        <div className="pv-field">
          <label htmlFor={ids.freq}>Frequency</label>
          <select
            id={ids.freq}
            value={flow.frequency}
            onChange={(e) => setFlow({ frequency: e.target.value as FlowFrequency })}
          >
            {FREQUENCIES.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        <div className="pv-field">
          <label htmlFor={ids.interval}>Interval</label>
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
                ? 'a once flow takes no interval'
                : flow.frequency === 'minute'
                  ? 'at least 15'
                  : 'at least 1'}
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
      {!timeline.ok && !errors.format && <p className="pv-empty">Fix the schedule above to see its runs.</p>}
      {timeline.ok && (
        <ol className="pv-sched-runs" aria-label={`Next ${TIMELINE_RUNS} runs`}>
          {timeline.runs.map((r) => (
            <RunItem key={r.index} run={r} />
          ))}
        </ol>
      )}
    </div>
  );
}
