import { useRef, useState } from 'react';
import type { TestCase } from '@core';
import { t as tNow, useT } from '../../../i18n';
import { T } from '../../../i18n/T';
import { downloadBlob } from '../../../lib/download';
import { useSpecStore, type CaseRunResult, type StoredCase } from '../../../store';
import { selectSpecName } from '../../../store/selectors';
import { downloadText, fileSlug } from '../download';
import { CaseDiffView } from './CaseDiffView';
import { stopText } from '../coreText';
import type { CodedStop } from '../../../workers/casesProtocol';
import { acceptOutput, caseFileText, casesZip, importCaseFiles, type ImportOutcome } from './casesService';
import './cases.css';

type Status = 'pass' | 'fail' | 'none' | 'running';

function statusOf(result: CaseRunResult | undefined): Status {
  if (!result) return 'running';
  if (result.error || !result.diff.pass) return 'fail';
  return result.diff.compared.length === 0 ? 'none' : 'pass';
}

/** A status badge’s word, in the chosen language. */
const statusText = (status: Status): string =>
  status === 'pass'
    ? tNow('run.cases.pass')
    : status === 'fail'
      ? tNow('run.cases.fail')
      : status === 'none'
        ? tNow('run.cases.noExpect')
        : tNow('run.cases.running');

function CaseName({ c }: { c: StoredCase }) {
  const t = useT();
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
      aria-label={t('run.cases.name')}
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
    tNow('run.cases.pages', { count: c.pages?.length ?? 0 }),
    c.windowStart && c.windowEnd
      ? tNow('run.cases.window', { start: when(c.windowStart), end: when(c.windowEnd) })
      : null,
    c.backfill ? tNow('run.cases.backfill') : null,
    compared.length
      ? tNow('run.cases.compares', { parts: compared.join(', ') })
      : tNow('run.cases.comparesNothing'),
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
  const t = useT();
  const status: Status = stale ? 'running' : statusOf(result);
  const remove = (): void => {
    if (window.confirm(t('run.cases.confirmDelete', { name: c.testCase.name })))
      useSpecStore.getState().removeCase(c.id);
  };
  return (
    <li className={`cs-case cs-${status}`} aria-label={t('run.cases.item', { name: c.testCase.name })}>
      <div className="cs-head">
        <span className={`cs-badge cs-badge-${status}`} role="status">
          {statusText(status)}
        </span>
        <CaseName c={c} />
        <span className="pv-spacer" />
        {!stale && result?.actual && (
          <button type="button" className="pv-button pv-primary" onClick={() => acceptOutput(c.id)}>
            {t('run.cases.accept')}
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
          {t('run.cases.export')}
        </button>
        <button
          type="button"
          className="pv-button"
          onClick={remove}
          aria-label={t('run.cases.deleteNamed', { name: c.testCase.name })}
        >
          {t('run.cases.delete')}
        </button>
      </div>
      <p className="cs-summary pv-muted">{summary(c.testCase)}</p>
      {!stale && result?.error && (
        <p className="cs-error" role="alert">
          {t('run.cases.couldNotRun', { error: result.error })}
        </p>
      )}
      {!stale && result && !result.diff.pass && (
        <CaseDiffView diff={result.diff} stopMessage={caseStopText(result)} />
      )}
    </li>
  );
}

/** A case’s stop message in the chosen language (from its code, when the worker sent one). */
function caseStopText(result: CaseRunResult & CodedStop): string {
  if (result.stopMessage === '') return '';
  return stopText({ message: result.stopMessage, code: result.stopCode, params: result.stopParams });
}

function ImportNotes({ outcome, onClose }: { outcome: ImportOutcome; onClose: () => void }) {
  const t = useT();
  return (
    <div className={`cs-import ${outcome.problems.length ? 'cs-import-bad' : ''}`} role="status">
      <p>
        {outcome.added.length > 0
          ? t('run.cases.imported', { count: outcome.added.length, names: outcome.added.join(', ') })
          : t('run.cases.noneImported')}
      </p>
      {outcome.secretsDropped.length > 0 && (
        <p>{t('run.cases.secretsDropped', { list: outcome.secretsDropped.join('; ') })}</p>
      )}
      {outcome.problems.length > 0 && (
        <ul>
          {outcome.problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
      <button type="button" className="pv-button" onClick={onClose}>
        {t('run.cases.dismiss')}
      </button>
    </div>
  );
}

/**
 * The Tests tab: the document’s regression cases, re-run in a worker after every spec edit, each with
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
  const t = useT();

  if (!loaded) return <p className="pv-empty">{t('run.cases.loading')}</p>;
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
            ? t('run.cases.noCases')
            : current
              ? t('run.cases.summary', { count: cases.length, passed, failed })
              : t('run.cases.summaryRunning', { count: cases.length })}
        </p>
        <span className="cs-actions">
          <button type="button" className="pv-button" onClick={() => picker.current?.click()}>
            {t('run.cases.import')}
          </button>
          <input
            ref={picker}
            type="file"
            multiple
            accept=".json,application/json"
            hidden
            aria-label={t('run.cases.importFiles')}
            onChange={(e) => onPick(e.target.files)}
          />
          <button
            type="button"
            className="pv-button"
            disabled={cases.length === 0}
            title={t('run.cases.exportAllTitle')}
            onClick={() =>
              downloadBlob(
                `${fileSlug(specName)}-cases.zip`,
                new Blob([casesZip(cases) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
              )
            }
          >
            {t('run.cases.exportAll')}
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
            <T id="run.cases.emptyIntro" components={{ 0: <strong /> }} />
          </p>
          <p>
            <T id="run.cases.emptyImport" components={{ 0: <code />, 1: <code /> }} />
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
