import { lazy, Suspense } from 'react';
import { useT } from '../i18n';
import { afterMonacoNls } from '../lib/monacoNls';
import type { BasedReplacement } from '../lib/textDiff';

export interface EditorMarker {
  offset: number;
  length: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
  source?: string;
}

export interface EditorReveal {
  offset: number;
  length: number;
  seq: number;
  focus: boolean;
}

/** Readers of the editor's state (test hooks). */
export interface EditorReaders {
  getValue: () => string;
  getSelectedText: () => string;
  /** The cursor's 1-based line and column. */
  getCursor: () => { line: number; column: number };
}

export interface MonacoEditorProps {
  /** The text to show. Changes from outside are applied as minimal edits, never with setValue. */
  value: string;
  /**
   * The new text, with the change that made it (and the text it applied to) when it was a single
   * replacement of a text known here.
   */
  onChange: (text: string, change?: BasedReplacement) => void;
  onUndo: () => void;
  onRedo: () => void;
  markers: EditorMarker[];
  reveal: EditorReveal | null;
  ariaLabel: string;
  /** Called once the model exists, with readers of its text and selected text (test hook). */
  onReady?: (read: EditorReaders) => void;
}

/**
 * Above this many characters (BAD-INPUTS A9: e.g. 5 MB of minified JSON on one line) the editor
 * drops its JSON language mode: no tokenisation, folding, outline or in-editor JSON checks, whose
 * per-node results the worker ships back to the main thread (measured: a 14 s main-thread stall
 * for 5 MB). The text stays editable; the store still parses it and the Problems panel still
 * validates it. Below it again, the JSON mode comes back.
 */
export const LARGE_TEXT_CHARS = 1_000_000;

/**
 * The editor itself (and Monaco with it), loaded once Monaco's own messages (right-click menu, find
 * widget, hovers) are in for the app's language: they must be set before Monaco's modules evaluate
 * (src/lib/monacoNls.ts).
 */
const MonacoEditorView = lazy(afterMonacoNls(() => import('./MonacoEditorView')));

/**
 * The one Monaco wrapper: a JSON editor over a single model (`@monaco-editor/react` on the local
 * Monaco of lib/monaco, never a CDN): see MonacoEditorView.tsx.
 */
export default function MonacoEditor(props: MonacoEditorProps) {
  const t = useT();
  return (
    <Suspense fallback={<div className="loading">{t('app.app.loadingEditor')}</div>}>
      <MonacoEditorView {...props} />
    </Suspense>
  );
}
