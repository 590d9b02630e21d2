/**
 * Records as a table (SEMANTICS §4 "Table view"): nested objects become dotted columns, arrays stay
 * one cell, columns in first-seen order, each with the JSON types seen in it. Plus CSV and NDJSON.
 */
import { escapeToken } from '../json/pointer';
import type { JsonValue } from '../types';

/** One column: `id` is the JSON Pointer of the cell inside a record (unambiguous). */
export interface TableColumn {
  id: string;
  /** Dotted `a.b.c`; a key containing `.`, `[`, `]`, `"` or empty is written `["a.b"]`. */
  label: string;
  /** Types seen, in first-seen order, from: string, number, boolean, null, array, object. */
  types: string[];
}

/**
 * Rows hold one cell per column, `undefined` where a record lacks the column. A wide table's rows are
 * sparse: a missing cell may be a hole or past the row's end (`row[i]` still reads `undefined`), so
 * records with distinct keys cost memory only for the cells that exist.
 */
export interface RecordTable {
  columns: TableColumn[];
  rows: Array<Array<JsonValue | undefined>>;
  truncated: boolean;
  totalRows: number;
}

/**
 * Up to this many cells (rows × columns) every row is padded to the full width with `undefined`;
 * beyond it rows stay as long as their last cell (a 20,000 × 20,000 table would be 400 M cells).
 */
const PAD_CELLS = 4_000_000;

/** Objects nested deeper than this stay one cell (JSON), like arrays. */
const MAX_COLUMN_DEPTH = 64;

function typeOf(v: JsonValue): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

function labelPart(key: string, first: boolean): string {
  if (key === '' || /[.[\]"]/.test(key)) return `[${JSON.stringify(key)}]`;
  return first ? key : `.${key}`;
}

/**
 * Builds the table of `records` (at most `maxRows` rows, default all; `truncated` tells when rows
 * were left out, `totalRows` counts all records). Columns and types come from the rows shown. A leaf
 * is any non-object value, an array, or an empty object; a record that is not an object is one cell
 * in the column with id `""` labelled `(value)`. `{"a.b":1}` and `{"a":{"b":2}}` give two columns
 * (`["a.b"]` and `a.b`). Keys such as `__proto__` are ordinary columns. Never throws.
 */
export function toTable(records: JsonValue[], options?: { maxRows?: number }): RecordTable {
  const limit = Math.max(0, Math.min(options?.maxRows ?? records.length, records.length));
  let columns: TableColumn[] = [];
  const index = new Map<string, number>();
  let rows: Array<Array<JsonValue | undefined>> = [];
  /** Per column: every value so far was `null` or `{}` (it may be the head of a column group). */
  const onlyEmpty: boolean[] = [];

  const cell = (
    row: Array<JsonValue | undefined>,
    id: string,
    label: string,
    v: JsonValue,
    empty: boolean,
  ) => {
    let at = index.get(id);
    if (at === undefined) {
      at = columns.length;
      index.set(id, at);
      columns.push({ id, label, types: [] });
      onlyEmpty.push(true);
    }
    const col = columns[at] as TableColumn;
    const t = typeOf(v);
    if (!col.types.includes(t)) col.types.push(t);
    if (!empty) onlyEmpty[at] = false;
    row[at] = v;
  };

  const walk = (
    row: Array<JsonValue | undefined>,
    v: JsonValue,
    id: string,
    label: string,
    depth: number,
  ) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && depth < MAX_COLUMN_DEPTH) {
      const keys = Object.keys(v);
      if (keys.length === 0 && depth > 0) {
        cell(row, id, label, v, true);
        return;
      }
      for (const k of keys)
        walk(row, v[k] as JsonValue, `${id}/${escapeToken(k)}`, label + labelPart(k, depth === 0), depth + 1);
      return;
    }
    cell(row, id, depth === 0 ? '(value)' : label, v, v === null && depth > 0);
  };

  for (let r = 0; r < limit; r++) {
    const row: Array<JsonValue | undefined> = [];
    walk(row, records[r] as JsonValue, '', '', 0);
    rows.push(row);
  }
  const grouped = mergeEmptyHeads(columns, rows, onlyEmpty, index);
  if (grouped) {
    columns = grouped.columns;
    rows = grouped.rows;
  }
  // Small tables get rows of full length; a wide sparse one keeps short rows (reads are the same).
  if (rows.length * columns.length <= PAD_CELLS) {
    for (const row of rows) for (let c = row.length; c < columns.length; c++) row.push(undefined);
  }
  return { columns, rows, truncated: limit < records.length, totalRows: records.length };
}

/**
 * Column groups (SEMANTICS §4 "Table view"): a key that holds `null` or `{}` in some records and an
 * object with keys in others is one group of columns (`photo.url`, `photo.size`), not a stray
 * `photo` column beside them. The head column is dropped; its group's columns move to where the
 * first of them (or the head) appeared; a record whose value was `null` reads `null` in each column
 * of the group (and the columns gain the type `null`); one whose value was `{}` has those cells
 * missing. A key that also holds a string, number, boolean or array keeps its own column. Null when
 * nothing changes (the common case costs one pass over the column ids).
 */
