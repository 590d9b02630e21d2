import type { StateCreator } from 'zustand';
import { BLANK_SPEC, parseJson, type JsonValue, type ParseWarning } from '@core';
import { hintedReplacement, type BasedReplacement } from '../../lib/textDiff';
import {
  changeOf,
  emptyHistory,
  recordEdit,
  redoStep,
  undoStep,
  undoCapNotice,
  undoSizeNotice,
  type EditKind,
  type History,
} from '../history';
import { applyValueAt, replaceScalarAt } from '../textEdit';
import type { DocumentActions, DocumentState, PointerEdit, SpecState } from '../types';

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
  // No warnings: always the same array, so what depends on it (the JSON view's markers, re-placed
  // over the whole text) is not redone on every keystroke. Never mutated.
  const parseWarnings = r.warnings.length > 0 ? r.warnings : NO_WARNINGS;
  if (r.ok) return { text, doc: r.value, parseError: null, parseWarnings, revision: prev.revision + 1 };
  return { text, doc: prev.doc, parseError: r.error, parseWarnings, revision: prev.revision };
}

const NO_WARNINGS: ParseWarning[] = [];

/**
 * Typing in the JSON view of a text at least this long re-parses it after the keystroke is on screen
 * (one frame later, coalescing keystrokes that come faster), not inside the keystroke: on a 1 MB spec
 * the parse and what follows the new document (form, run inputs, preview status) cost a keystroke
 * 15–25 ms (bench:ui l). Everything that reads the document from the store first settles it
 * (`settleText`), so no edit ever applies to a document older than the text.
 */
export const DEFER_PARSE_CHARS = 256 * 1024;

/** Runs `fn` once the next frame is painted (a macrotask queued from the frame's callback). */
function afterPaint(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(fn, 0));
  else setTimeout(fn, 0);
}

/**
 * Applies `edits` in order to `text` (whose parsed value is `doc`), each as a minimal edit, re-reading
 * the document between edits so later pointers see earlier writes. Returns the final text, or null when
 * any pointer cannot be addressed (the batch is then applied not at all).
 */
export function applyBatch(text: string, doc: JsonValue, edits: readonly PointerEdit[]): string | null {
  let current = text;
  let value = doc;
  for (const [i, edit] of edits.entries()) {
    const next = applyValueAt(current, value, edit.pointer, edit.value);
    if (next === null) return null;
    current = next;
    if (i < edits.length - 1) {
      const r = parseJson(current);
      if (!r.ok) return null;
      value = r.value;
    }
  }
  return current;
}

export function initialDocumentState(): DocumentState {
  const text = blankText();
  return {
    ...deriveFromText(text, { doc: {}, revision: 0 }),
    docId: newDocId(),
    origin: 'blank',
    loadedText: text,
    textEdited: false,
    persistSecrets: false,
    history: emptyHistory(),
  };
}

