// @vitest-environment happy-dom
/**
 * Issue 8, A2 in the UI: when the watchdog stops the preview worker, the preview pane says which step
 * was stopped and why, and keeps saying it (instead of "updating…" forever) until a preview succeeds.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PreviewPane } from '../../src/features/preview/PreviewPane';
import { setPreviewClient } from '../../src/features/preview/previewService';
import { resetStore, useSpecStore } from '../../src/store';
import { createPreviewClient, type WorkerLike } from '../../src/workers/previewClient';
import type { PreviewRequest } from '../../src/workers/previewProtocol';

/** A preview worker that starts flattening and never finishes. */
function stuckWorker(): { factory: () => WorkerLike; made: WorkerLike[] } {
  const made: WorkerLike[] = [];
  const factory = (): WorkerLike => {
    const w: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage: (msg: PreviewRequest) => {
        if (msg.kind !== 'preview') return;
        queueMicrotask(() =>
          w.onmessage?.({
            data: { kind: 'step', id: msg.id, step: 'Flattening the sample page' },
          } as MessageEvent),
        );
      },
      terminate: () => undefined,
    };
    made.push(w);
    return w;
  };
  return { factory, made };
}

beforeEach(() => resetStore());
afterEach(() => {
  cleanup();
  setPreviewClient(null);
});

describe('a preview step stopped by the watchdog', () => {
  it('is named in the preview status until a preview succeeds, and the worker was replaced', async () => {
    const worker = stuckWorker();
    setPreviewClient(createPreviewClient(worker.factory, 200));
    render(<PreviewPane />);
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(alert.textContent).toBe(
      'Preview failed: Flattening the sample page was stopped after 0.2 s (the time limit for one step): ' +
        'the preview worker was restarted.',
    );
    expect(worker.made.length).toBeGreaterThanOrEqual(2);
    expect(screen.queryByText('updating…')).toBeNull();
    expect(useSpecStore.getState().toasts.map((t) => t.message)).toContain(alert.textContent);
    // What a successful preview does: the status goes back to normal.
    useSpecStore.getState().setPreviewFailure(null);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});
