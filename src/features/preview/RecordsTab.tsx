import { useEffect, useState } from 'react';
import type { JsonObject } from '@core';
import { useSpecStore } from '../../store';
import { selectSpecName } from '../../store/selectors';
import { downloadText, fileSlug } from './download';
import { DiagnosticList } from './DiagnosticList';
import { plural } from './format';
import { previewClient } from './previewService';
import { RecordExplainer } from './RecordExplainer';
import { RecordsTable } from './RecordsTable';
import { countsLine } from './recordsText';
import './records.css';

function RecordView({ tableId, index }: { tableId: number; index: number }) {
  const [record, setRecord] = useState<{ key: string; value: JsonObject | null } | null>(null);
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
  const text = record?.key === key ? JSON.stringify(record.value, null, 2) : 'loading…';
  return (
    <div className="pv-record-pair">
      <section className="pv-record" aria-label={`Record ${index + 1}`}>
        <h3>Record {index + 1}</h3>
        <pre className="pv-json">{text}</pre>
      </section>
      <RecordExplainer tableId={tableId} index={index} />
    </div>
  );
}

/** Which pages of the table a live run fetched (and has not been kept): their records are live. */
function LivePagesNote() {
  const pages = useSpecStore((s) => s.samplePages);
  const result = useSpecStore((s) => s.previewResult);
  if (!result) return null;
  const live = result.records.pages
    .map((p, i) => ({ ...p, n: i + 1, page: pages.find((x) => x.id === p.pageId) }))
    .filter((p) => p.page?.origin === 'live' && !p.page.kept);
  if (live.length === 0) return null;
  return (
    <p className="pv-muted pv-live-records" role="note">
      <span className="pv-badge-live">live</span> {plural(live.length, 'page')} from the live run:{' '}
      {live.map((p) => `page ${p.n} (${plural(p.records, 'record')})`).join(', ')}. Keep them as samples (Live
      run tab), or the next live run replaces them.
    </p>
  );
}

/** The flattened records: counts, findings, the virtualized table, one record as JSON, exports. */
export function RecordsTab() {
  const result = useSpecStore((s) => s.previewResult);
  const specName = useSpecStore(selectSpecName);
  const [selected, setSelected] = useState<{ tableId: number; index: number } | null>(null);
  if (!result) return <p className="pv-empty">Computing the preview…</p>;
  const r = result.records;
  const sel = selected && selected.tableId === result.id ? selected.index : null;

  const download = (format: 'csv' | 'ndjson'): void => {
    void previewClient()
      .exportTable(result.id, format)
      .then((out) => {
        if (out === null) return;
        const type = format === 'csv' ? 'text/csv' : 'application/x-ndjson';
        downloadText(out.text, `${fileSlug(specName)}-records.${format}`, type);
        if (out.note) useSpecStore.getState().notify(out.note, 'warning');
      });
  };

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
          Export CSV
        </button>
        <button
          type="button"
          className="pv-button"
          disabled={r.records === 0}
          onClick={() => download('ndjson')}
        >
          Export NDJSON
        </button>
      </div>
      <LivePagesNote />
      <DiagnosticList diagnostics={r.diagnostics} />
      {result.pageIds.length === 0 ? (
        <p className="pv-empty">
          Add a sample page (Samples tab) to see the records this spec extracts from it.
        </p>
      ) : r.columns.length === 0 ? (
        <p className="pv-empty">No records: contentPath matched nothing in the sample pages.</p>
      ) : (
        <RecordsTable
          tableId={result.id}
          columns={r.columns}
          totalRows={r.rowCount}
          firstRows={r.firstRows}
          selected={sel}
          onSelect={(index) => setSelected({ tableId: result.id, index })}
        />
      )}
      {sel !== null && <RecordView tableId={result.id} index={sel} />}
    </div>
  );
}
