/** `validate`: JSON Schema errors + normalise diagnostics + semantic checks, in document order. */
import type { Diagnostic, JsonValue } from '../types';
import { validateSchema } from './ajv';
import { documentKindDiagnostics } from './documentKind';
import { documentOrder } from './documentOrder';
import { headerChecks } from './headerChecks';
import { DiagnosticList } from './jsonUtil';
import { normalise } from './normalise';
import { toSchemaDiagnostics } from './schemaErrors';
import { semanticChecks } from './semanticChecks';

/**
 * Every finding about a connection spec: ajv errors against `connectionSpecSchema` (rewritten for
 * people), the diagnostics of `normalise` (legacy forms, unreadable values), and the semantic checks
 * (placeholders, JSONPath syntax, date formats, host, auth names, categories). A schema error is
 * dropped when a more specific error points at the same place. Sorted in document order (findings
 * at the same place keep their order: schema, then reading, then semantics). A document nested
 * deeper than `MAX_JSON_DEPTH` gives only normalise's `too-deep` error (nothing walks it). A document
 * of another kind (fragment, flow spec, streaming spec, API response…) gives one error saying what it
 * is; Adobe's `{"items": [spec]}` wrapper is validated inside, under `/items/0` (see
 * `documentKindDiagnostics`). Never throws.
 */
export function validate(doc: JsonValue): Diagnostic[] {
  const other = documentKindDiagnostics(doc, validate);
  if (other) return other;
  const { model, diagnostics } = normalise(doc);
  if (diagnostics.some((x) => x.code === 'too-deep')) return diagnostics;
  const d = new DiagnosticList();
  for (const x of diagnostics) d.items.push(x);
  semanticChecks(doc, model, d);
  headerChecks(doc, model, d);
  const specific = new Set(d.items.filter((x) => x.severity === 'error').map((x) => x.pointer));
  const schema = toSchemaDiagnostics(validateSchema(doc), doc).filter((x) => !specific.has(x.pointer));
  return documentOrder(doc, [...schema, ...d.items]);
}
