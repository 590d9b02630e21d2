import { useEffect } from 'react';

/**
 * Keeps each document's sample pages and run inputs with it (docSamples.ts), from when `ready` (after
 * the first paint: the preview's code is a lazy chunk) until unmount.
 */
export function useDocSamples(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    void import('./docSamples').then((m) => {
      if (!cancelled) stop = m.followDocSamples();
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [ready]);
}
