/**
 * `normalise`: the one tolerant reading of a connection spec (SEMANTICS §1). It never mutates its input
 * and never drops a key; legacy forms are read with a diagnostic.
 */
import { tooDeepAt, tooDeepMessage } from '../json/depth';
import { MAX_JSON_DEPTH } from '../json/parseJson';
import type { Diagnostic, JsonValue, SpecModel } from '../types';
import { DiagnosticList, isObject, own } from './jsonUtil';
import { modernise } from './modernise';
import { readAuthSpecs, readUserInputs } from './readParams';
import { DEFAULT_MAXIMUM_REQUEST, readPagination } from './readPagination';
import { checkUiStrings, readParamMap, readPathSpec, readUrlParams } from './readRequest';
import { readSchedule } from './readSchedule';

export { modernise } from './modernise';

/** The model of an empty or unreadable document. */
export function emptyModel(): SpecModel {
  return {
    authSpecs: [],
    userInputs: [],
    urlParams: { path: '', method: 'GET', queryParams: [] },
    headerParams: [],
    pagination: { type: 'NONE', maximumRequest: DEFAULT_MAXIMUM_REQUEST, delayRequestMillis: 0 },
  };
}

/**
 * Reads a connection spec tolerantly (SEMANTICS §1's table).
 *
 * - `spec`: a copy of `doc` with legacy forms rewritten as by {@link modernise} (unknown keys and key
 *   order kept). Export must still write the user's document, not this copy.
 * - `model`: the typed reading used by flatten and simulate. Defaults: method GET, pagination NONE,
 *   maximumRequest 10000, delayRequestMillis 0, initialPageIndex 0, schedule formats
 *   `yyyy-MM-ddTHH:mm:ssZ`. Parts that cannot be read are absent (or NONE for pagination).
 * - `diagnostics`: legacy forms (info/warning), unreadable values (error), each with a pointer.
 *
 * A document that is not an object gives one error at "" and an empty model. A document nested
 * deeper than `MAX_JSON_DEPTH` (possible only for a value that did not come through `parseJson`)
 * gives one `too-deep` error at the place, an empty model, and `spec` = `doc` itself: it is never
 * walked recursively. Never throws.
 */
export function normalise(doc: JsonValue): { spec: JsonValue; model: SpecModel; diagnostics: Diagnostic[] } {
  const d = new DiagnosticList();
  const model = emptyModel();
  if (!isObject(doc)) {
    d.add('error', '', 'not-object', 'A connection spec must be a JSON object', { kind: 'value' });
    return { spec: modernise(doc), model, diagnostics: d.items };
  }
  const deep = tooDeepAt(doc);
  if (deep !== null) {
    d.add('error', deep, 'too-deep', tooDeepMessage(), { max: MAX_JSON_DEPTH });
    return { spec: doc, model, diagnostics: d.items };
  }
  const name = own(doc, 'name');
  if (typeof name === 'string') model.name = name;
  const type = own(doc, 'type');
  if (typeof type === 'string') model.type = type;
  model.authSpecs = readAuthSpecs(own(doc, 'authSpec'), d);
  const source = own(doc, 'sourceSpec');
  const attrs = isObject(source) ? own(source, 'attributes') : undefined;
  if (isObject(attrs)) {
    checkUiStrings(own(attrs, 'uiAttributes'), d);
    model.urlParams = readUrlParams(own(attrs, 'urlParams'), d);
    model.headerParams = readParamMap(
      own(attrs, 'headerParams'),
      '/sourceSpec/attributes/headerParams',
      'Headers',
      d,
    );
    const body = own(attrs, 'bodyParams');
    if (body !== undefined) model.bodyParams = body;
    const content = readPathSpec(own(attrs, 'contentPath'), 'contentPath', d);
    if (content !== undefined) model.contentPath = content;
    const explode = readPathSpec(own(attrs, 'explodeEntityPath'), 'explodeEntityPath', d);
    if (explode !== undefined) model.explodeEntityPath = explode;
    model.pagination = readPagination(
      own(attrs, 'paginationParams'),
      '/sourceSpec/attributes/paginationParams',
      d,
    );
    const schedule = readSchedule(own(attrs, 'scheduleParams'), '/sourceSpec/attributes/scheduleParams', d);
    if (schedule !== undefined) model.schedule = schedule;
  }
  model.userInputs = isObject(source) ? readUserInputs(own(source, 'spec'), d) : [];
  return { spec: modernise(doc), model, diagnostics: d.items };
}
