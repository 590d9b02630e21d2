/**
 * The pure helpers behind the customer view's safety (B3–B7) and the CSP-safe rjsf validator:
 * pattern screening, schema preparation, and the interpreting validator's failure modes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RJSFSchema } from '@rjsf/utils';
import type { JsonObject } from '@core';
import { prepareCustomerSchema } from '../../../src/features/preview/customerSchemaGuard';
import { screenPattern } from '../../../src/features/preview/patternScreen';
import { InterpretingValidator } from '../../../src/lib/jsonSchemaValidator';

const SCHEMAS = JSON.parse(
  readFileSync(join(process.cwd(), 'tests/fixtures/hostile/ui/schemas.json'), 'utf8'),
) as Record<string, JsonObject>;

describe('B5/B6: pattern screening', () => {
  it.each<[string, RegExp | null]>([
    ['^(a|a)*$', /exponential time/],
    ['(a+)+$', /exponential time/],
    ['^(x+x+)+y$', /exponential time/],
    ['(\\w+\\s?)*$', /exponential time/],
    ['^(a{1,3})+$', /exponential time/],
    ['(a)\\1', /backreference/],
    ['\\-', /not a valid regular expression under the u flag/],
    ['[\\w-.]', /not a valid regular expression under the u flag/],
    ['a'.repeat(1001), /longer than 1000/],
    ['^[a-z]+$', null],
    ['^\\d{4}-\\d{2}-\\d{2}$', null],
    ['^(?:https?://)?[^/]+$', null],
    ['^[(+*)|]+$', null],
    ['^(ab)?c*$', null],
  ])('B5/B6: %s → %s', (pattern, expected) => {
    const why = screenPattern(pattern);
    if (expected === null) expect(why).toBeNull();
    else expect(why).toMatch(expected);
  });
});

describe('B3/B4/B7: schema preparation', () => {
  it('B3: the prepared copy of a recursive schema has no $ref and serialises (no cycle)', () => {
    for (const name of ['b3-self', 'b3-cycle']) {
      const { schema, notices } = prepareCustomerSchema(SCHEMAS[name] as JsonObject, '/sourceSpec/spec');
      const text = JSON.stringify(schema);
      expect(text).not.toContain('"$ref"');
      expect(notices.join(' ')).toMatch(/Recursive \$ref/);
    }
  });

  it('B3: exponential $ref fan-out is capped with a "too large" result, quickly', () => {
    const defs: JsonObject = { d0: { type: 'string' } };
    for (let i = 1; i <= 30; i++)
      defs[`d${i}`] = {
        type: 'object',
        properties: { l: { $ref: `#/definitions/d${i - 1}` }, r: { $ref: `#/definitions/d${i - 1}` } },
      };
    const started = performance.now();
    const out = prepareCustomerSchema(
      { type: 'object', properties: { x: { $ref: '#/definitions/d30' } }, definitions: defs },
      '/p',
    );
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(out.schema).toBeNull();
    expect(out.problem).toMatch(
      /too large for the form view: it (expands to more than|declares at least|nests deeper than)/,
    );
  });

  it('B4: non-local refs become placeholders; the original schema is not changed', () => {
    const original = SCHEMAS['b4-remote'] as JsonObject;
    const copy = structuredClone(original);
    const { schema, notices } = prepareCustomerSchema(original, '/sourceSpec/spec');
    expect(original).toEqual(copy);
    expect(notices).toHaveLength(3);
    expect(JSON.stringify(schema)).not.toContain('"$ref"');
  });

  it('B7: 1,000-deep nesting → too large, no stack overflow', () => {
    let node: JsonObject = { type: 'string' };
    for (let i = 0; i < 1_000; i++) node = { type: 'object', properties: { n: node } };
    const out = prepareCustomerSchema(node, '/p');
    expect(out.problem).toMatch(/nests deeper than 32 levels/);
  });
});

describe('CSP: the interpreting rjsf validator', () => {
  const v = new InterpretingValidator<unknown>();

  it('CSP: validates without code generation (no Function constructor call; no eval in the library)', () => {
    const realFunction = globalThis.Function;
    let calls = 0;
    globalThis.Function = new Proxy(realFunction, {
      construct: (t, a) => (calls++, Reflect.construct(t, a) as object),
      apply: (t, th, a) => (calls++, Reflect.apply(t, th, a) as unknown),
    });
    try {
      const schema: RJSFSchema = {
        type: 'object',
        required: ['a'],
        properties: { a: { type: 'string', minLength: 2 } },
      };
      expect(v.isValid(schema, { a: 'xy' }, schema)).toBe(true);
      expect(v.isValid(schema, { a: 'x' }, schema)).toBe(false);
      const { errors } = v.validateFormData({ a: 1 }, schema);
      expect(errors.map((e) => [e.name, e.property])).toEqual([['type', '.a']]);
    } finally {
      globalThis.Function = realFunction;
    }
    expect(calls).toBe(0);
    const dist = join(process.cwd(), 'node_modules/@cfworker/json-schema/dist/esm');
    for (const f of readdirSync(dist).filter((n) => n.endsWith('.js')))
      expect(readFileSync(join(dist, f), 'utf8')).not.toMatch(/\beval\s*\(|new Function\b|\bFunction\s*\(/);
  });

  it('B3: {"$ref":"#"} does not throw out of the validator', () => {
    const schema = { $ref: '#' };
    expect(v.isValid(schema, {}, schema)).toBe(false);
    expect(v.rawValidation(schema, {}).validationError).toBeInstanceOf(Error);
  });

  it('B4: a remote $ref is reported unresolved, never fetched', () => {
    const schema = { $ref: 'https://schemas.invalid/x.json' };
    expect(v.rawValidation(schema, {}).validationError?.message).toMatch(/Unresolved \$ref/);
    expect(v.isValid(schema, {}, schema)).toBe(false);
  });

  it('CSP: subschema refs resolve against the root schema (as rjsf asks for oneOf/if)', () => {
    const root: RJSFSchema = {
      definitions: { s: { type: 'string' } },
      oneOf: [{ $ref: '#/definitions/s' }, { type: 'number' }],
    };
    const option = (root.oneOf as RJSFSchema[])[0] as RJSFSchema;
    expect(v.isValid(option, 'x', root)).toBe(true);
    expect(v.isValid(option, 5, root)).toBe(false);
  });
});
