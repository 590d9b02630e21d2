import { useEffect } from 'react';
import { hasEntry, saveEntry } from '../../lib/library';
import { useSpecStore } from '../../store';
import { specName } from '../../store/selectors';
import { storableText } from '../../store/storableText';

/** Library autosave delay after the last change. */
export const LIBRARY_SAVE_MS = 1000;
/**
 * Characters per extra millisecond of delay: each save writes the whole text (~0.2 s of main thread
 * for 5 MB), so a big spec waits longer (5 MB: 3.5 s) and a run of edits is one save (issue 12 item
 * 5). Leaving the page still saves at once.
 */
export const LIBRARY_SAVE_CHARS_PER_MS = 2000;

/** The library autosave delay for a text of `chars` characters. */
export const librarySaveDelay = (chars: number): number =>
  LIBRARY_SAVE_MS + Math.floor(chars / LIBRARY_SAVE_CHARS_PER_MS);

/**
 * Keeps the library copy of the document on screen up to date once it is edited. Paused while another
 * tab is the writer of the same document (the banner lets the user decide); a save held back then is
 * written when this tab takes over.
 */
export function useLibraryAutosave(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    // A save skipped while another tab was the writer, written once this tab takes over.
    let held = false;
    const save = (): void => {
      timer = null;
      const s = useSpecStore.getState();
      held = s.otherTab;
      if (s.otherTab) return;
      if (s.text === s.loadedText && !hasEntry(s.docId)) return;
      saveEntry(s.docId, specName(s.doc), storableText(s), undefined, { persistSecrets: s.persistSecrets });
    };
    const unsubscribe = useSpecStore.subscribe((s, prev) => {
      if (held && prev.otherTab && !s.otherTab) save();
      // Opting in or out of keeping secrets rewrites the copy (with or without them).
      if (s.text === prev.text && s.docId === prev.docId && s.persistSecrets === prev.persistSecrets) return;
      if (s.docId !== prev.docId) return;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(save, librarySaveDelay(s.text.length));
    });
    const flush = (): void => {
      if (timer === null) return;
      clearTimeout(timer);
      save();
    };
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      unsubscribe();
      flush();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
}
