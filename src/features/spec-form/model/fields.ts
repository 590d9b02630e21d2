import type { JsonObject, JsonValue } from '@core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { isObject, prop } from './json';

/**
 * How one key of a section is edited in an rjsf form:
 * - `text`, `textarea`: a string; `placeholder`: a string with `${param}` help (host, path, ...);
 * - `enum`: one of `options` (an absent value may stand for `absentAs`);
 * - `choice`: one of `options` or any other string ("Other…" shows a text input);
 * - `boolean`: a checkbox; `numberish`: an integer or a numeric string, kept in the form it had;
 * - `lines`: an array of strings edited one per line; `uiString`: `{ key }` or `{ text }` edited as a string.
 */
export type FieldKind =
  'text' | 'textarea' | 'placeholder' | 'enum' | 'choice' | 'boolean' | 'numberish' | 'lines' | 'uiString';

export interface FieldSpec {
  key: string;
  title: string;
  description?: string;
  kind: FieldKind;
  options?: readonly string[];
  /** Labels of `options`, used when the core schema gives no `anyOf: [{ const, title }]` titles. */
  optionLabels?: Readonly<Record<string, string>>;
  /** For `enum`: the option that stands for "key absent" (e.g. the standard schedule has no `type`). */
  absentAs?: string;
  /** Clearing a required field writes `""` instead of removing the key. */
  required?: boolean;
}

/** A value in the form: what rjsf edits after encoding. */
export type FormValue = string | boolean | undefined;

/**
 * Characters a form field shows at most. Laying out a 2,000,000-character description in a textarea
 * blocked the main thread 35 s; a longer value is listed as "N characters: edit it in the JSON view".
 */
export const FORM_FIELD_MAX_CHARS = 20_000;

/** Characters of text the field for `value` would hold (strings, lines, `{ key | text }`), or 0. */
export function fieldChars(value: JsonValue | undefined): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) {
    let n = 0;
    for (const v of value) n += typeof v === 'string' ? v.length + 1 : 0;
    return n;
  }
  if (isObject(value)) {
    let n = 0;
    for (const v of Object.values(value)) n += typeof v === 'string' ? v.length : 0;
    return n;
  }
  return 0;
}

/** Whether the form can show `value` for `spec` without coercing it (else: "edit in JSON"). */
export function accepts(spec: FieldSpec, value: JsonValue | undefined): boolean {
  if (value === undefined) return true;
  switch (spec.kind) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'enum':
      return typeof value === 'string' && (spec.options ?? []).includes(value);
    case 'numberish':
      return (typeof value === 'number' && Number.isInteger(value)) || typeof value === 'string';
    case 'lines':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && !v.includes('\n'));
    case 'uiString': {
      if (!isObject(value)) return false;
      const keys = Object.keys(value);
      return (
        keys.length === 1 && (keys[0] === 'key' || keys[0] === 'text') && typeof value[keys[0]] === 'string'
      );
    }
    default:
      return typeof value === 'string';
  }
}

/** Encodes a document value for the form (call only when `accepts` is true). */
export function toFormValue(spec: FieldSpec, value: JsonValue | undefined): FormValue {
  if (value === undefined) return spec.kind === 'enum' ? spec.absentAs : undefined;
  switch (spec.kind) {
    case 'boolean':
      return value === true;
    case 'numberish':
      return String(value);
    case 'lines':
      return Array.isArray(value) ? value.join('\n') : undefined;
    case 'uiString': {
      const s = prop(value, 'key') ?? prop(value, 'text');
      return typeof s === 'string' ? s : undefined;
    }
    default:
      return typeof value === 'string' ? value : undefined;
  }
}

/**
 * Decodes a form value back into the document value to write. `previous` is the value in the document:
 * a numeric string stays a string and an integer stays an integer; a `{ text }` ui string stays `{ text }`.
 * Returns undefined to remove the key.
 */
export function fromFormValue(
  spec: FieldSpec,
  form: FormValue,
  previous: JsonValue | undefined,
): JsonValue | undefined {
  if (form === undefined || form === '') {
    if (spec.kind === 'boolean') return undefined;
    return spec.required && spec.kind !== 'lines' ? '' : undefined;
  }
  if (spec.kind === 'enum' && form === spec.absentAs) return undefined;
  if (typeof form === 'boolean') return form;
  switch (spec.kind) {
    case 'numberish':
      return typeof previous !== 'string' && /^-?\d{1,15}$/.test(form.trim()) ? Number(form.trim()) : form;
    case 'lines':
      // Empty lines are kept while typing (a trailing newline must survive the round trip through the doc).
      return form.split('\n');
    case 'uiString':
      return isObject(previous) && Object.hasOwn(previous, 'text') ? { text: form } : { key: form };
    default:
      return form;
  }
}

