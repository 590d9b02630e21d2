import { useEffect } from 'react';
import { useSpecStore } from '../../store';
import { createValidateClient } from '../../workers/validateClient';

/** Debounce of whole-document validation after the last document change. */
export const VALIDATE_DEBOUNCE_MS = 120;

/**
 * Keeps `diagnostics` in step with `doc`: validates off the main thread after a short pause, tags the
 * result with the revision it was computed for, and lets the store drop it when it is stale.
 */
export function useDiagnosticsSync(): void {
  useEffect(() => {
    const client = createValidateClient();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const run = (): void => {
      const { doc, revision } = useSpecStore.getState();
      void client.validate(doc, revision).then((r) => {
        if (r) useSpecStore.getState().setDiagnostics(r.diagnostics, r.revision);
      });
    };
    run();
    const unsubscribe = useSpecStore.subscribe((s, prev) => {
      if (s.revision === prev.revision) return;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(run, VALIDATE_DEBOUNCE_MS);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
      client.dispose();
    };
  }, []);
}
