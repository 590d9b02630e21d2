/**
 * One undo history over text snapshots, shared by form edits and JSON typing. A burst of edits of the
 * same kind (typing, or form edits of one field) within `COALESCE_MS` is one undo step.
 */

export const COALESCE_MS = 1000;
/** Undo steps kept per document; the oldest is dropped beyond it, and the user is told once. */
export const MAX_HISTORY = 200;

/** The notice shown when the oldest undo step is first dropped. */
export const UNDO_CAP_NOTICE = `Undo keeps the last ${MAX_HISTORY} steps: older steps are no longer undoable.`;

export type EditKind = 'type' | 'form' | 'other';

export interface History {
  past: string[];
  future: string[];
  /** Kind + target of the last recorded edit, for coalescing; null after undo/redo/load. */
  lastKey: string | null;
  lastAt: number;
  /** True once a step was dropped at the cap (since the document was loaded). */
  capped?: boolean;
}

export const emptyHistory = (): History => ({ past: [], future: [], lastKey: null, lastAt: 0 });

/** Records that `before` is about to be replaced by an edit identified by `key` at time `now`. */
export function recordEdit(h: History, before: string, key: string, now: number): History {
  const coalesce = h.lastKey === key && now - h.lastAt < COALESCE_MS && h.past.length > 0;
  const dropped = !coalesce && h.past.length >= MAX_HISTORY;
  const past = coalesce ? h.past : [...h.past, before].slice(-MAX_HISTORY);
  return { past, future: [], lastKey: key, lastAt: now, ...(h.capped || dropped ? { capped: true } : {}) };
}

/** Steps back: returns the text to show and the new history, or null when there is nothing to undo. */
export function undoStep(h: History, current: string): { text: string; history: History } | null {
  const text = h.past[h.past.length - 1];
  if (text === undefined) return null;
  return {
    text,
    history: { ...h, past: h.past.slice(0, -1), future: [...h.future, current], lastKey: null, lastAt: 0 },
  };
}

/** Steps forward again after an undo, or null when there is nothing to redo. */
export function redoStep(h: History, current: string): { text: string; history: History } | null {
  const text = h.future[h.future.length - 1];
  if (text === undefined) return null;
  return {
    text,
    history: { ...h, past: [...h.past, current], future: h.future.slice(0, -1), lastKey: null, lastAt: 0 },
  };
}
