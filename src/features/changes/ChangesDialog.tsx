import { lazy, Suspense } from 'react';
import { getAt, type ChangeEntry } from '@core';
import { Dialog } from '../../components/Dialog';
import { setBaseline } from '../../lib/baseline';
import { useSpecStore } from '../../store';
import { useChangeSummary } from './useChangeSummary';

const ChangesDiff = lazy(() => import('./ChangesDiff'));

const KIND_LABEL: Record<ChangeEntry['kind'], string> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
};

/** Where an entry is, as people read JSON paths: `sourceSpec › attributes › paginationParams`. */
const pathOf = (pointer: string) =>
  pointer === ''
    ? '(whole document)'
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
      s.notify(`Reverted: ${e.message}. Undo brings it back.`, 'success');
    else s.notify('This change cannot be reverted while the JSON does not parse.', 'error');
  };

  const markOriginal = () => {
    const s = useSpecStore.getState();
    void setBaseline(s.docId, s.text, s.doc, s.persistSecrets).then((stored) => {
      if (!stored)
        s.notify('The new original is used in this tab but could not be stored in this browser.', 'warning');
    });
    s.notify('The spec as it is now is the new original.', 'success');
  };

  return (
    <Dialog open title="Changes since the original" onClose={onClose} wide>
      <div className="changes-view">
        <div className="changes-head">
          <p className="changes-lead" aria-live="polite">
            {baseline === undefined
              ? 'Reading the original…'
              : count === 0
                ? 'No changes since the original.'
                : `${count} ${count === 1 ? 'change' : 'changes'} since the original (as opened, imported or last exported).`}
          </p>
          <button
            type="button"
            className="button"
            onClick={markOriginal}
            disabled={count === 0 && baseline === text}
          >
            Mark as original
          </button>
        </div>
        {note && <p className="note changes-note">{note}</p>}
        {summary && summary.entries.length > 0 && (
          <ul className="changes-list" aria-label="Changes">
            {summary.entries.map((e) => (
              <li key={`${e.kind}:${e.pointer}:${e.message}`} className={`changes-entry changes-${e.kind}`}>
                <button
                  type="button"
                  className="changes-jump"
                  onClick={() => jump(e)}
                  title="Show it in the form and the JSON"
                >
                  <span className="changes-kind">{KIND_LABEL[e.kind]}</span>
                  <span className="changes-message">{e.message}</span>
                  <code className="changes-path">{pathOf(e.pointer)}</code>
                </button>
                <button
                  type="button"
                  className="button changes-revert"
                  aria-label={`Revert: ${e.message}`}
                  disabled={e.pointer === '' || parseError !== null}
                  onClick={() => revert(e)}
                >
                  Revert
                </button>
              </li>
            ))}
          </ul>
        )}
        {summary && summary.more > 0 && (
          <p className="muted small">
            {summary.more} more {summary.more === 1 ? 'change is' : 'changes are'} not listed (the list stops
            at {summary.entries.length}); the comparison below shows them all.
          </p>
        )}
        <div className="changes-diff-labels" aria-hidden="true">
          <span>Original</span>
          <span>Now</span>
        </div>
        <div
          className="changes-diff"
          aria-label="Side-by-side comparison: original on the left, now on the right"
        >
          {baseline !== undefined && (
            <Suspense fallback={<div className="loading">Loading the comparison…</div>}>
              <ChangesDiff original={baseline} modified={text} />
            </Suspense>
          )}
        </div>
      </div>
    </Dialog>
  );
}
