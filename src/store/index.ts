import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { onStorageIssue, resetStorageIssues } from '../lib/storage';
import { emptyHistory } from './history';
import { persistOptions, autosaveStorage } from './persistConfig';
import { createDocumentSlice, initialDocumentState } from './slices/documentSlice';
import { createPreviewSlice, initialPreviewState } from './slices/previewSlice';
import { createUiSlice, initialUiState } from './slices/uiSlice';
import type { SpecState } from './types';

export type * from './types';
export type * from './previewTypes';
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
    }),
    persistOptions,
  ),
);

onStorageIssue((issue) => useSpecStore.getState().setStorageIssue(issue));

/** Writes any pending autosave now (pagehide / visibilitychange / before loading another spec). */
export function flushAutosave(): void {
  autosaveStorage.flush();
}

/** Restores the session saved in storage (used on start and by tests of reload). */
export async function rehydrate(): Promise<void> {
  await useSpecStore.persist.rehydrate();
}

/** Back to a fresh blank document and empty UI state, pending autosave dropped (tests). */
export function resetStore(): void {
  autosaveStorage.cancel();
  resetStorageIssues();
  useSpecStore.setState({
    ...initialDocumentState(),
    ...initialUiState(),
    ...initialPreviewState(),
    history: emptyHistory(),
  });
  autosaveStorage.cancel();
}
