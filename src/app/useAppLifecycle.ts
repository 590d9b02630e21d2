import { useEffect } from 'react';
import { requestPersistentStorage } from '../lib/storage';
import { flushAutosave, useSpecStore } from '../store';
import { selectUnsaved } from '../store/selectors';

const isEditable = (el: Element | null) =>
  !!el && (el.closest('.monaco-editor') !== null || el.closest('dialog') !== null);

/**
 * App-wide wiring: Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z / Ctrl+Y go to the store's one history anywhere
 * (Monaco binds the same keys itself; dialogs keep native undo), and autosave is flushed when the
 * page is hidden or closed; closing the tab while edits are not saved (storage full, another tab is the
 * writer) asks first, and only then. Asks once for persistent storage (Safari evicts script-written storage
 * after 7 days of no use; elsewhere storage is best-effort), so the library survives eviction where
 * the browser allows.
 */
export function useAppLifecycle(): void {
  useEffect(() => {
    void requestPersistentStorage();
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      const undo = key === 'z' && !e.shiftKey;
      const redo = (key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey);
      if (!undo && !redo) return;
      if (isEditable(e.target instanceof Element ? e.target : null)) return;
      e.preventDefault();
      const s = useSpecStore.getState();
      if (undo) s.undo();
      else s.redo();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flushAutosave();
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      flushAutosave();
      if (!selectUnsaved(useSpecStore.getState())) return;
      e.preventDefault();
      // Older Chromium and Safari only prompt when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('pagehide', flushAutosave);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', flushAutosave);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
}
