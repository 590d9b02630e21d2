import type { StateCreator } from 'zustand';
import type { PreviewActions, PreviewState, RunInputs } from '../previewTypes';
import type { SpecState } from '../types';

/** Run inputs of a document that has none yet. */
export function initialRunInputs(): RunInputs {
  return { values: {}, authName: null, windowStart: '', windowEnd: '', backfill: false };
}

/**
 * The preview's initial state: no samples, default run inputs. Nothing here is in the session: the
 * sample pages and run inputs are stored per document in IndexedDB (features/preview/docSamples.ts).
 */
export function initialPreviewState(): PreviewState {
  return {
    samplePages: [],
    sampleStore: { state: 'idle' },
    runInputs: initialRunInputs(),
    previewTab: 'samples',
    treePageId: null,
    previewResult: null,
    previewPending: false,
    previewFailure: null,
    revealSecrets: false,
    flowSchedule: { start: '', frequency: 'hour', interval: '1' },
  };
}

type Full = SpecState & PreviewState & PreviewActions;

export const createPreviewSlice: StateCreator<Full, [], [], PreviewState & PreviewActions> = (set, get) => ({
  ...initialPreviewState(),

  addSamplePages: (pages) => {
    const s = get();
    set({ samplePages: [...s.samplePages, ...pages], treePageId: s.treePageId ?? pages[0]?.id ?? null });
  },

  updateSamplePage: (id, patch) =>
    set({ samplePages: get().samplePages.map((p) => (p.id === id ? { ...p, ...patch } : p)) }),

  setSamplePageHeaders: (id, headers) => get().updateSamplePage(id, { headers }),

  removeSamplePage: (id) => {
    const s = get();
    const samplePages = s.samplePages.filter((p) => p.id !== id);
    set({ samplePages, treePageId: s.treePageId === id ? (samplePages[0]?.id ?? null) : s.treePageId });
  },

  moveSamplePage: (id, delta) => {
    const pages = [...get().samplePages];
    const i = pages.findIndex((p) => p.id === id);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= pages.length) return;
    const [page] = pages.splice(i, 1);
    if (page) pages.splice(j, 0, page);
    set({ samplePages: pages });
  },

  clearSamplePages: () => set({ samplePages: [], treePageId: null }),

  setSampleStore: (status) => {
    const now = get().sampleStore;
    if (now.state !== status.state || now.pages !== status.pages || now.message !== status.message)
      set({ sampleStore: status });
  },

  setRunInputs: (patch) => set({ runInputs: { ...get().runInputs, ...patch } }),

  setRunValue: (name, value) => {
    const inputs = get().runInputs;
    // defineProperty: a parameter named __proto__ is an ordinary own key.
    const values = { ...inputs.values };
    Object.defineProperty(values, name, { value, enumerable: true, writable: true, configurable: true });
    set({ runInputs: { ...inputs, values } });
  },

  setPreviewTab: (tab) => set({ previewTab: tab }),

  setTreePageId: (id) => set({ treePageId: id }),

  setPreviewPending: (pending) => {
    if (get().previewPending !== pending) set({ previewPending: pending });
  },

  setPreviewFailure: (message) => {
    if (get().previewFailure !== message) set({ previewFailure: message });
  },

  setPreviewResult: (result) => {
    const shown = get().previewResult;
    if (shown && result.id < shown.id) return;
    set({ previewResult: result });
  },

  setRevealSecrets: (reveal) => set({ revealSecrets: reveal }),

  setFlowSchedule: (patch) => set({ flowSchedule: { ...get().flowSchedule, ...patch } }),
});
