/**
 * The one place JSON Schema validation of a whole spec is set up. It runs ajv's standalone code,
 * generated at build time from `connectionSpecSchema` by scripts/gen-validators.mjs, so the core
 * compiles no code at runtime (no `new Function`) and the app's CSP needs no 'unsafe-eval'.
 * A test regenerates the module in memory and fails when the committed copy is stale.
 */
import type { ErrorObject } from 'ajv';
import { validate as validateConnectionSpec } from './generated/connectionSpecValidator';
import type { JsonValue } from '../types';

/** One raw JSON Schema error: the shape of ajv's `ErrorObject` that the rest of the core relies on. */
export type SchemaError = Pick<ErrorObject, 'keyword' | 'instancePath' | 'schemaPath' | 'params' | 'message'>;

/**
 * Validates `doc` against `connectionSpecSchema` (draft-07, all errors, no strict mode, no formats,
 * no remote refs: the precompiled validator cannot fetch anything). Returns the raw errors (empty
 * when valid); `toSchemaDiagnostics` turns them into messages for people. Never throws on JSON input.
 */
export function validateSchema(doc: JsonValue): SchemaError[] {
  return validateConnectionSpec(doc) ? [] : [...(validateConnectionSpec.errors ?? [])];
}
