/**
 * Issue 8, A2: a worker job over its budget is terminated, the worker restarted, and the caller told
 * which step was stopped and why; the stuck work never runs on the main thread.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JsonValue } from '@core';
import { createPreviewClient, type WorkerLike } from '../../src/workers/previewClient';
import type { PreviewRequest, PreviewWorkerMessage } from '../../src/workers/previewProtocol';
import type { ValidateRequest, ValidateResponse } from '../../src/workers/protocol';
import { createValidateClient } from '../../src/workers/validateClient';
import { WORKER_STEP_BUDGET_MS } from '../../src/workers/watchdog';

// The main-thread engines must never run: a stuck job is not moved to the page's thread.
const mainThread = vi.hoisted(() => ({ validate: 0, preview: 0 }));
vi.mock('../../src/workers/runValidation', () => ({
  runValidation: () => {
    mainThread.validate++;
    return [];
  },
}));
vi.mock('../../src/workers/previewEngine', () => ({
  createPreviewEngine: () => {
    mainThread.preview++;
    return { handle: () => new Promise(() => undefined) };
  },
}));

/** A worker that never answers (a runaway step), optionally after reporting one step. */
class SilentWorker {
  onmessage: ((e: MessageEvent<unknown>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  received: Array<PreviewRequest | ValidateRequest> = [];
  terminated = false;
  postMessage(msg: PreviewRequest | ValidateRequest): void {
    this.received.push(msg);
  }
  terminate(): void {
    this.terminated = true;
  }
  say(msg: PreviewWorkerMessage | ValidateResponse): void {
    this.onmessage?.({ data: msg } as MessageEvent<unknown>);
  }
}

const g = globalThis as { Worker?: unknown };
const hadWorker = 'Worker' in g;
let workers: SilentWorker[] = [];
const factory = () => {
  const w = new SilentWorker();
  workers.push(w);
  return w;
};

beforeEach(() => {
  vi.useFakeTimers();
  workers = [];
  mainThread.validate = 0;
  mainThread.preview = 0;
  g.Worker ??= class {};
});
afterEach(() => {
  vi.useRealTimers();
  if (!hadWorker) delete g.Worker;
});

const previewInput = { revision: 1, doc: {} as JsonValue, pageIds: [], run: {}, matchPageId: null };

describe('preview worker watchdog', () => {
  it('stops a step over the budget, names it, restarts the worker and never runs it on the main thread', async () => {
    const client = createPreviewClient(() => factory() as WorkerLike);
    const result = client.preview(previewInput);
    const failure = expect(result).rejects.toThrow(
      'Flattening the 2 sample pages was stopped after 10 s (the time limit for one step): the preview worker was restarted.',
    );
    const first = workers[0];
    if (!first) throw new Error('no worker');
    const id = first.received[0]?.id ?? 0;
    first.say({ kind: 'step', id, step: 'Reading the spec' });
    vi.advanceTimersByTime(WORKER_STEP_BUDGET_MS - 1);
    // Progress restarts the clock: one step may take the whole budget.
    first.say({ kind: 'step', id, step: 'Flattening the 2 sample pages' });
    vi.advanceTimersByTime(WORKER_STEP_BUDGET_MS - 1);
    expect(first.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    await failure;
    expect(first.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(client.usesWorker).toBe(true);
    await vi.runAllTimersAsync();
    expect(mainThread.preview).toBe(0);
    // The stuck preview is not sent again to the new worker.
    expect(workers[1]?.received).toEqual([]);
  });

  it('names the request when the worker never started a step; the pages go to the new worker, except the stuck one', async () => {
    const client = createPreviewClient(() => factory() as WorkerLike);
    const good = client.parseSample('p1', '{"a":1}');
    const first = workers[0];
    if (!first) throw new Error('no worker');
    first.say({
      kind: 'parseSample',
      id: first.received[0]?.id ?? 0,
      result: { pageId: 'p1', ok: true, size: 7, summary: 'object', warnings: [] },
    });
    expect((await good)?.ok).toBe(true);
    const bad = client.parseSample('p2', '[[[[');
    const failure = expect(bad).rejects.toThrow('Parsing the sample page was stopped after 10 s');
    vi.advanceTimersByTime(WORKER_STEP_BUDGET_MS);
    await failure;
    expect(workers).toHaveLength(2);
    expect(
      workers[1]?.received.map((m) => ('pageId' in m ? m.pageId : 'kind' in m ? m.kind : m.type)),
    ).toEqual(['p1']);
    expect(mainThread.preview).toBe(0);
  });

  it('an idle worker or one that answers in time is never stopped', async () => {
    const client = createPreviewClient(() => factory() as WorkerLike);
    vi.advanceTimersByTime(WORKER_STEP_BUDGET_MS * 3);
    const rows = client.rows(1, 0, 10);
    const first = workers[0];
    vi.advanceTimersByTime(WORKER_STEP_BUDGET_MS - 1);
    first?.say({ kind: 'rows', id: first.received[0]?.id ?? 0, result: null });
    await expect(rows).resolves.toBeNull();
    vi.advanceTimersByTime(WORKER_STEP_BUDGET_MS * 3);
    expect(first?.terminated).toBe(false);
    expect(workers).toHaveLength(1);
  });
});

describe('validation worker watchdog', () => {
  it('a validation over the budget becomes one error saying so; the worker is restarted', async () => {
    const client = createValidateClient(() => factory() as unknown as Worker);
    const result = client.validate({ name: 'x' }, 4);
    vi.advanceTimersByTime(WORKER_STEP_BUDGET_MS);
    const r = await result;
    expect(r?.revision).toBe(4);
    expect(r?.diagnostics).toEqual([
      {
        severity: 'error',
        pointer: '',
        code: 'worker-timeout',
        message:
          'Validating the spec was stopped after 10 s (the time limit for one step): the validation worker ' +
          'was restarted. The problems list is incomplete until the next change.',
      },
    ]);
    expect(workers[0]?.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    await vi.runAllTimersAsync();
    expect(mainThread.validate).toBe(0);
  });

  it('the newest request queued behind the stuck one goes to the new worker', async () => {
    const client = createValidateClient(() => factory() as unknown as Worker);
    const older = client.validate({ a: 1 }, 1);
    const newer = client.validate({ a: 2 }, 2);
    expect(await older).toBeNull();
    vi.advanceTimersByTime(WORKER_STEP_BUDGET_MS);
    const second = workers[1];
    expect(second?.received.map((m) => ('revision' in m ? m.revision : -1))).toEqual([2]);
    second?.say({
      type: 'diagnostics',
      id: second.received[0]?.id ?? 0,
      revision: 2,
      diagnostics: [],
      ms: 1,
    });
    await expect(newer).resolves.toEqual({ revision: 2, diagnostics: [] });
    expect(mainThread.validate).toBe(0);
  });
});
