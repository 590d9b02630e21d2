import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { monaco } from '../lib/monaco';
import { minimalReplacement } from './textDiff';

/**
 * Applies a value that changed outside the editor (the store, a form) to a Monaco editor as one minimal
 * edit, never `setValue`, so the cursor, the selection and Monaco's undo stack survive. While the edit is
 * applied, `applyingRef.current` is true: the editor's change handler must ignore that event (echo guard).
 * With `undoStops`, the edit is its own undo step.
 *
 * Returns what the editor's change handler needs so a keystroke costs nothing in proportion to the
 * text: `before(version)`, the model's text at `version` when known here (the text a change event's
 * edit applied to), and `seen(text)`, the model's text the handler just read, so when it comes back
 * as `value` (the store following the editor) it is recognised by identity, without reading or
 * comparing the model's text.
 */
export function useExternalText(
  editor: monaco.editor.IStandaloneCodeEditor | null,
  value: string,
  applyingRef: RefObject<boolean>,
  undoStops = false,
): ExternalTextSync {
  // The model's text as of its last version seen here: unchanged since, it is not read again (a
  // 5 MB model's getValue() costs tens of ms per form edit). The length check catches an edit whose
  // line endings the model normalised.
  const synced = useRef<{ model: monaco.editor.ITextModel; version: number; text: string } | null>(null);
  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model) return;
    const known = synced.current;
    const current =
      known !== null &&
      known.model === model &&
      known.version === model.getVersionId() &&
      known.text.length === model.getValueLength()
        ? known.text
        : model.getValue();
    const r = minimalReplacement(current, value);
    // Equal texts: `value` is kept (the store's string), so the next change's base is the store's text.
    synced.current = { model, version: model.getVersionId(), text: r ? current : value };
    if (!r) return;
    const range = monaco.Range.fromPositions(model.getPositionAt(r.start), model.getPositionAt(r.end));
    applyingRef.current = true;
    try {
      if (undoStops) editor.pushUndoStop();
      // A replacement of most of the text is another document (an example, a file, the library): a
      // selection from the old one (a reveal) would otherwise stretch over the whole new text. The cursor
      // goes to where the change starts instead. A small edit keeps Monaco's own cursor handling.
      const wholesale = r.end - r.start > current.length / 2 || r.text.length > value.length / 2;
      const start = range.getStartPosition();
      const collapse = (): monaco.Selection[] => [
        new monaco.Selection(start.lineNumber, start.column, start.lineNumber, start.column),
      ];
      editor.executeEdits(
        'spec-studio',
        [{ range, text: r.text, forceMoveMarkers: true }],
        wholesale ? collapse : undefined,
      );
      if (undoStops) editor.pushUndoStop();
      synced.current = { model, version: model.getVersionId(), text: value };
    } finally {
      applyingRef.current = false;
    }
  }, [value, editor, applyingRef, undoStops]);
  return useMemo(
    () => ({
      seen: (text: string) => {
        const model = editor?.getModel();
        if (model) synced.current = { model, version: model.getVersionId(), text };
      },
      before: (version: number) => {
        const known = synced.current;
        const model = editor?.getModel();
        return known !== null && known.model === model && known.version === version ? known.text : null;
      },
    }),
    [editor],
  );
}

export interface ExternalTextSync {
  seen: (text: string) => void;
  before: (version: number) => string | null;
}
