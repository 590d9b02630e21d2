import type { JsonObject, JsonValue } from '@core';
import { t } from '../../i18n';

/** One form the customer fills in: where its schema lives in the spec, and the schema itself. */
export interface CustomerSchema {
  /** Heading shown above the form. */
  title: string;
  /** Pointer of the schema in the spec (`/authSpec/0/spec`, `/sourceSpec/spec`). */
  pointer: string;
  /** The schema as written; `undefined` when absent. */
  schema: JsonValue | undefined;
}

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: JsonValue | undefined, key: string): JsonValue | undefined =>
  isObject(o) && Object.hasOwn(o, key) ? o[key] : undefined;

/** Names of the auth specs of `doc` in order (an entry without a string name is `authSpec[i]`). */
export function authNames(doc: JsonValue): string[] {
  const list = own(doc, 'authSpec');
  if (!Array.isArray(list)) return [];
  return list.map((a, i) => {
    const name = own(a, 'name');
    return typeof name === 'string' && name !== '' ? name : `authSpec[${i}]`;
  });
}

/**
 * The two forms a customer of the source fills in: the chosen auth spec’s `spec` (by name; the
 * first when `authName` is null or unknown) and `sourceSpec.spec`. The auth form is null when the
 * spec declares no authSpec.
 */
export function customerSchemas(
  doc: JsonValue,
  authName: string | null,
): { auth: CustomerSchema | null; source: CustomerSchema } {
  const names = authNames(doc);
  const found = authName === null ? -1 : names.indexOf(authName);
  const index = found >= 0 ? found : 0;
  const list = own(doc, 'authSpec');
  const auth: CustomerSchema | null =
    names.length === 0 || !Array.isArray(list)
      ? null
      : { title: names[index] ?? '', pointer: `/authSpec/${index}/spec`, schema: own(list[index], 'spec') };
  const source = {
    title: t('run.customer.sourceParameters'),
    pointer: '/sourceSpec/spec',
    schema: own(own(doc, 'sourceSpec'), 'spec'),
  };
  return { auth, source };
}

/** Why a schema cannot be shown as a form, or null when it can (an object schema). */
export function schemaProblem(schema: JsonValue | undefined, pointer: string): string | null {
  if (schema === undefined) return t('run.customer.schemaMissing', { pointer });
  if (!isObject(schema))
    return t('run.customer.schemaNotObject', {
      pointer,
      kind: Array.isArray(schema) ? 'array' : schema === null ? 'null' : typeof schema,
    });
  const type = own(schema, 'type');
  if (type !== undefined && type !== 'object')
    return t('run.customer.schemaWrongType', { pointer, type: JSON.stringify(type) });
  return null;
}

/**
 * The form key of an input named `__proto__`: rjsf builds its form state with plain objects and
 * drops that key, so the form knows the input under this alias and every value is mapped back.
 */
export const PROTO_ALIAS = '__proto__~input';

/** The run input a form key stands for (the alias of `__proto__` maps back). */
export const inputName = (formKey: string): string => (formKey === PROTO_ALIAS ? '__proto__' : formKey);

/**
 * `schema` with a top-level input named `__proto__` renamed to {@link PROTO_ALIAS} (its title kept or
 * set to "__proto__", `required` renamed along), or `schema` itself when it has none (or already
 * uses the alias as a name).
 */
export function aliasProtoInput(schema: JsonObject): JsonObject {
  const props = own(schema, 'properties');
  if (!isObject(props) || !Object.hasOwn(props, '__proto__') || Object.hasOwn(props, PROTO_ALIAS))
    return schema;
  const put = (o: JsonObject, k: string, v: JsonValue) =>
    Object.defineProperty(o, k, { value: v, enumerable: true, configurable: true, writable: true });
  const renamed: JsonObject = {};
  for (const [name, p] of Object.entries(props)) {
    if (name !== '__proto__') put(renamed, name, p);
    else put(renamed, PROTO_ALIAS, isObject(p) && !Object.hasOwn(p, 'title') ? { ...p, title: name } : p);
  }
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(schema)) put(out, k, v);
  out['properties'] = renamed;
  const required = own(schema, 'required');
  if (Array.isArray(required)) out['required'] = required.map((r) => (r === '__proto__' ? PROTO_ALIAS : r));
  return out;
}

/** Properties of an object schema, in declared order. */
function properties(schema: JsonValue | undefined): Array<[string, JsonObject]> {
  const props = own(schema, 'properties');
  if (!isObject(props)) return [];
  return Object.entries(props).filter((e): e is [string, JsonObject] => isObject(e[1]));
}

