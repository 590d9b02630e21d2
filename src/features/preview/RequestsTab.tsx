import type { SimulatedRequest } from '@core';
import { t as tNow, useT } from '../../i18n';
import { T } from '../../i18n/T';
import { useSpecStore } from '../../store';
import type { PreviewResult, SamplePage } from '../../store/previewTypes';
import { SaveCaseButton } from './cases/SaveCaseButton';
import { DiagnosticList } from './DiagnosticList';
import { RequestCard } from './RequestCard';
import { RunInputsForm } from './RunInputsForm';
import { explainStop, rateText } from './stopReasons';
import { stopText } from './coreText';
import './requests.css';

/** "answered by page 2 (p2.json): 100 content items → 100 records". */
function answeredBy(result: PreviewResult, pages: SamplePage[], page: number | null, items?: number): string {
  if (page === null) return tNow('run.requests.unanswered');
  const pageId = result.pageIds[page];
  const index = pages.findIndex((p) => p.id === pageId);
  const name = pages[index]?.name;
  const records = result.records.pages[page]?.records;
  const counts = [
    items === undefined ? null : tNow('run.requests.contentItems', { count: items }),
    records === undefined ? null : tNow('run.requests.records', { count: records }),
  ].filter((x) => x !== null);
  return tNow('run.requests.answeredBy', {
    page: index + 1,
    name: name ?? '',
    hasName: name ? 'yes' : 'no',
    counts: counts.join(' → '),
    hasCounts: counts.length ? 'yes' : 'no',
  });
}

/** The simulated run: its inputs, every request with the page answering it, and why it stops. */
export function RequestsTab() {
  const result = useSpecStore((s) => s.previewResult);
  const pages = useSpecStore((s) => s.samplePages);
  const reveal = useSpecStore((s) => s.revealSecrets);
  const setReveal = useSpecStore((s) => s.setRevealSecrets);
  const t = useT();
  if (!result) return <p className="pv-empty">{t('run.computingPreview')}</p>;
  const { run, model } = result;
  const stop = explainStop(run.stop.reason);
  const shown = (r: SimulatedRequest) => (reveal ? r.request : r.display);

  return (
    <div className="pv-requests">
      <details className="pv-inputs-box" open>
        <summary>{t('run.inputs.form')}</summary>
        <RunInputsForm model={model} />
      </details>
      <div className="pv-run">
        <div className="pv-toolbar">
          <p className="pv-counts">
            {t('run.requests.counts', {
              requests: run.steps.length,
              pages: result.pageIds.length,
              type: model.pagination.type,
            })}
          </p>
          <span className="pv-spacer" />
          <SaveCaseButton />
          <label className="pv-check">
            <input type="checkbox" checked={reveal} onChange={(e) => setReveal(e.target.checked)} />
            {t('run.revealSecrets')}
          </label>
        </div>
        <p className="pv-muted">
          {rateText(run.requestsPerMinute, run.estimatedDurationMs, model.pagination.delayRequestMillis)}
        </p>
        <ol className="pv-steps" aria-label={t('run.requests.list')}>
          {run.steps.map((step, i) => (
            <li key={i}>
              <RequestCard
                title={t('run.requests.request', { n: i + 1 })}
                request={shown(step)}
                note={answeredBy(result, pages, step.page, step.contentItems)}
              />
            </li>
          ))}
        </ol>
        <section
          className={`pv-stop pv-stop-${stop.tone}`}
          aria-label={t('run.requests.stopReason')}
          role="status"
        >
          <h3>
            <T
              id="run.requests.stops"
              values={{ title: stop.title, reason: <code>{run.stop.reason}</code> }}
            />
          </h3>
          {run.stop.message && <p>{stopText(run.stop)}</p>}
          <p className="pv-muted">{stop.explanation}</p>
        </section>
        {run.next && <RequestCard title={t('run.requests.next')} request={shown(run.next)} tone="next" />}
        <DiagnosticList diagnostics={run.diagnostics} />
      </div>
    </div>
  );
}
