/**
 * Placeholders in spec strings (SEMANTICS.md §2): scanning them for validation and rendering
 * them, once, with the encoding of the place the value lands in.
 */
import { checkOrigin, encodeFor } from './encode';
import { scanPlaceholders, type PlaceholderToken } from './scan';

export { scanPlaceholders, type PlaceholderToken } from './scan';
export { encodeQueryComponent } from './encode';
export { parseIPv4, privateHostReason } from './hostCheck';

/** What `renderTemplate` fills placeholders from, and how values are encoded. */
export interface RenderContext {
  /** Parameter values by name (user inputs and the chosen auth spec's values). */
  values: Record<string, string>;
  /** Every declared parameter name (sourceSpec.spec and the chosen authSpec's properties). */
  declared: ReadonlySet<string>;
  /** Engine placeholders (`SCHEDULE_QUERY`, `START_TIME`, `END_TIME`); absent names stay verbatim. */
  engine?: Record<string, string>;
  encode: 'path' | 'query' | 'header' | 'host' | 'raw';
}

export type RenderResult =
  { ok: true; value: string; used: string[] } | { ok: false; message: string; name?: string };

/** `renderTemplatePair`'s result: the real text and the text shown to people. */
export type RenderPairResult =
  | { ok: true; value: string; display: string; used: string[] }
  | { ok: false; message: string; name?: string };

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
 * are shown as `mask` (default `••••`). Both copies come from one pass, so they always agree.
 */
export function renderTemplatePair(
  text: string,
  ctx: RenderContext,
  secrets: ReadonlySet<string>,
  mask = '••••',
): RenderPairResult {
  let value = '';
  let display = '';
  let at = 0;
  const used: string[] = [];
  for (const token of scanPlaceholders(text)) {
    const written = text.slice(token.offset, token.offset + token.length);
    const literal = text.slice(at, token.offset);
    value += literal;
    display += literal;
    at = token.offset + token.length;
    const piece = resolveToken(token, written, ctx);
    if (!piece.ok) return piece;
    if (piece.param && !used.includes(token.name)) used.push(token.name);
    value += piece.value;
    display += piece.param && secrets.has(token.name) ? mask : piece.value;
  }
  value += text.slice(at);
  display += text.slice(at);
  if (ctx.encode === 'host') {
    const origin = checkOrigin(value);
    if (origin === null) {
      const name = used[0];
      const via = name === undefined ? '' : ` (via ${'${'}${name}})`;
      return {
        ok: false,
        message: `host \`${display}\`${via} is not a valid URL origin: it needs http:// or https://, a host name, and no path, query or user info`,
        ...(name === undefined ? {} : { name }),
      };
    }
    if (origin.length < value.length) display = display.slice(0, display.length - 1);
    value = origin;
  }
  return { ok: true, value, display, used };
}

type Piece = { ok: true; value: string; param: boolean } | { ok: false; message: string; name: string };

function resolveToken(token: PlaceholderToken, written: string, ctx: RenderContext): Piece {
  const name = token.name;
  switch (token.kind) {
    case 'adf':
      return { ok: true, value: written, param: false };
    case 'unterminated':
      return { ok: false, message: `\`${written}\` is an unterminated placeholder`, name };
    case 'engine': {
      const v = own(ctx.engine, name);
      if (v === undefined) return { ok: true, value: written, param: false };
      const enc = encodeFor(v, ctx.encode);
      return enc.ok
        ? { ok: true, value: enc.value, param: false }
        : { ok: false, message: `{${name}} ${enc.reason}`, name };
    }
    case 'brace':
      if (!ctx.declared.has(name)) return { ok: true, value: written, param: false };
      break;
    default:
      if (!ctx.declared.has(name)) {
        return { ok: false, message: `\`${written}\` is declared in no spec.properties`, name };
      }
  }
  const v = own(ctx.values, name);
  if (v === undefined) return { ok: false, message: `needs a value for ${'${'}${name}}`, name };
  const enc = encodeFor(v, ctx.encode);
  if (!enc.ok) return { ok: false, message: `the value of ${'${'}${name}} ${enc.reason}`, name };
  return { ok: true, value: enc.value, param: true };
}
