import type { LiveServerStatus } from '@core';
import { useSpecStore } from './index';

/** The local server's status route (answered only by `spec-studio serve` and `npm run dev`'s API). */
export const LIVE_STATUS_PATH = '/api/status';

const isStatus = (v: unknown): v is LiveServerStatus =>
  typeof v === 'object' &&
  v !== null &&
  (v as { app?: unknown }).app === 'spec-studio' &&
  typeof (v as { version?: unknown }).version === 'string';

/**
 * Asks `GET /api/status` once: `available` when Spec Studio's server answers, else `unavailable`
 * (static hosting, `vite preview`: a 404, an HTML page, no answer). Never throws.
 */
export async function checkLiveServer(fetchImpl: typeof fetch = (...a) => fetch(...a)): Promise<void> {
  const store = useSpecStore.getState();
  if (store.liveServer.state !== 'unknown') return;
  store.setLiveServer({ state: 'checking' });
  let next: Parameters<typeof store.setLiveServer>[0] = { state: 'unavailable' };
  try {
    const res = await fetchImpl(LIVE_STATUS_PATH, {
      credentials: 'same-origin',
      // `*/*` too: a static host's SPA fallback (vite preview) then answers with its page, not a
      // 404 that the browser would log as an error.
      headers: { accept: 'application/json, */*;q=0.1' },
      cache: 'no-store',
    });
    const type = res.headers.get('content-type') ?? '';
    if (res.ok && type.includes('json')) {
      const v: unknown = await res.json();
      if (isStatus(v))
        next = { state: 'available', version: v.version, allowPrivateHosts: v.allowPrivateHosts === true };
    }
  } catch {
    next = { state: 'unavailable' };
  }
  useSpecStore.getState().setLiveServer(next);
}
