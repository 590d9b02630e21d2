/**
 * The document’s regression cases in the app (issue 14 §1): loaded from and saved to IndexedDB by
 * document id, re-run in the cases worker after every spec or case change (debounced), saved from the
 * preview’s current samples and run inputs, exported and imported as `*.case.json` files.
 */
import { useEffect } from 'react';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { parseCase, parseJson, type JsonValue, type SpecModel, type TestCase } from '@core';
import { t } from '../../../i18n';
import { parseErrorText } from '../../../i18n/diagnostics';
import { idbGet, idbPut } from '../../../lib/idb';
import { useSpecStore, type SpecState, type StoredCase } from '../../../store';
import { createCasesClient, type CasesClient } from '../../../workers/casesClient';
import { specPayload } from '../../../workers/specPayload';
import { caseErrorsText, caseFileProblems } from '../coreText';
import { fileSlug } from '../download';
import { parseUtcLocal } from '../runOptions';
import { previewClient } from '../previewService';

/** Pause after the last spec or case change before the cases run again. */
export const CASES_DEBOUNCE_MS = 300;

/** What the `cases` IndexedDB store holds per document. */
export interface StoredCases {
  version: 1;
  cases: StoredCase[];
}

let client: CasesClient | null = null;
let caseSeq = 0;

/** The app’s one cases client (created on first use). */
export function casesClient(): CasesClient {
  client ??= createCasesClient();
  return client;
}

/** Replaces the cases client (tests) and disposes the previous one; null: back to the default. */
export function setCasesClient(next: CasesClient | null): void {
  client?.dispose();
  client = next;
}

const newCaseId = (): string => `case-${Date.now().toString(36)}-${++caseSeq}`;

/** Names of the parameters whose values are secrets (`format: password`) in any auth spec or user input. */
export function secretParamNames(model: SpecModel | null | undefined): Set<string> {
  const names = new Set<string>();
  if (!model) return names;
  for (const p of model.userInputs) if (p.secret) names.add(p.name);
  for (const a of model.authSpecs) for (const p of a.params) if (p.secret) names.add(p.name);
  return names;
}

