import { useState } from 'react';
import { useT } from '../../i18n';
import { useSpecStore } from '../../store';

/**
 * Undo history lives in memory only: after a reload restored an edited spec, the title bar says that
 * the undo steps of before the reload are gone (until the next edit gives Undo something to do, or
 * another spec is opened).
 */
export function UndoAfterReloadNote() {
  const t = useT();
  // At the first render the session is already restored (synchronously, from localStorage): an
  // edited text with an empty undo stack is a session that came back from a reload.
  const [restoredDoc] = useState(() => {
    const s = useSpecStore.getState();
    return s.text !== s.loadedText && s.history.past.length === 0 ? s.docId : null;
  });
  const shown = useSpecStore(
    (s) => restoredDoc !== null && s.docId === restoredDoc && s.history.past.length === 0,
  );
  if (!shown) return null;
  return (
    <span className="muted small" role="note">
      {t('app.undoNote.text')}
    </span>
  );
}
