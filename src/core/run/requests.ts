/**
 * Building request 1 of a run (SEMANTICS.md §3): host + path, query parameters (spec, schedule,
 * pagination), headers (spec, auth, pagination) and the POST body, each kept twice: as sent and
 * as shown (secrets masked).
 */
import { nestedParams, type CodedText } from '../diagnosticCodes';
import { MAX_JSON_DEPTH } from '../json/parseJson';
import { tooDeepAt, tooDeepMessage } from '../json/depth';
import { encodeKeeping, isHeaderName, missingMarker } from '../placeholders/encode';
import { quoteText } from '../placeholders/hostCheck';
import { renderTemplatePair, type RenderContext } from '../placeholders/placeholders';
import type { Diagnostic, DiagnosticParams, JsonValue, ParamDecl, SpecModel } from '../types';
import { authHeaders, chooseAuth, declarationsOf, MASK, resolveValues, type DualHeader } from './auth';
import { renderBody } from './body';
import { safeQuery, upsertHeader } from './compose';
import type { RunOptions } from './runTypes';
import { resolveWindow, scheduleParts } from './schedule';

/** Text as sent and as shown. */
export interface Dual {
  real: string;
  shown: string;
}

/** Everything of request 1 except pagination, already rendered and encoded. */
export interface BaseRequest {
  method: string;
  origin: Dual;
  path: Dual;
  /** Spec and schedule query pairs, names and values already query-encoded. */
  query: Array<{ name: string; value: Dual }>;
  headers: DualHeader[];
  body?: Dual;
  diagnostics: Diagnostic[];
  /** Declared inputs without a value, shown as `‹name›` (simulation only; empty otherwise). */
  missing: string[];
}

/**
 * `code`/`params`: the failure's stable code (a diagnostic code of the `request-…` family, or
 * `run-…`/`schedule-…`) and its parameters, for the app's languages; the English is `message`.
 */
export type Fail = { ok: false; message: string; pointer: string; code?: string; params?: DiagnosticParams };

const ATTR = '/sourceSpec/attributes';
const esc = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** A key in a message: `.name`, or `[" a\r\nb"]` when it is not plain printable text. */
const field = (name: string): string => (/^[\x21-\x7e]+$/.test(name) ? `.${name}` : `[${quoteText(name)}]`);

/**
 * A rendering failure placed where it happened, with its code: `{where} needs a value for ${x}`
 * (`request-needs-value-in`), "`${x}` is used in {where} but declared in no spec.properties"
 * (`placeholder-undeclared`), else `{where}: {problem}` (`request-at`, the failure nested).
 */
function located(where: string, inner: CodedText): CodedText {
  const p = inner.params ?? {};
  switch (inner.code) {
    case 'request-needs-value':
      return {
        message: `${where} ${inner.message}`,
        code: 'request-needs-value-in',
        params: { ...p, where },
      };
    case 'request-undeclared': {
      const written = String(p.placeholder);
      const message = `\`${written}\` is used in ${where} but declared in no spec.properties`;
      return { message, code: 'placeholder-undeclared', params: { written, where } };
    }
    default:
      return {
        message: `${where}: ${inner.message}`,
        code: 'request-at',
        params: { where, ...nestedParams('problem', inner) },
      };
  }
}

const AUTH_HOST = `urlParams.host is absent, so the host comes from the auth spec's host value`;

/**
 * Renders everything of request 1 that does not depend on pagination. Fails (never throws) with
 * a message and a spec pointer when the run cannot start: unknown `authName`, an undeclared
 * placeholder, a declared parameter with neither value nor default, a host that is not a URL
 * origin (or no host at all), a bad header name or value, a date format the core cannot render.
 * A declared input without a value blocks only with `options.requireInputs` (a live run); a
 * simulation shows `‹name›` in its place and warns once per missing input (`missing-input`).
 */
