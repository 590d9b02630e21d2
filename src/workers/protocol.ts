import type { Diagnostic } from '@core';
import type { SpecPayload } from './specPayload';

/**
 * A validation job: the document as text while it parses (the answer then also says where each
 * diagnostic is in it, see validateLocations.ts), else the last valid document.
 */
export type ValidateRequest = { type: 'validate'; id: number; revision: number } & SpecPayload;

/** Messages the validate worker answers with (`locations`: packed, when the request had a text). */
export type ValidateResponse =
  | {
      type: 'diagnostics';
      id: number;
      revision: number;
      diagnostics: Diagnostic[];
      ms: number;
      locations?: Int32Array;
    }
  | { type: 'error'; id: number; revision: number; message: string };
