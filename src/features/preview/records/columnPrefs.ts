import { useCallback, useSyncExternalStore } from 'react';

/** Width of a column until the user resizes it, and the bounds of a resize (px). */
export const COL_WIDTH = 180;
export const MIN_COL_WIDTH = 48;
export const MAX_COL_WIDTH = 1200;

/**
 * How one document's records table is shown: hidden columns and widths (by column id, the cell's
 * JSON Pointer, so they survive a recompute), and where it was scrolled (restored when the table
 * moves between the pane, full width and its own window). Kept in memory per document for the
 * session.
 */
export interface ColumnPrefs {
  hidden: ReadonlySet<string>;
  widths: ReadonlyMap<string, number>;
}

const EMPTY: ColumnPrefs = { hidden: new Set(), widths: new Map() };
const byDoc = new Map<string, ColumnPrefs>();
const scrolls = new Map<string, { top: number; left: number }>();
const listeners = new Set<() => void>();

function set(docId: string, next: ColumnPrefs): void {
  byDoc.set(docId, next);
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export const clampWidth = (w: number): number =>
  Math.round(Math.max(MIN_COL_WIDTH, Math.min(MAX_COL_WIDTH, w)));

/** The scroll position last seen for a document's table (not state: read when a table mounts). */
export const savedScroll = (docId: string) => scrolls.get(docId) ?? { top: 0, left: 0 };
export const saveScroll = (docId: string, top: number, left: number) => scrolls.set(docId, { top, left });

/** A document's column preferences and the ways to change them. */
export function useColumnPrefs(docId: string) {
  const prefs = useSyncExternalStore(subscribe, () => byDoc.get(docId) ?? EMPTY);
  const setHidden = useCallback(
    (ids: readonly string[], hide: boolean) => {
      const cur = byDoc.get(docId) ?? EMPTY;
      const hidden = new Set(cur.hidden);
      for (const id of ids) {
        if (hide) hidden.add(id);
        else hidden.delete(id);
      }
      set(docId, { ...cur, hidden });
    },
    [docId],
  );
  const setWidth = useCallback(
    (id: string, width: number) => {
      const cur = byDoc.get(docId) ?? EMPTY;
      const widths = new Map(cur.widths);
      widths.set(id, clampWidth(width));
      set(docId, { ...cur, widths });
    },
    [docId],
  );
  return { prefs, setHidden, setWidth };
}

/** Where the records table is shown: in the pane, over the whole window, or in a window of its own. */
export type RecordsView = 'pane' | 'full' | 'window';

interface ViewState {
  view: RecordsView;
  /** The selected row, for the preview it was selected in. */
  selected: { tableId: number; index: number } | null;
}

let viewState: ViewState = { view: 'pane', selected: null };

/** The table's place and selected row, shared by its views (the pane, full width, its window). */
export function useRecordsView() {
  const state = useSyncExternalStore(subscribe, () => viewState);
  const update = useCallback((patch: Partial<ViewState>) => {
    viewState = { ...viewState, ...patch };
    for (const l of listeners) l();
  }, []);
  return { ...state, update };
}
