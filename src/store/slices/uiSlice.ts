import type { StateCreator } from 'zustand';
import type { SpecState, Toast, UiActions, UiState } from '../types';

export function initialUiState(): UiState {
  return {
    diagnostics: [],
    diagnosticsRevision: -1,
    touched: {},
    activeSection: 'metadata',
    reveal: null,
    toasts: [],
    storageIssue: null,
    otherTab: false,
  };
}

let toastSeq = 0;
let revealSeq = 0;

export const createUiSlice: StateCreator<SpecState, [], [], UiState & UiActions> = (set, get) => ({
  ...initialUiState(),

  setActiveSection: (id) => {
    if (get().activeSection !== id) set({ activeSection: id });
  },

  revealPointer: (pointer, source) => set({ reveal: { pointer, source, seq: ++revealSeq } }),

  touch: (pointer) => {
    if (get().touched[pointer]) return;
    set({ touched: { ...get().touched, [pointer]: true } });
  },

  setDiagnostics: (diagnostics, revision) => {
    // A result computed for an older document is stale: drop it, never show it.
    if (revision !== get().revision) return;
    set({ diagnostics, diagnosticsRevision: revision });
  },

  notify: (message, tone = 'info') => {
    const id = ++toastSeq;
    // Words given as a function are worded each time the toast is read (rendered): a language
    // switch re-words the toasts on screen. Toasts are never stored (see persistConfig's toSession).
    const toast: Toast =
      typeof message === 'function'
        ? {
            id,
            tone,
            get message() {
              return message();
            },
          }
        : { id, message, tone };
    set({ toasts: [...get().toasts.slice(-2), toast] });
  },

  dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),

  setStorageIssue: (issue) => set({ storageIssue: issue }),

  setOtherTab: (value) => set({ otherTab: value }),
});
