/**
 * rjsf setup shared by every form of the app: the typed, CSP-safe validators and the base form options.
 *
 * - The section forms (fixed schemas, built from the app's own field lists) validate with
 *   @rjsf/validator-ajv8's precompiled validator: ajv code generated at build time by
 *   `npm run gen:validators` (see ./sectionFormValidator).
 * - The customer view renders the partner's own schemas, known only at run time: those cannot be
 *   precompiled, so it uses an interpreting validator (@cfworker/json-schema behind rjsf's
 *   `ValidatorType`, see ./jsonSchemaValidator) that generates no code.
 * Neither needs `'unsafe-eval'`. Forms in this app never validate on keystrokes (STYLE.md "Forms stay
 * small"): the diagnostics come from the core's `validate`, computed off the main thread by the store.
 * rjsf still requires a validator to resolve schemas (`if`/`oneOf`), so each is created once here.
 */
import { InterpretingValidator } from './jsonSchemaValidator';
import { SectionFormValidator } from './sectionFormValidator';

/**
 * The form data of every section form: a flat record of encoded field values. (Typing rjsf with the
 * recursive `JsonObject` makes its generics instantiate too deeply for tsc.)
 */
export type FormRecord = Record<string, unknown>;

/** The interpreting validator, for schemas known only at run time (the customer view). */
export const rjsfValidator = new InterpretingValidator<FormRecord>();

/** The section forms' validator: precompiled ajv validators (falls back to `rjsfValidator` if stale). */
export const sectionFormValidator = new SectionFormValidator<FormRecord>(rjsfValidator);

/**
 * Form props every section form shares: no live validation, no error list (errors are shown inline from
 * the store's diagnostics), no HTML5 validation popups, and ids derived from JSON pointers with `/`.
 */
export const BASE_FORM_PROPS = {
  noValidate: true,
  showErrorList: false,
  noHtml5Validate: true,
  idSeparator: '/',
} as const;
