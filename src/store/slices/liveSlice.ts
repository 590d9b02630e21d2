import { LIVE_LIMITS } from '@core';
import type { StateCreator } from 'zustand';
import type { LiveActions, LiveRunView, LiveState } from '../liveTypes';
import type { SpecState } from '../types';

export const emptyLiveRun = (): LiveRunView => ({
  runId: 0,
  mode: null,
  busy: null,
  exchanges: [],
  pageIds: [],
  stop: null,
  wait: null,
  tested: null,
});

/** No server known yet, no run. Nothing here is persisted (credentials stay in memory). */
export function initialLiveState(): LiveState {
  return { liveServer: { state: 'unknown' }, live: emptyLiveRun(), liveMaxPages: LIVE_LIMITS.maxPages };
}

export const createLiveSlice: StateCreator<SpecState, [], [], LiveState & LiveActions> = (set, get) => ({
  ...initialLiveState(),

  setLiveServer: (server) => set({ liveServer: server }),

  setLiveMaxPages: (n) => {
    if (Number.isInteger(n) && n >= 1) set({ liveMaxPages: n });
  },

  beginLive: (runId, command, fresh) => {
    const live = get().live;
    set({
      live: fresh
        ? { ...emptyLiveRun(), runId, busy: command, mode: command === 'test' ? 'test' : 'run' }
        : { ...live, runId, busy: command, wait: null, tested: null },
    });
  },

  applyLiveEvent: (event, now = Date.now()) => {
    const live = get().live;
    if (event.runId !== live.runId) return;
    switch (event.kind) {
      case 'exchange':
        return set({ live: { ...live, exchanges: [...live.exchanges, event.exchange], wait: null } });
      case 'page':
        return set({ live: { ...live, pageIds: [...live.pageIds, event.pageId] } });
      case 'wait':
        return set({ live: { ...live, wait: { until: now + event.ms, ms: event.ms, why: event.why } } });
      case 'stop':
        return set({ live: { ...live, stop: event.stop, wait: null } });
      case 'tested':
        return set({
          live: {
            ...live,
            tested: {
              ok: event.ok,
              message: event.message,
              hint: event.hint,
              ...(event.code ? { code: event.code } : {}),
              ...(event.params ? { params: event.params } : {}),
              ...(event.hintCode ? { hintCode: event.hintCode } : {}),
            },
          },
        });
      case 'idle':
        return set({ live: { ...live, busy: null, wait: null } });
      case 'revealed':
        return;
    }
  },

  resetLive: () => set({ live: emptyLiveRun() }),

  keepLivePages: () => {
    const pages = get().samplePages;
    if (!pages.some((p) => p.origin === 'live' && !p.kept)) return;
    set({ samplePages: pages.map((p) => (p.origin === 'live' && !p.kept ? { ...p, kept: true } : p)) });
  },
});
