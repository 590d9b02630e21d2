import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { JsonObject } from '@core';
import { useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { useSpecStore } from '../../store';
import { selectSpecName } from '../../store/selectors';
import { exportNoteText } from '../../workers/previewClient';
import { downloadText, fileSlug } from './download';
import { DiagnosticList } from './DiagnosticList';
import { previewClient } from './previewService';
import { RecordExplainer } from './RecordExplainer';
import { RecordsTable } from './RecordsTable';
import { ColumnPicker } from './records/ColumnPicker';
import { useColumnPrefs, useRecordsView } from './records/columnPrefs';
import { PopOut } from './records/PopOut';
import { countsLine, noRecordsLine } from './recordsText';
import './records.css';

function RecordView({ tableId, index }: { tableId: number; index: number }) {
  const [record, setRecord] = useState<{ key: string; value: JsonObject | null } | null>(null);
  const t = useT();
  const key = `${tableId}:${index}`;
  useEffect(() => {
    let live = true;
    void previewClient()
      .record(tableId, index)
      .then((value) => live && setRecord({ key, value }));
    return () => {
      live = false;
    };
  }, [tableId, index, key]);
  const text = record?.key === key ? JSON.stringify(record.value, null, 2) : t('preview.records.loading');
  return (
    <div className="pv-record-pair">
      <section className="pv-record" aria-label={t('preview.records.record', { n: formatNumber(index + 1) })}>
        <h3>{t('preview.records.record', { n: formatNumber(index + 1) })}</h3>
        <pre className="pv-json">{text}</pre>
      </section>
      <RecordExplainer tableId={tableId} index={index} />
    </div>
  );
}

/** Which pages of the table a live run fetched (and has not been kept): their records are live. */
function LivePagesNote() {
  const t = useT();
  const pages = useSpecStore((s) => s.samplePages);
  const result = useSpecStore((s) => s.previewResult);
  if (!result) return null;
  const live = result.records.pages
    .map((p, i) => ({ ...p, n: i + 1, page: pages.find((x) => x.id === p.pageId) }))
    .filter((p) => p.page?.origin === 'live' && !p.page.kept);
  if (live.length === 0) return null;
  return (
    <p className="pv-muted pv-live-records" role="note">
      <span className="pv-badge-live">{t('preview.records.liveBadge')}</span>{' '}
      {t('preview.records.livePages', {
        count: live.length,
        pages: live
          .map((p) => t('preview.records.livePage', { n: formatNumber(p.n), records: p.records }))
          .join(', '),
      })}
    </p>
  );
}

type Result = NonNullable<ReturnType<typeof useSpecStore.getState>['previewResult']>;

/** The table with its column picker: the same in the pane, at full width and in its own window. */
function TableView({ result, extra }: { result: Result; extra?: ReactNode }) {
  const t = useT();
  const docId = useSpecStore((s) => s.docId);
  const { prefs, setHidden, setWidth } = useColumnPrefs(docId);
  const { selected, update } = useRecordsView();
  const r = result.records;
  const sel = selected && selected.tableId === result.id ? selected.index : null;
  const hiddenCount = r.columns.filter((c) => prefs.hidden.has(c.id)).length;
  return (
    <>
      <div className="pv-toolbar pv-table-tools">
        <ColumnPicker columns={r.columns} hidden={prefs.hidden} onChange={setHidden} />
        {extra}
      </div>
      {hiddenCount === r.columns.length ? (
        <p className="pv-empty">{t('preview.records.allHidden', { count: r.columns.length })}</p>
      ) : (
        <RecordsTable
          tableId={result.id}
          docId={docId}
          columns={r.columns}
          prefs={prefs}
          onResize={setWidth}
          totalRows={r.rowCount}
          firstRows={r.firstRows}
          selected={sel}
          onSelect={(index) => update({ selected: { tableId: result.id, index } })}
        />
      )}
    </>
  );
}

/** The records over the whole window: Esc or "Back to the pane" returns. */
function FullWidth({
  result,
  onBack,
  onPopOut,
}: {
  result: Result;
  onBack: () => void;
  onPopOut: () => void;
}) {
  const t = useT();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    root.current?.querySelector<HTMLElement>('.pv-full-back')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) onBack();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onBack]);
  return createPortal(
    <div
      className="pv-records pv-records-full"
      ref={root}
      role="dialog"
      aria-label={t('preview.records.fullDialog')}
    >
      <TableView
        result={result}
        extra={
          <>
            <p className="pv-counts">{countsLine(result.records)}</p>
            <span className="pv-spacer" />
            <button type="button" className="pv-button" onClick={onPopOut}>
              {t('preview.records.openWindow')}
            </button>
            <button type="button" className="pv-button pv-full-back" onClick={onBack}>
              {t('preview.records.backToPane')} <kbd>Esc</kbd>
            </button>
          </>
        }
      />
    </div>,
    document.body,
  );
}

