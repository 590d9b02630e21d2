/** Messages between the app and the regression-cases worker (issue 14 §1). */
import type { DiagnosticParams } from '@core';
import type { CaseRunResult, StoredCase } from '../store/casesTypes';
import type { SpecPayload } from './specPayload';

export type { CaseRunResult, StoredCase };

/** What a case result may also carry: its stop message's code and values (core `CaseOutput`). */
export interface CodedStop {
  stopCode?: string;
  stopParams?: DiagnosticParams;
}

/**
 * Run the cases against the spec (its text while it parses, see specPayload.ts). `cases: null` runs the cases the worker kept from an earlier message
 * (so unchanged cases, and their sample pages, are not copied to the worker on every spec edit);
 * `keep` makes the worker keep the cases sent.
 */
export type CasesRequest = {
  kind: 'run';
  id: number;
  revision: number;
  spec: SpecPayload;
  cases: StoredCase[] | null;
  keep: boolean;
};

export type CasesResponse =
  | { kind: 'run'; id: number; revision: number; results: CaseRunResult[]; ms: number }
  | { kind: 'error'; id: number; message: string };
