import { useRef, useState } from 'react';
import type { TestCase } from '@core';
import { downloadBlob } from '../../../lib/download';
import { useSpecStore, type CaseRunResult, type StoredCase } from '../../../store';
import { selectSpecName } from '../../../store/selectors';
import { downloadText, fileSlug } from '../download';
import { plural } from '../format';
import { CaseDiffView } from './CaseDiffView';
import { acceptOutput, caseFileText, casesZip, importCaseFiles, type ImportOutcome } from './casesService';
import './cases.css';

type Status = 'pass' | 'fail' | 'none' | 'running';

function statusOf(result: CaseRunResult | undefined): Status {
  if (!result) return 'running';
  if (result.error || !result.diff.pass) return 'fail';
  return result.diff.compared.length === 0 ? 'none' : 'pass';
}

const STATUS_TEXT: Record<Status, string> = {
  pass: 'pass',
  fail: 'fail',
  none: 'no expect',
  running: 'running…',
};

function CaseName({ c }: { c: StoredCase }) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = (): void => {
    const name = (draft ?? '').trim();
    setDraft(null);
    if (name !== '' && name !== c.testCase.name)
      useSpecStore.getState().updateCase(c.id, { ...c.testCase, name });
  };
  return (
    <input
      className="cs-name"
      aria-label="Case name"
      value={draft ?? c.testCase.name}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}

/** `2026-01-01T00:00:00Z` → `2026-01-01 00:00`; other text as written. */
const when = (text: string): string =>
  text.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:00)?(\.0+)?Z$/, '$1 $2');

/** What a case compares and holds, in a few words. */
function summary(c: TestCase): string {
  const compared = Object.keys(c.expect ?? {});
  return [
    plural(c.pages?.length ?? 0, 'page'),
    c.windowStart && c.windowEnd ? `window ${when(c.windowStart)} → ${when(c.windowEnd)} UTC` : null,
    c.backfill ? 'backfill' : null,
    compared.length ? `compares ${compared.join(', ')}` : 'compares nothing yet',
  ]
    .filter((x) => x !== null)
    .join(' · ');
}

function CaseItem({
  c,
  result,
  stale,
}: {
  c: StoredCase;
  result: CaseRunResult | undefined;
  stale: boolean;
}) {
  const status: Status = stale ? 'running' : statusOf(result);
  const remove = (): void => {
    if (window.confirm(`Delete the test case “${c.testCase.name}”?`))
      useSpecStore.getState().removeCase(c.id);
  };
  return (
    <li className={`cs-case cs-${status}`} aria-label={`Test case ${c.testCase.name}`}>
      <div className="cs-head">
        <span className={`cs-badge cs-badge-${status}`} role="status">
          {STATUS_TEXT[status]}
        </span>
        <CaseName c={c} />
        <span className="pv-spacer" />
        {!stale && result?.actual && (
          <button type="button" className="pv-button pv-primary" onClick={() => acceptOutput(c.id)}>
            Accept new output
          </button>
        )}
        <button
          type="button"
          className="pv-button"
          onClick={() =>
            downloadText(
              caseFileText(c.testCase),
              `${fileSlug(c.testCase.name)}.case.json`,
              'application/json',
            )
          }
        >
          Export
        </button>
        <button type="button" className="pv-button" onClick={remove} aria-label={`Delete ${c.testCase.name}`}>
          Delete
        </button>
      </div>
      <p className="cs-summary pv-muted">{summary(c.testCase)}</p>
      {!stale && result?.error && (
        <p className="cs-error" role="alert">
          The case could not run: {result.error}
        </p>
      )}
      {!stale && result && !result.diff.pass && (
        <CaseDiffView diff={result.diff} stopMessage={result.stopMessage} />
      )}
    </li>
  );
}

function ImportNotes({ outcome, onClose }: { outcome: ImportOutcome; onClose: () => void }) {
  return (
    <div className={`cs-import ${outcome.problems.length ? 'cs-import-bad' : ''}`} role="status">
      <p>
        {outcome.added.length > 0
          ? `Imported ${plural(outcome.added.length, 'case')}: ${outcome.added.join(', ')}.`
          : 'No case was imported.'}
      </p>
      {outcome.secretsDropped.length > 0 && (
        <p>Secret parameter values were left out of: {outcome.secretsDropped.join('; ')}.</p>
      )}
      {outcome.problems.length > 0 && (
        <ul>
          {outcome.problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
      <button type="button" className="pv-button" onClick={onClose}>
        Dismiss
      </button>
    </div>
  );
}

/**
 * The Tests tab: the document's regression cases, re-run in a worker after every spec edit, each with
 * pass/fail and, for a failure, the diff and **Accept new output**; import and export as files.
 */
export function CasesTab() {
  const cases = useSpecStore((s) => s.cases);
  const loaded = useSpecStore((s) => s.casesDocId === s.docId);
  const results = useSpecStore((s) => s.caseResults);
  const failure = useSpecStore((s) => s.casesFailure);
  const current = useSpecStore(
    (s) =>
      s.caseResults !== null &&
      s.caseResults.revision === s.revision &&
      s.caseResults.casesVersion === s.casesVersion,
  );
  const specName = useSpecStore(selectSpecName);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  if (!loaded) return <p className="pv-empty">Loading the test cases…</p>;
  const statuses = cases.map((c) => (current ? statusOf(results?.byId[c.id]) : 'running'));
  const passed = statuses.filter((s) => s === 'pass').length;
  const failed = statuses.filter((s) => s === 'fail').length;

  const onPick = (files: FileList | null): void => {
    if (!files || files.length === 0) return;
    void importCaseFiles([...files]).then(setOutcome);
    if (picker.current) picker.current.value = '';
  };

  return (
    <div className="cs-tab">
      <div className="pv-toolbar">
        <p className="pv-counts" aria-live="polite">
          {cases.length === 0
            ? 'No test cases yet'
            : current
              ? `${plural(cases.length, 'case')}: ${passed} passed, ${failed} failed`
              : `${plural(cases.length, 'case')}: running…`}
        </p>
        <span className="cs-actions">
          <button type="button" className="pv-button" onClick={() => picker.current?.click()}>
            Import…
          </button>
          <input
            ref={picker}
            type="file"
            multiple
            accept=".json,application/json"
            hidden
            aria-label="Import case files"
            onChange={(e) => onPick(e.target.files)}
          />
          <button
            type="button"
            className="pv-button"
            disabled={cases.length === 0}
            title="Every case as a .case.json file, in one zip"
            onClick={() =>
              downloadBlob(
                `${fileSlug(specName)}-cases.zip`,
                new Blob([casesZip(cases) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
              )
            }
          >
            Export all
          </button>
        </span>
      </div>
      {failure && (
        <p className="cs-error" role="alert">
          {failure}
        </p>
      )}
      {outcome && <ImportNotes outcome={outcome} onClose={() => setOutcome(null)} />}
      {cases.length === 0 ? (
        <div className="pv-empty">
          <p>
            A test case keeps sample pages, run inputs and the output you trust. Add samples, then press{' '}
            <strong>Save as test case</strong> in the Requests tab; every spec edit re-runs the cases here.
          </p>
          <p>
            Or import <code>*.case.json</code> files (pick their page files together with them). The CLI runs
            the same files: <code>spec-studio test --spec spec.json *.case.json</code>.
          </p>
        </div>
      ) : (
        <ul className="cs-list">
          {cases.map((c) => (
            <CaseItem key={c.id} c={c} result={results?.byId[c.id]} stale={!current} />
          ))}
        </ul>
      )}
    </div>
  );
}
