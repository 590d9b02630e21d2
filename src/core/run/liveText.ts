/**
 * Words of a live run (SEMANTICS.md §5 "Live run"): the API's own error message, what to check for
 * each stop, `Retry-After`, secrets masked in any text, and strict UTF-8 decoding of a page.
 */
import { invalidUtf8Offset } from '../json/sniff';
import { MASK } from '../placeholders/encode';
import type { DiagnosticParams, JsonValue } from '../types';
import type { LiveStopReason, RefusedHint } from './liveTypes';

/** Longest API error message quoted in a stop (characters). */
export const MAX_API_MESSAGE_CHARS = 200;
/** Characters of a non-JSON body quoted in a `not-json` stop. */
const MAX_QUOTE_CHARS = 60;

/**
 * C0 and C1 controls, DEL, line/paragraph separators and bidirectional controls: what a terminal
 * or a line-based reader would act on instead of showing.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with every control character written as an escape (`\n`, `\u001b`): one printable line. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * `text` with every occurrence of each non-empty secret replaced by `••••`, longest secret first
 * (so a secret that contains another is masked whole). Empty secrets are ignored.
 */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  const list = [...new Set(secrets.filter((s) => s !== ''))].sort((a, b) => b.length - a.length);
  let out = text;
  for (const s of list) out = out.split(s).join(MASK);
  return out;
}

