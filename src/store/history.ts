/**
 * One undo history over text snapshots, shared by form edits and JSON typing. A burst of edits of the
 * same kind (typing, or form edits of one field) within `COALESCE_MS` is one undo step.
 */

export const COALESCE_MS = 1000;
export const MAX_HISTORY = 200;

export type EditKind = 'type' | 'form' | 'other';

export interface History {
  past: string[];
  future: string[];
  /** Kind + target of the last recorded edit, for coalescing; null after undo/redo/load. */
  lastKey: string | null;
  lastAt: number;
}

export const emptyHistory = (): History => ({ past: [], future: [], lastKey: null, lastAt: 0 });

/** Records that `before` is about to be replaced by an edit identified by `key` at time `now`. */
export function recordEdit(h: History, before: string, key: string, now: number): History {
  const coalesce = h.lastKey === key && now - h.lastAt < COALESCE_MS && h.past.length > 0;
  const past = coalesce ? h.past : [...h.past, before].slice(-MAX_HISTORY);
  return { past, future: [], lastKey: key, lastAt: now };
}

/** Steps back: returns the text to show and the new history, or null when there is nothing to undo. */
export function undoStep(h: History, current: string): { text: string; history: History } | null {
  const text = h.past[h.past.length - 1];
  if (text === undefined) return null;
  return {
    text,
    history: { past: h.past.slice(0, -1), future: [...h.future, current], lastKey: null, lastAt: 0 },
  };
}

/** Steps forward again after an undo, or null when there is nothing to redo. */
export function redoStep(h: History, current: string): { text: string; history: History } | null {
  const text = h.future[h.future.length - 1];
  if (text === undefined) return null;
  return {
    text,
    history: { past: [...h.past, current], future: h.future.slice(0, -1), lastKey: null, lastAt: 0 },
  };
}
