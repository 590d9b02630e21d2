import { getAt, joinPointer, scanPlaceholders } from '@core';
import type { JsonObject, JsonValue, SectionInfo } from '@core';
import { isObject, prop } from './json';

/** Where user inputs and auth specs live, taken from the core's SECTIONS (with Adobe's defaults). */
export function paramRoots(sections: readonly SectionInfo[]): { userInputs: string; authSpec: string } {
  return {
    userInputs: sections.find((s) => s.id === 'userInputs')?.pointer ?? '/sourceSpec/spec',
    authSpec: sections.find((s) => s.id === 'authSpec')?.pointer ?? '/authSpec',
  };
}

/** Names a `${name}` may use: `sourceSpec.spec.properties` then every `authSpec[i].spec.properties`, deduplicated. */
export function declaredParams(doc: JsonValue, roots: { userInputs: string; authSpec: string }): string[] {
  const names = new Set<string>();
  const add = (spec: JsonValue | undefined) => {
    const props = prop(spec, 'properties');
    if (isObject(props)) for (const k of Object.keys(props)) names.add(k);
  };
  add(getAt(doc, roots.userInputs));
  const auth = getAt(doc, roots.authSpec);
  if (Array.isArray(auth)) for (const entry of auth) add(prop(entry, 'spec'));
  return [...names];
}

/** `${name}` tokens in `text` whose name is not declared, in order, each name once. */
export function undeclaredParams(text: string, declared: readonly string[]): string[] {
  const known = new Set(declared);
  const out: string[] = [];
  for (const token of scanPlaceholders(text)) {
    if (token.kind === 'param' && token.name !== '' && !known.has(token.name) && !out.includes(token.name)) {
      out.push(token.name);
    }
  }
  return out;
}

/**
 * The `${` being typed at `caret`: its start offset (of `${`) and the partial name typed so far,
 * or null when the caret is not inside an open `${...`.
 */
export function openPlaceholderAt(text: string, caret: number): { start: number; partial: string } | null {
  const before = text.slice(0, caret);
  const match = /\$\{([A-Za-z0-9_.-]*)$/.exec(before);
  return match ? { start: match.index, partial: match[1] ?? '' } : null;
}

/** Completes the open `${partial` at `caret` with `name}`; returns the new text and caret. */
export function completePlaceholder(
  text: string,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const open = openPlaceholderAt(text, caret);
  if (!open) return { text, caret };
  const inserted = `\${${name}}`;
  const after = text.slice(caret).replace(/^[A-Za-z0-9_.-]*\}?/, '');
  return { text: text.slice(0, open.start) + inserted + after, caret: open.start + inserted.length };
}

/**
 * The one write that declares `name` (default `{ type: "string", title: name }`) in the params schema at
 * `userInputs` (or any `spec` pointer), creating `properties` (or the whole schema) when it is missing. Returns null when the user-input
 * spec or its properties exist but are not objects (the form cannot fix that: edit in JSON).
 */
export function declarationWrite(
  doc: JsonValue,
  userInputs: string,
  name: string,
  decl: JsonObject = { type: 'string', title: name },
): { pointer: string; value: JsonValue } | null {
  const spec = getAt(doc, userInputs);
  if (spec === undefined) {
    return {
      pointer: userInputs,
      value: {
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        properties: { [name]: decl },
      },
    };
  }
  if (!isObject(spec)) return null;
  const props = spec['properties'];
  if (props === undefined) return { pointer: joinPointer(userInputs, 'properties'), value: { [name]: decl } };
  if (!isObject(props)) return null;
  return { pointer: joinPointer(userInputs, 'properties', name), value: decl };
}
