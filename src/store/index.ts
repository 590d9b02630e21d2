import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { onStorageIssue, resetStorageIssues } from '../lib/storage';
import { emptyHistory } from './history';
import { persistOptions, autosaveStorage } from './persistConfig';
import { createCasesSlice, initialCasesState } from './slices/casesSlice';
import { createDocumentSlice, initialDocumentState } from './slices/documentSlice';
import { createLiveSlice, initialLiveState } from './slices/liveSlice';
import { createPreviewSlice, initialPreviewState } from './slices/previewSlice';
import { createUiSlice, initialUiState } from './slices/uiSlice';
import type { SpecState } from './types';

export type * from './types';
export type * from './previewTypes';
export type * from './liveTypes';
export type * from './casesTypes';
export {
  SESSION_KEY,
  SESSION_VERSION,
  AUTOSAVE_DELAY_MS,
  migrateSession,
  type SessionV1,
} from './persistConfig';
export { blankText, newDocId } from './slices/documentSlice';

/** The one store of the app: document + UI slices, persisted (debounced) to localStorage. */
export const useSpecStore = create<SpecState>()(
  persist(
    (...a) => ({
      ...createDocumentSlice(...a),
      ...createUiSlice(...a),
      ...createPreviewSlice(...a),
      ...createLiveSlice(...a),
      ...createCasesSlice(...a),
    }),
    persistOptions,
  ),
);

onStorageIssue((issue) => useSpecStore.getState().setStorageIssue(issue));

/** Writes any pending autosave now (pagehide / visibilitychange / before loading another spec). */
export function flushAutosave(): void {
  autosaveStorage.flush();
}

/**
 * Lets this tab's autosave write (it is the writer of its document) or holds it back (another tab
 * is); held saves are written once the tab becomes the writer again.
 */
export function setAutosaveWritable(writable: boolean): void {
  autosaveStorage.setWritable(writable);
}

/** True when the stored session came from a newer version (autosave is off; it is never overwritten). */
export function autosaveBlockedByNewer(): boolean {
  return autosaveStorage.newerOnDisk;
}

/** Restores the session saved in storage (used on start and by tests of reload). */
export async function rehydrate(): Promise<void> {
  await useSpecStore.persist.rehydrate();
}

/** Back to a fresh blank document and empty UI state, pending autosave dropped (tests). */
export function resetStore(): void {
  autosaveStorage.reset();
  resetStorageIssues();
  useSpecStore.setState({
    ...initialDocumentState(),
    ...initialUiState(),
    ...initialPreviewState(),
    ...initialLiveState(),
    ...initialCasesState(),
    history: emptyHistory(),
  });
  autosaveStorage.cancel();
}