/** `params` without secret values; the names left out, for telling the user. */
function withoutSecrets(
  params: Record<string, string> | undefined,
  secrets: Set<string>,
): { params: Record<string, string>; dropped: string[] } {
  const out: Record<string, string> = {};
  const dropped: string[] = [];
  for (const [k, v] of Object.entries(params ?? {})) {
    if (secrets.has(k)) dropped.push(k);
    else Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return { params: out, dropped };
}

async function loadFor(docId: string): Promise<void> {
  const r = await idbGet<StoredCases>('cases', docId);
  if (useSpecStore.getState().docId !== docId) return;
  const cases = r.ok && r.value && Array.isArray(r.value.cases) ? r.value.cases : [];
  useSpecStore.getState().setCases(cases, docId);
  if (!r.ok && !r.unavailable)
    useSpecStore.getState().notify(() => t('run.cases.readFailed', { message: r.message }), 'warning');
}

async function saveFor(docId: string, cases: StoredCase[]): Promise<void> {
  const r = await idbPut('cases', docId, { version: 1, cases } satisfies StoredCases);
  if (r.ok) return;
  const why = (): string =>
    r.quota ? t('run.cases.storageFull') : r.unavailable ? t('run.cases.storageUnavailable') : r.message;
  useSpecStore.getState().notify(() => t('run.cases.saveFailed', { why: why() }), 'warning');
}

function runNow(): void {
  const s = useSpecStore.getState();
  if (s.casesDocId !== s.docId) return;
  if (s.cases.length === 0) {
    if (s.caseResults !== null) s.setCaseResults(null);
    return;
  }
  const { revision, casesVersion } = s;
  void casesClient()
    .run(specPayload(s), revision, s.cases)
    .then((r) => {
      if (!r) return; // superseded
      const now = useSpecStore.getState();
      if (now.casesVersion !== casesVersion || now.revision !== revision) return;
      if (!r.ok) return now.setCaseResults(null, r.message);
      const byId: Record<string, (typeof r.results)[number]> = {};
      for (const x of r.results) byId[x.id] = x;
      now.setCaseResults({ revision, casesVersion, byId });
    });
}

/**
 * Keeps the cases with the document: loads them when the document changes (`docId`), saves them on
 * every change, and re-runs them after every spec or case change (debounced, in the worker).
 */
export function useCasesSync(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const schedule = (): void => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(runNow, CASES_DEBOUNCE_MS);
    };
    const start = useSpecStore.getState();
    if (start.casesDocId !== start.docId) void loadFor(start.docId);
    else schedule();
    const unsubscribe = useSpecStore.subscribe((s: SpecState, prev: SpecState) => {
      if (s.docId !== prev.docId) {
        s.setCases([], null);
        void loadFor(s.docId);
        return;
      }
      if (s.cases !== prev.cases && s.casesDocId === s.docId && prev.casesDocId === s.docId)
        void saveFor(s.docId, s.cases);
      if (s.revision !== prev.revision || s.casesVersion !== prev.casesVersion) schedule();
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, []);
}

/** ISO text of epoch ms, without milliseconds (`2026-01-01T00:00:00Z`). */
const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Saves the preview’s current sample pages, run inputs (secrets left out), window and backfill as a new
 * case, with the current output as its expect. Without a window in the run inputs, the 24 hours before
 * the current hour are written, so the case’s requests do not change with the clock. Returns the
 * case, or a message saying why nothing was saved.
 */
export async function saveCaseFromPreview(): Promise<
  { ok: true; testCase: TestCase } | { ok: false; message: string }
> {
  const s = useSpecStore.getState();
  const result = s.previewResult;
  if (!result) return { ok: false, message: t('run.cases.previewPending') };
  const pageIds = s.samplePages.filter((p) => p.status === 'ok').map((p) => p.id);
  const values = await Promise.all(pageIds.map((id) => previewClient().sampleValue(id)));
  if (values.some((v) => v === undefined)) return { ok: false, message: t('run.cases.pageChanged') };
  const pages = values as JsonValue[];
  const { params, dropped } = withoutSecrets(
    Object.fromEntries(Object.entries(s.runInputs.values).filter(([, v]) => v !== '')),
    secretParamNames(result.model),
  );
  const start = parseUtcLocal(s.runInputs.windowStart);
  const end = parseUtcLocal(s.runInputs.windowEnd);
  const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
  const window = start !== null && end !== null ? { start, end } : { start: hour - 86_400_000, end: hour };
  const n = s.cases.length + 1;
  const testCase: TestCase = {
    name: `Case ${n}: ${pages.length} page${pages.length === 1 ? '' : 's'}`,
    pages,
    ...(Object.keys(params).length > 0 ? { params } : {}),
    ...(s.runInputs.authName ? { auth: s.runInputs.authName } : {}),
    windowStart: iso(window.start),
    windowEnd: iso(window.end),
    backfill: s.runInputs.backfill,
  };
  const id = newCaseId();
  const run = await casesClient().runOnce(specPayload(s), [{ id, testCase }]);
  if (!run.ok) return { ok: false, message: run.message };
  const actual = run.results[0]?.actual;
  if (!actual) return { ok: false, message: t('run.cases.couldNotBeRun') };
  const saved: TestCase = { ...testCase, expect: actual };
  const store = useSpecStore.getState();
  store.addCase({ id, testCase: saved });
  const headers = s.samplePages.some((p) => p.status === 'ok' && (p.headers?.length ?? 0) > 0);
  store.notify(
    () =>
      t('run.cases.saved', {
        name: saved.name,
        hasSecrets: dropped.length > 0 ? 'yes' : 'no',
        secrets: dropped.join(', '),
        headers: headers ? 'yes' : 'no',
      }),
    dropped.length > 0 || headers ? 'warning' : 'success',
  );
  return { ok: true, testCase: saved };
}

/** Stores the current output as the case’s expect. */
export function acceptOutput(id: string): void {
  const s = useSpecStore.getState();
  const c = s.cases.find((x) => x.id === id);
  const actual = s.caseResults?.byId[id]?.actual;
  if (!c || !actual) return;
  s.updateCase(id, { ...c.testCase, expect: actual });
}

/** The case file text: the format’s keys in order, pages inline, 2-space JSON. */
export function caseFileText(c: TestCase): string {
  const { pageFiles: _files, ...rest } = c;
  void _files;
  return `${JSON.stringify(rest, null, 2)}\n`;
}

/** All cases as one zip of `*.case.json` files (names made unique). */
export function casesZip(cases: readonly StoredCase[]): Uint8Array {
  const files: Zippable = {};
  const used = new Set<string>();
  for (const { testCase } of cases) {
    const slug = fileSlug(testCase.name);
    let name = `${slug}.case.json`;
    for (let i = 2; used.has(name); i++) name = `${slug}-${i}.case.json`;
    used.add(name);
    files[name] = strToU8(caseFileText(testCase));
  }
  return zipSync(files, { level: 6 });
}

/** The base name of a path (`pages/p1.json` → `p1.json`). */
const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/** What an import did: the cases added, and one message per file that was not. */
export interface ImportOutcome {
  added: string[];
  problems: string[];
  /** Secret parameter values left out of imported cases (by case name). */
  secretsDropped: string[];
}

/**
 * Imports `*.case.json` files. Page files named in `pageFiles` are matched by file name among the other
 * picked files (a browser cannot read a path): a case whose page files were not all picked is not
 * imported, and the message names the missing ones. Secret parameter values are left out.
 */
export async function importCaseFiles(files: readonly File[]): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { added: [], problems: [], secretsDropped: [] };
  const isCase = (f: File) => f.name.toLowerCase().endsWith('.case.json');
  const caseFiles = files.filter(isCase);
  const others = new Map(files.filter((f) => !isCase(f)).map((f) => [f.name, f]));
  if (caseFiles.length === 0) {
    outcome.problems.push(t('run.cases.noCaseFile'));
    return outcome;
  }
  const readJson = async (
    f: File,
  ): Promise<{ ok: true; value: JsonValue } | { ok: false; message: string }> => {
    const parsed = parseJson(await f.text());
    return parsed.ok
      ? { ok: true, value: parsed.value }
      : {
          ok: false,
          message: `${f.name}:${parsed.error.line}:${parsed.error.column}: ${parseErrorText(parsed.error)}`,
        };
  };
  const secrets = secretParamNames(useSpecStore.getState().previewResult?.model);
  const added: StoredCase[] = [];
  for (const file of caseFiles) {
    const read = await readJson(file);
    if (!read.ok) {
      outcome.problems.push(read.message);
      continue;
    }
    const parsed = parseCase(read.value);
    if (!parsed.ok) {
      outcome.problems.push(caseFileProblems(file.name, caseErrorsText(parsed.errors)));
      continue;
    }
    let testCase = parsed.testCase;
    if (testCase.pageFiles) {
      const missing = testCase.pageFiles.filter((p) => !others.has(baseName(p)));
      if (missing.length > 0) {
        outcome.problems.push(
          t('run.cases.pagesMissing', {
            file: file.name,
            count: missing.length,
            names: missing.map((m) => `“${m}”`).join(', '),
          }),
        );
        continue;
      }
      const pages: JsonValue[] = [];
      let failed = false;
      for (const p of testCase.pageFiles) {
        const page = await readJson(others.get(baseName(p)) as File);
        if (!page.ok) {
          outcome.problems.push(t('run.cases.pageFileFailed', { file: file.name, message: page.message }));
          failed = true;
          break;
        }
        pages.push(page.value);
      }
      if (failed) continue;
      const { pageFiles: _files, ...rest } = testCase;
      void _files;
      testCase = { ...rest, pages };
    }
    const { params, dropped } = withoutSecrets(testCase.params, secrets);
    if (dropped.length > 0) {
      testCase = { ...testCase, params };
      outcome.secretsDropped.push(`${testCase.name} (${dropped.join(', ')})`);
    }
    added.push({ id: newCaseId(), testCase });
    outcome.added.push(testCase.name);
  }
  const store = useSpecStore.getState();
  for (const c of added) store.addCase(c);
  return outcome;
}
