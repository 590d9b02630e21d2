import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { summariseChanges, type ChangeSummary, type JsonValue } from '@core';
import { useT } from '../../i18n';
import { baselineOf, ensureBaseline, subscribeBaselines } from '../../lib/baseline';
import { useSpecStore } from '../../store';

export interface ChangesState {
  /** The original text, undefined while it is being read. */
  baseline: string | undefined;
  /** The summary, or null when the original or the current text does not parse. */
  summary: ChangeSummary | null;
  /** Why there is no summary. */
  note: string | null;
}

function parse(text: string | undefined): JsonValue | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}

/**
 * Gives every document an original as soon as it is on screen (the text it was loaded with; a copy
 * made under a new id keeps its source's original).
 */
export function useBaselineTracking(): void {
  const docId = useSpecStore((s) => s.docId);
  const previous = useRef<string | undefined>(undefined);
  useEffect(() => {
    const s = useSpecStore.getState();
    void ensureBaseline(docId, { text: s.loadedText, persistSecrets: s.persistSecrets }, previous.current);
    previous.current = docId;
  }, [docId]);
}

/** The original of the document on screen (live). */
export function useBaseline(): string | undefined {
  const docId = useSpecStore((s) => s.docId);
  return useSyncExternalStore(subscribeBaselines, () => baselineOf(docId));
}

/**
 * Above this many characters of text the top bar does not count changes after every edit (a
 * comparison of multi-MB documents takes hundreds of ms on the main thread); the button says so,
 * and the Changes view still compares on opening.
 */
export const LIVE_COUNT_MAX_CHARS = 1_000_000;

/**
 * The changes of the document on screen since its original. `delayMs` > 0 computes it that long
 * after the last edit (the top-bar count stays off the keystroke path); `enabled` false computes
 * nothing (summary null).
 */
export function useChangeSummary(delayMs = 0, enabled = true): ChangesState {
  const t = useT();
  const baseline = useBaseline();
  const doc = useSpecStore((s) => s.doc);
  const parseError = useSpecStore((s) => s.parseError);
  const before = useMemo(() => parse(baseline), [baseline]);
  const [settled, setSettled] = useState(doc);
  useEffect(() => {
    if (delayMs <= 0) return;
    const t = setTimeout(() => setSettled(doc), delayMs);
    return () => clearTimeout(t);
  }, [doc, delayMs]);
  const after = delayMs > 0 ? settled : doc;
  const summary = useMemo(
    () => (!enabled || before === undefined ? null : summariseChanges(before, after)),
    [before, after, enabled],
  );
  let note: string | null = null;
  if (baseline !== undefined && before === undefined) note = t('tools.changes.originalInvalid');
  else if (parseError) note = t('tools.changes.currentInvalid', { line: parseError.line });
  return { baseline, summary, note };
}