export const createDocumentSlice: StateCreator<SpecState, [], [], DocumentState & DocumentActions> = (
  set,
  get,
) => {
  /** Tells the user once per document when the undo cap (steps or size) first drops the oldest step. */
  const announceCap = (before: History, after: History): void => {
    if (after.capped && !before.capped) get().notify(undoCapNotice, 'info');
    if (after.sizeCapped && !before.sizeCapped) get().notify(undoSizeNotice, 'info');
  };

  /** Whether `text` is ahead of `doc` (a deferred parse is scheduled). */
  let unsettled = false;
  let scheduled = false;

  /** Brings doc, parseError and parseWarnings up to the text when a parse was deferred. */
  const settle = (): void => {
    if (!unsettled) return;
    unsettled = false;
    const s = get();
    set(deriveFromText(s.text, s));
  };

  /** The state with doc derived from the current text. */
  const settled = (): SpecState => {
    settle();
    return get();
  };

  /** Replaces the text as one recorded edit of `kind` (coalescing by `key`). */
  const commit = (
    next: string,
    kind: EditKind,
    key: string,
    extra: Partial<SpecState> = {},
    hint?: BasedReplacement,
  ): void => {
    const s = get();
    if (next === s.text) return;
    const r = hint === undefined ? null : hintedReplacement(s.text, next, hint);
    const change = r === null ? undefined : changeOf(s.text, r);
    const history = recordEdit(s.history, s.text, next, `${kind}:${key}`, Date.now(), change);
    if (hint !== undefined && kind === 'type' && next.length >= DEFER_PARSE_CHARS) {
      // A keystroke in the JSON view of a big text: the text (and undo) now, the parse after paint.
      unsettled = true;
      set({ text: next, history, ...extra });
      announceCap(s.history, history);
      if (!scheduled) {
        scheduled = true;
        afterPaint(() => {
          scheduled = false;
          settle();
        });
      }
      return;
    }
    unsettled = false;
    set({ ...deriveFromText(next, s), history, ...extra });
    announceCap(s.history, history);
  };

  /**
   * A form write of one scalar into a warning-free text: spliced in and the doc updated in place of
   * a whole re-parse (12 ms per keystroke on a spec with a 2,000-property schema; bench:ui). Returns
   * false when the fast path does not apply.
   */
  const commitScalar = (pointer: string, value: JsonValue | undefined): boolean => {
    const s = settled();
    if (s.parseError || s.parseWarnings.length > 0) return false;
    const fast = replaceScalarAt(s.text, s.doc, pointer, value);
    if (!fast) return false;
    if (fast.text === s.text) return true;
    const history = recordEdit(s.history, s.text, fast.text, `form:${pointer}`, Date.now(), fast.change);
    set({
      text: fast.text,
      doc: fast.doc,
      parseError: null,
      parseWarnings: NO_WARNINGS,
      revision: s.revision + 1,
      history,
    });
    announceCap(s.history, history);
    return true;
  };

  const step = (which: 'undo' | 'redo'): boolean => {
    const s = settled();
    const r = which === 'undo' ? undoStep(s.history, s.text) : redoStep(s.history, s.text);
    if (!r) return false;
    unsettled = false;
    set({ ...deriveFromText(r.text, s), history: r.history, textEdited: true });
    return true;
  };

  return {
    ...initialDocumentState(),

    setText: (text, hint) => commit(text, 'type', '', { textEdited: true }, hint),

    settleText: settle,

    updateAt: (pointer, value: JsonValue | undefined) => {
      const s = settled();
      if (s.parseError) return false;
      if (commitScalar(pointer, value)) return true;
      const next = applyValueAt(s.text, s.doc, pointer, value);
      if (next === null) return false;
      commit(next, 'form', pointer);
      return true;
    },

    updateMany: (edits) => {
      const s = settled();
      if (s.parseError) return false;
      const first = edits[0];
      if (first === undefined) return true;
      if (edits.length === 1) return s.updateAt(first.pointer, first.value);
      const next = applyBatch(s.text, s.doc, edits);
      if (next === null) return false;
      // Like a single form write, a burst of the same batch (e.g. typing a parameter rename that also
      // renames its `required` entry) within the coalescing window is one undo step.
      commit(next, 'form', edits.map((e) => e.pointer).join('\n'));
      return true;
    },

    forkDocument: () => set({ docId: newDocId(), loadedText: '' }),

    setPersistSecrets: (value) => set({ persistSecrets: value }),

    undo: () => step('undo'),
    redo: () => step('redo'),

    loadDocument: (text, origin, options) => {
      unsettled = false;
      const s = get();
      set({
        ...deriveFromText(text, { doc: {}, revision: s.revision }),
        // A new document is a new doc even when it does not parse (the form then shows an empty one).
        revision: s.revision + 1,
        docId: options?.docId ?? newDocId(),
        origin,
        loadedText: text,
        textEdited: false,
        persistSecrets: options?.persistSecrets === true,
        history: emptyHistory(),
        touched: {},
        diagnostics: [],
        reveal: null,
      });
    },
  };
};
