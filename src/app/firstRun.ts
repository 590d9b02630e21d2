import { useSyncExternalStore } from 'react';
import { readKey, removeKey, STORAGE_PREFIX, writeKey } from '../lib/storage';

/** Set once the user dismissed the first-run checklist (Help-like "Getting started" brings it back). */
export const CHECKLIST_DISMISSED_KEY = `${STORAGE_PREFIX}checklist-dismissed`;

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

const isDismissed = () => readKey(CHECKLIST_DISMISSED_KEY) === '1';

/** Whether the checklist was dismissed (remembered in localStorage). */
export function useChecklistDismissed(): boolean {
  return useSyncExternalStore(subscribe, isDismissed);
}

/** Hides the checklist for good, or shows it again. */
export function setChecklistDismissed(dismissed: boolean): void {
  if (dismissed) writeKey(CHECKLIST_DISMISSED_KEY, '1');
  else removeKey(CHECKLIST_DISMISSED_KEY);
  for (const l of listeners) l();
}
