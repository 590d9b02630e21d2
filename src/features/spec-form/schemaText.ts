/**
 * The core's section schemas in the chosen language: titles and descriptions replaced by their
 * messages (ids from src/i18n/dynamic/schema.ts), on a copy remade when the language or its loaded
 * messages change. The core keeps its English schemas; the validators ignore these annotations. Only
 * the core's own schemas are translated: a partner's schema (`sourceSpec.spec`, an auth `spec`) is
 * spec content. The JSON view's hovers and completions use the same copy (src/lib/monaco.ts).
 */
import { messagesVersion, tMaybe } from '../../i18n';
import { schemaNodeTexts } from '../../i18n/dynamic/schema';
import type { JsonObject, JsonValue, SectionInfo } from '@core';

/** The last copy made of each schema, and the language and messages it was made with. */
const memo = new WeakMap<object, { version: string; out: JsonObject }>();

const isObj = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function translateNode(node: JsonObject): JsonObject {
  const texts = schemaNodeTexts(node);
  let out: JsonObject = node;
  const set = (key: string, value: JsonValue) => {
    if (out === node) out = { ...node };
    out[key] = value;
  };
  if (texts?.title) set('title', tMaybe(texts.title.id, undefined, texts.title.english));
  if (texts?.description)
    set('description', tMaybe(texts.description.id, undefined, texts.description.english));
  const props = node['properties'];
  if (isObj(props)) {
    let copy: JsonObject | null = null;
    for (const [k, v] of Object.entries(props)) {
      if (!isObj(v)) continue;
      const t = translateNode(v);
      if (t !== v) (copy ??= { ...props })[k] = t;
    }
    if (copy) set('properties', copy);
  }
  const items = node['items'];
  if (isObj(items)) {
    const t = translateNode(items);
    if (t !== items) set('items', t);
  }
  const anyOf = node['anyOf'];
  if (Array.isArray(anyOf)) {
    const t = anyOf.map((a) => (isObj(a) ? translateNode(a) : a));
    if (t.some((a, i) => a !== anyOf[i])) set('anyOf', t);
  }
  return out;
}

/** `schema` (a core schema or part of one) with its texts in the current language. */
export function localizedSchema(schema: JsonObject): JsonObject;
export function localizedSchema(schema: JsonObject | undefined): JsonObject | undefined;
export function localizedSchema(schema: JsonObject | undefined): JsonObject | undefined {
  if (!schema) return schema;
  // Made again when the language changes or the rest of its catalogue arrives (a copy made before
  // that would keep English help for good).
  const version = messagesVersion();
  const last = memo.get(schema);
  if (last?.version === version) return last.out;
  const out = translateNode(schema);
  memo.set(schema, { version, out });
  return out;
}

/** A section's title and description in the current language. */
export function sectionText(section: SectionInfo): { title: string; description: string } {
  const s = localizedSchema(section.schema);
  const title = s['title'];
  const description = s['description'];
  return {
    title: typeof title === 'string' ? title : section.title,
    description:
      section.description === section.schema['description'] && typeof description === 'string'
        ? description
        : section.description,
  };
}
