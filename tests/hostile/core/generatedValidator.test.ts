/**
 * CSP: the core validates specs with ajv's standalone code, generated at build time
 * (scripts/gen-validators.mjs), so the browser needs no 'unsafe-eval'. This test regenerates the
 * module in memory and fails when the committed copy is stale: run `npm run gen:validators`.
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { connectionSpecSchema, parseJson, type JsonValue } from '../../../src/core/index';
import { validateSchema } from '../../../src/core/spec/ajv';
// @ts-expect-error: a plain .mjs build script without type declarations
import { AJV_OPTIONS, DECLARATION, generateValidatorModule } from '../../../scripts/gen-validators.mjs';

const GENERATED = new URL('../../../src/core/spec/generated/', import.meta.url);
const EXAMPLES = new URL('../../fixtures/cli/', import.meta.url);

describe('the precompiled connection-spec validator', () => {
  it('is up to date with connectionSpecSchema (else run npm run gen:validators)', () => {
    const committed = readFileSync(new URL('connectionSpecValidator.js', GENERATED), 'utf8');
    expect(committed === (generateValidatorModule(connectionSpecSchema) as string)).toBe(true);
    expect(readFileSync(new URL('connectionSpecValidator.d.ts', GENERATED), 'utf8')).toBe(DECLARATION);
  });

  it('is plain ESM with no imports, require, eval or Function', () => {
    const code = readFileSync(new URL('connectionSpecValidator.js', GENERATED), 'utf8');
    expect(code).not.toMatch(/^\s*import\s|\brequire\(|\beval\(|new Function|\bFunction\(/m);
  });

  const runtime = new Ajv({ ...(AJV_OPTIONS as object), code: {} }).compile(connectionSpecSchema);
  const docs: Array<[string, JsonValue]> = [
    ['an empty object', {}],
    ['an array', []],
    ['wrong types everywhere', { name: 1, authSpec: {}, sourceSpec: { attributes: { urlParams: 'x' } } }],
    ...['mailchimp.spec.json', 'undeclared.spec.json', 'emails.spec.json'].map((f): [string, JsonValue] => {
      const r = parseJson(readFileSync(new URL(f, EXAMPLES), 'utf8'));
      return [f, r.ok ? r.value : null];
    }),
  ];
  it.each(docs)('gives the same errors as runtime ajv for %s', (_name, doc) => {
    const valid = runtime(doc);
    expect(validateSchema(doc)).toEqual(valid ? [] : runtime.errors);
  });
});
