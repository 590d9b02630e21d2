import type {
  Diagnostic,
  JsonValue,
  ParseError,
  ParseWarning,
  SimulationResult,
  SpecModel,
  TableColumn,
} from '@core';
import type { EnvelopeProblem, ValueShape } from '../workers/previewProtocol';

/** Where a sample page came from (`live`: fetched by a live run). */
export type SampleOrigin = 'paste' | 'file' | 'example' | 'live';

/**
 * One sample response page as the samples panel lists it. The page's text or file lives in the
 * preview client (and its parsed value in the worker), never in the store: samples can be large.
 */
export interface SamplePage {
  id: string;
  name: string;
  origin: SampleOrigin;
  /** Size of the text in bytes (UTF-16 code units for pasted text). */
  size: number;
  status: 'parsing' | 'ok' | 'error';
  /** Set when `status` is `error`: the parse error with its line and column. */
  error?: ParseError;
  /** Set with `error` when the page is not a response envelope: why (worded when shown). */
  problem?: EnvelopeProblem;
  /**
   * What the parsed value is (with `headerCount` for an envelope page): the list words it when shown,
   * e.g. "object with 4 keys + 2 headers", in the language chosen then.
   */
  shape?: ValueShape;
  headerCount?: number;
  /** Parser warnings (duplicate keys, unsafe integers) as coded values, worded when shown. */
  parseWarnings?: ParseWarning[];
  /**
   * Pages made by earlier versions (the store and stored samples kept them): the summary and the
   * warnings as text, in the language of that time. Shown as they are when the values are missing.
   */
  summary?: string;
  warnings?: string[];
  /** Parsed as an envelope `{"headers": {...}, "body": ...}` (the page's value is the body). */
  envelope?: boolean;
  /**
   * Response headers of the page, in the order edited (names as typed; lower-cased when sent to
   * the simulation). Filled from an envelope, editable per page.
   */
  headers?: Array<[string, string]>;
  /**
   * A live page the user kept ("Keep as samples"): an ordinary sample page from then on. A live page
   * not kept is dropped when the next live run starts.
   */
  kept?: boolean;
}

/** Frequencies of a flow schedule (`POST /flows` `scheduleParams.frequency`). */
export type FlowFrequency = 'once' | 'minute' | 'hour' | 'day' | 'week';

/** A flow schedule as the Schedule tab edits it (text as typed; checked by core `scheduleRuns`). */
export interface FlowScheduleInputs {
  /** `YYYY-MM-DDTHH:mm` in UTC; empty: the next full hour. */
  start: string;
  frequency: FlowFrequency;
  /** Interval as typed; ignored for `once`. */
  interval: string;
}

/** The inputs of a simulated run, as the Requests tab edits them. */
export interface RunInputs {
  /** Values of user inputs and auth properties, by parameter name. */
  values: Record<string, string>;
  /** Name of the chosen auth spec; null: the spec's first one. */
  authName: string | null;
  /** Window bounds as `YYYY-MM-DDTHH:mm` in UTC (a datetime-local value); empty: the core's default. */
  windowStart: string;
  windowEnd: string;
  backfill: boolean;
}

export type PreviewTab =
  'samples' | 'records' | 'requests' | 'live' | 'customer' | 'schedule' | 'sample' | 'tests';

/** Records part of a preview result: the table's head and its first window of rows. */
export interface RecordsSummary {
  columns: TableColumn[];
  /** All records, counted even past the table's cap. */
  totalRows: number;
  /** Rows the table holds (at most the cap); `truncated` when fewer than `totalRows`. */
  rowCount: number;
  truncated: boolean;
  /** The first rows of the table; further rows are fetched in windows on demand. */
  firstRows: Array<Array<JsonValue | undefined>>;
  /** Number of records flattened (all of them, even past the table's cap). */
  records: number;
  contentItems: number;
  explodeMissing: number;
  /** Name of the exploded array (for "12 records had no activity entries"), when exploding. */
  explodeName: string | null;
  pages: Array<{ pageId: string; contentItems: number; records: number; explodeMissing: number }>;
  diagnostics: Diagnostic[];
}

/** Pointers of the sample nodes that contentPath and explodeEntityPath matched, for highlighting. */
export interface SampleMatches {
  pageId: string;
  content: string[];
  explode: string[];
}

/** One preview: what the spec at `revision` extracts from the sample pages and the run it makes. */
export interface PreviewResult {
  /** Id of the request this answers (rows windows are asked for by it). */
  id: number;
  revision: number;
  /** Ids of the (parsed) pages the result was computed from, in order. */
  pageIds: string[];
  model: SpecModel;
  specDiagnostics: Diagnostic[];
  records: RecordsSummary;
  run: SimulationResult;
  matches: SampleMatches | null;
  /** Findings that need the sample pages (a pagination path matching nothing in any page). */
  sampleDiagnostics?: Diagnostic[];
  ms: number;
}

/**
 * Whether the document's sample pages and run inputs are stored with it (IndexedDB, per document):
 * `restored` after pages came back from storage (how many), `failed` when a write or read was refused
 * (the pages stay in memory; `message` says why), `idle` otherwise.
 */
export interface SampleStoreStatus {
  state: 'idle' | 'restored' | 'failed';
  /** Pages restored (`restored`). */
  pages?: number;
  /** Why storing failed (`failed`). */
  message?: string;
}

export interface PreviewState {
  samplePages: SamplePage[];
  /** Whether the samples are stored with the document (see SampleStoreStatus). */
  sampleStore: SampleStoreStatus;
  runInputs: RunInputs;
  previewTab: PreviewTab;
  /** Page shown in the raw sample tree. */
  treePageId: string | null;
  previewResult: PreviewResult | null;
  /** A newer preview than the one shown is being computed. */
  previewPending: boolean;
  /**
   * Why the newest preview failed (e.g. the worker watchdog stopped a step), until one succeeds: the
   * shown result is then older than the spec, and this says why it is not updating.
   */
  previewFailure: string | null;
  /** Show secrets in the simulated requests (masked by default). */
  revealSecrets: boolean;
  flowSchedule: FlowScheduleInputs;
}

export interface PreviewActions {
  addSamplePages: (pages: SamplePage[]) => void;
  updateSamplePage: (id: string, patch: Partial<Omit<SamplePage, 'id'>>) => void;
  /** Replaces a page's response headers (name/value pairs as edited). */
  setSamplePageHeaders: (id: string, headers: Array<[string, string]>) => void;
  removeSamplePage: (id: string) => void;
  /** Moves a page up (-1) or down (+1) in the page order. */
  moveSamplePage: (id: string, delta: -1 | 1) => void;
  clearSamplePages: () => void;
  setSampleStore: (status: SampleStoreStatus) => void;
  setRunInputs: (patch: Partial<RunInputs>) => void;
  setRunValue: (name: string, value: string) => void;
  setPreviewTab: (tab: PreviewTab) => void;
  setTreePageId: (id: string | null) => void;
  /** Marks a newer preview as pending (true) or shown. */
  setPreviewPending: (pending: boolean) => void;
  /** Records why the newest preview failed (null: it succeeded). */
  setPreviewFailure: (message: string | null) => void;
  /** Shows a result; the answer to an older request than the one shown is dropped. */
  setPreviewResult: (result: PreviewResult) => void;
  setRevealSecrets: (reveal: boolean) => void;
  setFlowSchedule: (patch: Partial<FlowScheduleInputs>) => void;
}
