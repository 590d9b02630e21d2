/// <reference lib="webworker" />
import { loadRegexEngine } from '@core';
import { runValidation } from './runValidation';
import { specFromPayload } from './specPayload';
import { packLocations } from './validateLocations';
import type { ValidateRequest, ValidateResponse } from './protocol';

// Thin message switch: all logic lives in core (through runValidation). JSONPath match()/search()
// need the linear-time regex engine, which core loads on request: loading starts with the worker, and
// every job waits for it.
const regexEngineReady = loadRegexEngine();
self.onmessage = (e: MessageEvent<ValidateRequest>) => {
  void regexEngineReady.then(() => handle(e.data));
};

function handle(msg: ValidateRequest): void {
  switch (msg.type) {
    case 'validate': {
      const t0 = performance.now();
      let out: ValidateResponse;
      try {
        const diagnostics = runValidation(specFromPayload(msg));
        const locations = msg.text === undefined ? undefined : packLocations(msg.text, diagnostics);
        out = {
          type: 'diagnostics',
          id: msg.id,
          revision: msg.revision,
          diagnostics,
          ms: performance.now() - t0,
        };
        if (locations) out.locations = locations;
      } catch (err) {
        out = {
          type: 'error',
          id: msg.id,
          revision: msg.revision,
          message: err instanceof Error ? err.message : String(err),
        };
      }
      self.postMessage(out, out.type === 'diagnostics' && out.locations ? [out.locations.buffer] : []);
      break;
    }
  }
}
