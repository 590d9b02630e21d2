import {
  compileJsonPath,
  encodePointer,
  explainRecord,
  flatten,
  normalise,
  recordsToNdjson,
  samplePathChecks,
  simulate,
  csvLines,
  MAX_CSV_COLUMNS,
  toTable,
  wrapperName,
  type FlattenConfig,
  type FlattenResult,
  type JsonObject,
  type JsonValue,
  type PathSpec,
  type RecordTable,
  type SampleResponse,
  type SpecModel,
} from '@core';
import type { SampleMatches } from '../store/previewTypes';
import { parseSampleText } from './previewParse';
import { specFromPayload } from './specPayload';
import {
  FIRST_ROWS,
  MAX_MATCHES,
  MAX_TABLE_ROWS,
  type ExplainResult,
  type ExportResult,
  type PreviewInput,
  type PreviewRequest,
  type PreviewResponse,
  type PreviewStep,
} from './previewProtocol';

/** The preview's state machine: parsed pages and the last table, behind one message handler. */
export interface PreviewEngine {
  handle(msg: PreviewRequest): Promise<PreviewResponse>;
}

export { describeValue, parseSampleText, shapeOf } from './previewParse';

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Pointers into `body` of the nodes contentPath matched and of the arrays explodeEntityPath matched. */
export function sampleMatches(model: SpecModel, pageId: string, body: JsonValue): SampleMatches {
  const out: SampleMatches = { pageId, content: [], explode: [] };
  const content = model.contentPath && compileJsonPath(model.contentPath.path);
  if (!content || !content.ok || !model.contentPath) return out;
  const matches = content.path.query(body, MAX_MATCHES);
  out.content = matches.map((m) => m.pointer);
  const explode = model.explodeEntityPath && compileJsonPath(model.explodeEntityPath.path);
  if (!explode || !explode.ok) return out;
  const spec: PathSpec = model.contentPath;
  const wrapper = wrapperName(spec);
  const prefix = encodePointer([wrapper]);
  const items: Array<{ pointer: string; item: JsonValue }> = [];
  for (const m of matches) {
    if (Array.isArray(m.value))
      m.value.forEach((item, i) => items.push({ pointer: `${m.pointer}/${i}`, item }));
    else items.push({ pointer: m.pointer, item: m.value });
  }
  for (const { pointer, item } of items) {
    if (out.explode.length >= MAX_MATCHES) break;
    const record: JsonObject = {};
    Object.defineProperty(record, wrapper, {
      value: item,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    for (const hit of explode.path.query(record, 1)) {
      if (!Array.isArray(hit.value) || !hit.pointer.startsWith(`${prefix}/`)) continue;
      const rest = hit.pointer.slice(prefix.length);
      const top = rest.split('/')[1]?.replace(/~1/g, '/').replace(/~0/g, '~') ?? '';
      const kept = spec.keepAttributes.length === 0 || spec.keepAttributes.includes(top);
      if (isObject(item) && kept && !spec.skipAttributes.includes(top)) out.explode.push(pointer + rest);
    }
  }
  return out;
}

/**
 * Reports the step a request starts now (the worker forwards it to the client's watchdog): in English
 * words, and as a value the client names in the chosen language.
 */
export type StepReporter = (id: number, step: string, code: PreviewStep) => void;

/** A step's English words (the worker's record; the UI names `step` in the chosen language). */
function stepWords(step: PreviewStep): string {
  switch (step.code) {
    case 'read-spec':
      return 'Reading the spec';
    case 'flatten':
      return `Flattening ${step.pages === 1 ? 'the sample page' : `the ${step.pages} sample pages`}`;
    case 'simulate':
      return 'Simulating the run';
    case 'highlight':
      return 'Highlighting the matches in the sample tree';
  }
}

/**
 * Creates an engine; the worker runs one, and the client runs one on the main thread without Worker.
 * `onStep` hears each step of a preview as it starts.
 */
export function createPreviewEngine(onStep: StepReporter = () => undefined): PreviewEngine {
  const pages = new Map<string, JsonValue>();
  let table: {
    id: number;
    table: RecordTable;
    records: JsonObject[];
    config: FlattenConfig;
    pageIds: string[];
    pageRecords: number[];
  } | null = null;
  let cache: { key: string; flat: FlattenResult; table: RecordTable } | null = null;

  const step = (id: number, code: PreviewStep): void => onStep(id, stepWords(code), code);

  const preview = (id: number, input: PreviewInput): PreviewResponse => {
    const t0 = performance.now();
    step(id, { code: 'read-spec' });
    const doc = specFromPayload(input);
    const { model, diagnostics: specDiagnostics } = normalise(doc);
    const pageIds = input.pageIds.filter((p) => pages.has(p));
    const bodies = pageIds.map((p) => pages.get(p) ?? null);
    const key = JSON.stringify([model.contentPath ?? null, model.explodeEntityPath ?? null, pageIds]);
    if (!cache || cache.key !== key) {
      step(id, { code: 'flatten', pages: bodies.length });
      const flat = flatten(model, bodies);
      cache = { key, flat, table: toTable(flat.records, { maxRows: MAX_TABLE_ROWS }) };
    }
    const { flat, table: t } = cache;
    table = {
      id,
      table: t,
      records: flat.records,
      config: { contentPath: model.contentPath, explodeEntityPath: model.explodeEntityPath },
      pageIds,
      pageRecords: flat.pages.map((p) => p.records),
    };
    const responses: SampleResponse[] = bodies.map((body, i) => {
      const headers = input.headers?.[pageIds[i] ?? ''];
      return headers && Object.keys(headers).length > 0 ? { body, headers } : { body };
    });
    step(id, { code: 'simulate' });
    const run = simulate(model, input.run, responses);
    const matchBody = input.matchPageId === null ? undefined : pages.get(input.matchPageId);
    if (matchBody !== undefined) step(id, { code: 'highlight' });
    const matches =
      input.matchPageId !== null && matchBody !== undefined
        ? sampleMatches(model, input.matchPageId, matchBody)
        : null;
    return {
      kind: 'preview',
      id,
      result: {
        id,
        revision: input.revision,
        pageIds,
        model,
        specDiagnostics,
        records: {
          columns: t.columns,
          totalRows: t.totalRows,
          rowCount: t.rows.length,
          truncated: t.truncated,
          firstRows: t.rows.slice(0, FIRST_ROWS),
          records: flat.records.length,
          contentItems: flat.contentItems,
          explodeMissing: flat.explodeMissing,
          explodeName: model.explodeEntityPath ? wrapperName(model.explodeEntityPath) : null,
          pages: flat.pages.map((p, i) => ({ pageId: pageIds[i] ?? '', ...p })),
          diagnostics: flat.diagnostics,
        },
        run,
        matches,
        sampleDiagnostics: samplePathChecks(doc, model, bodies),
        ms: performance.now() - t0,
      },
    };
  };

  const current = (tableId: number) => (table && table.id === tableId ? table : null);

  /** Explains record `index` of table `tableId`: finds its page, then its index within that page. */
  const explain = (tableId: number, index: number): ExplainResult | null => {
    const t = current(tableId);
    if (!t || !Number.isInteger(index) || index < 0) return null;
    let first = 0;
    for (let p = 0; p < t.pageRecords.length; p++) {
      const n = t.pageRecords[p] ?? 0;
      if (index < first + n) {
        const pageId = t.pageIds[p] ?? '';
        const body = pages.get(pageId);
        if (body === undefined) return null;
        const explanation = explainRecord(t.config, body, index - first);
        return explanation && { tableId, index, pageIndex: p, pageId, explanation };
      }
      first += n;
    }
    return null;
  };

  const handle = async (msg: PreviewRequest): Promise<PreviewResponse> => {
    switch (msg.kind) {
      case 'parseSample': {
        const text = typeof msg.source === 'string' ? msg.source : await msg.source.text();
        const { result, value } = parseSampleText(msg.pageId, text, msg.envelope === true);
        if (value === undefined) pages.delete(msg.pageId);
        else pages.set(msg.pageId, value);
        return { kind: 'parseSample', id: msg.id, result };
      }
      case 'dropSample':
        pages.delete(msg.pageId);
        return { kind: 'dropSample', id: msg.id };
      case 'preview':
        return preview(msg.id, msg);
      case 'rows': {
        const t = current(msg.tableId);
        const rows = t ? t.table.rows.slice(msg.start, msg.end) : null;
        return { kind: 'rows', id: msg.id, result: rows && { tableId: msg.tableId, start: msg.start, rows } };
      }
      case 'record':
        return { kind: 'record', id: msg.id, result: current(msg.tableId)?.records[msg.index] ?? null };
      case 'explain':
        return { kind: 'explain', id: msg.id, result: explain(msg.tableId, msg.index) };
      case 'export': {
        const t = current(msg.tableId);
        return { kind: 'export', id: msg.id, result: t ? exportText(t.records, msg.format) : null };
      }
      case 'sampleValue':
        return { kind: 'sampleValue', id: msg.id, result: pages.get(msg.pageId) };
    }
  };

  return {
    async handle(msg) {
      try {
        return await handle(msg);
      } catch (err) {
        return { kind: 'error', id: msg.id, message: err instanceof Error ? err.message : String(err) };
      }
    },
  };
}

/**
 * The records as NDJSON, or as the table view's CSV holding at most {@link MAX_CSV_COLUMNS} columns
 * (the CLI's cap); when columns are left out, `omitted` says how many (and `note`, in English: the
 * client writes it in the chosen language).
 */
export function exportText(records: JsonValue[], format: 'csv' | 'ndjson'): ExportResult {
  if (format === 'ndjson') return { text: recordsToNdjson(records) };
  const table = toTable(records);
  let text = '';
  for (const line of csvLines(table, MAX_CSV_COLUMNS)) text += `${line}\r\n`;
  const left = table.columns.length - MAX_CSV_COLUMNS;
  if (left <= 0) return { text };
  const n = (x: number): string => x.toLocaleString('en-US');
  return {
    text,
    note: `The CSV holds the first ${n(MAX_CSV_COLUMNS)} of ${n(table.columns.length)} columns; ${n(left)} are left out. Export NDJSON for every field.`,
    omitted: { kept: MAX_CSV_COLUMNS, total: table.columns.length },
  };
}
