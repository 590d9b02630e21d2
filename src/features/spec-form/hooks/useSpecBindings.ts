import { useCallback, useMemo } from 'react';
import { SECTIONS, type Diagnostic, type JsonValue } from '@core';
import { useSpecStore, type PointerEdit } from '../../../store';
import { diagnosticsUnder, selectDiagnostics, selectDoc, selectFormFrozen } from '../../../store/selectors';
import { pointerFromFieldId } from '../model/fieldIds';
import { consumeDiagnosticFocus } from './useRevealFromDiagnostics';
import { declarationWrite, declaredParams, paramRoots } from '../model/placeholders';

/** The last valid document. */
export function useDoc(): JsonValue {
  return useSpecStore(selectDoc);
}

/** True while the JSON text does not parse: every form is read-only then. */
export function useFrozen(): boolean {
  return useSpecStore(selectFormFrozen);
}

/** Writes one value into the document (minimal text edit); a no-op while frozen. */
export function useWrite(): (pointer: string, value: JsonValue | undefined) => boolean {
  return useSpecStore((s) => s.updateAt);
}

/**
 * Writes several values as ONE user action (one text change, one undo step), all or nothing; a no-op
 * while frozen. A single write goes through `updateAt` (and coalesces like any other form edit).
 */
export function useWriteMany(): (edits: readonly PointerEdit[]) => boolean {
  return useSpecStore((s) => s.updateMany);
}

/** Focus → reveal the value in the JSON view; blur → mark the field touched (its errors show from then on). */
export function useFieldEvents(): { onFocus: (id: string) => void; onBlur: (id: string) => void } {
  const revealPointer = useSpecStore((s) => s.revealPointer);
  const touch = useSpecStore((s) => s.touch);
  return useMemo(
    () => ({
      onFocus: (id: string) => {
        // Focus moved here by a click on a diagnostic: the JSON view already shows the diagnostic's range.
        if (consumeDiagnosticFocus(document.getElementById(id))) return;
        const p = pointerFromFieldId(id);
        if (p !== null) revealPointer(p, 'form');
      },
      onBlur: (id: string) => {
        const p = pointerFromFieldId(id);
        if (p !== null) touch(p);
      },
    }),
    [revealPointer, touch],
  );
}

/**
 * Diagnostics to show inline for the field editing `pointer`: those at or under it, once the field was
 * touched (or the user edited the JSON text, which makes every diagnostic visible).
 */
export function useFieldDiagnostics(pointer: string): Diagnostic[] {
  const visible = useSpecStore((s) => s.textEdited || s.touched[pointer] === true);
  const diagnostics = useSpecStore(selectDiagnostics);
  return useMemo(
    () => (visible ? diagnosticsUnder(diagnostics, pointer) : []),
    [visible, diagnostics, pointer],
  );
}

const ROOTS = paramRoots(SECTIONS);

/** Names `${...}` may use, and a callback that declares a missing one as a user input. */
export function useDeclaredParams(): { declared: string[]; declare: (name: string) => void } {
  const doc = useDoc();
  const write = useWrite();
  const declared = useMemo(() => declaredParams(doc, ROOTS), [doc]);
  const declare = useCallback(
    (name: string) => {
      const w = declarationWrite(useSpecStore.getState().doc, ROOTS.userInputs, name);
      if (w) write(w.pointer, w.value);
    },
    [write],
  );
  return { declared, declare };
}
