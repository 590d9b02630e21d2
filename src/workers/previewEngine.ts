import {
  compileJsonPath,
  encodePointer,
  flatten,
  normalise,
  parseJson,
  recordsToNdjson,
  simulate,
  tableToCsv,
  toTable,
  wrapperName,
  type FlattenResult,
  type JsonObject,
  type JsonValue,
  type PathSpec,
  type RecordTable,
  type SampleResponse,
  type SpecModel,
} from '@core';
import type { SampleMatches } from '../store/previewTypes';
import {
  FIRST_ROWS,
  MAX_MATCHES,
  MAX_TABLE_ROWS,
  POSITIONS_MAX_CHARS,
  type ParseSampleResult,
  type PreviewInput,
  type PreviewRequest,
  type PreviewResponse,
} from './previewProtocol';

/** The preview's state machine: parsed pages and the last table, behind one message handler. */
export interface PreviewEngine {
  handle(msg: PreviewRequest): Promise<PreviewResponse>;
}

/** "object with 4 keys", "array of 12 items", "string": what a parsed page holds, in a few words. */
export function describeValue(v: JsonValue): string {
  if (Array.isArray(v)) return `array of ${v.length.toLocaleString('en-US')} item${v.length === 1 ? '' : 's'}`;
  if (v === null) return 'null';
  if (typeof v === 'object') {
    const n = Object.keys(v).length;
    return `object with ${n.toLocaleString('en-US')} key${n === 1 ? '' : 's'}`;
  }
  return typeof v;
}

/** Parses one page's text; a failure is a value with its line and column. */
export function parseSampleText(pageId: string, text: string): { result: ParseSampleResult; value?: JsonValue } {
  const r = parseJson(text, { positions: text.length <= POSITIONS_MAX_CHARS });
  const warnings = r.warnings.map((w) => `line ${w.line}, column ${w.column}: ${w.message}`);
  if (!r.ok) return { result: { pageId, ok: false, size: text.length, error: r.error } };
  return { result: { pageId, ok: true, size: text.length, summary: describeValue(r.value), warnings }, value: r.value };
}

const isObject = (v: JsonValue | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

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
    if (Array.isArray(m.value)) m.value.forEach((item, i) => items.push({ pointer: `${m.pointer}/${i}`, item }));
    else items.push({ pointer: m.pointer, item: m.value });
  }
  for (const { pointer, item } of items) {
    if (out.explode.length >= MAX_MATCHES) break;
    const record: JsonObject = {};
    Object.defineProperty(record, wrapper, { value: item, enumerable: true, writable: true, configurable: true });
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

/** Creates an engine; the worker runs one, and the client runs one on the main thread without Worker. */
export function createPreviewEngine(): PreviewEngine {
  const pages = new Map<string, JsonValue>();
  let table: { id: number; table: RecordTable; records: JsonObject[] } | null = null;
  let cache: { key: string; flat: FlattenResult; table: RecordTable } | null = null;

  const preview = (id: number, input: PreviewInput): PreviewResponse => {
    const t0 = performance.now();
    const { model, diagnostics: specDiagnostics } = normalise(input.doc);
    const pageIds = input.pageIds.filter((p) => pages.has(p));
    const bodies = pageIds.map((p) => pages.get(p) ?? null);
    const key = JSON.stringify([model.contentPath ?? null, model.explodeEntityPath ?? null, pageIds]);
    if (!cache || cache.key !== key) {
      const flat = flatten(model, bodies);
      cache = { key, flat, table: toTable(flat.records, { maxRows: MAX_TABLE_ROWS }) };
    }
    const { flat, table: t } = cache;
    table = { id, table: t, records: flat.records };
    const responses: SampleResponse[] = bodies.map((body) => ({ body }));
    const run = simulate(model, input.run, responses);
    const matchBody = input.matchPageId === null ? undefined : pages.get(input.matchPageId);
    const matches =
      input.matchPageId !== null && matchBody !== undefined ? sampleMatches(model, input.matchPageId, matchBody) : null;
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
        ms: performance.now() - t0,
      },
    };
  };

  const current = (tableId: number) => (table && table.id === tableId ? table : null);

  const handle = async (msg: PreviewRequest): Promise<PreviewResponse> => {
    switch (msg.kind) {
      case 'parseSample': {
        const text = typeof msg.source === 'string' ? msg.source : await msg.source.text();
        const { result, value } = parseSampleText(msg.pageId, text);
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
      case 'export': {
        const t = current(msg.tableId);
        let text: string | null = null;
        if (t) text = msg.format === 'ndjson' ? recordsToNdjson(t.records) : tableToCsv(toTable(t.records));
        return { kind: 'export', id: msg.id, result: text };
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
