import { parseJson, type JsonValue } from '@core';

/**
 * How the document on screen is posted to a worker: its text while the text parses (a string is copied
 * in one block), else the last valid document. Posting the parsed document deep-cloned it on the main
 * thread on every edit (~0.4 s per worker on a 5 MB spec, issue 12 item 5); the worker parses the text
 * with the same core parser, off the main thread.
 */
export type SpecPayload = { doc: JsonValue; text?: undefined } | { text: string; doc?: undefined };

/** The payload for the store's document state. */
export function specPayload(s: { doc: JsonValue; text: string; parseError: unknown }): SpecPayload {
  return s.parseError === null ? { text: s.text } : { doc: s.doc };
}

/** The document a payload stands for (in the worker). Throws when a posted text does not parse. */
export function specFromPayload(p: SpecPayload): JsonValue {
  if (p.text === undefined) return p.doc;
  const r = parseJson(p.text);
  if (!r.ok) throw new Error(`the spec text does not parse: ${r.error.message}`);
  return r.value;
}
