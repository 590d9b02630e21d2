/// <reference lib="webworker" />
import { loadRegexEngine } from '@core';
import { createModelElider } from './previewElide';
import { createPreviewEngine } from './previewEngine';
import type { PreviewRequest, PreviewWorkerMessage } from './previewProtocol';

// Thin message switch: all logic is in core, reached through the engine the main-thread fallback shares.
// Each step a preview starts is reported at once, so the client's watchdog knows what to name if it
// has to stop this worker.
const post = (msg: PreviewWorkerMessage): void => self.postMessage(msg);
const engine = createPreviewEngine((id, step, code) => post({ kind: 'step', id, step, code }));
const elide = createModelElider();
let latestPreview = 0;

// JSONPath match()/search() need the linear-time regex engine, which core loads on request: loading
// starts with the worker, and every job waits for it.
const regexEngineReady = loadRegexEngine();
const run = (msg: PreviewRequest): void => {
  void regexEngineReady.then(() => engine.handle(msg)).then((out) => post(elide(out)));
};

self.onmessage = (e: MessageEvent<PreviewRequest>) => {
  const msg = e.data;
  if (msg.kind !== 'preview') return run(msg);
  // Yield first: a newer preview already queued behind this one supersedes it before any work is
  // done (the client has already dropped this one; it is only acknowledged).
  latestPreview = msg.id;
  setTimeout(() => {
    if (msg.id === latestPreview) run(msg);
    else post({ kind: 'skipped', id: msg.id });
  }, 0);
};
