import { useEffect } from 'react';
import { t } from '../../i18n';
import { useSpecStore } from '../../store';
import type { SamplePage, SpecState } from '../../store';
import { previewClient } from './previewService';
import { toRunOptions } from './runOptions';
import { specPayload } from '../../workers/specPayload';

/**
 * Pause after the last change (spec, samples, run inputs) before the preview is recomputed. Short:
 * it is part of the 200 ms edit → refreshed budget (bench:ui measured 100 ms of its 140 ms p50), and
 * the worker drops a preview that a newer one superseded before it started.
 */
export const PREVIEW_DEBOUNCE_MS = 50;

/** The parts of the state a preview depends on; a change to any of them recomputes it. */
function inputsChanged(s: SpecState, prev: SpecState): boolean {
  return (
    s.revision !== prev.revision ||
    s.samplePages !== prev.samplePages ||
    s.runInputs !== prev.runInputs ||
    s.treePageId !== prev.treePageId
  );
}

/** Response headers of the pages that have any, by page id: names lower-cased, empty names dropped. */
export function pageHeaders(pages: SamplePage[]): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const page of pages) {
    const headers: Record<string, string> = {};
    for (const [name, value] of page.headers ?? []) {
      const key = name.trim().toLowerCase();
      if (key === '') continue;
      Object.defineProperty(headers, key, { value, enumerable: true, writable: true, configurable: true });
    }
    if (Object.keys(headers).length > 0) out[page.id] = headers;
  }
  return out;
}

/** Requests a preview of the current state; the client drops it if a newer one is asked for. */
function requestPreview(): void {
  const s = useSpecStore.getState();
  const pageIds = s.samplePages.filter((p) => p.status === 'ok').map((p) => p.id);
  const matchPageId = pageIds.includes(s.treePageId ?? '') ? s.treePageId : (pageIds[0] ?? null);
  const headers = pageHeaders(s.samplePages);
  previewClient()
    .preview({
      revision: s.revision,
      ...specPayload(s),
      pageIds,
      run: toRunOptions(s.runInputs, s.previewResult?.model ?? null),
      matchPageId,
      headers,
    })
    .then((result) => {
      if (!result) return; // superseded: a newer preview is on its way
      const store = useSpecStore.getState();
      store.setPreviewResult(result);
      store.setPreviewPending(false);
      store.setPreviewFailure(null);
    })
    .catch((err: unknown) => {
      const store = useSpecStore.getState();
      const detail = err instanceof Error ? err.message : String(err);
      const message = t('preview.status.failed', { message: detail });
      store.setPreviewPending(false);
      store.setPreviewFailure(message);
      store.notify(() => t('preview.status.failed', { message: detail }), 'error');
    });
}

/**
 * Keeps the preview in step with the spec, the sample pages and the run inputs: marks the shown
 * result as updating at once, recomputes off the main thread after a short pause, and shows only
 * the answer to the newest request.
 */
export function usePreviewSync(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    useSpecStore.getState().setPreviewPending(true);
    requestPreview();
    const unsubscribe = useSpecStore.subscribe((s, prev) => {
      if (!inputsChanged(s, prev)) return;
      s.setPreviewPending(true);
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(requestPreview, PREVIEW_DEBOUNCE_MS);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, []);
}
