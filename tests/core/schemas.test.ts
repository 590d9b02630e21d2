import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  authSpecEntrySchema,
  BLANK_SPEC,
  connectionSpecSchema,
  contentPathSchema,
  customSchemaSchema,
  EXPLORE_SPEC_BOILERPLATE,
  exploreSpecSchema,
  paginationSchema,
  scheduleSchema,
  SECTIONS,
  urlParamsSchema,
  type JSONSchema,
} from '../../src/core/schemas/index';
import { validateSchema } from '../../src/core/spec/ajv';
import type { JsonValue } from '../../src/core/types';
import { fixture } from '../fixtures/spec/patch';

const ajv = new Ajv({ allErrors: true, strict: false });
const check = (schema: JSONSchema, value: JsonValue) => {
  const v = ajv.compile(schema);
  return v(value) ? [] : (v.errors ?? []);
};
const inner = (name: string, key?: string) => {
  const doc = fixture(`fragments/${name}`) as Record<string, JsonValue>;
  return key === undefined ? doc : (doc[key] as JsonValue);
};

describe('SECTIONS', () => {
  const A = '/sourceSpec/attributes';
  it('lists every section in UI order with its pointer', () => {
    expect(SECTIONS.map((s) => [s.id, s.pointer])).toEqual([
      ['metadata', ''],
      ['authSpec', '/authSpec'],
      ['uiAttributes', `${A}/uiAttributes`],
      ['urlParams', `${A}/urlParams`],
      ['headerParams', `${A}/headerParams`],
      ['bodyParams', `${A}/bodyParams`],
      ['contentPath', `${A}/contentPath`],
      ['explodeEntityPath', `${A}/explodeEntityPath`],
      ['paginationParams', `${A}/paginationParams`],
      ['scheduleParams', `${A}/scheduleParams`],
      ['userInputs', '/sourceSpec/spec'],
      ['customSchema', `${A}/schema`],
      ['exploreSpec', '/exploreSpec'],
    ]);
  });

  it.each(SECTIONS)('$id has a title, a description and a compilable schema', (s) => {
    expect(s.title.length).toBeGreaterThan(0);
    expect(s.description.length).toBeGreaterThan(0);
    expect(() => ajv.compile(s.schema)).not.toThrow();
  });
});

