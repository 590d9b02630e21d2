/**
 * Placeholders in spec strings (SEMANTICS.md §2): scanning them for validation and rendering
 * them, once, with the encoding of the place the value lands in.
 */
import { nestedParams } from '../diagnosticCodes';
import type { DiagnosticParams } from '../types';
import {
  checkOrigin,
  encodeFor,
  encodeKeeping,
  MASK,
  missingMarker,
  replaceMarkers,
  type Encoded,
} from './encode';
import { scanPlaceholders, type PlaceholderToken } from './scan';

export { scanPlaceholders, type PlaceholderToken } from './scan';
export {
  encodeQueryComponent,
  encodeKeeping,
  headerValueCoded,
  headerValueProblem,
  isHeaderName,
  MASK,
  missingMarker,
} from './encode';
export {
  checkUrlSyntax,
  classifyAddress,
  classifyTarget,
  HOST_KIND_LABEL,
  parseIPv4,
  parseUrl,
  privateHostReason,
  quoteText,
  type HostKind,
  type ParsedUrl,
  type TargetOptions,
  type TargetVerdict,
} from './hostCheck';

/** What `renderTemplate` fills placeholders from, and how values are encoded. */
export interface RenderContext {
  /** Parameter values by name (user inputs and the chosen auth spec's values). */
  values: Record<string, string>;
  /** Every declared parameter name (sourceSpec.spec and the chosen authSpec's properties). */
  declared: ReadonlySet<string>;
  /** Engine placeholders (`SCHEDULE_QUERY`, `START_TIME`, `END_TIME`); absent names stay verbatim. */
  engine?: Record<string, string>;
  /** Engine values as shown to people (secrets masked); default `engine`. */
  engineShown?: Record<string, string>;
  encode: 'path' | 'query' | 'header' | 'host' | 'raw';
  /**
   * A declared name without a value: `error` (default) fails; `marker` renders `‹name›` in both
   * copies (a simulation, which sends nothing) and lists the name in `missing`.
   */
  missing?: 'error' | 'marker';
}

/**
 * Why a template cannot be rendered: the English `message`, and its `code` (a diagnostic code of the
 * `request-…` family, see DIAGNOSTIC_CODES) with `params` for the app's languages.
 */
export type RenderFailure = {
  ok: false;
  message: string;
  name?: string;
  code: string;
  params: DiagnosticParams;
};

export type RenderResult = { ok: true; value: string; used: string[] } | RenderFailure;

/** `renderTemplatePair`'s result: the real text and the text shown to people. */
export type RenderPairResult =
  { ok: true; value: string; display: string; used: string[]; missing?: string[] } | RenderFailure;

const own = (o: Record<string, string> | undefined, k: string): string | undefined =>
  o !== undefined && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;

/**
 * Renders `text` in a single pass: each placeholder is replaced once and inserted values are
 * never scanned again (a value holding `${x}`, `{START_TIME}`, `$&` or `$$` lands literally).
 * `${x}`, `{{x}}` and a bare `{x}` whose x is declared resolve from `ctx.values`; an undeclared
 * `${x}`/`{{x}}` or a declared name without a value → `{ok:false}` naming it ("needs a value for
 * ${x}"); an undeclared `{x}` is plain text. Engine placeholders come only from `ctx.engine`
 * (verbatim when absent there); ADF `@{…}` is verbatim; an unterminated `${x` is an error.
 * Values are encoded per `ctx.encode` (see encode.ts); for `host` the whole result must be a URL
 * origin, returned without a trailing slash.
 */
export function renderTemplate(text: string, ctx: RenderContext): RenderResult {
  const r = renderTemplatePair(text, ctx, new Set());
  return r.ok ? { ok: true, value: r.value, used: r.used } : r;
}

/**
 * `renderTemplate` that also builds a display copy in which the values of the `secrets` names
 * are shown as `mask` (default `••••`) and engine values as `ctx.engineShown` gives them. Both
 * copies come from one pass, so they always agree. With `ctx.missing: 'marker'` a declared name
 * without a value renders as `‹name›` (unencoded, in both copies) and is listed in `missing`.
 */
