/// <reference lib="webworker" />
import { loadRegexEngine } from '@core';
import { runCases } from './casesEngine';
import { specFromPayload } from './specPayload';
import type { CasesRequest, CasesResponse, StoredCase } from './casesProtocol';

// Thin message switch: the logic is core's (runCase, compareCase). JSONPath match()/search() need the
// linear-time regex engine, loaded when the worker starts; every job waits for it.
const regexEngineReady = loadRegexEngine();
/** The cases of the last message that asked to keep them. */
let kept: StoredCase[] = [];
self.onmessage = (e: MessageEvent<CasesRequest>) => {
  void regexEngineReady.then(() => {
    const msg = e.data;
    const t0 = performance.now();
    let out: CasesResponse;
    try {
      if (msg.cases && msg.keep) kept = msg.cases;
      const results = runCases(specFromPayload(msg.spec), msg.cases ?? kept);
      out = { kind: 'run', id: msg.id, revision: msg.revision, results, ms: performance.now() - t0 };
    } catch (err) {
      out = { kind: 'error', id: msg.id, message: err instanceof Error ? err.message : String(err) };
    }
    self.postMessage(out);
  });
};
