import type { JsonObject, JsonValue, ParseWarning, SpecModel } from '@core';
import { t } from '../i18n';
import { diagnosticText } from '../i18n/diagnostics';
import { formatNumber } from '../i18n/format';
import type { PreviewResult } from '../store/previewTypes';
import type { PreviewEngine } from './previewEngine';
import {
  supersedeKey,
  type EnvelopeProblem,
  type ExplainResult,
  type ExportResult,
  type ParseSampleResult,
  type PreviewInput,
  type PreviewRequest,
  type PreviewResponse,
  type PreviewStep,
  type PreviewWireResponse,
  type PreviewWorkerMessage,
  type RowsResult,
  type ValueShape,
} from './previewProtocol';
import { createWatchdog, stoppedMessage, WORKER_STEP_BUDGET_MS } from './watchdog';

/** The part of `Worker` the client uses (a fake in tests). */
export interface WorkerLike {
  postMessage(msg: PreviewRequest): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<PreviewWorkerMessage>) => void) | null;
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
  exportTable(tableId: number, format: 'csv' | 'ndjson'): Promise<ExportResult | null>;
  sampleValue(pageId: string): Promise<JsonValue | undefined | null>;
  /** True while the work runs in a worker (false: on the main thread). */
  readonly usesWorker: boolean;
  dispose(): void;
}

const defaultFactory: PreviewWorkerFactory = () =>
  new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module', name: 'preview' });

type Waiter = { key: string; resolve: (r: PreviewResponse | null) => void; reject: (e: Error) => void };
type Body<M> = M extends PreviewRequest ? Omit<M, 'id'> : never;

/** What a request does, named for the user when the worker had to be stopped before its first step. */
function requestStep(kind: PreviewRequest['kind']): string {
  switch (kind) {
    case 'parseSample':
      return t('engine.step.parseSample');
    case 'dropSample':
      return t('engine.step.dropSample');
    case 'preview':
      return t('engine.step.preview');
    case 'rows':
      return t('engine.step.rows');
    case 'record':
      return t('engine.step.record');
    case 'explain':
      return t('engine.step.explain');
    case 'export':
      return t('engine.step.export');
    case 'sampleValue':
      return t('engine.step.sampleValue');
  }
}

/** A step the worker reported, named in the chosen language. */
function stepName(step: PreviewStep): string {
  switch (step.code) {
    case 'read-spec':
      return t('engine.step.readSpec');
    case 'flatten':
      return t('engine.step.flatten', { count: step.pages });
    case 'simulate':
      return t('engine.step.simulate');
    case 'highlight':
      return t('engine.step.highlight');
  }
}

/** "array of 12 items", "object with 4 keys", "string", in the chosen language. */
function shapeText(shape: ValueShape): string {
  switch (shape.type) {
    case 'array':
      return t('engine.sample.array', { count: shape.count });
    case 'object':
      return t('engine.sample.object', { count: shape.count });
    case 'string':
      return t('engine.sample.string');
    case 'number':
      return t('engine.sample.number');
    case 'boolean':
      return t('engine.sample.boolean');
    case 'null':
      return 'null';
  }
}

/**
 * A sample page's summary ("object with 4 keys + 2 headers") in the current language, from the
 * `shape` and `headerCount` of its parse result (for a view that re-renders it on a language change).
 */
export function sampleSummaryText(shape: ValueShape, headerCount?: number): string {
  const value = shapeText(shape);
  return headerCount === undefined ? value : t('engine.sample.withHeaders', { value, count: headerCount });
}

/**
 * A parse result with its words (summary, warnings, an envelope error) in the chosen language, from
 * the values the worker sent with them (a result without them keeps the worker's words).
 */
function localised(r: ParseSampleResult): ParseSampleResult {
  if (!r.ok) {
    if (!r.problem) return r;
    return { ...r, error: { ...r.error, message: envelopeProblemText(r.problem) } };
  }
  const out = { ...r };
  if (r.shape) out.summary = sampleSummaryText(r.shape, r.headerCount);
  if (r.parseWarnings) out.warnings = r.parseWarnings.map(sampleWarningText);
  return out;
}

/** Why a page is not a response envelope, in the current language. */
export function envelopeProblemText(p: EnvelopeProblem): string {
  return p.code === 'no-body'
    ? t('engine.envelope.noBody')
    : p.code === 'headers-not-object'
      ? t('engine.envelope.headersNotObject')
      : t('engine.envelope.headerNotString', { name: p.name, value: p.value });
}

/** A sample page's parse warning with its place ("line 3, column 5: …"), in the current language. */
export function sampleWarningText(w: ParseWarning): string {
  return t('engine.sample.warning', {
    line: String(w.line),
    column: String(w.column),
    message: diagnosticText(w),
  });
}

/** An export result with its note in the chosen language. */
function localisedExport(r: ExportResult): ExportResult {
  if (!r.omitted) return r;
  return { ...r, note: exportNoteText(r.omitted) };
}

/** An export's note (CSV columns left out) in the current language, from its counts. */
export function exportNoteText({ kept, total }: { kept: number; total: number }): string {
  return t('engine.export.csvColumns', {
    kept: formatNumber(kept),
    total: formatNumber(total),
    left: total - kept,
  });
}

