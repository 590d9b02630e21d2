import { useEffect } from 'react';
import { requestPersistentStorage } from '../lib/storage';
import { flushAutosave, useSpecStore } from '../store';

const isEditable = (el: Element | null) =>
  !!el && (el.closest('.monaco-editor') !== null || el.closest('dialog') !== null);

/**
 * App-wide wiring: Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z / Ctrl+Y go to the store's one history anywhere
 * (Monaco binds the same keys itself; dialogs keep native undo), and autosave is flushed when the
 * page is hidden or closed. Asks once for persistent storage (Safari evicts script-written storage
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
    window.addEventListener('keydown', onKey);
    window.addEventListener('pagehide', flushAutosave);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pagehide', flushAutosave);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
}
