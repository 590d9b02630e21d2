/**
 * Running a regression case: the same flatten and simulation the preview and `spec-studio
 * flatten`/`simulate` use, then a comparison of only what the case's `expect` holds.
 */
import { flatten } from '../flatten/flatten';
import { simulate, type RunOptions } from '../run/simulate';
import type { DiagnosticParams, JsonObject, JsonValue, SpecModel, StopReason } from '../types';
import { jsonEqual } from '../json/equal';
import { caseWindow, type CaseExpect, type CaseRequest, type TestCase } from './caseFile';

/** What the spec gives for a case's pages and inputs. */
export interface CaseOutput {
  records: JsonObject[];
  /** Every request the run made (method and the URL as shown: secrets masked). */
  requests: CaseRequest[];
  stop: StopReason;
  /** The stop's explanation (shown in a diff, never compared). */
  stopMessage: string;
  /** `stopMessage`'s stable code and values, when it has them (for the app's languages). */
  stopCode?: string;
  stopParams?: DiagnosticParams;
}

/** The run options of a case (no credential is needed: a missing input shows as `‹name›`). */
export function caseRunOptions(c: TestCase): RunOptions {
  const options: RunOptions = { params: { ...(c.params ?? {}) }, backfill: c.backfill === true };
  if (c.auth !== undefined) options.authName = c.auth;
  const window = caseWindow(c);
  if (window) options.window = window;
  return options;
}

/**
 * Runs a case over `pages` (the case's inline pages, or its page files as read by the caller):
 * records by the spec's contentPath/explodeEntityPath, requests and stop by the simulation.
 */
export function runCase(model: SpecModel, c: TestCase, pages: JsonValue[]): CaseOutput {
  const records = model.contentPath ? flatten(model, pages).records : [];
  const run = simulate(
    model,
    caseRunOptions(c),
    pages.map((body) => ({ body })),
  );
  return {
    records,
    requests: run.steps.map((s) => ({ method: s.display.method, url: s.display.url })),
    stop: run.stop.reason,
    stopMessage: run.stop.message,
    ...(run.stop.code === undefined ? {} : { stopCode: run.stop.code, stopParams: run.stop.params ?? {} }),
  };
}

/**
 * The `expect` a case gets from `output`: the keys the case compares already, or all three when
 * it compares none (a new case, or one without `expect`).
 */
export function expectFrom(output: CaseOutput, previous?: CaseExpect): CaseExpect {
  const keys = previous && Object.keys(previous).length > 0 ? previous : { records: 1, requests: 1, stop: 1 };
  const out: CaseExpect = {};
  if ('records' in keys) out.records = output.records;
  if ('requests' in keys) out.requests = output.requests;
  if ('stop' in keys) out.stop = output.stop;
  return out;
}

/** One field that differs in a changed record: its path (`a.b[0]`), and each side (absent: undefined). */
export interface FieldChange {
  path: string;
  expected?: JsonValue;
  actual?: JsonValue;
}

/** One entry of a records diff; `index` is 0-based in the expected (removed, changed) or actual (added) list. */
export type RecordChange =
  | { kind: 'added'; index: number; record: JsonValue }
  | { kind: 'removed'; index: number; record: JsonValue }
  | { kind: 'changed'; index: number; actualIndex: number; fields: FieldChange[] };

export type RequestChange =
  | { kind: 'added'; index: number; actual: CaseRequest }
  | { kind: 'removed'; index: number; expected: CaseRequest }
  | { kind: 'changed'; index: number; expected: CaseRequest; actual: CaseRequest };

/** The outcome of one case: pass when every compared part is equal. */
export interface CaseDiff {
  pass: boolean;
  /** The parts compared (the keys `expect` holds). */
  compared: Array<keyof CaseExpect>;
  records: RecordChange[];
  /** Set when the records were too many to align: compared position by position (said in the diff). */
  recordsByPosition?: boolean;
  requests: RequestChange[];
  stop: { expected: string; actual: string; message: string } | null;
}

/**
 * Above this many cells (expected × actual records left after the common start and end), records
 * are compared position by position instead of aligned (an insertion then shows as changes); the
 * diff says so.
 */
export const MAX_ALIGN_CELLS = 4_000_000;

const pathKey = (base: string, key: string): string =>
  /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)
    ? base
      ? `${base}.${key}`
      : key
    : `${base}[${JSON.stringify(key)}]`;

/** The fields that differ between two records, by path; arrays of objects are entered. */
export function fieldChanges(
  expected: JsonValue | undefined,
  actual: JsonValue | undefined,
  base = '',
): FieldChange[] {
  if (jsonEqual(expected, actual)) return [];
  const out: FieldChange[] = [];
  const bothObjects =
    typeof expected === 'object' &&
    expected !== null &&
    !Array.isArray(expected) &&
    typeof actual === 'object' &&
    actual !== null &&
    !Array.isArray(actual);
  if (bothObjects) {
    const keys = [
      ...Object.keys(expected),
      ...Object.keys(actual).filter((k) => !Object.hasOwn(expected, k)),
    ];
    for (const k of keys) {
      const e = Object.hasOwn(expected, k) ? expected[k] : undefined;
      const a = Object.hasOwn(actual, k) ? actual[k] : undefined;
      out.push(...fieldChanges(e, a, pathKey(base, k)));
    }
    return out;
  }
  if (Array.isArray(expected) && Array.isArray(actual) && expected.length === actual.length) {
    expected.forEach((e, i) => out.push(...fieldChanges(e, actual[i], `${base}[${i}]`)));
    return out;
  }
  const change: FieldChange = { path: base || '(record)' };
  if (expected !== undefined) change.expected = expected;
  if (actual !== undefined) change.actual = actual;
  return [change];
}

