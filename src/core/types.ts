/**
 * Shared types of the Spec Studio core. Pure data: no React, DOM, or Node.
 * Every other core module and every consumer (app, worker, CLI) speaks these types.
 */

/** Any JSON value, as produced by `JSON.parse` (own properties only, no prototypes touched). */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
/** A JSON object. Keys such as `__proto__` are ordinary own properties. */
export interface JsonObject {
  [key: string]: JsonValue;
}

export type Severity = 'error' | 'warning' | 'info';

/**
 * One finding about a document. `pointer` is an RFC 6901 JSON Pointer into the document the
 * finding is about ("" is the root). `message` is written for people and is self-contained.
 */
export interface Diagnostic {
  severity: Severity;
  pointer: string;
  message: string;
  /** Stable machine code, e.g. `placeholder-undeclared`, for tests and quick fixes. */
  code?: string;
  /**
   * The values `message` is built from, by name, so a UI can word the finding in another language
   * (its message for `code` with these parameters). Every code is listed in `DIAGNOSTIC_CODES`.
   */
  params?: DiagnosticParams;
}

/** The parameters of a diagnostic's message: text, numbers, or lists of text. */
export type DiagnosticParams = Record<string, string | number | string[]>;

/** Keep/skip/wrapper settings of `contentPath` or `explodeEntityPath`, after normalising. */
export interface PathSpec {
  path: string;
  skipAttributes: string[];
  keepAttributes: string[];
  overrideWrapperAttribute?: string;
}

export type PaginationType = 'NONE' | 'OFFSET' | 'PAGE' | 'POINTER' | 'CONTINUATION_TOKEN';

/** Fields every pagination type shares, with defaults applied. */
export interface PaginationCommon {
  /** Cap on requests per run; default 10000. */
  maximumRequest: number;
  /** Pause between requests in a live run; default 0. */
  delayRequestMillis: number;
}

export type Pagination = PaginationCommon &
  (
    | { type: 'NONE' }
    | {
        type: 'OFFSET';
        limitName: string;
        limitValue: number;
        offSetName: string;
        endConditionName?: string;
        endConditionValue?: string;
      }
    | {
        type: 'PAGE';
        limitName: string;
        limitValue: number;
        pageParamName: string;
        initialPageIndex: number;
        /** A number (last page index) or a string such as `headers.x-pagecount`. */
        endPageIndex?: number | string;
      }
    | { type: 'POINTER'; limitName?: string; limitValue?: number; pointerPath: string }
    | {
        type: 'CONTINUATION_TOKEN';
        continuationTokenPath: string;
        parameterType: 'QUERYPARAM' | 'HEADERPARAM';
        parameterName: string;
      }
  );

export type Schedule =
  | { type: 'STANDARD'; startParamName: string; endParamName: string; startFormat: string; endFormat: string }
  | { type: 'ADVANCE'; paramFormat: string; incremental: string; backfill?: string };

/** One declared parameter: a property of `sourceSpec.spec` or of an `authSpec[i].spec`. */
export interface ParamDecl {
  name: string;
  /** JSON Schema type, when declared. */
  type?: string;
  /** `format: "password"`: masked wherever requests are shown. */
  secret: boolean;
  required: boolean;
  title?: string;
  description?: string;
  default?: JsonValue;
  /** `restAttributes.headerParamName` of an API-key property. */
  headerParamName?: string;
  /** Pointer of the declaration in the document. */
  pointer: string;
}

export interface AuthSpecModel {
  index: number;
  name: string;
  type: string;
  params: ParamDecl[];
}

/**
 * The typed reading of a connection spec that the runtime functions (flatten, simulate) use.
 * Built by `normalise`; missing or malformed parts are absent here and reported as diagnostics.
 */
export interface SpecModel {
  name?: string;
  type?: string;
  authSpecs: AuthSpecModel[];
  userInputs: ParamDecl[];
  urlParams: {
    host?: string;
    path: string;
    method: string;
    /** In document order. */
    queryParams: Array<[string, string]>;
  };
  /** In document order. */
  headerParams: Array<[string, string]>;
  bodyParams?: JsonValue;
  contentPath?: PathSpec;
  explodeEntityPath?: PathSpec;
  pagination: Pagination;
  schedule?: Schedule;
}

/** A position in a text: 0-based offset, 1-based line and column (UTF-16 code units). */
export interface TextPosition {
  offset: number;
  line: number;
  column: number;
}

/** A parse failure with its location. */
export interface ParseError extends TextPosition {
  /** English, ending "at line L, column C" (the CLI prints it). */
  message: string;
  length: number;
  /** Stable code (`json-…`, in DIAGNOSTIC_CODES) and the parameters of the message before "at line". */
  code?: string;
  params?: DiagnosticParams;
}

/** A non-fatal finding of the parser (duplicate keys, unsafe integers, ...). */
export interface ParseWarning extends TextPosition {
  message: string;
  length: number;
  pointer: string;
  code: 'duplicate-key' | 'unsafe-number' | 'bom';
  /** The values `message` is built from (see `Diagnostic.params`). */
  params?: DiagnosticParams;
}

export type ParseResult =
  | { ok: true; value: JsonValue; warnings: ParseWarning[] }
  | { ok: false; error: ParseError; warnings: ParseWarning[] };

/** One HTTP request of a (simulated) run. Header order is significant and kept. */
export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** Serialised JSON body (POST only). */
  body?: string;
}

/** A sample response answering one request: its JSON body and optional headers (lower-case names). */
export interface SampleResponse {
  body: JsonValue;
  headers?: Record<string, string>;
}

/** Why a run stopped. Exactly the reasons of SEMANTICS.md §5, plus `blocked` for a run that cannot start. */
export type StopReason =
  | 'single-request'
  | 'end-condition'
  | 'short-page'
  | 'end-page'
  | 'no-pointer'
  | 'no-token'
  | 'max-requests'
  | 'loop-detected'
  | 'samples-exhausted'
  | 'blocked';
