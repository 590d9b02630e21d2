import { useEffect } from 'react';
import { useSpecStore } from '../../store';
import { createValidateClient } from '../../workers/validateClient';
import { keepLocations, sameLines } from '../../workers/validateLocations';
import { sameDiagnostics } from './diagnosticsView';

/** Debounce of whole-document validation after the last document change (the shortest pause). */
export const VALIDATE_DEBOUNCE_MS = 120;
/**
 * The pause is at least this many times the last validation's duration: a validation that takes
 * 100 ms (a spec with 2,000 user inputs) waits 300 ms after the last keystroke, so while the user
 * types, the worker does not take the CPU the keystrokes need (bench:ui g, h; machines with 2 cores).
 * The Problems header says "checking…" until the result is in.
 */
export const VALIDATE_PAUSE_PER_MS = 3;
/** Longest pause after the last change before validating, however slow the last validation was. */
export const VALIDATE_DEBOUNCE_MAX_MS = 1000;

/** The pause before validating, given how long the last validation took. */
export function validatePause(lastMs: number): number {
  return Math.min(VALIDATE_DEBOUNCE_MAX_MS, Math.max(VALIDATE_DEBOUNCE_MS, VALIDATE_PAUSE_PER_MS * lastMs));
}

/**
 * Keeps `diagnostics` in step with `doc`: validates off the main thread after a short pause, tags the
 * result with the revision it was computed for, and lets the store drop it when it is stale.
 *
 * Nothing starts until `enabled` (the app passes "after the first paint"): creating the worker fetches
 * its chunk, which the first paint must not wait for. The first validation runs as soon as it is.
 * A result equal in content to the diagnostics shown, on the same lines, keeps the same array, so the
 * editor's markers (which Monaco moves with each edit) and the Problems list are not rebuilt on every
 * keystroke. The worker also locates the diagnostics in the text (validateLocations.ts): neither
 * markers nor Problems parse the text again on the main thread.
 */
export function useDiagnosticsSync(enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const client = createValidateClient();
    let timer: ReturnType<typeof setTimeout> | null = null;
    // The document the shown diagnostics belong to: after a load they are always replaced (the new
    // text was not reached by edits, so markers placed in the old one cannot have followed it).
    let shownFor: string | null = null;
    const run = (): void => {
      const { doc, revision, text, parseError } = useSpecStore.getState();
      // Located in the text only while it parses (it is then the document's own text).
      void client.validate(doc, revision, parseError ? undefined : text).then((r) => {
        if (!r) return;
        const { diagnostics: shown, loadedText, setDiagnostics } = useSpecStore.getState();
        const keep =
          shownFor === loadedText && sameDiagnostics(shown, r.diagnostics) && sameLines(shown, r.diagnostics);
        if (keep) keepLocations(shown, r.diagnostics);
        setDiagnostics(keep ? shown : r.diagnostics, r.revision);
        if (useSpecStore.getState().diagnosticsRevision === r.revision) shownFor = loadedText;
      });
    };
    run();
    const unsubscribe = useSpecStore.subscribe((s, prev) => {
      if (s.revision === prev.revision) return;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(run, validatePause(client.lastMs()));
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
      client.dispose();
    };
  }, [enabled]);
}
