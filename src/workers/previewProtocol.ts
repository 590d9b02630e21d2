import type {
  JsonObject,
  JsonValue,
  ParseError,
  ParseWarning,
  RecordExplanation,
  RunOptions,
  SpecModel,
} from '@core';
import type { PreviewResult } from '../store/previewTypes';
import type { SpecPayload } from './specPayload';

/** Rows kept in the worker's table (the rest are counted, `truncated` is set). */
export const MAX_TABLE_ROWS = 200_000;
/** Rows sent with a preview result; the table asks for further windows on demand. */
export const FIRST_ROWS = 200;
/** Highlights computed for the sample tree at most (per path). */
export const MAX_MATCHES = 5_000;

/**
 * Input of one preview: the spec at `revision` (as text while it parses, see specPayload.ts), the parsed
 * pages in order, the run inputs.
 */
export type PreviewInput = PreviewInputBase & SpecPayload;

interface PreviewInputBase {
  revision: number;
  pageIds: string[];
  run: RunOptions;
  /** Page whose contentPath / explodeEntityPath matches are wanted (the sample tree). */
  matchPageId: string | null;
  /** Response headers of pages that have any, by page id (lower-case names). */
  headers?: Record<string, Record<string, string>>;
}

/** Why one record of a preview's table is what it is, with the page it came from. */
/**
 * An export's text, and a note for the user when it does not hold everything (CSV column cap):
 * `omitted` says it as numbers (the worker has no language), `note` in words (in English from the
 * worker; in the chosen language from the client).
 */
export interface ExportResult {
  text: string;
  note?: string;
  omitted?: { kept: number; total: number };
}

export interface ExplainResult {
  tableId: number;
  index: number;
  /** 0-based position of the page among the parsed pages of the preview, and its id. */
  pageIndex: number;
  pageId: string;
  explanation: RecordExplanation;
}

/** Messages the main thread sends to the preview worker. */
export type PreviewRequest =
  | { kind: 'parseSample'; id: number; pageId: string; source: string | Blob; envelope?: boolean }
  | { kind: 'dropSample'; id: number; pageId: string }
  | ({ kind: 'preview'; id: number } & PreviewInput)
  | { kind: 'rows'; id: number; tableId: number; start: number; end: number }
  | { kind: 'record'; id: number; tableId: number; index: number }
  | { kind: 'explain'; id: number; tableId: number; index: number }
  | { kind: 'export'; id: number; tableId: number; format: 'csv' | 'ndjson' }
  | { kind: 'sampleValue'; id: number; pageId: string };

/** What a parsed page holds (shown as "array of 12 items" in the chosen language). */
export type ValueShape =
  { type: 'array' | 'object'; count: number } | { type: 'null' | 'string' | 'number' | 'boolean' };

/** Why a page is not a response envelope `{"headers": {...}, "body": ...}`. */
export type EnvelopeProblem =
  | { code: 'no-body' }
  | { code: 'headers-not-object' }
  /** `value` as JSON text. */
  | { code: 'header-not-string'; name: string; value: string };

/**
 * Result of parsing one sample page. The worker has no language: `shape`, `headerCount`,
 * `parseWarnings` and `problem` say it as values, and the client writes `summary`, `warnings` and an
 * envelope error's message from them in the chosen language (the worker's are English).
 */
export type ParseSampleResult =
  | {
      pageId: string;
      ok: true;
      size: number;
      summary: string;
      warnings: string[];
      shape?: ValueShape;
      /** Headers of an envelope page: how many. */
      headerCount?: number;
      parseWarnings?: ParseWarning[];
      /** Headers of an envelope page (lower-case names). */
      headers?: Record<string, string>;
    }
  | { pageId: string; ok: false; size: number; error: ParseError; problem?: EnvelopeProblem };

/** Rows `start`..`end` (exclusive) of the table computed by preview request `tableId`. */
export interface RowsResult {
  tableId: number;
  start: number;
  rows: Array<Array<JsonValue | undefined>>;
}

/**
 * A preview result as the worker posts it: without the model when it equals the model of the
 * previous preview this worker answered (`sameModel`); the client puts that one back.
 */
export type PreviewWireResult = Omit<PreviewResult, 'model'> &
  ({ model: SpecModel; sameModel?: undefined } | { model?: undefined; sameModel: true });

/** Messages the preview worker answers with (tagged with the request id). */
export type PreviewResponse =
  | { kind: 'parseSample'; id: number; result: ParseSampleResult }
  | { kind: 'dropSample'; id: number }
  | { kind: 'preview'; id: number; result: PreviewResult }
  | { kind: 'rows'; id: number; result: RowsResult | null }
  | { kind: 'record'; id: number; result: JsonObject | null }
  | { kind: 'explain'; id: number; result: ExplainResult | null }
  | { kind: 'export'; id: number; result: ExportResult | null }
  | { kind: 'sampleValue'; id: number; result: JsonValue | undefined }
  | { kind: 'error'; id: number; message: string };

/** A step of a preview, as a value (the client names it in the chosen language). */
export type PreviewStep =
  { code: 'read-spec' } | { code: 'flatten'; pages: number } | { code: 'simulate' } | { code: 'highlight' };

/**
 * What the preview worker posts besides answers: progress (the step it starts now, which restarts the
 * watchdog's clock and names the step if it is stopped) and the acknowledgement of a preview that a newer
 * one superseded before it started (so no request stays unanswered). `step` is the step in English,
 * `code` the same as a value (the client names the step from it when present).
 */
export type PreviewProgress =
  { kind: 'step'; id: number; step: string; code?: PreviewStep } | { kind: 'skipped'; id: number };

/** An answer as the worker posts it: a preview's model may be left out (see PreviewWireResult). */
export type PreviewWireResponse =
  Exclude<PreviewResponse, { kind: 'preview' }> | { kind: 'preview'; id: number; result: PreviewWireResult };

/** Every message the preview worker posts. */
export type PreviewWorkerMessage = PreviewWireResponse | PreviewProgress;

/** The result type of each request kind. */
export interface PreviewResultOf {
  parseSample: ParseSampleResult;
  dropSample: undefined;
  preview: PreviewResult;
  rows: RowsResult | null;
  record: JsonObject | null;
  explain: ExplainResult | null;
  export: ExportResult | null;
  sampleValue: JsonValue | undefined;
}

export type PreviewKind = PreviewRequest['kind'];

/**
 * Which requests supersede each other: a newer request with the same key makes an older one's
 * answer stale. Sample pages are parsed independently, so their key includes the page.
 */
export function supersedeKey(msg: PreviewRequest): string {
  return msg.kind === 'parseSample' || msg.kind === 'dropSample' ? `sample:${msg.pageId}` : msg.kind;
}
