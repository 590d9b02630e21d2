/**
 * A CSP-safe rjsf validator: an rjsf `ValidatorType` over @cfworker/json-schema, which interprets
 * schemas (no code generation, no `eval`/`new Function`), so the app runs under `script-src 'self'`
 * without `'unsafe-eval'`. It serves the section forms (fixed schemas) and the customer view
 * (user-supplied schemas, screened first by the preview's schema guard).
 *
 * It never fetches anything: a `$ref` it cannot resolve locally makes `isValid` false and
 * `rawValidation` report a `validationError`. A schema that recurses without consuming data
 * (`{"$ref":"#"}`) ends in a caught RangeError, reported the same way, never a crash.
 *
 * Regular expressions (`pattern`, `patternProperties`) never reach the backtracking `RegExp` as
 * written: they are decided by the core's linear-time engine and rewritten for the data being
 * validated (./schemaPatterns.ts). A string too long to test against its pattern within the
 * per-test work limit fails it, with an error message saying it was not checked and why.
 */
import { dereference, validate, type OutputUnit, type Schema, type SchemaDraft } from '@cfworker/json-schema';
import {
  createErrorHandler,
  getDefaultFormState,
  ROOT_SCHEMA_PREFIX,
  toErrorSchema,
  unwrapErrorHandler,
  validationDataMerge,
  withIdRefPrefix,
  type CustomValidator,
  type ErrorTransformer,
  type RJSFSchema,
  type RJSFValidationError,
  type UiSchema,
  type ValidationData,
  type ValidatorType,
} from '@rjsf/utils';
import { t } from '../i18n';
import { hasPatterns, rewritePatterns, type PatternRewrite } from './schemaPatterns';

/** Keywords whose output units only say "a subschema had errors" (the leaf units follow them). */
const CONTAINER_KEYWORDS = new Set([
  '$ref',
  '$recursiveRef',
  'properties',
  'patternProperties',
  'items',
  'prefixItems',
  'allOf',
  'dependentSchemas',
]);

/** The draft a schema declares with `$schema` (draft-07 when it says nothing, as Adobe's specs do). */
export function draftOf(schema: unknown): SchemaDraft {
  const s =
    typeof schema === 'object' && schema !== null ? (schema as { $schema?: unknown }).$schema : undefined;
  if (typeof s !== 'string') return '7';
  if (s.includes('2020-12')) return '2020-12';
  if (s.includes('2019-09')) return '2019-09';
  if (s.includes('draft-04')) return '4';
  return '7';
}

/** A deep copy (cfworker's `dereference` annotates the schema objects it is given). */
function copy<T>(value: T): T {
  return structuredClone(value);
}

