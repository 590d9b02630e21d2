/**
 * One undo history shared by form edits and JSON typing. A burst of edits of the same kind (typing,
 * or form edits of one field) within `COALESCE_MS` is one undo step.
 *
 * Steps are stored as changes (where, the text removed, the text inserted), not as snapshots: on a
 * 5 MB spec, 200 snapshots held ~2 GB and every form edit added ~10 MB of heap (issue 12 item 5). A
 * step costs what it changed, so a form edit adds a few bytes to the history.
 */
import { t } from '../i18n';
import { formatNumber } from '../i18n/format';
import { minimalReplacement, noteReplacement, type TextReplacement } from '../lib/textDiff';

export const COALESCE_MS = 1000;
/** Undo steps kept per document; the oldest is dropped beyond it, and the user is told once. */
export const MAX_HISTORY = 200;

/** The notice shown when the oldest undo step is first dropped, in the current language. */
export const undoCapNotice = (): string => t('engine.history.undoCap', { count: MAX_HISTORY });
/**
 * Characters the undo steps may hold together (removed + inserted text): steps of whole-text pastes
 * of a 5 MB spec hold 10 MB each. Beyond it the oldest steps are dropped (the newest is always kept),
 * and the user is told once.
 */
export const MAX_HISTORY_CHARS = 50_000_000;
/** The notice shown when the oldest undo step is first dropped for size, in the current language. */
export const undoSizeNotice = (): string =>
  t('engine.history.undoSize', {
    amount: formatNumber(MAX_HISTORY_CHARS, { notation: 'compact', compactDisplay: 'long' }),
  });

export type EditKind = 'type' | 'form' | 'other';

/**
 * One step: at offset `start`, the text before the step had `removed` where the text after it has
 * `inserted`. Undo puts `removed` back; redo puts `inserted` back.
 */
export interface TextChange {
  start: number;
  removed: string;
  inserted: string;
}

export interface History {
  /** Steps that undo takes back, oldest first. */
  undo: TextChange[];
  /** Steps that redo applies again, the next one last. */
  redo: TextChange[];
  /** Kind + target of the last recorded edit, for coalescing; null after undo/redo/load. */
  lastKey: string | null;
  lastAt: number;
  /** True once a step was dropped at the cap (since the document was loaded). */
  capped?: boolean;
  /** True once a step was dropped for size (MAX_HISTORY_CHARS, since the document was loaded). */
  sizeCapped?: boolean;
  /**
   * The texts undo (`past`, oldest first) and redo (`future`, next last) would show, rebuilt from
   * the steps on each read: O(steps × text), for tests and debugging only, never on the edit path.
   */
  readonly past: readonly string[];
  readonly future: readonly string[];
}

