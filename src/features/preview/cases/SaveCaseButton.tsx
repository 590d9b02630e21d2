import { useState } from 'react';
import { t as tNow, useT } from '../../../i18n';
import { useSpecStore } from '../../../store';
import { saveCaseFromPreview } from './casesService';

/**
 * **Save as test case**: the current sample pages, run inputs (secrets left out), window and backfill,
 * with the current output as the expected result. Mounted in the Requests tab’s header.
 */
export function SaveCaseButton() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const ready = useSpecStore((s) => s.previewResult !== null && s.casesDocId === s.docId);
  const save = (): void => {
    setBusy(true);
    void saveCaseFromPreview()
      .then((r) => {
        if (!r.ok)
          useSpecStore.getState().notify(() => tNow('run.cases.notSaved', { message: r.message }), 'error');
      })
      .finally(() => setBusy(false));
  };
  return (
    <button
      type="button"
      className="pv-button"
      disabled={!ready || busy}
      onClick={save}
      title={t('run.cases.saveTitle')}
    >
      {busy ? t('run.cases.saving') : t('run.cases.save')}
    </button>
  );
}
