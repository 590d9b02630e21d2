/**
 * Authentication in simulated requests (SEMANTICS.md §7): choosing the auth spec, the values a
 * run resolves placeholders from, secret names, and the auth headers with their masked copies.
 */
import { nestedParams } from '../diagnosticCodes';
import { headerValueCoded, isHeaderName, MASK, missingMarker } from '../placeholders/encode';
import type { AuthSpecModel, DiagnosticParams, JsonValue, ParamDecl, SpecModel } from '../types';

export { MASK };

/** A header as sent (`real`) and as shown to people (`shown`). */
export interface DualHeader {
  name: string;
  real: string;
  shown: string;
}

/**
 * The auth spec a run uses: the one whose `name` (or, failing that, `type`) equals `authName`,
 * else the first. `undefined` when the spec declares none; `null` when `authName` names none.
 */
export function chooseAuth(model: SpecModel, authName?: string): AuthSpecModel | undefined | null {
  if (authName === undefined || authName === '') return model.authSpecs[0];
  return (
    model.authSpecs.find((a) => a.name === authName) ??
    model.authSpecs.find((a) => a.type === authName) ??
    null
  );
}

/** Declarations a run resolves `${x}` from: user inputs first, then the chosen auth spec's. */
export function declarationsOf(model: SpecModel, auth: AuthSpecModel | undefined | null): ParamDecl[] {
  return [...model.userInputs, ...(auth ? auth.params : [])];
}

/**
 * Names of the secret parameters (`format: "password"`) of the user inputs and of the chosen
 * auth spec (`authName`, default the first): their values are masked wherever a request is shown.
 */
export function secretNames(model: SpecModel, authName?: string): string[] {
  const names: string[] = [];
  for (const d of declarationsOf(model, chooseAuth(model, authName))) {
    if (d.secret && !names.includes(d.name)) names.push(d.name);
  }
  return names;
}

const defaultText = (v: JsonValue | undefined): string | undefined =>
  v === undefined ? undefined : typeof v === 'string' ? v : JSON.stringify(v);

/**
 * Values by name: `params[name]` when given (own properties only), else the schema `default`
 * (non-strings as JSON). A declared name with neither stays absent, so rendering reports it.
 * The result has no prototype, so names such as `constructor` are plain data.
 */
export function resolveValues(
  decls: ParamDecl[],
  params: Record<string, string> | undefined,
): Record<string, string> {
  const values: Record<string, string> = Object.create(null) as Record<string, string>;
  const given = (name: string): string | undefined =>
    params !== undefined && Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
  for (const d of decls) {
    if (Object.prototype.hasOwnProperty.call(values, d.name)) continue;
    const v = given(d.name) ?? defaultText(d.default);
    if (typeof v === 'string') values[d.name] = v;
  }
  return values;
}

/** Base64 of the UTF-8 bytes of `text`, or null when it holds a lone surrogate. */
export function base64Utf8(text: string): string | null {
  let binary = '';
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) as number;
    if (cp >= 0xd800 && cp <= 0xdfff) return null;
    if (cp > 0xffff) i++;
    if (cp < 0x80) binary += String.fromCharCode(cp);
    else if (cp < 0x800) binary += String.fromCharCode(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000)
      binary += String.fromCharCode(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else {
      binary += String.fromCharCode(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 63),
        0x80 | ((cp >> 6) & 63),
        0x80 | (cp & 63),
      );
    }
  }
  // btoa exists in browsers and Node ≥ 16; the core's tsconfig has no DOM lib to type it.
  return (globalThis as unknown as { btoa(s: string): string }).btoa(binary);
}

/** Why the auth headers cannot be built: English `message`, and its `code` (`request-auth-…`) with `params`. */
export type AuthFailure = {
  ok: false;
  message: string;
  pointer: string;
  code: string;
  params: DiagnosticParams;
};

type AuthResult = { ok: true; headers: DualHeader[]; missing: string[] } | AuthFailure;

