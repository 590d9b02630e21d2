import { useEffect, useMemo, useState } from 'react';
import { locatePointer } from '@core';
import MonacoEditor, { type EditorReveal } from '../../components/MonacoEditor';
import { useLocale, useT } from '../../i18n';
import { onJumpToText } from '../../lib/editorJump';
import { useSpecStore } from '../../store';
import { selectDiagnostics, selectReveal, selectText } from '../../store/selectors';
import { sameWarnings, toEditorMarkers } from './editorMarkers';

/** Jumps by offset (lib/editorJump) get negative sequence numbers, apart from the store's reveals. */
let jumpSeq = 0;

declare global {
  interface Window {
    __specStudio?: Record<string, unknown>;
  }
}

/** The Monaco JSON view of the whole spec, two-way bound to the store (lazy chunk: default export). */
export default function JsonEditorPane() {
  const text = useSpecStore(selectText);
  const diagnostics = useSpecStore(selectDiagnostics);
  const warnings = useSpecStore((s) => s.parseWarnings);
  const revealReq = useSpecStore(selectReveal);
  const setText = useSpecStore((s) => s.setText);
  const undo = useSpecStore((s) => s.undo);
  const redo = useSpecStore((s) => s.redo);
  const t = useT();
  // Marker messages are in the chosen language: a switch rebuilds them.
  const locale = useLocale();

  // Markers follow the diagnostics; they are placed in the text they were computed for. Unchanged
  // findings (the same diagnostics array, see useDiagnosticsSync, and warnings equal in content) keep
  // the same markers array, so Monaco's markers, which it moves with every edit, are not re-placed.
  const [keptWarnings, setKeptWarnings] = useState(warnings);
  const stableWarnings =
    keptWarnings === warnings || sameWarnings(keptWarnings, warnings) ? keptWarnings : warnings;
  if (stableWarnings !== keptWarnings) setKeptWarnings(stableWarnings);
  const markers = useMemo(
    () => toEditorMarkers(useSpecStore.getState().text, diagnostics, stableWarnings),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [diagnostics, stableWarnings, locale],
  );

  const pointerReveal = useMemo<EditorReveal | null>(() => {
    if (!revealReq) return null;
    const loc = locatePointer(useSpecStore.getState().text, revealReq.pointer);
    if (!loc) return null;
    return {
      offset: loc.offset,
      length: loc.length,
      seq: revealReq.seq,
      focus: revealReq.source === 'diagnostics',
    };
  }, [revealReq]);
  // The latest of a store reveal (by pointer) and a jump by offset (a parse error's line) wins.
  const [jump, setJump] = useState<EditorReveal | null>(null);
  const [seenReq, setSeenReq] = useState(revealReq);
  if (seenReq !== revealReq) {
    setSeenReq(revealReq);
    setJump(null);
  }
  useEffect(
    () => onJumpToText(({ offset, length }) => setJump({ offset, length, seq: --jumpSeq, focus: true })),
    [],
  );
  const reveal = jump ?? pointerReveal;

  return (
    <MonacoEditor
      value={text}
      onChange={setText}
      onUndo={undo}
      onRedo={redo}
      markers={markers}
      reveal={reveal}
      ariaLabel={t('app.jsonEditor.ariaLabel')}
      onReady={({ getValue, getSelectedText, getCursor }) => {
        // Test hook (absent from the production build: see src/app/main.tsx).
        if (import.meta.env.MODE !== 'production' && window.__specStudio) {
          window.__specStudio.monacoValue = getValue;
          window.__specStudio.monacoSelection = getSelectedText;
          window.__specStudio.monacoCursor = getCursor;
        }
      }}
    />
  );
}
