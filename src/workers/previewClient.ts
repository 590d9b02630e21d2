import type { JsonObject, JsonValue } from '@core';
import type { PreviewResult } from '../store/previewTypes';
import type { PreviewEngine } from './previewEngine';
import {
  supersedeKey,
  type ExplainResult,
  type ParseSampleResult,
  type PreviewInput,
  type PreviewRequest,
  type PreviewResponse,
  type RowsResult,
} from './previewProtocol';

/** The part of `Worker` the client uses (a fake in tests). */
export interface WorkerLike {
  postMessage(msg: PreviewRequest): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<PreviewResponse>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export type PreviewWorkerFactory = () => WorkerLike;

/**
 * Talks to the preview worker. Every method resolves with its result, or with null when a newer
 * request of the same kind (for samples: of the same page) superseded it before it finished: the
 * stale answer is dropped, never shown. An internal failure rejects with its message.
 */
export interface PreviewClient {
  /** Parses a page; with `envelope`, the text is `{"headers": {...}, "body": ...}`. */
  parseSample(pageId: string, source: string | Blob, envelope?: boolean): Promise<ParseSampleResult | null>;
  dropSample(pageId: string): void;
  preview(input: PreviewInput): Promise<PreviewResult | null>;
  rows(tableId: number, start: number, end: number): Promise<RowsResult | null>;
  record(tableId: number, index: number): Promise<JsonObject | null>;
  /** Why record `index` of the table of preview `tableId` is what it is (null: no such record). */
  explain(tableId: number, index: number): Promise<ExplainResult | null>;
  exportTable(tableId: number, format: 'csv' | 'ndjson'): Promise<string | null>;
  sampleValue(pageId: string): Promise<JsonValue | undefined | null>;
  /** True while the work runs in a worker (false: on the main thread). */
  readonly usesWorker: boolean;
  dispose(): void;
}

const defaultFactory: PreviewWorkerFactory = () =>
  new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module', name: 'preview' });

type Waiter = { key: string; resolve: (r: PreviewResponse | null) => void; reject: (e: Error) => void };
type Body<M> = M extends PreviewRequest ? Omit<M, 'id'> : never;

/**
 * Creates a client that runs the preview in a worker and correlates answers by id. Where `Worker`
 * is missing (tests, Node) or the worker fails, it runs the same engine on the main thread, after
 * a yield so that a burst of requests only computes the last one.
 */
export function createPreviewClient(factory: PreviewWorkerFactory | null = defaultFactory): PreviewClient {
  let worker: WorkerLike | null = null;
  if (factory && (typeof Worker !== 'undefined' || factory !== defaultFactory)) {
    try {
      worker = factory();
    } catch {
      worker = null;
    }
  }
  let engine: Promise<PreviewEngine> | null = null;
  let nextId = 0;
  const latest = new Map<string, number>();
  const waiting = new Map<number, Waiter>();
  const pendingMessages = new Map<number, PreviewRequest>();
  const sources = new Map<string, { source: string | Blob; envelope: boolean }>();

  // The fallback engine (and with it flatten/simulate) is loaded only when first needed, so it never
  // sits in a chunk that the page loads up front.
  const mainEngine = (): Promise<PreviewEngine> => {
    engine ??= import('./previewEngine').then(({ createPreviewEngine }) => {
      const e = createPreviewEngine();
      // Replay the pages a dead worker held, so the fallback sees them too.
      for (const [pageId, { source, envelope }] of sources)
        void e.handle({ kind: 'parseSample', id: 0, pageId, source, envelope });
      return e;
    });
    return engine;
  };

  const settle = (id: number, out: PreviewResponse | null): void => {
    const w = waiting.get(id);
    if (!w) return;
    waiting.delete(id);
    if (out === null || latest.get(w.key) !== id) return w.resolve(null);
    if (out.kind === 'error') return w.reject(new Error(out.message));
    w.resolve(out);
  };

  const runMain = (msg: PreviewRequest): void => {
    setTimeout(() => {
      const w = waiting.get(msg.id);
      if (!w || latest.get(w.key) !== msg.id) return settle(msg.id, null);
      mainEngine()
        .then((e) => e.handle(msg))
        .then(
          (out) => settle(msg.id, out),
          (err: unknown) => settle(msg.id, { kind: 'error', id: msg.id, message: String(err) }),
        );
    }, 0);
  };

  const attach = (w: WorkerLike): void => {
    w.onmessage = (e) => settle(e.data.id, e.data);
    w.onerror = () => {
      // The worker died (blocked by CSP, out of memory): fall back to the main thread for good.
      worker = null;
      w.terminate();
      for (const [id, waiter] of waiting) {
        const msg = pendingMessages.get(id);
        if (msg && latest.get(waiter.key) === id) runMain(msg);
        else settle(id, null);
      }
    };
  };
  if (worker) attach(worker);

  const send = (body: Body<PreviewRequest>): Promise<PreviewResponse | null> => {
    const id = ++nextId;
    const msg = { ...body, id } as PreviewRequest;
    const key = supersedeKey(msg);
    const previous = latest.get(key);
    latest.set(key, id);
    if (previous !== undefined) settle(previous, null);
    return new Promise<PreviewResponse | null>((resolve, reject) => {
      waiting.set(id, { key, resolve, reject });
      pendingMessages.set(id, msg);
      if (worker) worker.postMessage(msg);
      else runMain(msg);
    }).finally(() => pendingMessages.delete(id));
  };

  const pick = async <K extends PreviewResponse['kind']>(
    p: Promise<PreviewResponse | null>,
    kind: K,
  ): Promise<Extract<PreviewResponse, { kind: K }> | null> => {
    const out = await p;
    return out && out.kind === kind ? (out as Extract<PreviewResponse, { kind: K }>) : null;
  };

  return {
    get usesWorker() {
      return worker !== null;
    },
    async parseSample(pageId, source, envelope = false) {
      sources.set(pageId, { source, envelope });
      const out = await pick(send({ kind: 'parseSample', pageId, source, envelope }), 'parseSample');
      return out?.result ?? null;
    },
    dropSample(pageId) {
      sources.delete(pageId);
      void send({ kind: 'dropSample', pageId });
    },
    async preview(input) {
      return (await pick(send({ kind: 'preview', ...input }), 'preview'))?.result ?? null;
    },
    async rows(tableId, start, end) {
      return (await pick(send({ kind: 'rows', tableId, start, end }), 'rows'))?.result ?? null;
    },
    async record(tableId, index) {
      return (await pick(send({ kind: 'record', tableId, index }), 'record'))?.result ?? null;
    },
    async explain(tableId, index) {
      return (await pick(send({ kind: 'explain', tableId, index }), 'explain'))?.result ?? null;
    },
    async exportTable(tableId, format) {
      return (await pick(send({ kind: 'export', tableId, format }), 'export'))?.result ?? null;
    },
    async sampleValue(pageId) {
      const out = await pick(send({ kind: 'sampleValue', pageId }), 'sampleValue');
      return out ? out.result : null;
    },
    dispose() {
      worker?.terminate();
      worker = null;
      for (const id of [...waiting.keys()]) settle(id, null);
      sources.clear();
    },
  };
}