describe('connectionSpecSchema', () => {
  it('is draft-07 and never forbids unknown keys', () => {
    expect(connectionSpecSchema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    expect(JSON.stringify(connectionSpecSchema)).not.toMatch(/"additionalProperties":false/);
  });

  it('gives every property a title (form labels)', () => {
    const untitled: string[] = [];
    const walk = (s: JsonValue, at: string) => {
      if (typeof s !== 'object' || s === null || Array.isArray(s)) return;
      const props = s['properties'];
      if (typeof props === 'object' && props !== null && !Array.isArray(props)) {
        for (const [k, v] of Object.entries(props)) {
          if (typeof v === 'object' && v !== null && !Array.isArray(v) && !('title' in v) && !('const' in v))
            untitled.push(`${at}/${k}`);
        }
      }
      for (const [k, v] of Object.entries(s)) walk(v, `${at}/${k}`);
    };
    walk(connectionSpecSchema, '#');
    // The explore boilerplate's inner shapes are Adobe's fixed text; everything else is labelled.
    expect(untitled.filter((p) => !p.includes('legacy') && !p.includes('/if/'))).toEqual([]);
  });

  it('accepts BLANK_SPEC', () => {
    expect(validateSchema(BLANK_SPEC)).toEqual([]);
  });

  it.each([null, 'x', [], { name: 'n' }] as JsonValue[])('rejects %j', (doc) => {
    expect(validateSchema(doc).length).toBeGreaterThan(0);
  });
});

describe("section schemas accept Adobe's fragments", () => {
  it.each([
    ['pagination.offset.json', paginationSchema, 'paginationParams'],
    ['pagination.page.json', paginationSchema, 'paginationParams'],
    ['pagination.page.legacy.json', paginationSchema, 'paginationParams'],
    ['pagination.none.json', paginationSchema, 'paginationParams'],
    ['pagination.continuation-token.json', paginationSchema, 'paginationParams'],
    ['pagination.pointer.json', paginationSchema, undefined],
    ['zendesk.schedule-params.advance.json', scheduleSchema, 'scheduleParams'],
    ['zendesk.url-params.schedule-query.json', urlParamsSchema, 'urlParams'],
    ['zendesk.custom-schema.json', customSchemaSchema, 'schema'],
    ['authspec.api-key.json', authSpecEntrySchema, undefined],
    ['authspec.basic-authentication.json', authSpecEntrySchema, undefined],
    ['authspec.oauth2-refresh-code.json', authSpecEntrySchema, undefined],
    ['mailchimp-members.content-path.json', contentPathSchema, 'contentPath'],
    ['explore-spec.json', exploreSpecSchema, 'exploreSpec'],
  ] as Array<[string, JSONSchema, string | undefined]>)('%s', (name, schema, key) => {
    expect(check(schema, inner(name, key))).toEqual([]);
  });

  it.each([
    ['lower-case type', { type: 'offset', limitName: 'l', limitValue: '5', offsetName: 'o' }],
    [
      'numeric strings',
      { type: 'PAGE', limitName: 'l', limitValue: '5', pageParamName: 'p', delayRequestMillis: '850' },
    ],
    ['legacy pointerName', { type: 'pointer', limitName: 'l', limitValue: 1, pointerName: 'paging.next' }],
  ] as Array<[string, JsonValue]>)('pagination accepts %s', (_n, value) => {
    expect(check(paginationSchema, value)).toEqual([]);
  });

  it.each([
    ['OFFSET without limitName', { type: 'OFFSET', limitValue: 5, offSetName: 'o' }, 'required'],
    ['PAGE without pageParamName', { type: 'PAGE', limitName: 'l', limitValue: 5 }, 'required'],
    [
      'CONTINUATION_TOKEN without path',
      { type: 'CONTINUATION_TOKEN', parameterType: 'QUERYPARAM', parameterName: 'p' },
      'required',
    ],
    [
      'non-numeric limitValue',
      { type: 'OFFSET', limitName: 'l', limitValue: 'ten', offSetName: 'o' },
      'pattern',
    ],
    ['unknown type', { type: 'CURSOR' }, 'const'],
  ] as Array<[string, JsonValue, string]>)('pagination rejects %s', (_n, value, keyword) => {
    expect(check(paginationSchema, value).map((e) => e.keyword)).toContain(keyword);
  });

  it.each([
    ['standard form without end name', { scheduleStartParamName: 's' }],
    ['ADVANCE without incremental', { type: 'ADVANCE', paramFormat: 'yyyy' }],
  ] as Array<[string, JsonValue]>)('schedule rejects %s', (_n, value) => {
    expect(check(scheduleSchema, value).map((e) => e.keyword)).toContain('required');
  });

  it('urlParams accepts the legacy query string and rejects method PUT', () => {
    expect(check(urlParamsSchema, { path: '/p', method: 'GET', queryParams: 'a=1&b=2' })).toEqual([]);
    expect(check(urlParamsSchema, { path: '/p', method: 'PUT' }).map((e) => e.keyword)).toContain('enum');
  });
});

describe('BLANK_SPEC and EXPLORE_SPEC_BOILERPLATE', () => {
  const b = BLANK_SPEC as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- terse reads in a test

  it('has the sensible defaults asked for', () => {
    expect(b['authSpec']).toHaveLength(1);
    expect(b['authSpec'][0]).toMatchObject({ type: 'OAuth2RefreshCode' });
    expect(Object.keys(b['authSpec'][0].spec.properties)).toEqual(['host', 'accessToken']);
    expect(b['sourceSpec'].attributes.urlParams).toMatchObject({ method: 'GET' });
    expect(b['sourceSpec'].attributes.contentPath.path).toBe('$.items');
    expect(b['sourceSpec'].attributes.paginationParams).toEqual({ type: 'NONE' });
    expect(b['sourceSpec'].spec.properties).toEqual({});
    // Adobe's boilerplate minus its typo: the blank spec's $schema is the real draft-07 URI.
    expect(b['exploreSpec']).toEqual({
      ...EXPLORE_SPEC_BOILERPLATE,
      responseSpec: {
        ...(EXPLORE_SPEC_BOILERPLATE['responseSpec'] as object),
        $schema: 'http://json-schema.org/draft-07/schema#',
      },
    });
  });

  it("equals Adobe's explore boilerplate verbatim", () => {
    const template = fixture('examples/generic-rest-extension.connection-spec-template.json') as Record<
      string,
      JsonValue
    >;
    expect(EXPLORE_SPEC_BOILERPLATE).toEqual(template['exploreSpec']);
  });
});