/** `#/a/b` → `.a.b`, rjsf's property notation. */
function propertyOf(instanceLocation: string): string {
  const path = instanceLocation.replace(/^#/, '');
  if (path === '') return '';
  return path
    .split('/')
    .slice(1)
    .map((seg) => '.' + decodeURIComponent(seg).replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('');
}

/** The value at `instanceLocation` (`#/a/0`) in `data`, or undefined. */
function valueAt(data: unknown, instanceLocation: string): unknown {
  let cur = data;
  for (const seg of instanceLocation.replace(/^#\/?/, '').split('/')) {
    if (seg === '') continue;
    const key = decodeURIComponent(seg).replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof cur !== 'object' || cur === null || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** Says, in its `pattern` errors, which strings were not tested (too long for their pattern). */
function explainSkipped(units: OutputUnit[], rewrite: PatternRewrite | null, data: unknown): void {
  if (!rewrite || rewrite.skipped.size === 0) return;
  for (const unit of units) {
    if (unit.keyword !== 'pattern') continue;
    const value = valueAt(data, unit.instanceLocation);
    const why = typeof value === 'string' ? rewrite.skipped.get(value) : undefined;
    if (why) unit.error = t('engine.schema.patternNotChecked', { why });
  }
}

/** cfworker output units as rjsf validation errors (leaf units only). */
export function toRjsfErrors(units: readonly OutputUnit[]): RJSFValidationError[] {
  return units
    .filter((u) => !CONTAINER_KEYWORDS.has(u.keyword))
    .map((u) => {
      const property = propertyOf(u.instanceLocation);
      return {
        name: u.keyword,
        property,
        message: u.error,
        schemaPath: u.keywordLocation,
        stack: `${property} ${u.error}`.trim(),
      };
    });
}

/**
 * rjsf validator over an interpreting JSON Schema validator. `T` is the form data type.
 * All methods are total: schema problems become errors (`rawValidation`), `false` (`isValid`),
 * or an error entry (`validateFormData`), never exceptions.
 */
export class InterpretingValidator<T = unknown> implements ValidatorType<T> {
  /** Root schema → its dereferenced lookup table (root registered under rjsf's root id). */
  private roots = new WeakMap<object, Record<string, Schema | boolean>>();

  private rootLookup(rootSchema: RJSFSchema): Record<string, Schema | boolean> {
    const cached = this.roots.get(rootSchema);
    if (cached) return cached;
    const root = { ...copy(rootSchema), $id: ROOT_SCHEMA_PREFIX } as Schema;
    const lookup = dereference(root);
    this.roots.set(rootSchema, lookup);
    return lookup;
  }

  /**
   * Validates `data` against `schema`; throws on schema problems (callers catch). Schemas with
   * patterns are copied and rewritten for `data` on every call (see ./schemaPatterns.ts).
   */
  private run(schema: RJSFSchema, data: unknown, rootSchema?: RJSFSchema) {
    const draft = draftOf(rootSchema ?? schema);
    if (rootSchema === undefined || rootSchema === schema) {
      const own = copy(schema) as Schema;
      const rewrite = hasPatterns(schema) ? rewritePatterns(own, data) : null;
      const result = validate(data, own, draft, dereference(own), false);
      explainSkipped(result.errors, rewrite, data);
      return result;
    }
    let base: Record<string, Schema | boolean>;
    let rootRewrite: PatternRewrite | null = null;
    if (hasPatterns(rootSchema)) {
      const root = { ...copy(rootSchema), $id: ROOT_SCHEMA_PREFIX } as Schema;
      rootRewrite = rewritePatterns(root, data);
      base = dereference(root);
    } else base = this.rootLookup(rootSchema);
    const lookup: Record<string, Schema | boolean> = Object.assign(
      Object.create(null) as Record<string, Schema | boolean>,
      base,
    );
    const sub = copy(withIdRefPrefix(schema)) as Schema;
    delete sub.$id;
    const rewrite = hasPatterns(schema) ? rewritePatterns(sub, data) : null;
    const result = validate(data, sub, draft, dereference(sub, lookup), false);
    explainSkipped(result.errors, rewrite, data);
    explainSkipped(result.errors, rootRewrite, data);
    return result;
  }

  /** Pure validation of `formData` against `schema`: errors, or the schema's own problem. */
  rawValidation<Result = unknown>(
    schema: RJSFSchema,
    formData?: T,
  ): { errors?: Result[]; validationError?: Error } {
    try {
      const result = this.run(schema, formData ?? null);
      return result.valid ? {} : { errors: result.errors as unknown as Result[] };
    } catch (err) {
      return { validationError: err instanceof Error ? err : new Error(String(err)) };
    }
  }

  /** rjsf's full validation: errors, error schema, `transformErrors` and `customValidate` applied. */
  validateFormData(
    formData: T | undefined,
    schema: RJSFSchema,
    customValidate?: CustomValidator<T>,
    transformErrors?: ErrorTransformer<T>,
    uiSchema?: UiSchema<T>,
  ): ValidationData<T> {
    const raw = this.rawValidation<OutputUnit>(schema, formData);
    let errors = toRjsfErrors(raw.errors ?? []);
    if (raw.validationError) errors = [...errors, { stack: raw.validationError.message }];
    if (typeof transformErrors === 'function') errors = transformErrors(errors, uiSchema);
    const errorSchema = toErrorSchema<T>(errors);
    if (typeof customValidate !== 'function') return { errors, errorSchema };
    const data = getDefaultFormState<T>(this, schema, formData, schema, true) as T;
    const handler = customValidate(data, createErrorHandler<T>(data), uiSchema, errorSchema);
    return validationDataMerge<T>({ errors, errorSchema }, unwrapErrorHandler<T>(handler));
  }

  /** Whether `formData` is valid against `schema` (its `$ref`s resolved in `rootSchema`); false on any problem. */
  isValid(schema: RJSFSchema, formData: T | undefined, rootSchema: RJSFSchema): boolean {
    try {
      return this.run(schema, formData ?? null, rootSchema).valid;
    } catch {
      return false;
    }
  }

  /** Forgets the cached root lookups. */
  reset(): void {
    this.roots = new WeakMap();
  }
}
