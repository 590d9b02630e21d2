/** Checks beyond the JSON Schema: paths, dates, host, auth names, categories (validate's third pass). */
import { checkDateFormat } from '../dates/formatDate';
import { wrapperName } from '../flatten/flatten';
import { nestedParams } from '../diagnosticCodes';
import { compileJsonPath, compileLoosePath, compileProblem } from '../jsonpath/jsonPath';
import { scanPlaceholders } from '../placeholders/placeholders';
import type { JsonObject, JsonValue, SpecModel } from '../types';
import { completenessChecks } from './completenessChecks';
import { invisibleChecks } from './invisibleChecks';
import { DiagnosticList, isObject, own } from './jsonUtil';
import { checkPlaceholders } from './placeholderChecks';

const A = '/sourceSpec/attributes';

/** Catalog categories of FORMAT.md §4.1 (all three lists), lower-case without spaces or hyphens. */
const CATEGORIES = new Set(
  ['advertising', 'analytics', 'consent and preferences', 'crm', 'customer success', 'database', 'e-commerce']
    .concat(['marketing automation', 'payments', 'protocols', 'cloud storage', 'streaming'])
    .map(squash),
);

function squash(s: string): string {
  return s.toLowerCase().replace(/[\s-]/g, '');
}

function str(o: JsonObject | undefined, k: string): string | undefined {
  const v = own(o, k);
  return typeof v === 'string' ? v : undefined;
}

function obj(o: JsonObject | undefined, k: string): JsonObject | undefined {
  const v = own(o, k);
  return isObject(v) ? v : undefined;
}

/** JSONPath syntax: strict RFC 9535, or (when `loose`) the `$`-less dotted form too. */
function checkPath(
  expr: string | undefined,
  pointer: string,
  label: string,
  loose: boolean,
  d: DiagnosticList,
): void {
  if (expr === undefined) return;
  const strict = compileJsonPath(expr);
  if (strict.ok) return;
  const lenient = compileLoosePath(expr);
  if (lenient.ok && loose) return;
  if (lenient.ok) {
    d.add(
      'warning',
      pointer,
      'jsonpath-loose',
      `${label} ${JSON.stringify(expr)} lacks the leading $: write $.${expr.replace(/^\./, '')}`,
      { field: label, expr: JSON.stringify(expr), fixed: `$.${expr.replace(/^\./, '')}` },
    );
    return;
  }
  d.add(
    'error',
    pointer,
    'jsonpath-invalid',
    `${label} ${JSON.stringify(expr)} is not valid JSONPath: ${strict.message} (at character ${strict.offset + 1})`,
    {
      field: label,
      expr: JSON.stringify(expr),
      ...nestedParams('detail', compileProblem(strict)),
      position: String(strict.offset + 1),
    },
  );
}

