import type { StateCreator } from 'zustand';
import { BLANK_SPEC, parseJson, type JsonValue } from '@core';
import { emptyHistory, recordEdit, redoStep, undoStep, type EditKind } from '../history';
import { applyValueAt } from '../textEdit';
import type { DocumentActions, DocumentState, SpecState } from '../types';

/** A fresh id for a library entry. */
export function newDocId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `doc-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The blank spec as the text a new document starts from. */
export function blankText(): string {
  return `${JSON.stringify(BLANK_SPEC, null, 2)}\n`;
}

/**
 * Derives doc / parseError from a text. On a parse failure the previous doc is kept (the form stays
 * on the last valid document) and the revision does not move.
 */
export function deriveFromText(
  text: string,
  prev: Pick<DocumentState, 'doc' | 'revision'>,
): Pick<DocumentState, 'text' | 'doc' | 'parseError' | 'parseWarnings' | 'revision'> {
  const r = parseJson(text);
  if (r.ok)
    return { text, doc: r.value, parseError: null, parseWarnings: r.warnings, revision: prev.revision + 1 };
  return { text, doc: prev.doc, parseError: r.error, parseWarnings: r.warnings, revision: prev.revision };
}

export function initialDocumentState(): DocumentState {
  const text = blankText();
  return {
    ...deriveFromText(text, { doc: {}, revision: 0 }),
    docId: newDocId(),
    origin: 'blank',
    loadedText: text,
    textEdited: false,
    history: emptyHistory(),
  };
}

export const createDocumentSlice: StateCreator<SpecState, [], [], DocumentState & DocumentActions> = (
  set,
  get,
) => {
  /** Replaces the text as one recorded edit of `kind` (coalescing by `key`). */
  const commit = (next: string, kind: EditKind, key: string, extra: Partial<SpecState> = {}): void => {
    const s = get();
    if (next === s.text) return;
    const history = recordEdit(s.history, s.text, `${kind}:${key}`, Date.now());
    set({ ...deriveFromText(next, s), history, ...extra });
  };

  const step = (which: 'undo' | 'redo'): boolean => {
    const s = get();
    const r = which === 'undo' ? undoStep(s.history, s.text) : redoStep(s.history, s.text);
    if (!r) return false;
    set({ ...deriveFromText(r.text, s), history: r.history, textEdited: true });
    return true;
  };

  return {
    ...initialDocumentState(),

    setText: (text) => commit(text, 'type', '', { textEdited: true }),

    updateAt: (pointer, value: JsonValue | undefined) => {
      const s = get();
      if (s.parseError) return false;
      const next = applyValueAt(s.text, s.doc, pointer, value);
      if (next === null) return false;
      commit(next, 'form', pointer);
      return true;
    },

    forkDocument: () => set({ docId: newDocId(), loadedText: '' }),

    undo: () => step('undo'),
    redo: () => step('redo'),

    loadDocument: (text, origin, options) => {
      const s = get();
      set({
        ...deriveFromText(text, { doc: {}, revision: s.revision }),
        // A new document is a new doc even when it does not parse (the form then shows an empty one).
        revision: s.revision + 1,
        docId: options?.docId ?? newDocId(),
        origin,
        loadedText: text,
        textEdited: false,
        history: emptyHistory(),
        touched: {},
        diagnostics: [],
        reveal: null,
      });
    },
  };
};
