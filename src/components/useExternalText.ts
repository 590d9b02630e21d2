import { useEffect, type RefObject } from 'react';
import { monaco } from '../lib/monaco';
import { minimalReplacement } from './textDiff';

/**
 * Applies a value that changed outside the editor (the store, a form) to a Monaco editor as one minimal
 * edit, never `setValue`, so the cursor, the selection and Monaco's undo stack survive. While the edit is
 * applied, `applyingRef.current` is true: the editor's change handler must ignore that event (echo guard).
 * With `undoStops`, the edit is its own undo step.
 */
export function useExternalText(
  editor: monaco.editor.IStandaloneCodeEditor | null,
  value: string,
  applyingRef: RefObject<boolean>,
  undoStops = false,
): void {
  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model) return;
    const r = minimalReplacement(model.getValue(), value);
    if (!r) return;
    const range = monaco.Range.fromPositions(model.getPositionAt(r.start), model.getPositionAt(r.end));
    applyingRef.current = true;
    try {
      if (undoStops) editor.pushUndoStop();
      editor.executeEdits('spec-studio', [{ range, text: r.text, forceMoveMarkers: true }]);
      if (undoStops) editor.pushUndoStop();
    } finally {
      applyingRef.current = false;
    }
  }, [value, editor, applyingRef, undoStops]);
}
