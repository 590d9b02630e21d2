/**
 * Issue 8, D15: the section forms validate with @rjsf/validator-ajv8's precompiled validator over ajv
 * code generated at build time (scripts/gen-form-validators.mjs, run by `npm run gen:validators`).
 * This test regenerates the code in memory and fails when the committed copy is stale, checks the code
 * compiles nothing at run time, and checks every field of every section form is covered and gives
 * the same verdict as the interpreting validator.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RJSFSchema } from '@rjsf/utils';
import { describe, expect, it, vi } from 'vitest';
import { buildFormSchema, type FieldSpec } from '../../src/features/spec-form/model/fields';
import { FORM_ROOT, precompiledName } from '../../src/lib/precompiled/formSchemaKey';
import { rjsfValidator, sectionFormValidator } from '../../src/lib/rjsf';
import { formValidatorFunctions, SectionFormValidator } from '../../src/lib/sectionFormValidator';
// @ts-expect-error: plain .mjs build scripts without type declarations
import { RUNTIME } from '../../scripts/gen-validators.mjs';
import {
  collectFieldSpecs,
  FORM_OUT,
  formValidatorDeclaration,
  generateFormValidatorModule,
  loadFormInputs,
  // @ts-expect-error: plain .mjs build scripts without type declarations
} from '../../scripts/gen-form-validators.mjs';

const ROOT = join(import.meta.dirname, '../..');
const load = (path: string): Promise<unknown> => import(/* @vite-ignore */ join(ROOT, path));
type Schemas = Array<[string, RJSFSchema]>;
const generate = generateFormValidatorModule as (schemas: Schemas, runtime: unknown) => string;
const schemas = (await (loadFormInputs as (l: typeof load) => Promise<Schemas>)(load)) satisfies Schemas;
const committed = readFileSync(join(ROOT, `${FORM_OUT as string}.js`), 'utf8');

/** Every field spec of the spec-form model (the same discovery the generator uses). */
const MODEL = 'src/features/spec-form/model';
const fieldModules = await Promise.all(
  readdirSync(join(ROOT, MODEL))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => load(`${MODEL}/${f}`)),
);
const FIELDS = (collectFieldSpecs as (m: unknown[]) => FieldSpec[])(fieldModules);

describe('precompiled section form validators', () => {
  it('are up to date with the section forms (else run npm run gen:validators)', () => {
    expect(committed === generate(schemas, RUNTIME)).toBe(true);
    expect(readFileSync(join(ROOT, `${FORM_OUT as string}.d.ts`), 'utf8')).toBe(
      (formValidatorDeclaration as (s: Schemas) => string)(schemas),
    );
  });

  it('a new enum option makes the committed file stale', () => {
    const method = FIELDS.find((f) => f.key === 'method');
    expect(method).toBeDefined();
    const changed: FieldSpec = { ...method!, options: [...(method?.options ?? []), 'PUT'] };
    const property = buildFormSchema([changed], undefined).schema.properties?.['method'] as RJSFSchema;
    const more: Schemas = [...schemas, [precompiledName(property), property]];
    expect(committed === generate(more, RUNTIME)).toBe(false);
  });

  it('are plain ESM that compiles nothing at run time (no require, import, eval or Function)', () => {
    expect(committed).not.toMatch(/^\s*import\s|\brequire\(|\beval\(|new Function|\bFunction\(/m);
    expect(committed).toMatch(/^export const v_/m);
  });

  it('cover every field the forms have, with the verdicts of the interpreting validator', () => {
    expect(FIELDS.length).toBeGreaterThan(20);
    const { schema } = buildFormSchema(
      FIELDS.filter((f, i) => FIELDS.findIndex((g) => g.key === f.key) === i),
      undefined,
    );
    expect(formValidatorFunctions(schema)).not.toBeNull();
    const props = Object.entries(schema.properties ?? {}) as Array<[string, RJSFSchema]>;
    const wrong = Object.fromEntries(props.map(([k, p]) => [k, p.type === 'boolean' ? 'yes' : 42]));
    const notInEnum = Object.fromEntries(props.filter(([, p]) => p.enum).map(([k]) => [k, 'NOT_AN_OPTION']));
    const good = Object.fromEntries(
      props.map(([k, p]) => [
        k,
        p.type === 'boolean' ? true : ((p.enum?.[0] as string | undefined) ?? 'text'),
      ]),
    );
    for (const data of [wrong, notInEnum, good, {}]) {
      const precompiled = sectionFormValidator.validateFormData(data, schema);
      const interpreted = rjsfValidator.validateFormData(data, schema);
      const names = (r: typeof precompiled) =>
        r.errors.map((e) => `${e.property ?? ''} ${e.name ?? ''}`).sort();
      expect(names(precompiled)).toEqual(names(interpreted));
      expect(sectionFormValidator.isValid(schema, data, schema)).toBe(interpreted.errors.length === 0);
    }
    const flagged = new Set(
      sectionFormValidator.validateFormData(wrong, schema).errors.map((e) => e.property),
    );
    expect(flagged.size).toBe(props.length);
    expect(sectionFormValidator.uncovered.size).toBe(0);
  });

  it('a form shape that was not precompiled is validated by the interpreting validator and counted', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const v = new SectionFormValidator(rjsfValidator);
    const schema: RJSFSchema = { type: 'object', properties: { n: { type: 'integer', minimum: 3 } } };
    expect(formValidatorFunctions(schema)).toBeNull();
    expect(v.isValid(schema, { n: 2 }, schema)).toBe(false);
    expect(v.isValid(schema, { n: 4 }, schema)).toBe(true);
    expect(v.uncovered.size).toBe(1);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    expect(precompiledName(FORM_ROOT)).toMatch(/^v_/);
  });
});
