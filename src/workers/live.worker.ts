/// <reference lib="webworker" />
import { createFetchSend } from './liveFetch';
import { createLiveEngine } from './liveEngine';
import type { LiveEvent, LiveRequest } from './liveProtocol';

// Thin message switch: the run is the core's driver, its sender a fetch to the local server's
// /api/fetch. Page bodies are parsed here and leave as Blobs, so a 50 MB page never reaches the
// main thread as text.
const post = (event: LiveEvent): void => self.postMessage(event);
const engine = createLiveEngine(createFetchSend(), post);

self.onmessage = (e: MessageEvent<LiveRequest>) => {
  void engine.handle(e.data);
};
