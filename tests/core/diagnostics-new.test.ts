import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainRecord } from '../../src/core/flatten/explain';
import { flatten } from '../../src/core/flatten/flatten';
import { BLANK_SPEC } from '../../src/core/schemas/index';
import { normalise } from '../../src/core/spec/normalise';
import { samplePathChecks } from '../../src/core/spec/sampleChecks';
import { validate } from '../../src/core/spec/validate';
import type { Diagnostic, JsonValue } from '../../src/core/types';
import { fixture, patched, type Edit } from '../fixtures/spec/patch';

const base = fixture('examples/mailchimp-members.connection-spec.json');
const A = '/sourceSpec/attributes';
const find = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code);

describe('validate: new diagnostics (issue 8, D12)', () => {
  it.each([
    ['no contentPath', [{ pointer: `${A}/contentPath` }], 'content-path-missing', 'warning', A],
    ['no paginationParams', [{ pointer: `${A}/paginationParams` }], 'pagination-missing', 'warning', A],
    ['no scheduleParams', [{ pointer: `${A}/scheduleParams` }], 'schedule-missing', 'info', A],
    [
      'an unknown auth type',
      [{ pointer: '/authSpec/1/type', value: 'Basic' }],
      'auth-type-unknown',
      'warning',
      '/authSpec/1/type',
    ],
    [
      'KeyBased without a required key',
      [
        { pointer: '/authSpec/1/type', value: 'KeyBased' },
        { pointer: '/authSpec/1/spec/required', value: ['host'] },
      ],
      'keybased-no-required-key',
      'warning',
      '/authSpec/1/spec/required',
    ],
    [
      'KeyBased with a required key but no headerParamName',
      [
        { pointer: '/authSpec/1/type', value: 'KeyBased' },
        { pointer: '/authSpec/1/spec/properties/authKey1', value: { type: 'string', format: 'password' } },
        { pointer: '/authSpec/1/spec/required', value: ['authKey1'] },
      ],
      'keybased-no-header',
      'warning',
      '/authSpec/1/spec/properties/authKey1',
    ],
    [
      'ADVANCE schedule whose {SCHEDULE_QUERY} is never used',
      [
        {
          pointer: `${A}/scheduleParams`,
          value: {
            type: 'ADVANCE',
            paramFormat: 'yyyy-MM-ddTHH:mm:ssK',
            incremental: 'updated>{START_TIME}',
          },
        },
      ],
      'schedule-query-unused',
      'warning',
      `${A}/scheduleParams/type`,
    ],
    [
      'a $schema that is not a JSON Schema URI',
      [{ pointer: '/sourceSpec/spec/$schema', value: 'https://example.com/my-schema' }],
      'schema-uri-unknown',
      'warning',
      '/sourceSpec/spec/$schema',
    ],
  ] as Array<[string, Edit[], string, string, string]>)('%s', (_n, edits, code, severity, pointer) => {
    const at = (ds: Diagnostic[]) => find(ds, code).filter((d) => d.pointer === pointer);
    expect(at(validate(base))).toEqual([]);
    expect(at(validate(patched(base, edits)))).toEqual([expect.objectContaining({ severity, pointer })]);
  });

  it('ADVANCE with {SCHEDULE_QUERY} in the query is fine', () => {
    const doc = patched(base, [
      {
        pointer: `${A}/scheduleParams`,
        value: { type: 'ADVANCE', paramFormat: 'yyyy-MM-ddTHH:mm:ssK', incremental: 'updated>{START_TIME}' },
      },
      { pointer: `${A}/urlParams/queryParams`, value: { query: '{SCHEDULE_QUERY}' } },
    ]);
    expect(find(validate(doc), 'schedule-query-unused')).toEqual([]);
  });

  it('a KeyBased spec as Adobe documents it has no KeyBased finding', () => {
    const doc = patched(base, [
      {
        pointer: '/authSpec/1',
        value: fixture('fragments/authspec.api-key.json'),
      },
    ]);
    const ds = validate(doc);
    expect(ds.filter((d) => d.code?.startsWith('keybased'))).toEqual([]);
  });

  it('Adobe’s "http: //json-schema.org/…" typo: names the fix', () => {
    const [d] = find(validate(base), 'schema-uri-unknown');
    expect(d?.pointer).toBe('/exploreSpec/responseSpec/$schema');
    expect(d?.message).toContain('write "http://json-schema.org/draft-07/schema#"');
  });

  it('the blank template has no $schema typo (and no warnings at all)', () => {
    expect(JSON.stringify(BLANK_SPEC)).not.toContain('http: //');
    expect(validate(BLANK_SPEC).filter((d) => d.severity !== 'info')).toEqual([]);
  });
});

