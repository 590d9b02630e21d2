import { validate, type Diagnostic, type JsonValue } from '@core';

/** Whole-document check: the core's validate (schema + semantic checks). Same code in worker and fallback. */
export function runValidation(doc: JsonValue): Diagnostic[] {
  return validate(doc);
}