const ORIGIN = /^https?:\/\/(?:[A-Za-z0-9\-._~%!$&'()*+,;=]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?\/?$/;

function checkHost(url: JsonObject | undefined, model: SpecModel, d: DiagnosticList): void {
  const key = ['host', 'hostName', 'hostname'].find((k) => str(url, k) !== undefined);
  if (key === undefined) {
    const declares = model.authSpecs.some((a) => a.params.some((p) => p.name === 'host'));
    if (declares)
      d.add(
        'info',
        `${A}/urlParams`,
        'host-from-auth',
        "No urlParams.host: the host comes from the auth spec's host value",
      );
    else
      d.add(
        'error',
        `${A}/urlParams`,
        'host-missing',
        'No urlParams.host, and no auth spec declares a host: requests would have no host',
      );
    return;
  }
  const host = str(url, key) as string;
  const tokens = scanPlaceholders(host);
  const only = tokens.length === 1 && tokens[0] !== undefined && tokens[0].length === host.length;
  if (only && tokens[0]?.kind !== 'unterminated') return;
  let filled = '';
  let at = 0;
  for (const t of tokens) {
    filled += host.slice(at, t.offset) + 'x';
    at = t.offset + t.length;
  }
  filled += host.slice(at);
  if (!ORIGIN.test(filled.trim())) {
    d.add(
      'error',
      `${A}/urlParams/${key}`,
      'host-invalid',
      `${JSON.stringify(host)} is not a URL origin: write scheme and host only, e.g. https://api.example.com (put the rest in path)`,
      { host: JSON.stringify(host) },
    );
  }
}

function checkExplode(model: SpecModel, d: DiagnosticList): void {
  const explode = model.explodeEntityPath;
  if (explode === undefined) return;
  const wrapper = model.contentPath ? wrapperName(model.contentPath) : 'items';
  const esc = wrapper.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const ok = new RegExp(`^\\$(\\.${esc}|\\[(['"])${esc}\\2\\])(?=$|[.[])`).test(explode.path.trim());
  if (!ok) {
    d.add(
      'error',
      `${A}/explodeEntityPath/path`,
      'explode-prefix',
      `explodeEntityPath.path must start with $.${wrapper} (the wrapper of each record), e.g. $.${wrapper}.activity`,
      { wrapper },
    );
  }
}

/**
 * The semantic checks of `validate` on a document and its normalised model: placeholders, JSONPath
 * syntax, explode prefix, date formats, host origin, bodyParams without POST, duplicate auth names,
 * unknown categories. Diagnostics point at the offending value.
 */
export function semanticChecks(doc: JsonValue, model: SpecModel, d: DiagnosticList): void {
  if (!isObject(doc)) return;
  const names = new Map<string, number>();
  const auth = own(doc, 'authSpec');
  if (Array.isArray(auth)) {
    auth.forEach((e, i) => {
      const name = isObject(e) ? str(e, 'name') : undefined;
      if (name === undefined) return;
      const first = names.get(name);
      if (first !== undefined)
        d.add(
          'error',
          `/authSpec/${i}/name`,
          'auth-duplicate-name',
          `Auth spec name ${JSON.stringify(name)} is already used by authSpec[${first}]`,
          { name: JSON.stringify(name), first: String(first) },
        );
      else names.set(name, i);
    });
  }
  const attrs = obj(obj(doc, 'sourceSpec'), 'attributes');
  const ui = obj(attrs, 'uiAttributes');
  const cat = obj(ui, 'category');
  const catKey = str(cat, 'key') !== undefined ? 'key' : 'text';
  const category = str(cat, catKey);
  if (category !== undefined && !CATEGORIES.has(squash(category))) {
    d.add(
      'warning',
      `${A}/uiAttributes/category/${catKey}`,
      'category-unknown',
      `Unknown category ${JSON.stringify(category)}: Adobe lists advertising, analytics, consent and preferences, crm, customer success, database, ecommerce, marketing automation, payments, protocols`,
      { category: JSON.stringify(category) },
    );
  }
  const url = obj(attrs, 'urlParams');
  if (attrs !== undefined && own(attrs, 'urlParams') === undefined) {
    d.add('warning', A, 'url-params-missing', 'No urlParams: there is no request to build yet');
  }
  if (attrs !== undefined) checkHost(url, model, d);
  if (own(attrs, 'bodyParams') !== undefined && model.urlParams.method.toUpperCase() !== 'POST') {
    d.add(
      'warning',
      `${A}/bodyParams`,
      'body-without-post',
      `bodyParams is only sent with POST; the method is ${model.urlParams.method}`,
      { method: model.urlParams.method },
    );
  }
  const content = own(attrs, 'contentPath');
  if (typeof content === 'string') checkPath(content, `${A}/contentPath`, 'contentPath', false, d);
  else
    checkPath(str(obj(attrs, 'contentPath'), 'path'), `${A}/contentPath/path`, 'contentPath.path', false, d);
  const explode = obj(attrs, 'explodeEntityPath');
  checkPath(str(explode, 'path'), `${A}/explodeEntityPath/path`, 'explodeEntityPath.path', false, d);
  checkExplode(model, d);
  const pag = obj(attrs, 'paginationParams');
  const P = `${A}/paginationParams`;
  checkPath(str(pag, 'endConditionName'), `${P}/endConditionName`, 'endConditionName', false, d);
  checkPath(
    str(pag, 'continuationTokenPath'),
    `${P}/continuationTokenPath`,
    'continuationTokenPath',
    false,
    d,
  );
  for (const k of ['pointerPath', 'pointerName']) checkPath(str(pag, k), `${P}/${k}`, k, true, d);
  const sched = obj(attrs, 'scheduleParams');
  for (const k of ['scheduleStartParamFormat', 'scheduleEndParamFormat', 'paramFormat']) {
    const f = str(sched, k);
    if (f === undefined) continue;
    for (const x of checkDateFormat(f))
      d.add(x.severity, `${A}/scheduleParams/${k}`, `date-format-${x.severity}`, `${k}: ${x.message}`, {
        field: k,
        kind: x.kind,
        token: x.token,
        quote: x.token.charAt(0),
      });
  }
  checkPlaceholders(attrs, model, d);
  completenessChecks(doc, model, d);
  invisibleChecks(doc, d);
}
