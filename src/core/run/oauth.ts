/**
 * The OAuth 2 refresh-token exchange of a live run (FORMAT.md §3.1, issue 10): field names from
 * `requestParameterOverride`, the token request (GET query or POST form), reading the new token.
 */
import { encodeQueryComponent, headerValueCoded, MASK } from '../placeholders/encode';
import { nestedParams } from '../diagnosticCodes';
import { checkUrlSyntax } from '../placeholders/hostCheck';
import { renderTemplatePair } from '../placeholders/placeholders';
import type { HttpRequest, JsonValue } from '../types';
import { lenientText } from './liveText';

/** The field names and method of the token exchange, after `requestParameterOverride`. */
export interface TokenExchangeFields {
  /** Field of the answer holding the new access token (default `access_token`). */
  accessTokenField: string;
  /** Field carrying the refresh token (default `refresh_token`). */
  refreshTokenField: string;
  /** Field carrying the client id (default `client_id`). */
  clientIdField: string;
  /** Field carrying the client secret (default `client_secret`). */
  clientSecretField: string;
  /** GET → query string; POST (default) → `application/x-www-form-urlencoded` body. */
  authenticationMethod: 'GET' | 'POST';
}

const OVERRIDE = 'requestParameterOverride';
/** `requestParameterOverride` keys that rename a field, and the field each renames. */
const RENAMES = {
  accessTokenField: 'accessTokenField',
  refreshTokenField: 'refreshTokenField',
  clientId: 'clientIdField',
  clientSecret: 'clientSecretField',
} as const;

const isObject = (v: JsonValue | undefined): v is { [k: string]: JsonValue } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Record<string, string> | undefined, k: string): string | undefined =>
  o !== undefined && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;

function parseObject(text: string | undefined): { [k: string]: JsonValue } {
  if (text === undefined || text.trim() === '') return {};
  try {
    const v = JSON.parse(text) as JsonValue;
    return isObject(v) ? v : {};
  } catch {
    return {};
  }
}

/**
 * The token exchange's field names and method. Read from, last wins: the defaults
 * (`access_token`, `refresh_token`, `client_id`, `client_secret`, POST); the value of
 * `requestParameterOverride` (a JSON object: the run's `--param requestParameterOverride={…}`, or
 * the declaration's `default`); single run params `requestParameterOverride.<key>`. Keys are those
 * of FORMAT.md §3.1 (`accessTokenField`, `refreshTokenField`, `clientId`, `clientSecret`,
 * `authenticationMethod`); blank or non-string values are ignored, as is a method other than
 * GET/POST (any letter case), which leaves the next source's.
 */
export function tokenExchangeFields(
  values: Record<string, string>,
  params: Record<string, string> = {},
): TokenExchangeFields {
  const fields: TokenExchangeFields = {
    accessTokenField: 'access_token',
    refreshTokenField: 'refresh_token',
    clientIdField: 'client_id',
    clientSecretField: 'client_secret',
    authenticationMethod: 'POST',
  };
  const given = parseObject(own(values, OVERRIDE) ?? own(params, OVERRIDE));
  const text = (v: JsonValue | undefined): string | undefined =>
    typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  /** The single param, else the object's value (a value that does not fit is skipped). */
  const pick = (key: string, fits: (v: string) => boolean = () => true): string | undefined =>
    [text(own(params, `${OVERRIDE}.${key}`)), text(given[key])].find(
      (v): v is string => v !== undefined && fits(v),
    );
  for (const [key, field] of Object.entries(RENAMES)) {
    const v = pick(key);
    if (v !== undefined) fields[field] = v;
  }
  const method = pick('authenticationMethod', (v) => /^(GET|POST)$/i.test(v))?.toUpperCase();
  if (method === 'GET' || method === 'POST') fields.authenticationMethod = method;
  return fields;
}

/**
 * The `requestParameterOverride` a spec writes for its auth spec `authIndex`, as JSON text for the
 * run's params: the declaration's `default`/`const` object, then each sub-property's `default` or
 * `const` (a string), `const` winning. Undefined when the spec writes none. Never throws.
 */
export function requestParameterOverrideOf(doc: JsonValue, authIndex: number): string | undefined {
  const auth = isObject(doc) && Array.isArray(doc['authSpec']) ? doc['authSpec'][authIndex] : undefined;
  const spec = isObject(auth) ? auth['spec'] : undefined;
  const props = isObject(spec) ? spec['properties'] : undefined;
  const decl = isObject(props) ? props[OVERRIDE] : undefined;
  if (!isObject(decl)) return undefined;
  const out: Record<string, string> = {};
  for (const k of ['default', 'const']) {
    const v = decl[k];
    if (isObject(v)) for (const [f, x] of Object.entries(v)) if (typeof x === 'string') out[f] = x;
  }
  const sub = decl['properties'];
  if (isObject(sub)) {
    for (const [f, s] of Object.entries(sub)) {
      if (!isObject(s)) continue;
      for (const k of ['default', 'const']) if (typeof s[k] === 'string') out[f] = s[k];
    }
  }
  return Object.keys(out).length === 0 ? undefined : JSON.stringify(out);
}