export function renderTemplatePair(
  text: string,
  ctx: RenderContext,
  secrets: ReadonlySet<string>,
  mask = MASK,
): RenderPairResult {
  let value = '';
  let display = '';
  let at = 0;
  const used: string[] = [];
  const missing: string[] = [];
  for (const token of scanPlaceholders(text)) {
    const written = text.slice(token.offset, token.offset + token.length);
    const literal = text.slice(at, token.offset);
    value += literal;
    display += literal;
    at = token.offset + token.length;
    const piece = resolveToken(token, written, ctx);
    if (!piece.ok) return piece;
    if (piece.param && !used.includes(token.name)) used.push(token.name);
    if (piece.missing && !missing.includes(token.name)) missing.push(token.name);
    value += piece.value;
    display += piece.param && secrets.has(token.name) && !piece.missing ? mask : piece.shown;
  }
  value += text.slice(at);
  display += text.slice(at);
  if (ctx.encode === 'host') {
    const origin = checkOrigin(missing.length > 0 ? replaceMarkers(value, 'x') : value);
    if (origin === null) {
      const name = used[0];
      const via = name === undefined ? '' : ` (via ${'${'}${name}})`;
      return {
        ok: false,
        message: `host \`${display}\`${via} is not a valid URL origin: it needs http:// or https://, a host name, and no path, query or user info`,
        ...(name === undefined
          ? { code: 'request-host-not-origin', params: { host: display } }
          : {
              name,
              code: 'request-host-not-origin-via',
              params: { host: display, placeholder: `${'${'}${name}}`, name },
            }),
      };
    }
    if (value.endsWith('/')) {
      value = value.slice(0, -1);
      display = display.slice(0, -1);
    }
  }
  return { ok: true, value, display, used, ...(missing.length > 0 ? { missing } : {}) };
}

type Piece =
  | { ok: true; value: string; shown: string; param: boolean; missing?: boolean }
  | (RenderFailure & { name: string });

/** A value that cannot be encoded: `<subject> <reason>`, the reason nested under `reason`. */
function unencodable(
  code: 'request-engine-unencodable' | 'request-value-unencodable',
  subject: string,
  placeholder: string,
  name: string,
  enc: Extract<Encoded, { ok: false }>,
): Piece {
  const reason = nestedParams('reason', { message: enc.reason, code: enc.code, params: enc.params });
  return {
    ok: false,
    message: `${subject} ${enc.reason}`,
    name,
    code,
    params: { placeholder, name, ...reason },
  };
}

const verbatim = (value: string, param = false): Piece => ({ ok: true, value, shown: value, param });

function resolveToken(token: PlaceholderToken, written: string, ctx: RenderContext): Piece {
  const name = token.name;
  switch (token.kind) {
    case 'adf':
      return verbatim(written);
    case 'unterminated':
      return {
        ok: false,
        message: `\`${written}\` is an unterminated placeholder`,
        name,
        code: 'request-unterminated',
        params: { placeholder: written },
      };
    case 'engine': {
      const v = own(ctx.engine, name);
      if (v === undefined) return verbatim(written);
      const enc = encodeKeeping(v, ctx.encode, ctx.missing === 'marker');
      const shown = encodeKeeping(own(ctx.engineShown, name) ?? v, ctx.encode, true);
      if (!enc.ok) return unencodable('request-engine-unencodable', `{${name}}`, `{${name}}`, name, enc);
      return { ok: true, value: enc.value, shown: shown.ok ? shown.value : MASK, param: false };
    }
    case 'brace':
      if (!ctx.declared.has(name)) return verbatim(written);
      break;
    default:
      if (!ctx.declared.has(name)) {
        return {
          ok: false,
          message: `\`${written}\` is declared in no spec.properties`,
          name,
          code: 'request-undeclared',
          params: { placeholder: written },
        };
      }
  }
  const v = own(ctx.values, name);
  if (v === undefined) {
    if (ctx.missing !== 'marker') {
      const placeholder = `${'${'}${name}}`;
      return {
        ok: false,
        message: `needs a value for ${placeholder}`,
        name,
        code: 'request-needs-value',
        params: { placeholder, name },
      };
    }
    return { ...verbatim(missingMarker(name), true), missing: true } as Piece;
  }
  const enc = encodeFor(v, ctx.encode);
  if (!enc.ok) {
    const placeholder = `${'${'}${name}}`;
    return unencodable('request-value-unencodable', `the value of ${placeholder}`, placeholder, name, enc);
  }
  return verbatim(enc.value, true);
}
