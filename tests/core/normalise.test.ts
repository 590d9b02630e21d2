import { describe, expect, it } from 'vitest';
import { emptyModel, modernise, normalise } from '../../src/core/spec/normalise';
import type { Diagnostic, JsonValue } from '../../src/core/types';
import { fixture, patched, type Edit } from '../fixtures/spec/patch';

const base = fixture('examples/mailchimp-members.connection-spec.json');

interface Row {
  name: string;
  edits: Edit[];
  model: Record<string, unknown>;
  diagnostic: Pick<Diagnostic, 'severity' | 'code' | 'pointer'> | null;
}
const table = fixture('normalise-table.json') as unknown as Row[];

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) {
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
    Object.freeze(v);
  }
  return v;
}

describe('normalise: SEMANTICS §1 table and legacy forms', () => {
  it.each(table)('$name', (row) => {
    const doc = deepFreeze(patched(base, row.edits));
    const { model, diagnostics } = normalise(doc);
    expect(model).toMatchObject(row.model);
    if (row.diagnostic === null) expect(diagnostics).toEqual([]);
    else expect(diagnostics).toContainEqual(expect.objectContaining(row.diagnostic));
  });
});

describe('normalise: the model of Adobe examples', () => {
  it('reads MailChimp Members fully', () => {
    const { model, diagnostics } = normalise(base);
    expect(diagnostics).toEqual([]);
    expect(model).toEqual({
      name: 'MailChimp Members source',
      type: 'generic-rest',
      authSpecs: [
        {
          index: 0,
          name: 'OAuth2 Refresh Code',
          type: 'OAuth2RefreshCode',
          params: [
            {
              name: 'domain',
              type: 'string',
              secret: false,
              required: true,
              description: 'Enter domain name for host url',
              pointer: '/authSpec/0/spec/properties/domain',
            },
            {
              name: 'authorizationTestUrl',
              type: 'string',
              secret: false,
              required: false,
              description: 'Authorization test url to validate accessToken.',
              pointer: '/authSpec/0/spec/properties/authorizationTestUrl',
            },
            {
              name: 'accessToken',
              type: 'string',
              secret: true,
              required: true,
              description: 'Access Token of mailChimp endpoint.',
              pointer: '/authSpec/0/spec/properties/accessToken',
            },
          ],
        },
        expect.objectContaining({ index: 1, name: 'Basic Authentication', type: 'BasicAuthentication' }),
      ],
      userInputs: [
        {
          name: 'listId',
          type: 'string',
          secret: false,
          required: false,
          description: 'listId for which members need to fetch.',
          pointer: '/sourceSpec/spec/properties/listId',
        },
      ],
      urlParams: {
        host: 'https://${domain}.api.mailchimp.com',
        path: '/3.0/lists/${listId}/members',
        method: 'GET',
        queryParams: [],
      },
      headerParams: [],
      contentPath: {
        path: '$.members',
        skipAttributes: ['_links', 'total_items', 'list_id'],
        keepAttributes: [],
        overrideWrapperAttribute: 'member',
      },
      pagination: {
        type: 'OFFSET',
        limitName: 'count',
        limitValue: 100,
        offSetName: 'offset',
        endConditionName: '$.hasMore',
        endConditionValue: 'Const:false',
        maximumRequest: 10000,
        delayRequestMillis: 0,
      },
      schedule: {
        type: 'STANDARD',
        startParamName: 'since_last_changed',
        endParamName: 'before_last_changed',
        startFormat: 'yyyy-MM-ddTHH:mm:ss:fffffffK',
        endFormat: 'yyyy-MM-ddTHH:mm:ss:fffffffK',
      },
    });
  });

  it('reads the KeyBased auth spec with header names and secrets', () => {
    const doc = patched(base, [
      {
        pointer: '/authSpec/1',
        value: fixture('fragments/authspec.api-key.json'),
      },
    ]);
    const auth = normalise(doc).model.authSpecs[1];
    expect(auth?.params.map((p) => [p.name, p.secret, p.required, p.headerParamName])).toEqual([
      ['host', false, false, undefined],
      ['authKey1', true, true, 'X-Auth-Key1'],
      ['authKey2', true, false, 'X-Auth-Key2'],
      ['authKeyN', true, false, 'X-Auth-KeyN'],
    ]);
  });

  it('treats the schema-form template properties as documentation, not user inputs', () => {
    const { model, diagnostics } = normalise(
      fixture('examples/generic-rest-extension.connection-spec-template.json'),
    );
    expect(model.userInputs).toEqual([]);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'info',
        code: 'schema-form-template',
        pointer: '/sourceSpec/spec/properties',
      }),
    );
  });
});

