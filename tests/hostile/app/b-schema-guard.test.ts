/**
 * The pure helpers behind the customer view's safety (B3–B7) and the CSP-safe rjsf validator:
 * pattern screening, schema preparation, and the interpreting validator's failure modes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RJSFSchema } from '@rjsf/utils';
import { loadRegexEngine, type JsonObject } from '@core';
import { prepareCustomerSchema } from '../../../src/features/preview/customerSchemaGuard';
import { screenPattern } from '../../../src/features/preview/patternScreen';
import { InterpretingValidator } from '../../../src/lib/jsonSchemaValidator';

// match()/search() run on the linear-time regex engine, which the core loads asynchronously.
beforeAll(async () => {
  expect(await loadRegexEngine()).toBe(true);
});

const SCHEMAS = JSON.parse(
  readFileSync(join(process.cwd(), 'tests/fixtures/hostile/ui/schemas.json'), 'utf8'),
) as Record<string, JsonObject>;

describe('B5/B6: pattern screening', () => {
  it.each<[string, RegExp | null]>([
    ['(a)\\1', /uses a backreference, which the linear-time regex engine cannot run/],
    ['^(?=a)', /uses a lookahead/],
    ['(?<!a)b', /uses a lookbehind/],
    ['\\-', /not a valid regular expression under the u flag/],
    ['[\\w-.]', /not a valid regular expression under the u flag/],
    ['a'.repeat(1001), /longer than 1,000 characters/],
    // Exponential on a backtracking engine, linear here: checked like any other pattern.
    ['^(a|a)*$', null],
    ['(a+)+$', null],
    ['^(x+x+)+y$', null],
    ['(\\w+\\s?)*$', null],
    ['^(a{1,3})+$', null],
    ['(ab|cd)*', null],
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

  it('B5: the prepared copy keeps evil-looking patterns and drops only what cannot run', () => {
    const { schema, notices } = prepareCustomerSchema(
      {
        type: 'object',
        properties: { a: { type: 'string', pattern: '^(a+)+$' }, b: { type: 'string', pattern: '(x)\\1' } },
        patternProperties: { '^(a|a)*$': { type: 'string' }, '(?=x)': { type: 'number' } },
      },
      '/sourceSpec/spec',
    );
    expect(JSON.stringify(schema)).toContain('^(a+)+$');
    expect(JSON.stringify(schema)).toContain('^(a|a)*$');
    expect(notices).toEqual([
      'The pattern at /sourceSpec/spec/properties/b/pattern uses a backreference, which the linear-time regex engine cannot run: the preview does not check it.',
      'The patternProperties key "(?=x)" at /sourceSpec/spec/patternProperties uses a lookahead, which the linear-time regex engine cannot run: left out.',
    ]);
  });
});

describe('B5/B6: the interpreting validator runs patterns in linear time', () => {
  const v = new InterpretingValidator<unknown>();
  const evil = `${'a'.repeat(5_000)}!`;

  it.each([
    ['^(a+)+$', evil, false],
    ['^(a|a)*$', evil, false],
    ['^(a+)+$', 'a'.repeat(5_000), true],
    ['(.*a){20}', 'a'.repeat(800), true],
    ['.*.*.*.*=.*', 'x'.repeat(800), false],
  ])('B5: pattern %s on a long string answers quickly and correctly', (pattern, value, valid) => {
    const schema: RJSFSchema = { type: 'object', properties: { s: { type: 'string', pattern } } };
    const t0 = performance.now();
    expect(v.isValid(schema, { s: value }, schema)).toBe(valid);
    const { errors } = v.validateFormData({ s: value }, schema);
    expect(errors.map((e) => e.name)).toEqual(valid ? [] : ['pattern']);
    expect(performance.now() - t0).toBeLessThan(1_000);
  });

  it('B5: patterns inside anyOf, $ref and propertyNames keep their meaning', () => {
    const root: RJSFSchema = {
      definitions: { code: { type: 'string', pattern: '^[A-Z]{3}$' } },
      type: 'object',
      properties: {
        c: { $ref: '#/definitions/code' },
        d: { anyOf: [{ pattern: '^\\d+$' }, { pattern: '^x(a|a)*$' }] },
      },
      propertyNames: { pattern: '^[a-z]$' },
    };
    expect(v.isValid(root, { c: 'ABC', d: '123' }, root)).toBe(true);
    expect(v.isValid(root, { c: 'ABC', d: `x${'a'.repeat(3_000)}` }, root)).toBe(true);
    expect(v.isValid(root, { c: 'AB', d: '1' }, root)).toBe(false);
    expect(v.isValid(root, { c: 'ABC', d: `y${'a'.repeat(3_000)}` }, root)).toBe(false);
    expect(v.isValid(root, { c: 'ABC', dd: '1' }, root)).toBe(false);
    const option = ((root.properties as Record<string, RJSFSchema>)['d']?.anyOf ?? [])[1] as RJSFSchema;
    expect(v.isValid(option, `x${'a'.repeat(30)}`, root)).toBe(true);
    expect(v.isValid(option, `x${'a'.repeat(30)}!`, root)).toBe(false);
  });

  it('B6: patternProperties decide which keys a subschema applies to, additionalProperties the rest', () => {
    const schema: RJSFSchema = {
      type: 'object',
      patternProperties: { '^(a+)+$': { type: 'number' }, '^b': { type: 'string' } },
      additionalProperties: false,
    };
    expect(v.isValid(schema, { aaaa: 1, bx: 'y' }, schema)).toBe(true);
    expect(v.isValid(schema, { aaaa: 'no' }, schema)).toBe(false);
    expect(v.isValid(schema, { [`${'a'.repeat(40)}!`]: 1 }, schema)).toBe(false);
  });

  it('B5: a string too long to test against its pattern fails it, and the error says why', () => {
    const schema: RJSFSchema = {
      type: 'object',
      properties: { s: { type: 'string', pattern: '^[a-z]{1,900}$' } },
    };
    const { errors } = v.validateFormData({ s: 'a'.repeat(10_000) }, schema);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(
      /^String was not checked against its pattern: the pattern "\^\[a-z\]\{1,900\}\$" \(\d+ instructions\) was not run on a string of 10,000 characters/,
    );
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
