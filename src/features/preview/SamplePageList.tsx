import { useSpecStore } from '../../store';
import type { SamplePage } from '../../store/previewTypes';
import { removeSample } from './previewService';
import { formatBytes } from './format';
import { PageHeaders } from './PageHeaders';

/** "page 2: line 3, column 5: message": a page's parse error with its location. */
export function pageErrorText(index: number, page: SamplePage): string {
  const e = page.error;
  if (!e) return '';
  // The location is said once, up front: drop a trailing "at line 3, column 5" from the message.
  const message = e.message.replace(/\s*\(?at line \d+,? column \d+\)?\.?$/i, '');
  return `page ${index + 1}: line ${e.line}, column ${e.column}: ${message}`;
}

function PageItem({ page, index, count }: { page: SamplePage; index: number; count: number }) {
  const move = useSpecStore((s) => s.moveSamplePage);
  const showTree = useSpecStore((s) => s.setTreePageId);
  const setTab = useSpecStore((s) => s.setPreviewTab);
  const n = index + 1;
  return (
    <li className={`pv-page pv-page-${page.status}`} aria-label={`Page ${n}: ${page.name}`}>
      <div className="pv-page-head">
        <span className="pv-page-num">{n}</span>
        <span className="pv-page-title">
          <span className="pv-page-name" title={page.name}>
            {page.name}
            {page.origin === 'live' && !page.kept && (
              <span
                className="pv-badge-live"
                title="Fetched by the live run; dropped by the next one unless kept"
              >
                live
              </span>
            )}
          </span>
          <span className="pv-page-meta">
            {formatBytes(page.size)} ·{' '}
            <span className="pv-page-status">
              {page.status === 'parsing' && 'parsing…'}
              {page.status === 'ok' && page.summary}
              {page.status === 'error' && 'not JSON'}
            </span>
          </span>
        </span>
        <span className="pv-page-actions">
          <button
            type="button"
            className="pv-icon"
            aria-label={`Show page ${n} as a tree`}
            title="Show as a tree"
            disabled={page.status !== 'ok'}
            onClick={() => {
              showTree(page.id);
              setTab('sample');
            }}
          >
            ⌥
          </button>
          <button
            type="button"
            className="pv-icon"
            aria-label={`Move page ${n} up`}
            title="Move up"
            disabled={index === 0}
            onClick={() => move(page.id, -1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="pv-icon"
            aria-label={`Move page ${n} down`}
            title="Move down"
            disabled={index === count - 1}
            onClick={() => move(page.id, 1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="pv-icon"
            aria-label={`Remove page ${n}`}
            title="Remove"
            onClick={() => removeSample(page.id)}
          >
            ✕
          </button>
        </span>
      </div>
      {page.status === 'error' && (
        <p className="pv-page-err" role="alert">
          {pageErrorText(index, page)}
        </p>
      )}
      {page.status === 'ok' && (
        <details className="pv-page-headers" open={(page.headers?.length ?? 0) > 0 && page.origin !== 'live'}>
          <summary>
            Headers{page.headers && page.headers.length > 0 ? ` (${page.headers.length})` : ''}
          </summary>
          <PageHeaders page={page} n={n} />
        </details>
      )}
      {page.warnings && page.warnings.length > 0 && (
        <ul className="pv-page-warnings">
          {page.warnings.slice(0, 5).map((w) => (
            <li key={w}>{w}</li>
          ))}
          {page.warnings.length > 5 && <li>… and {page.warnings.length - 5} more</li>}
        </ul>
      )}
    </li>
  );
}

/** The sample pages in run order: page k answers request k. */
export function SamplePageList() {
  const pages = useSpecStore((s) => s.samplePages);
  if (pages.length === 0) {
    return (
      <p className="pv-empty">
        No sample pages yet. Page 1 answers the run's first request, page 2 the second, and so on.
      </p>
    );
  }
  return (
    <ol className="pv-pages" aria-label="Sample pages">
      {pages.map((p, i) => (
        <PageItem key={p.id} page={p} index={i} count={pages.length} />
      ))}
    </ol>
  );
}