/** A copy of `s` that does not keep the string it was sliced from alive (V8 sliced strings do). */
function detached(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** `text` with `c` undone (`inserted` → `removed`) or redone (`removed` → `inserted`). */
function apply(text: string, c: TextChange, dir: 'undo' | 'redo'): string {
  const [from, to] = dir === 'undo' ? [c.inserted, c.removed] : [c.removed, c.inserted];
  return text.slice(0, c.start) + to + text.slice(c.start + from.length);
}

/** The texts reached by applying `steps` from the last one backwards, starting at `text`. */
function replay(text: string, steps: readonly TextChange[], dir: 'undo' | 'redo'): string[] {
  const out: string[] = [];
  let t = text;
  for (let i = steps.length - 1; i >= 0; i--) {
    t = apply(t, steps[i] as TextChange, dir);
    out.unshift(t);
  }
  return out;
}

/** A history whose current text is `text` (kept by reference only, for the `past`/`future` views). */
function makeHistory(
  text: string,
  fields: Pick<History, 'undo' | 'redo' | 'lastKey' | 'lastAt' | 'capped' | 'sizeCapped'>,
): History {
  const h = { ...fields } as History;
  if (h.capped === undefined) delete h.capped;
  if (h.sizeCapped === undefined) delete h.sizeCapped;
  Object.defineProperties(h, {
    past: { get: () => replay(text, h.undo, 'undo'), enumerable: false },
    future: { get: () => replay(text, h.redo, 'redo'), enumerable: false },
  });
  return h;
}

export const emptyHistory = (): History => makeHistory('', { undo: [], redo: [], lastKey: null, lastAt: 0 });

/** The change turning `before` into `after` (texts that differ), with its strings detached. */
export function changeBetween(before: string, after: string): TextChange {
  return changeOf(before, minimalReplacement(before, after) ?? { start: 0, end: 0, text: '' });
}

/** The change that replacement `r` makes to `before`, with its strings detached. */
export function changeOf(before: string, r: TextReplacement): TextChange {
  return { start: r.start, removed: detached(before.slice(r.start, r.end)), inserted: detached(r.text) };
}

/**
 * `prev` (turning T0 into T1) followed by `next` (turning T1 into T2) as one change from T0 to T2.
 * `t1` is T1. Spans the range both touch, so its size is that of the edits and the text between them.
 */
function compose(prev: TextChange, next: TextChange, t1: string): TextChange {
  const start = Math.min(prev.start, next.start);
  // The end of the span, in T1 offsets: past both changes.
  const end = Math.max(prev.start + prev.inserted.length, next.start + next.removed.length);
  const removed =
    t1.slice(start, prev.start) + prev.removed + t1.slice(prev.start + prev.inserted.length, end);
  const inserted =
    t1.slice(start, next.start) + next.inserted + t1.slice(next.start + next.removed.length, end);
  return { start, removed: detached(removed), inserted: detached(inserted) };
}

/**
 * Records that `before` is replaced by `after` by an edit identified by `key` at time `now`. `change`
 * may give the change when the caller knows it (else it is computed from the two texts).
 */
export function recordEdit(
  h: History,
  before: string,
  after: string,
  key: string,
  now: number,
  change: TextChange = changeBetween(before, after),
): History {
  noteReplacement(before, after, {
    start: change.start,
    end: change.start + change.removed.length,
    text: change.inserted,
  });
  const top = h.undo[h.undo.length - 1];
  const coalesce = h.lastKey === key && now - h.lastAt < COALESCE_MS && top !== undefined;
  const dropped = !coalesce && h.undo.length >= MAX_HISTORY;
  const undo = coalesce
    ? [...h.undo.slice(0, -1), compose(top, change, before)]
    : [...h.undo, change].slice(-MAX_HISTORY);
  let chars = undo.reduce((n, c) => n + c.removed.length + c.inserted.length, 0);
  let oversize = false;
  while (chars > MAX_HISTORY_CHARS && undo.length > 1) {
    const old = undo.shift() as TextChange;
    chars -= old.removed.length + old.inserted.length;
    oversize = true;
  }
  return makeHistory(after, {
    undo,
    redo: [],
    lastKey: key,
    lastAt: now,
    ...(h.capped || dropped ? { capped: true } : {}),
    ...(h.sizeCapped || oversize ? { sizeCapped: true } : {}),
  });
}

/** Steps back: returns the text to show and the new history, or null when there is nothing to undo. */
export function undoStep(h: History, current: string): { text: string; history: History } | null {
  const c = h.undo[h.undo.length - 1];
  if (c === undefined) return null;
  const text = apply(current, c, 'undo');
  const history = makeHistory(text, {
    undo: h.undo.slice(0, -1),
    redo: [...h.redo, c],
    lastKey: null,
    lastAt: 0,
    capped: h.capped,
    sizeCapped: h.sizeCapped,
  });
  return { text, history };
}

/** Steps forward again after an undo, or null when there is nothing to redo. */
export function redoStep(h: History, current: string): { text: string; history: History } | null {
  const c = h.redo[h.redo.length - 1];
  if (c === undefined) return null;
  const text = apply(current, c, 'redo');
  const history = makeHistory(text, {
    undo: [...h.undo, c],
    redo: h.redo.slice(0, -1),
    lastKey: null,
    lastAt: 0,
    capped: h.capped,
    sizeCapped: h.sizeCapped,
  });
  return { text, history };
}