/**
 * Aligns the records (longest common subsequence of equal records after the common start and end);
 * between two matches, removed and added records are paired in order as changed, the rest are
 * removed or added.
 */
function diffRecords(
  expected: JsonValue[],
  actual: JsonValue[],
): { changes: RecordChange[]; byPosition: boolean } {
  let head = 0;
  while (head < expected.length && head < actual.length && jsonEqual(expected[head], actual[head])) head++;
  let tail = 0;
  while (
    tail < expected.length - head &&
    tail < actual.length - head &&
    jsonEqual(expected[expected.length - 1 - tail], actual[actual.length - 1 - tail])
  )
    tail++;
  const e = expected.slice(head, expected.length - tail);
  const a = actual.slice(head, actual.length - tail);
  const changes: RecordChange[] = [];
  const flush = (removed: number[], added: number[]): void => {
    const paired = Math.min(removed.length, added.length);
    for (let i = 0; i < paired; i++) {
      const ei = removed[i] as number;
      const ai = added[i] as number;
      changes.push({
        kind: 'changed',
        index: head + ei,
        actualIndex: head + ai,
        fields: fieldChanges(e[ei], a[ai]),
      });
    }
    for (const ei of removed.slice(paired))
      changes.push({ kind: 'removed', index: head + ei, record: e[ei] ?? null });
    for (const ai of added.slice(paired))
      changes.push({ kind: 'added', index: head + ai, record: a[ai] ?? null });
  };
  const byPosition = e.length * a.length > MAX_ALIGN_CELLS;
  if (byPosition || e.length === 0 || a.length === 0) {
    const n = Math.min(e.length, a.length);
    const removed: number[] = [];
    const added: number[] = [];
    for (let i = 0; i < n; i++) {
      if (!jsonEqual(e[i], a[i])) {
        removed.push(i);
        added.push(i);
      }
    }
    for (let i = n; i < e.length; i++) removed.push(i);
    for (let i = n; i < a.length; i++) added.push(i);
    flush(removed, added);
    return { changes, byPosition };
  }
  // LCS table over equality (strings compared first as a cheap filter).
  const ek = e.map((x) => JSON.stringify(x));
  const ak = a.map((x) => JSON.stringify(x));
  const same = (i: number, j: number): boolean =>
    (ek[i] === ak[j] || (ek[i]?.length === ak[j]?.length && jsonEqual(e[i], a[j]))) as boolean;
  const cols = a.length + 1;
  const table = new Uint32Array((e.length + 1) * cols);
  for (let i = e.length - 1; i >= 0; i--) {
    for (let j = a.length - 1; j >= 0; j--) {
      table[i * cols + j] = same(i, j)
        ? (table[(i + 1) * cols + j + 1] as number) + 1
        : Math.max(table[(i + 1) * cols + j] as number, table[i * cols + j + 1] as number);
    }
  }
  let i = 0;
  let j = 0;
  let removed: number[] = [];
  let added: number[] = [];
  while (i < e.length || j < a.length) {
    if (i < e.length && j < a.length && same(i, j)) {
      flush(removed, added);
      removed = [];
      added = [];
      i++;
      j++;
    } else if (
      j >= a.length ||
      (i < e.length && (table[(i + 1) * cols + j] as number) >= (table[i * cols + j + 1] as number))
    ) {
      removed.push(i++);
    } else {
      added.push(j++);
    }
  }
  flush(removed, added);
  return { changes, byPosition: false };
}

function diffRequests(expected: CaseRequest[], actual: CaseRequest[]): RequestChange[] {
  const out: RequestChange[] = [];
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
    const e = expected[i];
    const a = actual[i];
    if (e && a) {
      if (e.method !== a.method || e.url !== a.url)
        out.push({ kind: 'changed', index: i, expected: e, actual: a });
    } else if (e) out.push({ kind: 'removed', index: i, expected: e });
    else if (a) out.push({ kind: 'added', index: i, actual: a });
  }
  return out;
}

/** Compares `output` with `expect`: only the parts `expect` holds; records by value, in order. */
export function compareCase(expect: CaseExpect | undefined, output: CaseOutput): CaseDiff {
  const diff: CaseDiff = { pass: true, compared: [], records: [], requests: [], stop: null };
  if (!expect) return diff;
  if (expect.records) {
    diff.compared.push('records');
    const { changes, byPosition } = diffRecords(expect.records, output.records);
    diff.records = changes;
    if (byPosition) diff.recordsByPosition = true;
  }
  if (expect.requests) {
    diff.compared.push('requests');
    diff.requests = diffRequests(expect.requests, output.requests);
  }
  if (expect.stop !== undefined) {
    diff.compared.push('stop');
    if (expect.stop !== output.stop)
      diff.stop = { expected: expect.stop, actual: output.stop, message: output.stopMessage };
  }
  diff.pass = diff.records.length === 0 && diff.requests.length === 0 && diff.stop === null;
  return diff;
}
