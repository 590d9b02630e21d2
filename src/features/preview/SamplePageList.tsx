import { t, useT } from '../../i18n';
import { parseErrorText } from '../../i18n/diagnostics';
import { formatNumber } from '../../i18n/format';
import { useSpecStore } from '../../store';
import type { SamplePage } from '../../store/previewTypes';
import { removeSample } from './previewService';
import { formatBytes } from '../../i18n/format';
import { PageHeaders } from './PageHeaders';
import { envelopeProblemText, sampleSummaryText, sampleWarningText } from '../../workers/previewClient';

/** "page 2: line 3, column 5: message": a page's parse error with its location. */
export function pageErrorText(index: number, page: SamplePage): string {
  const e = page.error;
  if (!e) return '';
  // The location is said once, up front: drop a trailing "at line 3, column 5" from the message.
  const message = page.problem
    ? envelopeProblemText(page.problem)
    : parseErrorText(e, false).replace(/\s*\(?at line \d+,? column \d+\)?\.?$/i, '');
  return t('preview.pages.error', {
    page: formatNumber(index + 1),
    line: formatNumber(e.line),
    column: formatNumber(e.column),
    message,
  });
}

/**
 * A parsed page's summary ("object with 4 keys + 2 headers") in the current language, from its
 * values; a page from an earlier version without them shows the text it came with.
 */
export function pageSummaryText(page: SamplePage): string {
  return page.shape ? sampleSummaryText(page.shape, page.headerCount) : (page.summary ?? '');
}

/**
 * A page's first `max` parse warnings with their places, in the current language (or as a page from
 * an earlier version has them), and how many it has in all.
 */
export function pageWarningTexts(page: SamplePage, max = Infinity): { shown: string[]; count: number } {
  if (page.parseWarnings)
    return {
      shown: page.parseWarnings.slice(0, max).map(sampleWarningText),
      count: page.parseWarnings.length,
    };
  const warnings = page.warnings ?? [];
  return { shown: warnings.slice(0, max), count: warnings.length };
}

function PageItem({ page, index, count }: { page: SamplePage; index: number; count: number }) {
  const t = useT();
  const move = useSpecStore((s) => s.moveSamplePage);
  const showTree = useSpecStore((s) => s.setTreePageId);
  const setTab = useSpecStore((s) => s.setPreviewTab);
  const n = index + 1;
  const warnings = pageWarningTexts(page, 5);
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
              {page.status === 'ok' && pageSummaryText(page)}
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
      {warnings.count > 0 && (
        <ul className="pv-page-warnings">
          {warnings.shown.map((w, i) => (
            <li key={`${i}:${w}`}>{w}</li>
          ))}
          {warnings.count > 5 && <li>{t('preview.pages.moreWarnings', { count: warnings.count - 5 })}</li>}
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
