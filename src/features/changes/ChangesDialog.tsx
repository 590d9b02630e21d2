import { lazy, Suspense } from 'react';
import { getAt, type ChangeEntry } from '@core';
import { Dialog } from '../../components/Dialog';
import { t as tNow, useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { setBaseline } from '../../lib/baseline';
import { afterMonacoNls } from '../../lib/monacoNls';
import { useSpecStore } from '../../store';
import { changeText } from './changeText';
import { useChangeSummary } from './useChangeSummary';

// Monaco's own messages first, in case this loads Monaco before the JSON view (src/lib/monacoNls.ts).
const ChangesDiff = lazy(afterMonacoNls(() => import('./ChangesDiff')));

const kindLabel = (kind: ChangeEntry['kind']): string =>
  kind === 'added'
    ? tNow('tools.changes.kindAdded')
    : kind === 'removed'
      ? tNow('tools.changes.kindRemoved')
      : tNow('tools.changes.kindChanged');

/** Where an entry is, as people read JSON paths: `sourceSpec › attributes › paginationParams`. */
const pathOf = (pointer: string) =>
  pointer === ''
    ? tNow('tools.changes.wholeDocument')
    : pointer
        .slice(1)
        .split('/')
        .map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'))
        .join(' › ');

/**
 * Changes since the original: a summary by JSON path (each entry jumps to its place and can be
 * reverted alone, as one undo step) above a side-by-side diff of the two texts.
 */
export function ChangesDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { baseline, summary, note } = useChangeSummary();
  const text = useSpecStore((s) => s.text);
  const parseError = useSpecStore((s) => s.parseError);
  const count = summary ? summary.entries.length + summary.more : 0;

  const jump = (e: ChangeEntry) => {
    const s = useSpecStore.getState();
    // A removed member has no place any more: the nearest place that still exists is shown.
    let at = e.pointer;
    while (at !== '' && getAt(s.doc, at) === undefined) at = at.replace(/\/[^/]*$/, '');
    s.revealPointer(at, 'diagnostics');
    onClose();
  };

  const revert = (e: ChangeEntry) => {
    const s = useSpecStore.getState();
    if (s.updateAt(e.pointer, e.revert.value))
      s.notify(() => tNow('tools.changes.reverted', { message: changeText(e) }), 'success');
    else s.notify(() => tNow('tools.changes.cannotRevert'), 'error');
  };

  const markOriginal = () => {
    const s = useSpecStore.getState();
    void setBaseline(s.docId, s.text, s.doc, s.persistSecrets).then((stored) => {
      if (!stored) s.notify(() => tNow('tools.changes.notStored'), 'warning');
    });
    s.notify(() => tNow('tools.changes.marked'), 'success');
  };

  return (
    <Dialog open title={t('tools.changes.title')} onClose={onClose} wide>
      <div className="changes-view">
        <div className="changes-head">
          <p className="changes-lead" aria-live="polite">
            {baseline === undefined
              ? t('tools.changes.reading')
              : count === 0
                ? t('tools.changes.none')
                : t('tools.changes.count', { count })}
          </p>
          <button
            type="button"
            className="button"
            onClick={markOriginal}
            disabled={count === 0 && baseline === text}
          >
            {t('tools.changes.markOriginal')}
          </button>
        </div>
        {note && <p className="note changes-note">{note}</p>}
        {summary && summary.entries.length > 0 && (
          <ul className="changes-list" aria-label={t('tools.changes.listLabel')}>
            {summary.entries.map((e) => (
              <li
                key={e.kind + ':' + e.pointer + ':' + e.message}
                className={'changes-entry changes-' + e.kind}
              >
                <button
                  type="button"
                  className="changes-jump"
                  onClick={() => jump(e)}
                  title={t('tools.changes.jumpTitle')}
                >
                  <span className="changes-kind">{kindLabel(e.kind)}</span>
                  <span className="changes-message">{changeText(e)}</span>
                  <code className="changes-path">{pathOf(e.pointer)}</code>
                </button>
                <button
                  type="button"
                  className="button changes-revert"
                  aria-label={t('tools.changes.revertLabel', { message: changeText(e) })}
                  disabled={e.pointer === '' || parseError !== null}
                  onClick={() => revert(e)}
                >
                  {t('tools.changes.revert')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {summary && summary.more > 0 && (
          <p className="muted small">
            {t('tools.changes.more', {
              count: summary.more,
              listed: formatNumber(summary.entries.length),
            })}
          </p>
        )}
        <div className="changes-diff-labels" aria-hidden="true">
          <span>{t('tools.changes.original')}</span>
          <span>{t('tools.changes.now')}</span>
        </div>
        {/* `monaco-component`: Monaco's theme colours reach its right-click menu (drawn in a shadow root). */}
        <div className="changes-diff monaco-component" aria-label={t('tools.changes.diffLabel')}>
          {baseline !== undefined && (
            <Suspense fallback={<div className="loading">{t('tools.changes.loadingDiff')}</div>}>
              <ChangesDiff original={baseline} modified={text} />
            </Suspense>
          )}
        </div>
      </div>
    </Dialog>
  );
}
