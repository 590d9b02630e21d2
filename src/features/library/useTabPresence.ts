import { useEffect } from 'react';
import { startTabLock } from './tabLock';
import { startPresence } from './tabPresence';

/**
 * Elects one writer per document across tabs for as long as the app is mounted (see tabLock.ts):
 * a tab that is not the writer gets `otherTab` set and its saves held back. Presence
 * (tabPresence.ts) lets the writer know that another tab shows the same document.
 */
export function useTabPresence(): void {
  useEffect(() => {
    const stopLock = startTabLock();
    const stopPresence = startPresence();
    return () => {
      stopPresence();
      stopLock();
    };
  }, []);
}
