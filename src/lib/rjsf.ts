/**
 * rjsf setup shared by every form of the app: one typed, CSP-safe validator and the base form options.
 *
 * The validator interprets schemas (@cfworker/json-schema behind rjsf's `ValidatorType`, see
 * ./jsonSchemaValidator) instead of compiling them with ajv, so the page needs no `'unsafe-eval'`.
 * Forms in this app never validate on keystrokes (STYLE.md "Forms stay small"): the diagnostics come from
 * the core's `validate`, computed off the main thread by the store. The validator is still required by rjsf
 * to resolve schemas (`if`/`oneOf`), so it is created once here and shared.
 */
import { InterpretingValidator } from './jsonSchemaValidator';

/**
 * The form data of every section form: a flat record of encoded field values. (Typing rjsf with the
 * recursive `JsonObject` makes its generics instantiate too deeply for tsc.)
 */
export type FormRecord = Record<string, unknown>;

/** The one rjsf validator instance (no code generation: safe under a CSP without 'unsafe-eval'). */
export const rjsfValidator = new InterpretingValidator<FormRecord>();

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