function mergeEmptyHeads(
  columns: TableColumn[],
  rows: Array<Array<JsonValue | undefined>>,
  onlyEmpty: boolean[],
  index: Map<string, number>,
): { columns: TableColumn[]; rows: Array<Array<JsonValue | undefined>> } | null {
  const n = columns.length;
  /** For each kept column, the heads above it (innermost first). */
  const headsOf: number[][] = new Array<number[]>(n);
  const isHead = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    const id = (columns[c] as TableColumn).id;
    const heads: number[] = [];
    for (let i = id.lastIndexOf('/'); i > 0; i = id.lastIndexOf('/', i - 1)) {
      const at = index.get(id.slice(0, i));
      if (at !== undefined && onlyEmpty[at]) heads.push(at);
    }
    headsOf[c] = heads;
    for (const h of heads) isHead[h] = 1;
  }
  if (!isHead.includes(1)) return null;
  /** Each head's kept columns, in column order. */
  const members = new Map<number, number[]>();
  for (let c = 0; c < n; c++) {
    if (isHead[c]) continue;
    for (const h of headsOf[c] as number[]) {
      const list = members.get(h);
      if (list) list.push(c);
      else members.set(h, [c]);
    }
  }
  const outermost = (c: number): number => {
    const heads = headsOf[c] as number[];
    return heads.length > 0 ? (heads[heads.length - 1] as number) : c;
  };
  const order: number[] = [];
  const placed = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    const top = outermost(c);
    if (placed[top]) continue;
    placed[top] = 1;
    if (isHead[top]) for (const m of members.get(top) ?? []) order.push(m);
    else order.push(top);
  }
  for (const row of rows) {
    for (const [h, list] of members) {
      if (row[h] !== null) continue;
      for (const m of list) {
        if (row[m] !== undefined) continue;
        row[m] = null;
        const types = (columns[m] as TableColumn).types;
        if (!types.includes('null')) types.push('null');
      }
    }
  }
  const newIndex = new Int32Array(n).fill(-1);
  order.forEach((c, k) => (newIndex[c] = k));
  const out = rows.map((row) => {
    const next: Array<JsonValue | undefined> = [];
    for (const key of Object.keys(row)) {
      const k = newIndex[Number(key)] as number;
      if (k >= 0) next[k] = row[Number(key)];
    }
    return next;
  });
  return { columns: order.map((c) => columns[c] as TableColumn), rows: out };
}

/** Written instead of a value too deeply nested for `JSON.stringify` (never from `parseJson`). */
export const TOO_DEEP_TEXT = '[nested too deeply to write]';

/** `JSON.stringify`, or null when the value overflows the stack. */
function stringify(v: JsonValue): string | null {
  try {
    return JSON.stringify(v);
  } catch {
    return null;
  }
}

/**
 * A text cell starting with one of these is read by spreadsheets as a formula (OWASP "CSV
 * injection"): such cells are written with a leading `'`, so API data is never run as a formula.
 * Numbers are not text and keep their sign.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(v: JsonValue | undefined): string {
  // A number JSON cannot carry (`1e400` parses as Infinity) is empty, as NDJSON writes it `null`.
  if (v === undefined || v === null || (typeof v === 'number' && !Number.isFinite(v))) return '';
  let s = typeof v === 'object' ? (stringify(v) ?? TOO_DEEP_TEXT) : String(v);
  if (typeof v === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Columns a CSV written by {@link csvLines} holds at most (the CLI's `--format csv`): a table of
 * 20,000 records with distinct keys would otherwise be 20,000 × 20,000 cells. Columns past the cap
 * are left out, and the caller tells the user.
 */
export const MAX_CSV_COLUMNS = 1_000;

/**
 * The lines of {@link tableToCsv} without their line ends, one at a time: the header of column
 * labels, then one line per row. Only the first `maxColumns` columns are written (default all).
 */
export function* csvLines(t: RecordTable, maxColumns = Infinity): Generator<string> {
  const n = Math.min(t.columns.length, maxColumns);
  const header: string[] = [];
  for (let c = 0; c < n; c++) header.push(csvField((t.columns[c] as TableColumn).label));
  yield header.join(',');
  for (const row of t.rows) yield row.length > SPARSE_ROW ? sparseCsvRow(row, n) : csvRow(row, n);
}

/** Rows longer than this are written from their present cells only (see {@link sparseCsvRow}). */
const SPARSE_ROW = 256;

function csvRow(row: Array<JsonValue | undefined>, n: number): string {
  const fields: string[] = [];
  for (let c = 0; c < n; c++) fields.push(csvField(row[c]));
  return fields.join(',');
}

/** A row's first `n` fields, visiting only the cells it holds (`Object.keys` lists them in order). */
function sparseCsvRow(row: Array<JsonValue | undefined>, n: number): string {
  let out = '';
  let at = 0;
  for (const key of Object.keys(row)) {
    const c = Number(key);
    if (c >= n) break;
    out += ','.repeat(c - at) + csvField(row[c]);
    at = c;
  }
  return n === 0 ? '' : out + ','.repeat(n - 1 - at);
}

/**
 * The table as RFC 4180 CSV: a header of column labels, CRLF line ends (also after the last row),
 * fields with `"`, `,`, CR or LF quoted with doubled quotes; arrays/objects as JSON (one too deep
 * for `JSON.stringify` as {@link TOO_DEEP_TEXT}); null, missing and non-finite numbers empty; text
 * starting with `=`, `+`, `-`, `@`, tab or CR prefixed with `'` (see {@link FORMULA_START}).
 */
export function tableToCsv(t: RecordTable): string {
  let out = '';
  for (const line of csvLines(t)) out += `${line}\r\n`;
  return out;
}

/**
 * One JSON document per line, each ended by `\n` (empty string for no records). A record nested too
 * deeply for `JSON.stringify` (a value built in code; `parseJson` refuses such input) is written as
 * the JSON string {@link TOO_DEEP_TEXT} instead of throwing.
 */
export function recordsToNdjson(records: JsonValue[]): string {
  let out = '';
  for (const r of records) out += (stringify(r) ?? JSON.stringify(TOO_DEEP_TEXT)) + '\n';
  return out;
}