/** Whether a property declaration is hidden from the customer (`uiAttributes.hidden: true`, FORMAT.md §3). */
export function isHiddenProperty(p: JsonValue | undefined): boolean {
  return own(own(p, 'uiAttributes'), 'hidden') === true;
}

/**
 * uiSchema of a customer form: secrets (`format: password`) as password widgets, hidden properties
 * (`uiAttributes.hidden: true`, e.g. OAuth’s expirationDate) as rjsf hidden fields (no label, no
 * visible input), no submit button.
 */
export function customerUiSchema(schema: JsonValue | undefined): Record<string, unknown> {
  const ui: Record<string, unknown> = { 'ui:submitButtonOptions': { norender: true } };
  for (const [name, p] of properties(schema)) {
    const widget = isHiddenProperty(p) ? 'hidden' : own(p, 'format') === 'password' ? 'password' : null;
    if (widget)
      Object.defineProperty(ui, name, {
        value: { 'ui:widget': widget },
        enumerable: true,
        configurable: true,
        writable: true,
      });
  }
  return ui;
}

/**
 * The form’s data from the run’s text values: numbers and booleans typed as the schema declares (the
 * {@link PROTO_ALIAS} property reads the `__proto__` input).
 */
export function toFormData(
  schema: JsonValue | undefined,
  values: Record<string, string>,
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [name, p] of properties(schema)) {
    const input = inputName(name);
    if (!Object.hasOwn(values, input)) continue;
    const text = values[input] ?? '';
    if (text === '') continue;
    const type = own(p, 'type');
    let v: unknown = text;
    if ((type === 'number' || type === 'integer') && Number.isFinite(Number(text))) v = Number(text);
    else if (type === 'boolean' && (text === 'true' || text === 'false')) v = text === 'true';
    Object.defineProperty(data, name, { value: v, enumerable: true, configurable: true, writable: true });
  }
  return data;
}

/**
 * The run values a form change sets: each declared property whose text differs from `values`, as
 * text (empty for a cleared field), named as run inputs ({@link PROTO_ALIAS} as `__proto__`). Objects
 * and arrays are written as JSON.
 */
export function changedValues(
  schema: JsonValue | undefined,
  values: Record<string, string>,
  formData: Record<string, unknown>,
): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [name] of properties(schema)) {
    const v = Object.hasOwn(formData, name) ? formData[name] : undefined;
    const text = v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    const input = inputName(name);
    const before = Object.hasOwn(values, input) ? (values[input] ?? '') : '';
    if (text !== before) out.push([input, text]);
  }
  return out;
}

/**
 * Properties per rjsf form when a large flat schema is split: rjsf re-derives its whole state on
 * every keystroke, so a 2,000-property form is drawn as parts of this many (bench:ui step j).
 */
export const CUSTOMER_FORM_PART = 100;

/** Root keywords that do not relate properties to each other: a schema with only these may be split. */
const SPLITTABLE = new Set(['type', 'properties', 'required', 'title', 'description', '$schema']);

/**
 * A flat object schema with more than `size` properties as consecutive parts of `size` properties
 * (declared order kept, `required` split along, `title`/`description` on the first part only), or
 * null when it stays one form: few properties, or a root keyword that relates properties (`allOf`,
 * `if`, `dependencies`, `additionalProperties` other than false, ...).
 */
export function splitCustomerSchema(schema: JsonObject, size = CUSTOMER_FORM_PART): JsonObject[] | null {
  const props = own(schema, 'properties');
  if (!isObject(props)) return null;
  const names = Object.keys(props);
  if (names.length <= size) return null;
  for (const key of Object.keys(schema))
    if (!SPLITTABLE.has(key) && !(key === 'additionalProperties' && schema[key] === false)) return null;
  const required = own(schema, 'required');
  const req = Array.isArray(required) ? required.filter((r): r is string => typeof r === 'string') : [];
  const parts: JsonObject[] = [];
  for (let i = 0; i < names.length; i += size) {
    const part: JsonObject = { type: 'object' };
    if (i === 0) {
      for (const k of ['title', 'description'] as const)
        if (Object.hasOwn(schema, k)) part[k] = schema[k] ?? null;
    }
    const chunk: JsonObject = {};
    for (const name of names.slice(i, i + size))
      Object.defineProperty(chunk, name, {
        value: props[name],
        enumerable: true,
        configurable: true,
        writable: true,
      });
    part['properties'] = chunk;
    const r = req.filter((n) => Object.hasOwn(chunk, n));
    if (r.length > 0) part['required'] = r;
    if (schema['additionalProperties'] === false) part['additionalProperties'] = false;
    parts.push(part);
  }
  return parts;
}
