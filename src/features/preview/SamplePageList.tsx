import { t, useT } from '../../i18n';
import { parseErrorText } from '../../i18n/diagnostics';
import { formatNumber } from '../../i18n/format';
import { useSpecStore } from '../../store';
import type { SamplePage } from '../../store/previewTypes';
import { removeSample } from './previewService';
import { formatBytes } from '../../i18n/format';
import { PageHeaders } from './PageHeaders';

/** "page 2: line 3, column 5: message": a page's parse error with its location. */
export function pageErrorText(index: number, page: SamplePage): string {
  const e = page.error;
  if (!e) return '';
  // The location is said once, up front: drop a trailing "at line 3, column 5" from the message.
  const message = parseErrorText(e, false).replace(/\s*\(?at line \d+,? column \d+\)?\.?$/i, '');
  return t('preview.pages.error', {
    page: formatNumber(index + 1),
    line: formatNumber(e.line),
    column: formatNumber(e.column),
    message,
  });
}

function PageItem({ page, index, count }: { page: SamplePage; index: number; count: number }) {
  const t = useT();
  const move = useSpecStore((s) => s.moveSamplePage);
  const showTree = useSpecStore((s) => s.setTreePageId);
  const setTab = useSpecStore((s) => s.setPreviewTab);
  const n = index + 1;
  return (
    <li
      className={`pv-page pv-page-${page.status}`}
      aria-label={t('preview.pages.item', { n, name: page.name })}
    >
      <div className="pv-page-head">
        <span className="pv-page-num">{n}</span>
        <span className="pv-page-title">
          <span className="pv-page-name" title={page.name}>
            {page.name}
            {page.origin === 'live' && !page.kept && (
              <span className="pv-badge-live" title={t('preview.pages.liveTitle')}>
                {t('preview.records.liveBadge')}
              </span>
            )}
          </span>
          <span className="pv-page-meta">
            {formatBytes(page.size)} ·{' '}
            <span className="pv-page-status">
              {page.status === 'parsing' && t('preview.pages.parsing')}
              {page.status === 'ok' && page.summary}
              {page.status === 'error' && t('preview.pages.notJson')}
            </span>
          </span>
        </span>
        <span className="pv-page-actions">
          <button
            type="button"
            className="pv-icon"
            aria-label={t('preview.pages.treeOf', { n })}
            title={t('preview.pages.tree')}
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
            aria-label={t('preview.pages.upOf', { n })}
            title={t('preview.pages.up')}
            disabled={index === 0}
            onClick={() => move(page.id, -1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="pv-icon"
            aria-label={t('preview.pages.downOf', { n })}
            title={t('preview.pages.down')}
            disabled={index === count - 1}
            onClick={() => move(page.id, 1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="pv-icon"
            aria-label={t('preview.pages.removeOf', { n })}
            title={t('preview.pages.remove')}
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
            {page.headers && page.headers.length > 0
              ? t('preview.pages.headersCount', { count: page.headers.length })
              : t('preview.pages.headers')}
          </summary>
          <PageHeaders page={page} n={n} />
        </details>
      )}
      {page.warnings && page.warnings.length > 0 && (
        <ul className="pv-page-warnings">
          {page.warnings.slice(0, 5).map((w) => (
            <li key={w}>{w}</li>
          ))}
          {page.warnings.length > 5 && (
            <li>{t('preview.pages.moreWarnings', { count: page.warnings.length - 5 })}</li>
          )}
        </ul>
      )}
    </li>
  );
}

/** The sample pages in run order: page k answers request k. */
export function SamplePageList() {
  const t = useT();
  const pages = useSpecStore((s) => s.samplePages);
  if (pages.length === 0) {
    return <p className="pv-empty">{t('preview.pages.empty')}</p>;
  }
  return (
    <ol className="pv-pages" aria-label={t('preview.pages.list')}>
      {pages.map((p, i) => (
        <PageItem key={p.id} page={p} index={i} count={pages.length} />
      ))}
    </ol>
  );
}