/** The fields of a section the form can edit, and the ones whose current value it cannot represent. */
export function splitFields(
  fields: readonly FieldSpec[],
  slice: JsonValue | undefined,
): { editable: FieldSpec[]; foreign: Array<{ spec: FieldSpec; value: JsonValue }> } {
  const editable: FieldSpec[] = [];
  const foreign: Array<{ spec: FieldSpec; value: JsonValue }> = [];
  for (const spec of fields) {
    const value = prop(slice, spec.key);
    if (value === undefined || (accepts(spec, value) && fieldChars(value) <= FORM_FIELD_MAX_CHARS))
      editable.push(spec);
    else foreign.push({ spec, value });
  }
  return { editable, foreign };
}

/** The rjsf form data of a section: only the editable keys, encoded. Unknown keys never reach rjsf. */
export function formDataOf(
  fields: readonly FieldSpec[],
  slice: JsonValue | undefined,
): Record<string, FormValue> {
  const out: Record<string, FormValue> = {};
  for (const spec of fields) {
    const v = toFormValue(spec, prop(slice, spec.key));
    if (v !== undefined) out[spec.key] = v;
  }
  return out;
}

/** Keys whose encoded value differs between two form data objects (absent equals undefined). */
export function changedKeys(
  fields: readonly FieldSpec[],
  before: Record<string, FormValue>,
  after: Record<string, unknown>,
): string[] {
  return fields.filter((f) => (after[f.key] ?? undefined) !== (before[f.key] ?? undefined)).map((f) => f.key);
}

const SCHEMA_BY_KIND: Record<FieldKind, RJSFSchema> = {
  text: { type: 'string' },
  textarea: { type: 'string' },
  placeholder: { type: 'string' },
  enum: { type: 'string' },
  choice: { type: 'string' },
  boolean: { type: 'boolean' },
  numberish: { type: 'string' },
  lines: { type: 'string' },
  uiString: { type: 'string' },
};

/**
 * The rjsf schema + uiSchema of a flat section form. Titles and help come from the core's section schema
 * (`properties[key].title/description`) when it has them, else from the field spec.
 */
export function buildFormSchema(
  fields: readonly FieldSpec[],
  sectionSchema: JsonObject | undefined,
): { schema: RJSFSchema; uiSchema: UiSchema } {
  const properties: Record<string, RJSFSchema> = {};
  const uiSchema: UiSchema = { 'ui:order': fields.map((f) => f.key) };
  const coreProps = prop(sectionSchema, 'properties');
  for (const f of fields) {
    const core = prop(coreProps, f.key);
    const title = prop(core, 'title');
    const description = prop(core, 'description');
    properties[f.key] = {
      ...SCHEMA_BY_KIND[f.kind],
      title: typeof title === 'string' ? title : f.title,
      ...(f.kind === 'enum' ? { enum: [...(f.options ?? [])] } : {}),
      ...(typeof description === 'string'
        ? { description }
        : f.description
          ? { description: f.description }
          : {}),
    };
    const ui: UiSchema = {};
    if (f.kind === 'enum') ui['ui:enumNames'] = enumLabels(f, core);
    if (f.kind === 'textarea' || f.kind === 'lines') ui['ui:widget'] = 'textarea';
    if (f.kind === 'lines') ui['ui:placeholder'] = 'one per line';
    if (f.kind === 'placeholder') ui['ui:widget'] = 'placeholder';
    if (f.kind === 'choice') {
      ui['ui:widget'] = 'choice';
      ui['ui:options'] = { choices: [...(f.options ?? [])], choiceLabels: enumLabels(f, core) };
    }
    if (f.required && f.kind !== 'boolean') ui['ui:emptyValue'] = '';
    uiSchema[f.key] = ui;
  }
  return { schema: { type: 'object', properties }, uiSchema };
}

/** Option labels of an enum field: the core schema's `anyOf` const titles, else the spec's labels. */
function enumLabels(f: FieldSpec, core: JsonValue | undefined): string[] {
  const titles: Record<string, string> = { ...(f.optionLabels ?? {}) };
  const anyOf = prop(core, 'anyOf');
  if (Array.isArray(anyOf)) {
    for (const alt of anyOf) {
      const c = prop(alt, 'const');
      const t = prop(alt, 'title');
      if (typeof c === 'string' && typeof t === 'string') titles[c] = t;
    }
  }
  return (f.options ?? []).map((o) => titles[o] ?? o);
}
