import { t as tr } from '../../i18n';
import { hasEntry, saveEntry } from '../../lib/library';
import { useSpecStore } from '../../store';
import { specName } from '../../store/selectors';
import { storableText } from '../../store/storableText';

/**
 * Saves the document on screen to the library when it was edited since it was loaded (a pristine
 * example or blank spec is not worth an entry). While another tab has the same document open, it is
 * saved as a copy instead, so neither tab overwrites the other silently. Returns the entry name when
 * the document is in the library afterwards, else null.
 */
export function saveCurrentToLibrary(): string | null {
  const s = useSpecStore.getState();
  const dirty = s.text !== s.loadedText;
  if (!dirty) return hasEntry(s.docId) ? specName(s.doc) : null;
  if (s.otherTab) {
    s.forkDocument();
    s.notify(() => tr('app.librarySync.forked'), 'warning');
  }
  const t = useSpecStore.getState();
  const name = specName(t.doc);
  return saveEntry(t.docId, name, storableText(t), undefined, { persistSecrets: t.persistSecrets })
    ? name
    : null;
}
