import { useState } from 'react';
import { Banner } from '../../components/Banner';
import { t as tr, useT } from '../../i18n';
import { entryPersistsSecrets, readEntryText, saveEntry } from '../../lib/library';
import { newDocId, useSpecStore } from '../../store';
import { specName } from '../../store/selectors';
import { storableText } from '../../store/storableText';

export interface Recovery {
  docId: string;
  libraryText: string;
}

/**
 * After a restart (BAD-INPUTS E6): the restored session holds edits that the library copy of the
 * same document does not have (the tab was closed or killed before the library save). Returns what
 * to offer, or null when the two agree, there is no library copy, or nothing was edited.
 */
export function findRecovery(): Recovery | null {
  const s = useSpecStore.getState();
  if (s.text === s.loadedText) return null;
  const libraryText = readEntryText(s.docId);
  // The library copy has the secret values blanked like the session: equal to what it would store.
  if (libraryText === null || libraryText === s.text || libraryText === storableText(s)) return null;
  return { docId: s.docId, libraryText };
}

/** Offers to keep the restored edits or go back to the library copy; neither choice loses text. */
export function RecoveryBanner() {
  useT();
  // Decided once, on the first render after start (the store is hydrated synchronously before).
  const [recovery, setRecovery] = useState(findRecovery);
  if (!recovery) return null;
  const s = useSpecStore.getState();
  if (s.docId !== recovery.docId) return null;
  const keep = (): void => {
    const t = useSpecStore.getState();
    saveEntry(t.docId, specName(t.doc), storableText(t), undefined, { persistSecrets: t.persistSecrets });
    t.notify(() => tr('app.recovery.kept'), 'success');
    setRecovery(null);
  };
  const revert = (): void => {
    const t = useSpecStore.getState();
    const copyId = newDocId();
    const name = tr('app.recovery.copyName', { name: specName(t.doc) });
    if (!saveEntry(copyId, name, storableText(t), undefined, { persistSecrets: t.persistSecrets })) {
      // Never trade the restored text for the older copy without keeping it somewhere.
      t.notify(() => tr('app.recovery.setAsideFailed'), 'error');
      return;
    }
    t.loadDocument(recovery.libraryText, 'library', {
      docId: recovery.docId,
      persistSecrets: entryPersistsSecrets(recovery.docId),
    });
    t.notify(() => tr('app.recovery.openedCopy', { name }), 'success');
    setRecovery(null);
  };
  return (
    <Banner
      tone="info"
      onDismiss={() => setRecovery(null)}
      actions={
        <>
          <button type="button" className="button" onClick={keep}>
            {tr('app.recovery.keep')}
          </button>
          <button type="button" className="button" onClick={revert}>
            {tr('app.recovery.open')}
          </button>
        </>
      }
    >
      {tr('app.recovery.text', { name: specName(s.doc) })}
    </Banner>
  );
}
