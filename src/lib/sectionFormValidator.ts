/**
 * The rjsf validator of the section forms: @rjsf/validator-ajv8's precompiled validator over ajv code
 * generated at build time (`npm run gen:validators`, see ./precompiled/formSchemaKey for how a form's
 * schema maps to it), so no code is compiled in the page and the CSP needs no 'unsafe-eval'.
 *
 * A form's validate function is the conjunction of the precompiled validators of its root (an object)
 * and of each of its properties: exactly JSON Schema's `properties` (no form has `required` or
 * `additionalProperties`, so a property absent from the data is valid). A form whose schema has any other
 * shape, or a property shape that was not precompiled (the generated file is stale: a test fails then),
 * is validated by `fallback` (the interpreting validator), and counted in `uncovered` so tests see it.
 */
import {
  hashForSchema,
  type CustomValidator,
  type ErrorTransformer,
  type RJSFSchema,
  type UiSchema,
  type ValidationData,
  type ValidatorType,
} from '@rjsf/utils';
import createPrecompiledValidator from '@rjsf/validator-ajv8/lib/createPrecompiledValidator.js';
import type { CompiledValidateFunction, ValidatorFunctions } from '@rjsf/validator-ajv8/lib/types.js';
import { FORM_ROOT, precompiledName, validationPart } from './precompiled/formSchemaKey';
import * as generated from './precompiled/sectionFormValidators.js';

const PRECOMPILED = generated as unknown as Readonly<Record<string, CompiledValidateFunction | undefined>>;

type AjvError = NonNullable<CompiledValidateFunction['errors']>[number];

const token = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');
const keyOf = (schema: RJSFSchema): string => schema.$id ?? hashForSchema(schema);

/**
 * The precompiled functions of one flat form schema, keyed the way rjsf's precompiled validator looks
 * them up (the root's, then each property's), or null when the form cannot be covered.
 */
export function formValidatorFunctions(root: RJSFSchema): ValidatorFunctions | null {
  const part = validationPart(root);
  const other = Object.keys(part).filter((k) => k !== 'type' && k !== 'properties');
  const rootFn = PRECOMPILED[precompiledName(FORM_ROOT)];
  if (part.type !== 'object' || other.length > 0 || !rootFn) return null;
  const fns: ValidatorFunctions = {};
  const checks: Array<[string, CompiledValidateFunction]> = [];
  for (const [key, schema] of Object.entries(root.properties ?? {})) {
    const fn = typeof schema === 'object' ? PRECOMPILED[precompiledName(schema)] : undefined;
    if (typeof schema !== 'object' || !fn) return null;
    checks.push([key, fn]);
    fns[keyOf(schema)] = fn;
  }
  const form: CompiledValidateFunction = (data: unknown) => {
    const errors: AjvError[] = [];
    if (!rootFn(data)) errors.push(...(rootFn.errors ?? []));
    else {
      const record = data as Record<string, unknown>;
      for (const [key, fn] of checks) {
        if (!Object.hasOwn(record, key) || record[key] === undefined || fn(record[key])) continue;
        for (const e of fn.errors ?? [])
          errors.push({
            ...e,
            instancePath: `/${token(key)}${e.instancePath}`,
            schemaPath: `#/properties/${token(key)}${e.schemaPath.slice(1)}`,
          });
      }
    }
    form.errors = errors.length > 0 ? errors : null;
    return errors.length === 0;
  };
  fns[keyOf(root)] = form;
  return fns;
}

/** Dispatches each form (by its root schema) to its precompiled validator, or to `fallback`. */
export class SectionFormValidator<T = unknown> implements ValidatorType<T> {
  private readonly byRoot = new WeakMap<object, { validator: ValidatorType<T>; fns: ValidatorFunctions }>();
  /** Hashes of the form schemas that had to use the fallback (empty while the generated file is fresh). */
  readonly uncovered = new Set<string>();

  constructor(private readonly fallback: ValidatorType<T>) {}

  private forRoot(root: RJSFSchema): { validator: ValidatorType<T>; fns: ValidatorFunctions } | null {
    const known = this.byRoot.get(root);
    if (known) return known;
    const fns = formValidatorFunctions(root);
    if (!fns) {
      const hash = hashForSchema(root);
      if (import.meta.env.DEV && !this.uncovered.has(hash))
        console.warn('No precompiled validator for this form (run npm run gen:validators):', root);
      this.uncovered.add(hash);
      return null;
    }
    const entry = { validator: createPrecompiledValidator<T>(fns, root), fns };
    this.byRoot.set(root, entry);
    return entry;
  }

  validateFormData(
    formData: T | undefined,
    schema: RJSFSchema,
    customValidate?: CustomValidator<T>,
    transformErrors?: ErrorTransformer<T>,
    uiSchema?: UiSchema<T>,
  ): ValidationData<T> {
    const v = this.forRoot(schema)?.validator ?? this.fallback;
    return v.validateFormData(formData, schema, customValidate, transformErrors, uiSchema);
  }

  isValid(schema: RJSFSchema, formData: T | undefined, rootSchema: RJSFSchema): boolean {
    const entry = this.forRoot(rootSchema);
    // A subschema rjsf derived itself (none for these flat forms) has no precompiled function.
    if (!entry || !(keyOf(schema) in entry.fns)) return this.fallback.isValid(schema, formData, rootSchema);
    return entry.validator.isValid(schema, formData, rootSchema);
  }

  rawValidation<Result = unknown>(
    schema: RJSFSchema,
    formData?: T,
  ): { errors?: Result[]; validationError?: Error } {
    const v = this.forRoot(schema)?.validator ?? this.fallback;
    return v.rawValidation<Result>(schema, formData);
  }
}
