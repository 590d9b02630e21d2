import { useEffect } from 'react';
import { useT, type MessageId } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { useSpecStore } from '../../store';
import type { PreviewTab } from '../../store/previewTypes';
import { CasesTab } from './cases/CasesTab';
import { useCasesSync } from './cases/casesService';
import { CustomerView } from './CustomerView';
import { checkLiveServer, followDocument } from './live/liveService';
import { LiveRunTab } from './live/LiveRunTab';
import { RecordsTab, RecordsWindow } from './RecordsTab';
import { RequestsTab } from './RequestsTab';
import { SamplesPanel } from './SamplesPanel';
import { SampleTree } from './SampleTree';
import { ScheduleTab } from './ScheduleTab';
import { usePreviewSync } from './usePreviewSync';
import './preview.css';

/** The tabs in order, each with its label's message id (looked up at render time). */
const TABS: Array<{ id: PreviewTab; label: MessageId }> = [
  { id: 'samples', label: 'preview.tabs.samples' },
  { id: 'records', label: 'preview.tabs.records' },
  { id: 'requests', label: 'preview.tabs.requests' },
  { id: 'live', label: 'preview.tabs.live' },
  { id: 'customer', label: 'preview.tabs.customer' },
  { id: 'schedule', label: 'preview.tabs.schedule' },
  { id: 'sample', label: 'preview.tabs.tree' },
  { id: 'tests', label: 'preview.tabs.tests' },
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
  return <span className={`pv-tab-count${bad ? ' pv-bad' : ''}`}>{formatNumber(n)}</span>;
}

/** "updating…" while a newer preview is computed; the shown one is then not current. */
function Status() {
  const t = useT();
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
        {t('preview.status.updating')}
      </span>
    );
  }
  return (
    <span className="pv-status" role="status">
      {ms === null
        ? ''
        : t('preview.status.upToDate', {
            ms:
              ms < 10
                ? formatNumber(ms, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
                : formatNumber(Math.round(ms), { useGrouping: false }),
          })}
    </span>
  );
}

/**
 * The preview: sample responses in, the records the spec extracts and the requests a run makes out,
 * following the spec live. The heavy work runs in a worker; a stale result is marked, never shown
 * as current.
 */
export function PreviewPane() {
  const t = useT();
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
    <section className="pv-pane" aria-label={t('preview.pane.label')}>
      <div className="pv-tabs" role="tablist" aria-label={t('preview.pane.tabs')}>
        {TABS.map((x) => (
          <button
            key={x.id}
            type="button"
            role="tab"
            id={`pv-tab-${x.id}`}
            aria-selected={tab === x.id}
            aria-controls="pv-tabpanel"
            className="pv-tab"
            onClick={() => setTab(x.id)}
          >
            {t(x.label)}
            <TabCount tab={x.id} />
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