/**
 * Renders a URL value of an auth spec (`accessTokenUrl`, `authorizationTestUrl`): its placeholders
 * are filled verbatim from `values` (as a host is), secret ones shown as `••••`; the result must
 * be an absolute http(s) URL that is sent as written. `what` names it in messages.
 */
export function renderAuthUrl(
  what: string,
  template: string,
  values: Record<string, string>,
  declared: ReadonlySet<string>,
  secrets: ReadonlySet<string>,
):
  | { ok: true; real: string; shown: string }
  | { ok: false; message: string; code: string; params: Record<string, string | number | string[]> } {
  const r = renderTemplatePair(template, { values, declared, encode: 'raw' }, secrets);
  if (!r.ok) {
    const params = { where: what, ...nestedParams('problem', r) };
    return { ok: false, message: `${what}: ${r.message}`, code: 'request-at', params };
  }
  const checked = checkUrlSyntax(r.value);
  if (!checked.ok) {
    // The URL's problem is nested as `problem` (worded by the app when checkUrlSyntax gives it a code).
    const params = { what, ...nestedParams('problem', checked) };
    const message = `${what} cannot be requested: ${checked.message}`;
    return { ok: false, message, code: 'request-url-unrequestable', params };
  }
  return { ok: true, real: r.value, shown: r.display };
}

/** The values of the exchange (real) and whether each is shown masked. */
export interface TokenExchangeValues {
  url: { real: string; shown: string };
  refreshToken: string;
  clientId?: string;
  clientIdSecret: boolean;
  clientSecret?: string;
}

/**
 * The token request: `grant_type=refresh_token`, the refresh token, and the client id and secret
 * when given, form-encoded; GET puts them on the URL's query, POST in an
 * `application/x-www-form-urlencoded` body. The shown copy masks the refresh token, the client
 * secret (and the client id when it is a secret).
 */
export function tokenRequest(
  v: TokenExchangeValues,
  fields: TokenExchangeFields,
): { request: HttpRequest; display: HttpRequest } {
  const pairs: Array<[string, string, boolean]> = [
    ['grant_type', 'refresh_token', false],
    [fields.refreshTokenField, v.refreshToken, true],
  ];
  if (v.clientId !== undefined && v.clientId !== '')
    pairs.push([fields.clientIdField, v.clientId, v.clientIdSecret]);
  if (v.clientSecret !== undefined && v.clientSecret !== '')
    pairs.push([fields.clientSecretField, v.clientSecret, true]);
  const form = (shown: boolean): string =>
    pairs
      .map(
        ([n, x, secret]) => `${encodeQueryComponent(n)}=${shown && secret ? MASK : encodeQueryComponent(x)}`,
      )
      .join('&');
  const join = (url: string, qs: string): string =>
    url + (url.includes('?') ? (/[?&]$/.test(url) ? '' : '&') : '?') + qs;
  if (fields.authenticationMethod === 'GET') {
    const headers = { Accept: 'application/json' };
    return {
      request: { method: 'GET', url: join(v.url.real, form(false)), headers },
      display: { method: 'GET', url: join(v.url.shown, form(true)), headers: { ...headers } },
    };
  }
  const headers = { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' };
  return {
    request: { method: 'POST', url: v.url.real, headers, body: form(false) },
    display: { method: 'POST', url: v.url.shown, headers: { ...headers }, body: form(true) },
  };
}

/**
 * The new access token in a token endpoint's answer: the string at `accessTokenField` of the JSON
 * object. A message (never quoting the body, which holds tokens) when it is not there or cannot
 * be sent in a header, with its code and params (diagnostic codes `token-answer-not-json`,
 * `token-answer-no-field` `{field}`, `token-unsendable` with the header value's problem nested).
 */
export function readAccessToken(
  body: Uint8Array,
  fields: TokenExchangeFields,
):
  | { ok: true; token: string }
  | { ok: false; message: string; code: string; params: Record<string, string | number | string[]> } {
  let value: JsonValue;
  try {
    value = JSON.parse(lenientText(body).replace(/^\uFEFF/, '')) as JsonValue;
  } catch {
    return { ok: false, message: 'the answer is not JSON', code: 'token-answer-not-json', params: {} };
  }
  const field = fields.accessTokenField;
  const token = isObject(value) ? value[field] : undefined;
  if (typeof token !== 'string' || token === '')
    return {
      ok: false,
      message: `the answer has no ${field} string`,
      code: 'token-answer-no-field',
      params: { field },
    };
  const problem = headerValueCoded(token);
  if (problem !== null)
    return {
      ok: false,
      message: `the new access token ${problem.message}`,
      code: 'token-unsendable',
      params: nestedParams('problem', problem),
    };
  return { ok: true, token };
}
