/** Runs the document's regression cases: a thin loop over core (the worker, or the main thread in tests). */
import { compareCase, expectFrom, normalise, runCase, type JsonValue } from '@core';
import type { CaseRunResult, StoredCase } from './casesProtocol';

/** Each case against the spec `doc`: its diff, and the new expect when it fails or has none. */
export function runCases(doc: JsonValue, cases: readonly StoredCase[]): CaseRunResult[] {
  const { model } = normalise(doc);
  return cases.map(({ id, testCase }) => {
    try {
      const output = runCase(model, testCase, testCase.pages ?? []);
      const diff = compareCase(testCase.expect, output);
      const result: CaseRunResult = { id, diff, stopMessage: output.stopMessage };
      if (!diff.pass || diff.compared.length === 0) result.actual = expectFrom(output, testCase.expect);
      return result;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const diff = { pass: false, compared: [], records: [], requests: [], stop: null };
      return { id, diff, stopMessage: '', error: message };
    }
  });
}
