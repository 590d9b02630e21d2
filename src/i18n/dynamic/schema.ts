/**
 * The message ids the app builds at run time for the form's JSON Schema texts (titles, descriptions).
 * `npm run i18n:check` requires a message for each and counts them as used.
 *
 * The core's schemas (src/core/schemas) stay English and UI-free; the spec form translates a copy of
 * a section's schema before handing it to rjsf (src/features/spec-form/schemaText.ts). Each text the
 * form shows gets an id derived from where it sits: `schema.<section id>.<property>….title` (the
 * section's own title and description, its properties' titles and help, the titles of `anyOf`
 * options with a `const`, the entries of a list section and the object form of an `anyOf` section).
 * A text that repeats (the many "Name" titles) keeps the id of its first occurrence, so each English
 * text is translated once. Plain data: no DOM, no catalogue (the check script imports this file).
 */
import { SECTIONS } from '@core';

type Node = Record<string, unknown>;

/** One translatable text of a schema node. */
export interface SchemaText {
  id: string;
  /** The core's English text (the English catalogue must render exactly this). */
  english: string;
}

interface SchemaIndex {
  /** Every text, each id once, in schema order. */
  texts: SchemaText[];
  /** The ids of each node's title and description. */
  byNode: WeakMap<object, { title?: SchemaText; description?: SchemaText }>;
}

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An id segment from a JSON key: letters and digits only (`$schema` → `schema`). */
const segment = (key: string): string => key.replace(/[^A-Za-z0-9]/g, '') || 'x';

let built: SchemaIndex | null = null;

function buildIndex(): SchemaIndex {
  const texts: SchemaText[] = [];
  const byNode: SchemaIndex['byNode'] = new WeakMap();
  const idOfText = new Map<string, string>();
  const add = (node: Node, path: string[], fields: ReadonlyArray<'title' | 'description'>) => {
    for (const field of fields) {
      const english = node[field];
      if (typeof english !== 'string' || english === '') continue;
      let id = idOfText.get(english);
      if (id === undefined) {
        id = `schema.${path.map(segment).join('.')}.${field}`;
        idOfText.set(english, id);
        texts.push({ id, english });
      }
      const entry = byNode.get(node) ?? {};
      entry[field] = { id, english };
      byNode.set(node, entry);
    }
  };
  for (const section of SECTIONS) {
    const root = section.schema as Node;
    const base = [section.id];
    add(root, base, ['title', 'description']);
    // The objects a form edits: the section itself, a list's entries, the object form of an anyOf.
    const forms: Array<[Node, string[]]> = [[root, base]];
    if (isNode(root['items'])) {
      add(root['items'], [...base, 'items'], ['title', 'description']);
      forms.push([root['items'], [...base, 'items']]);
    }
    if (Array.isArray(root['anyOf'])) {
      root['anyOf'].forEach((alt, i) => {
        if (!isNode(alt) || !isNode(alt['properties'])) return;
        add(alt, [...base, `anyOf${i}`], ['title', 'description']);
        forms.push([alt, [...base, `anyOf${i}`]]);
      });
    }
    for (const [form, path] of forms) {
      const properties = form['properties'];
      if (!isNode(properties)) continue;
      for (const [key, p] of Object.entries(properties)) {
        if (!isNode(p)) continue;
        add(p, [...path, key], ['title', 'description']);
        if (!Array.isArray(p['anyOf'])) continue;
        p['anyOf'].forEach((alt, i) => {
          if (isNode(alt) && alt['const'] !== undefined) add(alt, [...path, key, `anyOf${i}`], ['title']);
        });
      }
    }
  }
  return { texts, byNode };
}

function index(): SchemaIndex {
  built ??= buildIndex();
  return built;
}

/** The ids of a core schema node's title and description (undefined for a node the form never shows). */
export function schemaNodeTexts(node: object): { title?: SchemaText; description?: SchemaText } | undefined {
  return index().byNode.get(node);
}

/** Every schema text the form translates, with its id (each id once). */
export function schemaTexts(): SchemaText[] {
  return [...index().texts];
}

export function schemaMessageIds(): string[] {
  return index().texts.map((t) => t.id);
}
