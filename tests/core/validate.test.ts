import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BLANK_SPEC } from '../../src/core/schemas/index';
import { validate } from '../../src/core/spec/validate';
import type { Diagnostic, JsonValue } from '../../src/core/types';
import { fixture, patched, type Edit } from '../fixtures/spec/patch';

const base = fixture('examples/mailchimp-members.connection-spec.json');
const examples = readdirSync(new URL('../fixtures/spec/examples/', import.meta.url)).filter((f) =>
  f.endsWith('.json'),
);
const cases = fixture('validate-cases.json') as unknown as Array<{
  name: string;
  edits: Edit[];
  expect: Partial<Diagnostic>;
}>;

const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error');

describe("validate: Adobe's complete example specs", () => {
  it.each(examples)('%s has zero errors', (name) => {
    expect(errors(validate(fixture(`examples/${name}`)))).toEqual([]);
  });

  it('BLANK_SPEC has no errors and no warnings', () => {
    expect(validate(BLANK_SPEC).filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it("MailChimp Members (POST body) has one finding: Adobe's `http: //` $schema typo", () => {
    expect(validate(base)).toEqual([
      expect.objectContaining({ pointer: '/exploreSpec/responseSpec/$schema', code: 'schema-uri-unknown' }),
    ]);
  });
});

describe('validate: one finding per problem', () => {
  it.each(cases)('$name', (c) => {
    const ds = validate(patched(base, c.edits));
    expect(ds).toContainEqual(expect.objectContaining(c.expect));
    const keys = ds.map((d) => `${d.pointer} ${d.message}`);
    expect(new Set(keys).size).toBe(keys.length);
    if (c.expect.severity === 'error' && c.expect.pointer !== undefined) {
      expect(errors(ds).filter((d) => d.pointer === c.expect.pointer)).toHaveLength(
        (c as { count?: number }).count ?? 1,
      );
    }
  });
});

describe('validate: schema errors for people', () => {
  it.each([
    ['boolean limitValue', `/sourceSpec/attributes/paginationParams/limitValue`, true, 1],
    ['number headerParams', `/sourceSpec/attributes/headerParams`, 5, 1],
    ['number contentPath', `/sourceSpec/attributes/contentPath`, 7, 1],
    ['unknown pagination type', `/sourceSpec/attributes/paginationParams/type`, 'CURSOR', 1],
  ] as Array<[string, string, JsonValue, number]>)(
    '%s gives one error, without anyOf noise',
    (_n, pointer, value, count) => {
      const ds = validate(patched(base, [{ pointer, value }]));
      expect(errors(ds).filter((d) => d.pointer === pointer)).toHaveLength(count);
      expect(ds.some((d) => /anyOf|oneOf|"then"/.test(d.message))).toBe(false);
    },
  );

  it('reports a missing path inside the object form of contentPath, not "must be text"', () => {
    const ds = validate(patched(base, [{ pointer: '/sourceSpec/attributes/contentPath/path' }]));
    const at = errors(ds).filter((d) => d.pointer === '/sourceSpec/attributes/contentPath');
    expect(at).toHaveLength(1);
    expect(at[0]?.message).toMatch(/path/);
    expect(ds.some((d) => /must be text/.test(d.message))).toBe(false);
  });

  it.each([null, [], 'x', 3] as JsonValue[])('non-object %j → exactly one error at ""', (doc) => {
    expect(validate(doc)).toEqual([
      expect.objectContaining({ severity: 'error', pointer: '', code: 'not-object' }),
    ]);
  });
});

describe('validate: output order', () => {
  it('lists findings in document order', () => {
    const doc = patched(base, [
      { pointer: '/sourceSpec/attributes/scheduleParams/scheduleStartParamFormat', value: 'yyyy g' },
      { pointer: '/sourceSpec/attributes/urlParams/path', value: '/x/${nope}' },
      { pointer: '/authSpec/1/name', value: 'OAuth2 Refresh Code' },
      { pointer: '/sourceSpec/spec/properties/spare', value: { type: 'string' } },
    ]);
    expect(validate(doc).map((d) => d.code)).toEqual([
      'auth-duplicate-name',
      'placeholder-undeclared',
      'date-format-error',
      'param-unused',
      'param-unused',
      'schema-uri-unknown',
    ]);
  });
});