/**
 * The records table in a window of its own while the user has popped it out (mounted by the preview
 * pane whatever tab it shows, so the window stays open and follows the preview live). Closing the
 * window brings the table back to the pane.
 */
export function RecordsWindow() {
  const t = useT();
  const { view, update } = useRecordsView();
  const result = useSpecStore((s) => s.previewResult);
  const specName = useSpecStore(selectSpecName);
  const notify = useSpecStore((s) => s.notify);
  const back = useCallback(() => update({ view: 'pane' }), [update]);
  const blocked = useCallback(() => {
    update({ view: 'pane' });
    notify(() => t('preview.records.popupBlocked'), 'warning');
  }, [update, notify, t]);
  if (view !== 'window') return null;
  return (
    <PopOut
      title={t('preview.records.windowTitle', { name: specName || 'Spec Studio' })}
      onClose={back}
      onBlocked={blocked}
    >
      <div className="pv-records pv-records-window">
        {result ? (
          <TableView
            result={result}
            extra={
              <>
                <p className="pv-counts" aria-live="polite">
                  {countsLine(result.records)}
                </p>
                <span className="pv-spacer" />
                <button type="button" className="pv-button" onClick={back}>
                  {t('preview.records.backToPane')}
                </button>
              </>
            }
          />
        ) : (
          <p className="pv-empty">{t('preview.records.computing')}</p>
        )}
      </div>
    </PopOut>
  );
}

/** The flattened records: counts, findings, the virtualized table, one record as JSON, exports. */
export function RecordsTab() {
  const t = useT();
  const result = useSpecStore((s) => s.previewResult);
  const specName = useSpecStore(selectSpecName);
  const { view, selected, update } = useRecordsView();
  const back = useCallback(() => update({ view: 'pane' }), [update]);
  if (!result) return <p className="pv-empty">{t('preview.records.computing')}</p>;
  const r = result.records;
  const sel = selected && selected.tableId === result.id ? selected.index : null;

  const download = (format: 'csv' | 'ndjson'): void => {
    void previewClient()
      .exportTable(result.id, format)
      .then((out) => {
        if (out === null) return;
        const type = format === 'csv' ? 'text/csv' : 'application/x-ndjson';
        downloadText(out.text, `${fileSlug(specName)}-records.${format}`, type);
        const { note, omitted } = out;
        // Worded when shown (the toast follows a language switch) when the counts came with it.
        if (note) useSpecStore.getState().notify(omitted ? () => exportNoteText(omitted) : note, 'warning');
      });
  };
  const hasTable = result.pageIds.length > 0 && r.columns.length > 0;

  return (
    <div className="pv-records">
      <div className="pv-toolbar">
        <p className="pv-counts" aria-live="polite">
          {countsLine(r)}
        </p>
        <span className="pv-spacer" />
        <button
          type="button"
          className="pv-button"
          disabled={r.records === 0}
          onClick={() => download('csv')}
        >
          {t('preview.records.exportCsv')}
        </button>
        <button
          type="button"
          className="pv-button"
          disabled={r.records === 0}
          onClick={() => download('ndjson')}
        >
          {t('preview.records.exportNdjson')}
        </button>
      </div>
      <LivePagesNote />
      <DiagnosticList diagnostics={r.diagnostics} />
      {result.pageIds.length === 0 ? (
        <p className="pv-empty">{t('preview.records.noPages')}</p>
      ) : r.columns.length === 0 ? (
        <p className="pv-empty">{noRecordsLine(r)}</p>
      ) : view === 'pane' ? (
        <TableView
          result={result}
          extra={
            <>
              <span className="pv-spacer" />
              <button type="button" className="pv-button" onClick={() => update({ view: 'full' })}>
                {t('preview.records.fullWidth')}
              </button>
              <button
                type="button"
                className="pv-button"
                title={t('preview.records.openWindowTitle')}
                onClick={() => update({ view: 'window' })}
              >
                {t('preview.records.openWindow')}
              </button>
            </>
          }
        />
      ) : (
        <p className="pv-empty pv-table-away" role="status">
          {view === 'full' ? t('preview.records.awayFull') : t('preview.records.awayWindow')}{' '}
          <button type="button" className="pv-button" onClick={back}>
            {t('preview.records.backToPane')}
          </button>
        </p>
      )}
      {hasTable && view === 'full' && (
        <FullWidth result={result} onBack={back} onPopOut={() => update({ view: 'window' })} />
      )}
      {sel !== null && <RecordView tableId={result.id} index={sel} />}
    </div>
  );
}
