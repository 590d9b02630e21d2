/**
 * The one place ajv is set up. The browser build will swap this file for a precompiled (standalone)
 * validator so a strict CSP without 'unsafe-eval' works; keep `validateSchema` the only export used.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { connectionSpecSchema } from '../schemas/index';
import type { JsonValue } from '../types';

/** One raw JSON Schema error: the shape of ajv's `ErrorObject` that the rest of the core relies on. */
export type SchemaError = Pick<ErrorObject, 'keyword' | 'instancePath' | 'schemaPath' | 'params' | 'message'>;

let compiled: ValidateFunction | undefined;

/**
 * Validates `doc` against `connectionSpecSchema` (draft-07, all errors, no strict mode, no remote refs).
 * Returns the raw errors (empty when valid); `toSchemaDiagnostics` turns them into messages for people.
 * The validator is compiled once, on first use.
 */
export function validateSchema(doc: JsonValue): SchemaError[] {
  if (compiled === undefined) {
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    compiled = ajv.compile(connectionSpecSchema);
  }
  return compiled(doc) ? [] : [...(compiled.errors ?? [])];
}