/**
 * The auth headers of a request: `BasicAuthentication` → `Authorization: Basic
 * base64(username:password)` (shown `Basic ••••`); `OAuth2RefreshCode` → `Authorization: Bearer
 * <accessToken>` (shown `Bearer ••••`); every property with `restAttributes.headerParamName` →
 * that header with the property's value (shown `••••` when the property is secret; an optional
 * key without a value is left out). A header name that is not an RFC 9110 token, or a value with
 * CR, LF, NUL or another control character, is an error, never sent. A missing credential is an
 * error too, unless `missing` is `marker` (a simulation): the header then shows a marked
 * placeholder (`Basic ‹base64 of username:password›`, `Bearer ‹accessToken›`, `‹authKey1›`)
 * and the names are listed in `missing`.
 */
export function authHeaders(
  auth: AuthSpecModel | undefined | null,
  values: Record<string, string>,
  missing: 'error' | 'marker' = 'error',
): AuthResult {
  const absent: string[] = [];
  if (!auth) return { ok: true, headers: [], missing: absent };
  const pointer = `/authSpec/${auth.index}`;
  const get = (name: string): string | undefined =>
    Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
  const need = (name: string): string | { message: string; code: string; params: DiagnosticParams } => {
    const v = get(name);
    if (v !== undefined) return v;
    if (missing === 'marker') {
      absent.push(name);
      return missingMarker(name);
    }
    const params = { auth: auth.name, name };
    return { message: `${auth.name} needs a value for ${name}`, code: 'request-auth-needs-value', params };
  };
  const headers: DualHeader[] = [];
  if (auth.type === 'BasicAuthentication') {
    const user = need('username');
    const pass = need('password');
    if (typeof user !== 'string') return { ok: false, ...user, pointer };
    if (typeof pass !== 'string') return { ok: false, ...pass, pointer };
    if (absent.length > 0) {
      const marked = `Basic ${missingMarker('base64 of username:password')}`;
      headers.push({ name: 'Authorization', real: marked, shown: marked });
    } else {
      const encoded = base64Utf8(`${user}:${pass}`);
      if (encoded === null) {
        return {
          ok: false,
          message: `${auth.name}: username or password holds a lone UTF-16 surrogate`,
          pointer,
          code: 'request-auth-surrogate',
          params: { auth: auth.name },
        };
      }
      headers.push({ name: 'Authorization', real: `Basic ${encoded}`, shown: `Basic ${MASK}` });
    }
  } else if (auth.type === 'OAuth2RefreshCode') {
    const token = need('accessToken');
    if (typeof token !== 'string') return { ok: false, ...token, pointer };
    const shown = absent.includes('accessToken') ? token : MASK;
    headers.push({ name: 'Authorization', real: `Bearer ${token}`, shown: `Bearer ${shown}` });
  }
  for (const p of auth.params) {
    if (p.headerParamName === undefined || p.headerParamName === '') continue;
    if (!isHeaderName(p.headerParamName)) {
      return {
        ok: false,
        message: `${auth.name}: restAttributes.headerParamName of ${p.name} is not a valid HTTP header name`,
        pointer: `${p.pointer}/restAttributes/headerParamName`,
        code: 'request-auth-header-name',
        params: { auth: auth.name, name: p.name },
      };
    }
    if (get(p.name) === undefined && !p.required) continue;
    const v = need(p.name);
    if (typeof v !== 'string') return { ok: false, ...v, pointer: p.pointer };
    const marked = absent.includes(p.name);
    headers.push({ name: p.headerParamName, real: v, shown: p.secret && !marked ? MASK : v });
  }
  for (const h of headers) {
    const problem = headerValueCoded(h.real);
    if (problem !== null) {
      return {
        ok: false,
        message: `${auth.name}: the ${h.name} header value ${problem.message}`,
        pointer,
        code: 'request-auth-header-value',
        params: { auth: auth.name, header: h.name, ...nestedParams('reason', problem) },
      };
    }
  }
  return { ok: true, headers, missing: absent };
}
