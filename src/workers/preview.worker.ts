/// <reference lib="webworker" />
import { createPreviewEngine } from './previewEngine';
import type { PreviewRequest } from './previewProtocol';

// Thin message switch: all logic is in core, reached through the engine the main-thread fallback shares.
const engine = createPreviewEngine();
let latestPreview = 0;

const run = (msg: PreviewRequest): void => {
  void engine.handle(msg).then((out) => self.postMessage(out));
};

self.onmessage = (e: MessageEvent<PreviewRequest>) => {
  const msg = e.data;
  if (msg.kind !== 'preview') return run(msg);
  // Yield first: a newer preview already queued behind this one supersedes it before any work is
  // done (the client has already dropped this one, so it needs no answer).
  latestPreview = msg.id;
  setTimeout(() => {
    if (msg.id === latestPreview) run(msg);
  }, 0);
};