export function buildBase(model: SpecModel, options: RunOptions): { ok: true; base: BaseRequest } | Fail {
  const auth = chooseAuth(model, options.authName);
  if (auth === null)
    return {
      ok: false,
      message: `no authSpec is named "${options.authName}"`,
      pointer: '/authSpec',
      code: 'run-no-auth-spec',
      params: { name: String(options.authName) },
    };
  const decls = declarationsOf(model, auth);
  const values = resolveValues(decls, options.params);
  const declared = new Set(decls.map((d) => d.name));
  const secrets = new Set(options.revealSecrets ? [] : decls.filter((d) => d.secret).map((d) => d.name));
  const mode = options.requireInputs === true ? 'error' : 'marker';
  const missing = new Set<string>();
  const win = resolveWindow(options.window, options.now);
  if (!win.ok) return { ...win, pointer: `${ATTR}/scheduleParams` };
  const sched = scheduleParts(model.schedule, win.window, options.backfill === true, values, declared, {
    secrets,
    missing: mode,
  });
  if (!sched.ok) return sched;
  sched.missing.forEach((n) => missing.add(n));
  const ctx = (encode: RenderContext['encode']): RenderContext => ({
    values,
    declared,
    engine: sched.engine,
    engineShown: sched.engineShown,
    encode,
    missing: mode,
  });
  const render = (text: string, encode: RenderContext['encode'], where: string, pointer: string) => {
    const r = renderTemplatePair(text, ctx(encode), secrets);
    if (!r.ok) return fail(where, r, pointer);
    r.missing?.forEach((n) => missing.add(n));
    return { ok: true as const, dual: { real: r.value, shown: r.display } };
  };
  const fail = (where: string, inner: CodedText, pointer: string): Fail => ({
    ok: false,
    ...located(where, inner),
    pointer,
  });
  /** A failure of one sentence with `where` among its params (code `request-…`). */
  const failAt = (where: string, message: string, code: string, pointer: string): Fail => ({
    ok: false,
    message: `${where}: ${message}`,
    pointer,
    code,
    params: { where },
  });

  let origin: Dual;
  if (model.urlParams.host !== undefined) {
    const r = render(model.urlParams.host, 'host', 'urlParams.host', `${ATTR}/urlParams/host`);
    if (!r.ok) return r;
    origin = r.dual;
  } else {
    const authHost = Object.prototype.hasOwnProperty.call(values, 'host') ? values.host : undefined;
    const where = AUTH_HOST;
    const declaresHost = auth ? auth.params.some((d) => d.name === 'host') : false;
    if (authHost === undefined && declaresHost && mode === 'marker') {
      missing.add('host');
      const marked = `https://${missingMarker('host')}`;
      origin = { real: marked, shown: marked };
    } else {
      if (authHost === undefined || !auth)
        return {
          ...failAt(where, 'but it has none', 'request-auth-host-none', `${ATTR}/urlParams`),
          params: {},
        };
      const r = renderTemplatePair(authHost, { values: {}, declared: new Set(), encode: 'host' }, new Set());
      if (!r.ok) {
        const pointer = `/authSpec/${auth.index}`;
        if (secrets.has('host')) {
          const why = 'but it is not a valid URL origin (the value is secret)';
          return { ...failAt(where, why, 'request-auth-host-secret', pointer), params: {} };
        }
        return { ok: false, ...authHostCoded(r), pointer };
      }
      const scheme = /^https?:\/\//i.exec(r.value)?.[0] ?? '';
      origin = { real: r.value, shown: secrets.has('host') ? `${scheme}${MASK}` : r.value };
    }
  }

  const path = render(model.urlParams.path, 'path', 'urlParams.path', `${ATTR}/urlParams/path`);
  if (!path.ok) return path;
  if (path.dual.real !== '' && !/^[/?#]/.test(path.dual.real)) {
    path.dual = { real: `/${path.dual.real}`, shown: `/${path.dual.shown}` };
  }

  const query: BaseRequest['query'] = [];
  for (const [name, template] of model.urlParams.queryParams) {
    const where = `urlParams.queryParams${field(name)}`;
    const pointer = `${ATTR}/urlParams/queryParams/${esc(name)}`;
    const encodedName = safeQuery(name);
    if (encodedName === null)
      return failAt(where, 'the name holds a lone UTF-16 surrogate', 'request-query-name-surrogate', pointer);
    // Rendering for 'query' first names a parameter whose value cannot be encoded; the whole
    // value (literal text included) is then one form-encoded component, as URLSearchParams does.
    const checked = render(template, 'query', where, pointer);
    if (!checked.ok) return checked;
    const r = render(template, 'raw', where, pointer);
    if (!r.ok) return r;
    const real = encodeKeeping(r.dual.real, 'query', mode === 'marker' && missing.size > 0);
    const shown = encodeKeeping(r.dual.shown, 'query', true);
    if (!real.ok || !shown.ok)
      return failAt(
        where,
        'the value holds a lone UTF-16 surrogate',
        'request-query-value-surrogate',
        pointer,
      );
    query.push({ name: encodedName, value: { real: real.value, shown: shown.value } });
  }
  for (const [name, text] of sched.query) {
    const v = safeQuery(text);
    const n = safeQuery(name);
    if (v === null || n === null)
      return failAt(
        'scheduleParams',
        'a name holds a lone surrogate',
        'request-schedule-surrogate',
        `${ATTR}/scheduleParams`,
      );
    query.push({ name: n, value: { real: v, shown: v } });
  }

  const headers: DualHeader[] = [];
  for (const [name, template] of model.headerParams) {
    const where = `headerParams${field(name)}`;
    const pointer = `${ATTR}/headerParams/${esc(name)}`;
    if (!isHeaderName(name))
      return failAt(where, 'the name is not a valid HTTP header name', 'request-header-name', pointer);
    const r = render(template, 'header', where, pointer);
    if (!r.ok) return r;
    headers.push({ name, real: r.dual.real, shown: r.dual.shown });
  }
  const authResult = authHeaders(auth, values, mode);
  if (!authResult.ok) return authResult;
  authResult.missing.forEach((n) => missing.add(n));
  for (const h of authResult.headers)
    upsertHeader(headers, options.revealSecrets ? { ...h, shown: h.real } : h);
  const p = model.pagination;
  if (
    p.type === 'CONTINUATION_TOKEN' &&
    p.parameterType === 'HEADERPARAM' &&
    !isHeaderName(p.parameterName)
  ) {
    const name = quoteText(p.parameterName);
    const message = `paginationParams.parameterName ${name} is not a valid HTTP header name, so the token cannot be sent`;
    return {
      ok: false,
      message,
      pointer: `${ATTR}/paginationParams/parameterName`,
      code: 'request-pagination-header-name',
      params: { name },
    };
  }

  const method = (model.urlParams.method || 'GET').toUpperCase();
  const base: BaseRequest = {
    method,
    origin,
    path: path.dual,
    query,
    headers,
    diagnostics: [...sched.diagnostics, ...missingWarnings(decls, missing)],
    missing: [...missing],
  };
  if (method === 'POST' && model.bodyParams !== undefined) {
    const deep = tooDeepAt(model.bodyParams);
    if (deep !== null) {
      const tooDeep = { message: tooDeepMessage(), code: 'too-deep', params: { max: MAX_JSON_DEPTH } };
      return fail('bodyParams', tooDeep, `${ATTR}/bodyParams${deep}`);
    }
    const body = renderBody(model.bodyParams as JsonValue, (text, pointer) =>
      render(text, 'raw', `bodyParams${pointer.replace(/\//g, '.')}`, `${ATTR}/bodyParams${pointer}`),
    );
    if (!body.ok) return body;
    base.body = { real: JSON.stringify(body.real), shown: JSON.stringify(body.shown) };
  }
  return { ok: true, base };
}

/**
 * The auth spec's host value is not a URL origin (or holds a placeholder): placed after
 * {@link AUTH_HOST} as {@link located} places it, with that sentence's own codes
 * (`request-auth-host-undeclared`, `request-auth-host` with the failure nested as `problem`).
 */
function authHostCoded(r: CodedText): CodedText {
  const at = located(AUTH_HOST, r);
  if (at.code === 'placeholder-undeclared')
    return {
      ...at,
      code: 'request-auth-host-undeclared',
      params: { placeholder: String(r.params?.placeholder) },
    };
  return { ...at, code: 'request-auth-host', params: nestedParams('problem', r) };
}

/** One warning per declared input that has no value, at its declaration. */
function missingWarnings(decls: ParamDecl[], missing: ReadonlySet<string>): Diagnostic[] {
  return [...missing].map((name) => ({
    severity: 'warning' as const,
    pointer: decls.find((d) => d.name === name)?.pointer ?? '',
    message: `${name} has no value: the simulated requests show ${missingMarker(name)} in its place (a live run needs a value)`,
    code: 'missing-input',
    params: { name, marker: missingMarker(name) },
  }));
}
