import { useEffect } from 'react';
import { useSpecStore } from '../../store';
import type { PreviewTab } from '../../store/previewTypes';
import { CasesTab } from './cases/CasesTab';
import { useCasesSync } from './cases/casesService';
import { CustomerView } from './CustomerView';
import { formatCount } from './format';
import { checkLiveServer, followDocument } from './live/liveService';
import { LiveRunTab } from './live/LiveRunTab';
import { RecordsTab, RecordsWindow } from './RecordsTab';
import { RequestsTab } from './RequestsTab';
import { SamplesPanel } from './SamplesPanel';
import { SampleTree } from './SampleTree';
import { ScheduleTab } from './ScheduleTab';
import { usePreviewSync } from './usePreviewSync';
import './preview.css';

const TABS: Array<{ id: PreviewTab; label: string }> = [
  { id: 'samples', label: 'Samples' },
  { id: 'records', label: 'Records' },
  { id: 'requests', label: 'Requests' },
  { id: 'live', label: 'Live run' },
  { id: 'customer', label: 'Customer view' },
  { id: 'schedule', label: 'Schedule' },
  { id: 'sample', label: 'Tree' },
  { id: 'tests', label: 'Tests' },
];

function TabCount({ tab }: { tab: PreviewTab }) {
  const n = useSpecStore((s) => {
    if (tab === 'samples') return s.samplePages.length;
    if (tab === 'records') return s.previewResult?.records.records ?? null;
    if (tab === 'requests') return s.previewResult?.run.steps.length ?? null;
    if (tab === 'live') return s.live.exchanges.length > 0 ? s.live.exchanges.length : null;
    if (tab === 'tests') return s.cases.length > 0 ? s.cases.length : null;
    return null;
  });
  const bad = useSpecStore(
    (s) =>
      (tab === 'samples' && s.samplePages.some((p) => p.status === 'error')) ||
      (tab === 'tests' && Object.values(s.caseResults?.byId ?? {}).some((r) => !r.diff.pass)),
  );
  if (n === null) return null;
  return <span className={`pv-tab-count${bad ? ' pv-bad' : ''}`}>{formatCount(n)}</span>;
}

/** "updating…" while a newer preview is computed; the shown one is then not current. */
function Status() {
  const pending = useSpecStore((s) => s.previewPending);
  const stale = useSpecStore((s) => s.previewResult !== null && s.previewResult.revision !== s.revision);
  const ms = useSpecStore((s) => s.previewResult?.ms ?? null);
  const failure = useSpecStore((s) => s.previewFailure);
  if (failure !== null && !pending) {
    return (
      <span className="pv-status pv-failed" role="alert">
        {failure}
      </span>
    );
  }
  if (pending || stale) {
    return (
      <span className="pv-status pv-updating" role="status">
        <span className="pv-spinner" aria-hidden="true" />
        updating…
      </span>
    );
  }
  return (
    <span className="pv-status" role="status">
      {ms === null ? '' : `✓ up to date · computed in ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`}
    </span>
  );
}

/**
 * The preview: sample responses in, the records the spec extracts and the requests a run makes out,
 * following the spec live. The heavy work runs in a worker; a stale result is marked, never shown
 * as current.
 */
export function PreviewPane() {
  usePreviewSync();
  useCasesSync();
  // The preview loads after the first paint: only then is the local server asked whether it is there.
  useEffect(() => {
    void checkLiveServer();
    return followDocument();
  }, []);
  const tab = useSpecStore((s) => s.previewTab);
  const setTab = useSpecStore((s) => s.setPreviewTab);
  const busy = useSpecStore((s) => s.previewPending);
  return (
    <section className="pv-pane" aria-label="Preview">
      <div className="pv-tabs" role="tablist" aria-label="Preview views">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`pv-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="pv-tabpanel"
            className="pv-tab"
            onClick={() => setTab(t.id)}
          >
            {t.label}
            <TabCount tab={t.id} />
          </button>
        ))}
      </div>
      <div className="pv-statusbar">
        <Status />
      </div>
      <div
        id="pv-tabpanel"
        role="tabpanel"
        aria-labelledby={`pv-tab-${tab}`}
        aria-busy={busy}
        className={`pv-body${busy ? ' pv-busy' : ''}`}
      >
        {tab === 'samples' && <SamplesPanel />}
        {tab === 'records' && <RecordsTab />}
        {tab === 'requests' && <RequestsTab />}
        {tab === 'live' && <LiveRunTab />}
        {tab === 'customer' && <CustomerView />}
        {tab === 'schedule' && <ScheduleTab />}
        {tab === 'sample' && <SampleTree />}
        {tab === 'tests' && <CasesTab />}
      </div>
      <RecordsWindow />
    </section>
  );
}