describe('normalise: non-object documents', () => {
  it.each([null, [], 'spec', 42, true] as JsonValue[])('%j → one error at "" and an empty model', (doc) => {
    const r = normalise(doc);
    expect(r.model).toEqual(emptyModel());
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', pointer: '', code: 'not-object' }),
    ]);
  });
});

describe('normalise: never mutates, never drops', () => {
  const odd = patched(base, [
    { pointer: '/zUnknown', value: { b: 1, a: [1, { c: null }] } },
    { pointer: '/sourceSpec/attributes/contentPath', value: '$.members' },
    { pointer: '/sourceSpec/attributes/paginationParams/x-extra', value: 'kept' },
  ]);
  const proto = JSON.parse('{"name":"n","__proto__":{"polluted":true}}') as JsonValue;

  it('leaves the input unchanged (frozen input does not throw)', () => {
    const before = JSON.stringify(odd);
    expect(() => normalise(deepFreeze(JSON.parse(before) as JsonValue))).not.toThrow();
    normalise(odd);
    expect(JSON.stringify(odd)).toBe(before);
  });

  it('keeps unknown keys and key order in the normalised spec', () => {
    const spec = normalise(odd).spec as Record<string, JsonValue>;
    expect(Object.keys(spec)).toEqual(Object.keys(odd as object));
    expect(spec['zUnknown']).toEqual({ b: 1, a: [1, { c: null }] });
    expect(Object.keys(spec['zUnknown'] as object)).toEqual(['b', 'a']);
    const attrs = (spec['sourceSpec'] as Record<string, Record<string, JsonValue>>)['attributes'];
    expect(attrs?.['contentPath']).toEqual({ path: '$.members' });
    expect(attrs?.['paginationParams']).toMatchObject({ 'x-extra': 'kept' });
  });

  it('keeps __proto__ as an own key and never touches Object.prototype', () => {
    const spec = normalise(proto).spec as Record<string, JsonValue>;
    expect(Object.hasOwn(spec, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

const A = '/sourceSpec/attributes';
describe('modernise', () => {
  it.each([
    [
      'contentPath string',
      [{ pointer: `${A}/contentPath`, value: '$.x' }],
      `${A}/contentPath`,
      { path: '$.x' },
    ],
    [
      'offsetName',
      [
        {
          pointer: `${A}/paginationParams`,
          value: { type: 'offset', limitName: 'l', offsetName: 'o', limitValue: '5' },
        },
      ],
      `${A}/paginationParams`,
      { type: 'OFFSET', limitName: 'l', offSetName: 'o', limitValue: '5' },
    ],
    [
      'pointerName',
      [{ pointer: `${A}/paginationParams`, value: { type: 'pointer', pointerName: 'p' } }],
      `${A}/paginationParams`,
      { type: 'POINTER', pointerPath: 'p' },
    ],
    [
      'queryParams string',
      [{ pointer: `${A}/urlParams/queryParams`, value: 'a=1&b=2' }],
      `${A}/urlParams/queryParams`,
      { a: '1', b: '2' },
    ],
    [
      'headerParams string',
      [{ pointer: `${A}/headerParams`, value: 'X-A=1,X-B=2' }],
      `${A}/headerParams`,
      { 'X-A': '1', 'X-B': '2' },
    ],
    [
      'hostName',
      [{ pointer: `${A}/urlParams`, value: { hostName: 'https://h', path: '/p' } }],
      `${A}/urlParams`,
      { host: 'https://h', path: '/p' },
    ],
  ] as Array<[string, Edit[], string, JsonValue]>)('rewrites %s', (_n, edits, pointer, expected) => {
    const doc = patched(base, edits);
    const before = JSON.stringify(doc);
    const out = modernise(doc);
    const segs = pointer.split('/').slice(1);
    const got = segs.reduce<JsonValue | undefined>((v, s) => (v as Record<string, JsonValue>)[s], out);
    expect(got).toEqual(expected);
    expect(Object.keys(got as object)).toEqual(Object.keys(expected as object));
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('leaves a modern spec unchanged and skips a rename whose target exists', () => {
    expect(modernise(base)).toEqual(base);
    const both = patched(base, [{ pointer: `${A}/paginationParams/offsetName`, value: 'legacy' }]);
    const p = (modernise(both) as Record<string, Record<string, Record<string, JsonValue>>>)['sourceSpec']?.[
      'attributes'
    ]?.['paginationParams'];
    expect(p).toMatchObject({ offSetName: 'offset', offsetName: 'legacy' });
  });
});
