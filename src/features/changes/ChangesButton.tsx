import { lazy, Suspense, useState } from 'react';
import { useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { useSpecStore } from '../../store';
import { LIVE_COUNT_MAX_CHARS, useBaselineTracking, useChangeSummary } from './useChangeSummary';
import './changes.css';

const ChangesDialog = lazy(() => import('./ChangesDialog').then((m) => ({ default: m.ChangesDialog })));

/** The top bar's Changes button: how many changes since the original; opens the Changes view. */
export function ChangesButton() {
  const t = useT();
  useBaselineTracking();
  const large = useSpecStore((s) => s.text.length > LIVE_COUNT_MAX_CHARS);
  const { summary } = useChangeSummary(250, !large);
  const [open, setOpen] = useState(false);
  const count = summary ? summary.entries.length + summary.more : 0;
  const what = large
    ? t('tools.changes.notCounted', { millions: formatNumber(LIVE_COUNT_MAX_CHARS / 1_000_000) })
    : formatNumber(count);
  return (
    <>
      <button
        type="button"
        className="toolbar-button changes-button"
        aria-label={t('tools.changes.buttonLabel', { what })}
        title={t('tools.changes.buttonTitle', { what })}
        onClick={() => setOpen(true)}
      >
        {t('tools.changes.button')}
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