describe('explode vs skip (D13)', () => {
  const doc = patched(base, [{ pointer: `${A}/explodeEntityPath`, value: { path: '$.member._links' } }]);
  const message =
    'explodeEntityPath $.member._links names `_links`, which contentPath.skipAttributes removes: keep/skip act before explode, so no record is exploded';

  it('validate says so statically, naming the list', () => {
    expect(find(validate(doc), 'explode-skipped')).toEqual([
      {
        severity: 'warning',
        pointer: `${A}/explodeEntityPath/path`,
        code: 'explode-skipped',
        message,
        params: { path: '$.member._links', key: '_links', list: 'skipAttributes' },
      },
    ]);
  });

  it('keepAttributes that leaves the array out is named too', () => {
    const keep = patched(doc, [
      { pointer: `${A}/contentPath/keepAttributes`, value: ['id'] },
      { pointer: `${A}/contentPath/skipAttributes`, value: [] },
    ]);
    expect(find(validate(keep), 'explode-skipped')[0]?.message).toContain(
      'contentPath.keepAttributes does not keep',
    );
  });

  it('the preview (flatten) says the same instead of "3 records had no _links entries"', () => {
    const page = fixture('../flatten/mailchimp-members.api-response.legacy.json');
    const { model } = normalise(doc);
    const r = flatten(model, [page]);
    expect(r.diagnostics.some((d) => /had no _links entries/.test(d.message))).toBe(false);
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: 'explode-skipped', message }));
  });

  it('the record explainer says why the record was not exploded', () => {
    const page = fixture('../flatten/mailchimp-members.api-response.legacy.json');
    const e = explainRecord(normalise(doc).model, page, 0);
    const step = e?.steps.find((x) => x.id === 'exploded');
    expect(step?.text).toContain(message);
  });

  it('an explode path the skip list does not touch gives no such finding', () => {
    const fine = patched(base, [{ pointer: `${A}/explodeEntityPath`, value: { path: '$.member.tags' } }]);
    expect(find(validate(fine), 'explode-skipped')).toEqual([]);
  });
});

describe('samplePathChecks: pagination paths over the sample pages (preview finding)', () => {
  const page = fixture('../flatten/mailchimp-members.api-response.legacy.json');
  const model = (d: JsonValue) => normalise(d).model;

  it('MailChimp’s $.hasMore matches nothing in a real MailChimp response', () => {
    expect(samplePathChecks(base, model(base), [page])).toEqual([
      expect.objectContaining({
        severity: 'warning',
        pointer: `${A}/paginationParams/endConditionName`,
        code: 'sample-path-no-match',
        message: expect.stringMatching(/^endConditionName \$\.hasMore matches nothing in the sample page/),
      }),
    ]);
  });

  it('a path found in any one page is fine; no pages, no finding', () => {
    const withFlag = { ...(page as object), hasMore: false } as JsonValue;
    expect(samplePathChecks(base, model(base), [page, withFlag])).toEqual([]);
    expect(samplePathChecks(base, model(base), [])).toEqual([]);
  });

  it.each([
    [{ type: 'POINTER', limitName: 'n', limitValue: 1, pointerPath: '$.next' }, 'pointerPath'],
    [{ type: 'POINTER', limitName: 'n', limitValue: 1, pointerName: 'next' }, 'pointerName'],
    [
      {
        type: 'CONTINUATION_TOKEN',
        continuationTokenPath: '$.meta.cursor',
        parameterType: 'QUERYPARAM',
        parameterName: 'c',
      },
      'continuationTokenPath',
    ],
  ] as Array<[JsonValue, string]>)('%j → a warning at %s', (pag, key) => {
    const d = patched(base, [{ pointer: `${A}/paginationParams`, value: pag }]);
    const out = samplePathChecks(d, model(d), [{ data: [] }]);
    expect(out).toEqual([expect.objectContaining({ pointer: `${A}/paginationParams/${key}` })]);
    expect(samplePathChecks(d, model(d), [{ next: 'x', meta: { cursor: 'c' } }])).toEqual([]);
  });
});

describe('the built-in examples (public/examples)', () => {
  const read = (f: string) =>
    JSON.parse(readFileSync(join(process.cwd(), 'public/examples', f), 'utf8')) as JsonValue;
  it.each(['mailchimp-members', 'zendesk-users', 'acme-orders', 'pulse-events'])(
    '%s: no errors or warnings, and no pagination path missing from its own sample',
    (id) => {
      const spec = read(`${id}.json`);
      expect(validate(spec).filter((d) => d.severity !== 'info')).toEqual([]);
      let body = read(`${id}.sample.json`);
      if (typeof body === 'object' && body !== null && !Array.isArray(body) && 'body' in body)
        body = body['body'] as JsonValue;
      expect(samplePathChecks(spec, normalise(spec).model, [body])).toEqual([]);
    },
  );

  it('MailChimp no longer relies on $.hasMore, which real MailChimp responses lack', () => {
    expect(JSON.stringify(read('mailchimp-members.json'))).not.toContain('hasMore');
    expect(read('mailchimp-members.sample.json')).not.toHaveProperty('hasMore');
  });
});
