/**
 * What leaves the tab for this browser's storage (autosaved session, library copy): the text on
 * screen, with the spec's secret values blanked unless the user opted in for this document
 * (SEMANTICS §7, BAD-INPUTS B10). The text in memory is never changed.
 */
import { redactSecrets, secretValuePointers, type JsonValue } from '@core';
import type { DocumentState } from './types';

/** Pointers per parsed document: the state is partialized on every change, the doc rarely changes. */
const cache = new WeakMap<object, string[]>();

/** The last text redacted, with the pointers used and the result. */
let last: { text: string; pointers: string[]; stored: string } | null = null;

/** The secret values of a parsed document (memoised by identity). */
export function secretPointersOf(doc: JsonValue): string[] {
  if (typeof doc !== 'object' || doc === null) return [];
  let found = cache.get(doc);
  if (found === undefined) {
    found = secretValuePointers(doc);
    cache.set(doc, found);
  }
  return found;
}

/**
 * The text to store for the document: as is when the user opted in (`persistSecrets`) or when it has
 * no secret values; otherwise with them blanked. When the text does not parse, the secrets of the
 * last parsed document are blanked as far as the lenient parser can place them (a half-typed edit
 * must not write them either).
 */
export function storableText(s: Pick<DocumentState, 'text' | 'doc' | 'persistSecrets'>): string {
  if (s.persistSecrets) return s.text;
  const pointers = secretPointersOf(s.doc);
  if (pointers.length === 0) return s.text;
  // Autosave partializes the state on every change (toasts, diagnostics): redact each text once.
  if (last !== null && last.text === s.text && last.pointers === pointers) return last.stored;
  const stored = redactSecrets(s.text, pointers);
  last = { text: s.text, pointers, stored };
  return stored;
}
