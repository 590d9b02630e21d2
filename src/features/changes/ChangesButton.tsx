import { lazy, Suspense, useState } from 'react';
import { useSpecStore } from '../../store';
import { LIVE_COUNT_MAX_CHARS, useBaselineTracking, useChangeSummary } from './useChangeSummary';
import './changes.css';

const ChangesDialog = lazy(() => import('./ChangesDialog').then((m) => ({ default: m.ChangesDialog })));

/** The top bar's Changes button: how many changes since the original; opens the Changes view. */
export function ChangesButton() {
  useBaselineTracking();
  const large = useSpecStore((s) => s.text.length > LIVE_COUNT_MAX_CHARS);
  const { summary } = useChangeSummary(250, !large);
  const [open, setOpen] = useState(false);
  const count = summary ? summary.entries.length + summary.more : 0;
  const what = large
    ? `not counted while editing a spec over ${(LIVE_COUNT_MAX_CHARS / 1_000_000).toFixed(0)} million characters: open to compare`
    : String(count);
  return (
    <>
      <button
        type="button"
        className="toolbar-button changes-button"
        aria-label={`Changes since the original: ${what}`}
        title={`Changes since the original (as opened, imported or last exported): ${what}`}
        onClick={() => setOpen(true)}
      >
        Changes
        {large && (
          <span className="changes-count" aria-hidden="true">
            ?
          </span>
        )}
        {count > 0 && (
          <span className="changes-count" aria-hidden="true">
            {count}
          </span>
        )}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ChangesDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