/** Cuts `text` to `max` characters (never inside a surrogate pair), marking the cut with `…`. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

type TextDecoderLike = { decode(bytes: Uint8Array): string };
type TextDecoderCtor = new (
  label: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => TextDecoderLike;
// TextDecoder exists in browsers, workers and Node; the core's tsconfig has no DOM lib to type it.
const Decoder = (globalThis as unknown as { TextDecoder: TextDecoderCtor }).TextDecoder;

/** UTF-8 text of `bytes`, invalid sequences as U+FFFD (for messages only). */
export function lenientText(bytes: Uint8Array): string {
  return new Decoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/**
 * Strict UTF-8 decoding of a page: the text (a leading BOM kept, for the parser to report), or the
 * offset of the first byte that is not well-formed UTF-8.
 */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; offset: number } {
  const offset = invalidUtf8Offset(bytes);
  if (offset < bytes.length) return { ok: false, offset };
  return { ok: true, text: new Decoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

/** The first `max` characters of `text` as a quoted, printable snippet: `` `<!DOCTYPE html>…` ``. */
export function snippet(text: string, max = MAX_QUOTE_CHARS): string {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  return `\`${escapeControls(cut(head, max))}\``;
}

const isObject = (v: JsonValue | undefined): v is { [k: string]: JsonValue } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Message params as `maskSecrets` leaves text: secrets masked and line breaks as spaces in each string. */
export function maskParams(params: DiagnosticParams, secrets: readonly string[]): DiagnosticParams {
  const one = (v: string): string => maskSecrets(v.replace(/[\r\n]+/g, ' '), secrets);
  const out: DiagnosticParams = {};
  for (const [k, v] of Object.entries(params))
    out[k] = typeof v === 'string' ? one(v) : Array.isArray(v) ? v.map(one) : v;
  return out;
}

/** A field as message text: a non-empty string, or the `message` of an object. */
function textOf(v: JsonValue | undefined): string | undefined {
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (isObject(v)) return textOf(v['message']) ?? textOf(v['error_description']) ?? textOf(v['detail']);
  return undefined;
}

/** The message an error body carries in one of the usual JSON shapes, or undefined. */
function jsonMessage(value: JsonValue): string | undefined {
  if (!isObject(value)) {
    return Array.isArray(value) ? textOf(value[0]) : undefined;
  }
  const error = textOf(value['error']);
  const description = textOf(value['error_description']);
  // OAuth 2 (RFC 6749 §5.2): `error` is a code, `error_description` the words.
  if (typeof value['error'] === 'string' && error !== undefined && description !== undefined) {
    return `${error}: ${description}`;
  }
  const errors = value['errors'];
  const first = Array.isArray(errors) ? textOf(errors[0]) : undefined;
  return (
    textOf(value['message']) ??
    error ??
    description ??
    textOf(value['detail']) ??
    textOf(value['title']) ??
    first ??
    textOf(value['error_message']) ??
    textOf(value['msg'])
  );
}

/**
 * The API's own words in an error response, one printable line of at most 200 characters: from a
 * JSON body, the first of `message`, `error` (with `error_description`, as OAuth 2 writes them),
 * `error_description`, `detail`, `title`, `errors[0].message` (an object's `message` where a field
 * holds an object); a JSON body without one of them gives `""`; any other text gives its first non-blank line (an
 * HTML page its `<title>`, else its text without tags). Secrets
 * (`secrets`) are masked before the text is cut, control characters escaped. An empty or binary
 * body gives `""`. Never throws.
 */
export function apiErrorMessage(
  body: Uint8Array,
  contentType?: string,
  secrets: readonly string[] = [],
): string {
  const text = lenientText(body.subarray(0, 64 * 1024)).replace(/^\uFEFF/, '');
  let found: string | undefined;
  let parsed = false;
  const trimmed = text.trim();
  if (/json/i.test(contentType ?? '') || /^[{[]/.test(trimmed)) {
    try {
      found = jsonMessage(JSON.parse(trimmed) as JsonValue);
      parsed = true;
    } catch {
      found = undefined;
    }
  }
  if (found === undefined && !parsed) {
    const html = /^</.test(trimmed) || /html/i.test(contentType ?? '');
    const title = html ? /<title[^>]*>([^<]*)</i.exec(trimmed)?.[1] : undefined;
    const plain = html ? (title ?? trimmed.replace(/<[^>]*>/g, ' ')) : trimmed;
    found = plain
      .split(/\r?\n/)
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .find((l) => l !== '');
  }
  if (found === undefined || /\uFFFD/.test(found.slice(0, 8))) return '';
  return escapeControls(cut(maskSecrets(found.replace(/\s+/g, ' '), secrets), MAX_API_MESSAGE_CHARS));
}

/** Reason phrases for the statuses an API commonly answers, for a body without words. */
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** `401 bad credentials`, or `401 Unauthorized` when the API said nothing. */
export function statusText(status: number, message: string): string {
  const words = message !== '' ? message : (REASONS[status] ?? '');
  return words === '' ? String(status) : `${status} ${words}`;
}

/**
 * What to check after a stop, in words (empty for a normal stop and for `aborted`): for
 * `http-error` by status (401/403 credentials and auth type; 404 host, path and placeholder
 * values; 400/422 query parameters; 429 the rate limit; 5xx the API itself), and for the
 * transport failures the host, the timeout, the page size or the host rules.
 */
export function liveStopHint(reason: LiveStopReason, status?: number): string {
  switch (reason) {
    case 'http-error':
      if (status === 401 || status === 403)
        return 'check the credentials (expired or wrong token, key or password) and that the chosen auth type is the one this API expects';
      if (status === 404 || status === 410)
        return 'check the host, the path and the placeholder values that go into it';
      if (status === 400 || status === 422)
        return 'check the query parameters and their values (placeholders, schedule window, page size)';
      if (status === 405) return 'check the method (urlParams.method) and the path';
      if (status === 429)
        return 'the API is limiting the request rate: raise delayRequestMillis or retry later';
      if (status !== undefined && status >= 500)
        return 'the API itself failed: retry later; if it persists, check the request with the API provider';
      return "check the request against the API's documentation (host, path, parameters, credentials)";
    case 'network-error':
      return 'check the host name and that the API is reachable from this machine (DNS, proxy, firewall, TLS certificate)';
    case 'timeout':
      return 'the API did not answer in time: retry later, ask for smaller pages (limitValue) or raise the timeout';
    case 'too-large':
      return 'a live page is capped at 50 MB: ask for smaller pages (limitValue)';
    case 'refused-host':
      return 'check the host: cloud metadata addresses are always refused; loopback and private hosts need --allow-private-hosts, only for a local test API';
    case 'not-json':
      return 'check the host, path and credentials: the API answered with something that is not JSON (an HTML login or error page?)';
    case 'max-pages':
      return 'the page cap of this run stopped it, not the API: raise the cap to fetch more pages';
    case 'loop-detected':
      return 'check the pagination settings: the API returns the same next page again, so the run would never end';
    case 'blocked':
      return 'give every value the requests need (user inputs and credentials)';
    default:
      return '';
  }
}

/** A sender's failure message's stable code and values, when it came with them. */
export interface SenderCode {
  code?: string;
  params?: DiagnosticParams;
}

/**
 * The hint of a stop that a sender failure caused: for a refused host, whether it was cloud
 * metadata (never allowed) or a loopback/private host (allowed only for a local test API),
 * as the sender's code (or, without one, its message) says; otherwise {@link liveStopHint}.
 */
export function sendFailureHint(reason: LiveStopReason, message: string, sender?: SenderCode): string {
  if (reason !== 'refused-host') return liveStopHint(reason);
  return REFUSED_HINTS[refusedHint(message, sender)];
}

const REFUSED_HINTS: Record<RefusedHint, string> = {
  metadata:
    'cloud metadata addresses are always refused, even with --allow-private-hosts: check the host and where the API redirects',
  'bad-url': 'check the URL: it must be an absolute http(s) URL written the way a URL parser reads it',
  'private-host':
    'check the host: loopback and private hosts are refused unless the run allows them (--allow-private-hosts), only for a local test API',
};

/**
 * Which hint a refused host calls for: cloud metadata, a URL that cannot be sent as written, or a
 * private host. From the sender's code when it has one (the local server's door: `outbound-refused`
 * and `outbound-redirect-refused` with the host rule's code nested as `reason`), else from the
 * words of its message (an older server, which sends no code).
 */
export function refusedHint(message: string, sender?: SenderCode): RefusedHint {
  const coded = sender?.code === undefined ? null : refusedHintOf(sender.code, sender.params ?? {});
  if (coded !== null) return coded;
  if (/metadata/i.test(message)) return 'metadata';
  if (/cannot be sent as written|not an absolute|user info/i.test(message)) return 'bad-url';
  return 'private-host';
}

/** The hint a refusal's code calls for (see {@link refusedHint}), or null for another code. */
function refusedHintOf(code: string, params: DiagnosticParams): RefusedHint | null {
  switch (code) {
    case 'host-kind-refused':
    case 'outbound-address-refused':
    case 'outbound-resolves-to':
      return params['kind'] === 'metadata' ? 'metadata' : 'private-host';
    case 'url-unsendable':
    case 'url-unsendable-shown':
      return 'bad-url';
    case 'outbound-refused':
    case 'outbound-redirect-refused': {
      const inner = params['reasonCode'];
      if (typeof inner !== 'string') return null;
      const innerParams: DiagnosticParams = {};
      for (const [k, v] of Object.entries(params))
        if (k.startsWith('reason.')) innerParams[k.slice('reason.'.length)] = v;
      return refusedHintOf(inner, innerParams);
    }
    default:
      return null;
  }
}

/**
 * A `Retry-After` value (RFC 9110 §10.2.3) as a wait in ms: delay-seconds (digits only) or an
 * HTTP date (in the past → 0). Null when absent or unreadable.
 */
export function retryAfterMs(value: string | undefined, now: number): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}
