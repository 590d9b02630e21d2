import type { CaseDiff, CaseExpect, TestCase } from '@core';

/** A regression case as the app keeps it: an id and the case with its pages inline. */
export interface StoredCase {
  id: string;
  testCase: TestCase;
}

/** One case's outcome for a spec revision. */
export interface CaseRunResult {
  id: string;
  diff: CaseDiff;
  /** The expect the current output gives (what **Accept new output** stores); set for a failure or a case without expect. */
  actual?: CaseExpect;
  /** Why the run stopped, in words (shown next to the stop reason). */
  stopMessage: string;
  /** The run threw (a bug): the message; the case counts as failed. */
  error?: string;
}

export interface CasesState {
  /** The document's regression cases (issue 14 §1), stored in IndexedDB by docId. */
  cases: StoredCase[];
  /** The document the cases belong to (null while they load). */
  casesDocId: string | null;
  /** The last run: results by case id, for a spec revision and a cases version. */
  caseResults: { revision: number; casesVersion: number; byId: Record<string, CaseRunResult> } | null;
  /** Increments on every change of `cases` (a result for an older version is stale). */
  casesVersion: number;
  /** Why the last run gave no results (a stopped or failed worker), until one succeeds. */
  casesFailure: string | null;
}

export interface CasesActions {
  /** Replaces the cases (loaded for `docId`). */
  setCases: (cases: StoredCase[], docId: string | null) => void;
  addCase: (c: StoredCase) => void;
  updateCase: (id: string, testCase: StoredCase['testCase']) => void;
  removeCase: (id: string) => void;
  setCaseResults: (results: CasesState['caseResults'], failure?: string | null) => void;
}