/**
 * Creates a client that runs the preview in a worker and correlates answers by id. Where `Worker`
 * is missing (tests, Node) or the worker dies (an error event), it runs the same engine on the main thread, after
 * a yield so that a burst of requests only computes the last one. A worker silent on one step for
 * longer than `budgetMs` is terminated and replaced (see ./watchdog): the request it was stuck on
 * rejects with a message naming the step, the pages it held are parsed again in the new worker (except
 * a page whose parsing was the stuck step), and nothing is re-run on the main thread.
 */
export function createPreviewClient(
  factory: PreviewWorkerFactory | null = defaultFactory,
  budgetMs = WORKER_STEP_BUDGET_MS,
): PreviewClient {
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
  /** The step each unanswered request reported last (its English words, and its code when sent). */
  const steps = new Map<number, { step: string; code?: PreviewStep }>();
  /** Requests the current worker has not answered, in the order they were posted. */
  const posted = new Map<number, PreviewRequest>();

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

  const post = (w: WorkerLike, msg: PreviewRequest): void => {
    posted.set(msg.id, msg);
    watchdog.posted(msg.id);
    w.postMessage(msg);
  };

  // The worker is stuck: replace it, reject the request it was stuck on with the step's name, give the
  // new worker the pages back and re-send what was queued behind.
  const onStuck = (): void => {
    const id = watchdog.oldest() ?? -1;
    const stuck = posted.get(id);
    const reported = steps.get(id);
    const step = reported
      ? reported.code
        ? stepName(reported.code)
        : reported.step
      : stuck
        ? requestStep(stuck.kind)
        : t('engine.step.unknown');
    watchdog.reset();
    worker?.terminate();
    worker = null;
    const queued = [...posted.values()].filter((m) => m.id !== id);
    posted.clear();
    steps.clear();
    if (stuck?.kind === 'parseSample') sources.delete(stuck.pageId);
    try {
      worker = factory ? factory() : null;
    } catch {
      worker = null;
    }
    const message = stoppedMessage(step, 'preview', budgetMs);
    if (waiting.has(id)) {
      const w = waiting.get(id);
      waiting.delete(id);
      w?.reject(new Error(message));
    }
    if (!worker) {
      broken = message;
      for (const m of queued) settle(m.id, { kind: 'error', id: m.id, message });
      return;
    }
    attach(worker);
    const resent = new Set<number>();
    for (const [pageId, { source, envelope }] of sources) {
      const pending = queued.find((m) => m.kind === 'parseSample' && m.pageId === pageId);
      post(worker, pending ?? { kind: 'parseSample', id: ++nextId, pageId, source, envelope });
      if (pending) resent.add(pending.id);
    }
    for (const m of queued) {
      if (resent.has(m.id)) continue;
      const waiter = waiting.get(m.id);
      const sample = m.kind === 'parseSample' || m.kind === 'dropSample';
      if (!sample && waiter && latest.get(waiter.key) === m.id) post(worker, m);
      else settle(m.id, null);
    }
  };
  const watchdog = createWatchdog(onStuck, budgetMs);
  /** Set when a stopped worker could not be replaced: every request then fails with this message. */
  let broken: string | null = null;

  /** The model of the last preview the current worker answered (it omits an equal one after it). */
  let workerModel: SpecModel | null = null;
  const withModel = (msg: PreviewWireResponse): PreviewResponse => {
    if (msg.kind !== 'preview') return msg;
    const { sameModel, model, ...rest } = msg.result;
    if (!sameModel) {
      workerModel = model;
      return { ...msg, result: { ...rest, model } };
    }
    if (workerModel === null) return { kind: 'error', id: msg.id, message: t('engine.preview.modelLost') };
    return { ...msg, result: { ...rest, model: workerModel } };
  };

  const attach = (w: WorkerLike): void => {
    workerModel = null;
    w.onmessage = (e) => {
      const msg = e.data;
      if (msg.kind === 'step') {
        steps.set(msg.id, msg.code ? { step: msg.step, code: msg.code } : { step: msg.step });
        return watchdog.progress();
      }
      posted.delete(msg.id);
      steps.delete(msg.id);
      watchdog.answered(msg.id);
      settle(msg.id, msg.kind === 'skipped' ? null : withModel(msg));
    };
    w.onerror = () => {
      // The worker died (blocked by CSP, out of memory): fall back to the main thread for good. (A worker
      // that is merely slow is the watchdog's case: replaced, never moved to the main thread.)
      worker = null;
      watchdog.reset();
      posted.clear();
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
      if (broken !== null) settle(id, { kind: 'error', id, message: broken });
      else if (worker) post(worker, msg);
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
      return out ? localised(out.result) : null;
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
      const out = (await pick(send({ kind: 'export', tableId, format }), 'export'))?.result ?? null;
      return out && localisedExport(out);
    },
    async sampleValue(pageId) {
      const out = await pick(send({ kind: 'sampleValue', pageId }), 'sampleValue');
      return out ? out.result : null;
    },
    dispose() {
      worker?.terminate();
      worker = null;
      watchdog.reset();
      posted.clear();
      for (const id of [...waiting.keys()]) settle(id, null);
      sources.clear();
    },
  };
}
