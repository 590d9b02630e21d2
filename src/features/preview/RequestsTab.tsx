import type { SimulatedRequest } from '@core';
import { useSpecStore } from '../../store';
import type { PreviewResult, SamplePage } from '../../store/previewTypes';
import { SaveCaseButton } from './cases/SaveCaseButton';
import { DiagnosticList } from './DiagnosticList';
import { plural } from './format';
import { RequestCard } from './RequestCard';
import { RunInputsForm } from './RunInputsForm';
import { explainStop, rateText } from './stopReasons';
import './requests.css';

/** "answered by page 2 (p2.json): 100 content items → 100 records". */
function answeredBy(result: PreviewResult, pages: SamplePage[], page: number | null, items?: number): string {
  if (page === null) return 'no sample page answers it';
  const pageId = result.pageIds[page];
  const index = pages.findIndex((p) => p.id === pageId);
  const name = pages[index]?.name;
  const records = result.records.pages[page]?.records;
  const counts = [
    items === undefined ? null : plural(items, 'content item'),
    records === undefined ? null : plural(records, 'record'),
  ].filter((x) => x !== null);
  return `answered by page ${index + 1}${name ? ` (${name})` : ''}${counts.length ? `: ${counts.join(' → ')}` : ''}`;
}

/** The simulated run: its inputs, every request with the page answering it, and why it stops. */
export function RequestsTab() {
  const result = useSpecStore((s) => s.previewResult);
  const pages = useSpecStore((s) => s.samplePages);
  const reveal = useSpecStore((s) => s.revealSecrets);
  const setReveal = useSpecStore((s) => s.setRevealSecrets);
  if (!result) return <p className="pv-empty">Computing the preview…</p>;
  const { run, model } = result;
  const stop = explainStop(run.stop.reason);
  const shown = (r: SimulatedRequest) => (reveal ? r.request : r.display);

  return (
    <div className="pv-requests">
      <details className="pv-inputs-box" open>
        <summary>Run inputs</summary>
        <RunInputsForm model={model} />
      </details>
      <div className="pv-run">
        <div className="pv-toolbar">
          <p className="pv-counts">
            {plural(run.steps.length, 'request')} over {plural(result.pageIds.length, 'sample page')} (
            {model.pagination.type} pagination)
          </p>
          <span className="pv-spacer" />
          <SaveCaseButton />
          <label className="pv-check">
            <input type="checkbox" checked={reveal} onChange={(e) => setReveal(e.target.checked)} />
            Reveal secrets
          </label>
        </div>
        <p className="pv-muted">
          {rateText(run.requestsPerMinute, run.estimatedDurationMs, model.pagination.delayRequestMillis)}
        </p>
        <ol className="pv-steps" aria-label="Simulated requests">
          {run.steps.map((step, i) => (
            <li key={i}>
              <RequestCard
                title={`Request ${i + 1}`}
                request={shown(step)}
                note={answeredBy(result, pages, step.page, step.contentItems)}
              />
            </li>
          ))}
        </ol>
        <section className={`pv-stop pv-stop-${stop.tone}`} aria-label="Stop reason" role="status">
          <h3>
            Stops: {stop.title} <code>{run.stop.reason}</code>
          </h3>
          {run.stop.message && <p>{run.stop.message}</p>}
          <p className="pv-muted">{stop.explanation}</p>
        </section>
        {run.next && (
          <RequestCard
            title="Next request (no sample page left to answer it)"
            request={shown(run.next)}
            tone="next"
          />
        )}
        <DiagnosticList diagnostics={run.diagnostics} />
      </div>
    </div>
  );
}
