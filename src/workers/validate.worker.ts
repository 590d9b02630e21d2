/// <reference lib="webworker" />
import { runValidation } from './runValidation';
import type { ValidateRequest, ValidateResponse } from './protocol';

// Thin message switch: all logic lives in core (through runValidation).
self.onmessage = (e: MessageEvent<ValidateRequest>) => {
  const msg = e.data;
  switch (msg.type) {
    case 'validate': {
      const t0 = performance.now();
      let out: ValidateResponse;
      try {
        out = {
          type: 'diagnostics',
          id: msg.id,
          revision: msg.revision,
          diagnostics: runValidation(msg.doc),
          ms: performance.now() - t0,
        };
      } catch (err) {
        out = {
          type: 'error',
          id: msg.id,
          revision: msg.revision,
          message: err instanceof Error ? err.message : String(err),
        };
      }
      self.postMessage(out);
      break;
    }
  }
};
