/** Runs the document's regression cases: a thin loop over core (the worker, or the main thread in tests). */
import { compareCase, expectFrom, normalise, runCase, type JsonValue } from '@core';
import type { CaseRunResult, CodedStop, StoredCase } from './casesProtocol';

/** Each case against the spec `doc`: its diff, and the new expect when it fails or has none. */
export function runCases(doc: JsonValue, cases: readonly StoredCase[]): CaseRunResult[] {
  const { model } = normalise(doc);
  return cases.map(({ id, testCase }) => {
    try {
      const output = runCase(model, testCase, testCase.pages ?? []);
      const diff = compareCase(testCase.expect, output);
      // The stop's code and values go along (read by the Cases tab, see CodedStop), to say it in any language.
      const coded =
        output.stopCode === undefined ? {} : { stopCode: output.stopCode, stopParams: output.stopParams };
      const result: CaseRunResult & CodedStop = { id, diff, stopMessage: output.stopMessage, ...coded };
      if (!diff.pass || diff.compared.length === 0) result.actual = expectFrom(output, testCase.expect);
      return result;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const diff = { pass: false, compared: [], records: [], requests: [], stop: null };
      return { id, diff, stopMessage: '', error: message };
    }
  });
}
