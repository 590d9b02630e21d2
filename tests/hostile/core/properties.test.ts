/**
 * Property-based hostile tests (fast-check) over normalise, validate, flatten and simulate with
 * generated specs and responses full of prototype-named keys, pointer syntax, lone surrogates,
 * hostile templates and JSONPaths: no uncaught exception, Object.prototype unchanged after every
 * run, and bounded time per run.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  flatten,
  normalise,
  recordsToNdjson,
  simulate,
  tableToCsv,
  toTable,
  validate,
  type JsonObject,
  type JsonValue,
  type SampleResponse,
} from '../../../src/core/index';

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
const PROTO_DESCRIPTORS = Object.getOwnPropertyDescriptors(Object.prototype);
const RUN_MS = 2_000;

/** Object.prototype exactly as it was: same keys, same values, and no inherited extras. */
function expectPrototypeUnchanged(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS);
  for (const key of PROTO_KEYS) {
    expect(Object.getOwnPropertyDescriptor(Object.prototype, key)).toEqual(PROTO_DESCRIPTORS[key]);
  }
  const probe = {} as Record<string, unknown>;
  expect(probe['polluted']).toBeUndefined();
  expect(probe['x']).toBeUndefined();
}

afterAll(expectPrototypeUnchanged);

const key = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'hasOwnProperty',
    'toString',
    'valueOf',
    'a.b',
    'a/b',
    '~0',
    '[0]',
    '',
    ' ',
    '😀',
    '\ud800',
    'polluted',
    'x',
    'members',
    'data',
    'next',
    'path',
    'type',
  ),
  fc.string({ maxLength: 6 }),
);

/** An object whose keys (`__proto__` included) are own data properties, as JSON.parse makes them. */
const objectOf = (value: fc.Arbitrary<JsonValue>) =>
  fc.array(fc.tuple(key, value), { maxLength: 5 }).map((entries) => {
    const o: JsonObject = {};
    for (const [k, v] of entries) {
      Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return o;
  });

const scalar: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, 1e308),
  fc.string({ maxLength: 8 }),
  fc.constantFrom('\ud800', '<img src=x onerror=alert(1)>', '${x}', '$&', '\r\n'),
);

const { json } = fc.letrec<{ json: JsonValue }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('json'), { maxLength: 4 }),
    objectOf(tie('json')),
  ),
}));

const template = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 5 }),
      fc.constantFrom(
        '${listId}',
        '${__proto__}',
        '${constructor}',
        '${nope}',
        '${listId',
        '{START_TIME}',
        '{START_TIME',
        '{SCHEDULE_QUERY}',
        '{{listId}}',
        '@{x}',
        '../',
        '?#',
        '\r\n',
        '\ud800',
        'http://169.254.169.254',
        'https://',
      ),
    ),
    { maxLength: 4 },
  )
  .map((parts) => parts.join(''));

const jsonPath = fc.oneof(
  fc.constantFrom(
    '$.members',
    '$..*',
    '$..[?@.x]',
    '$[*]',
    '$',
    '$.data[?@.id == $..id]',
    "$[?match(@, '(a|a)*b')]",
    '$[(@.length-1)]',
    "$[?(@.constructor.constructor('globalThis.x=1')())]",
    '$.__proto__',
    'paging.next',
    '$[',
    '',
  ),
  fc.string({ maxLength: 10 }),
);

const field = <T>(specific: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: specific }, { weight: 1, arbitrary: json });

const pathSpec = fc.oneof(
  jsonPath,
  fc.record(
    {
      path: field(jsonPath),
      skipAttributes: field(fc.array(key, { maxLength: 3 })),
      keepAttributes: field(fc.array(key, { maxLength: 2 })),
      overrideWrapperAttribute: field(key),
    },
    { requiredKeys: ['path'] },
  ),
);

const spec: fc.Arbitrary<JsonValue> = fc.oneof(
  { weight: 1, arbitrary: json },
  {
    weight: 5,
    arbitrary: fc.record({
      name: field(fc.string({ maxLength: 5 })),
      authSpec: field(
        fc.array(
          fc.record({
            name: field(fc.string({ maxLength: 5 })),
            type: field(fc.constantFrom('KeyBased', 'BasicAuthentication', 'OAuth2RefreshCode', '__proto__')),
            spec: field(fc.record({ properties: field(objectOf(field(objectOf(json)))) })),
          }),
          { maxLength: 2 },
        ),
      ),
      sourceSpec: field(
        fc.record({
          attributes: field(
            fc.record({
              urlParams: field(
                fc.record({
                  host: field(template),
                  path: field(template),
                  method: field(fc.constantFrom('GET', 'POST', 'get', 'DELETE')),
                  queryParams: field(fc.oneof(template, objectOf(field(template)))),
                }),
              ),
              headerParams: field(fc.oneof(template, objectOf(field(template)))),
              bodyParams: json,
              contentPath: field(pathSpec),
              explodeEntityPath: field(pathSpec),
              paginationParams: field(
                fc.record({
                  type: field(
                    fc.constantFrom('NONE', 'OFFSET', 'PAGE', 'POINTER', 'CONTINUATION_TOKEN', 'offset'),
                  ),
                  limitName: field(key),
                  limitValue: field(fc.oneof(fc.integer({ min: -2, max: 5 }), fc.constantFrom('10', 'x'))),
                  offSetName: field(key),
                  pageParamName: field(key),
                  pointerPath: field(jsonPath),
                  continuationTokenPath: field(jsonPath),
                  parameterType: field(fc.constantFrom('QUERYPARAM', 'HEADERPARAM')),
                  parameterName: field(key),
                  endConditionName: field(jsonPath),
                  maximumRequest: field(fc.integer({ min: -1, max: 6 })),
                }),
              ),
              scheduleParams: field(
                fc.record({
                  type: field(fc.constantFrom('ADVANCE', 'advance')),
                  scheduleStartParamName: field(key),
                  scheduleEndParamName: field(key),
                  scheduleStartParamFormat: field(fc.constantFrom('yyyy-MM-dd', 'tt', "'x", 'fffffffK')),
                  paramFormat: field(fc.constantFrom('yyyy', 'MMM', 'zzz')),
                  incremental: field(template),
                }),
              ),
            }),
          ),
          spec: field(fc.record({ properties: field(objectOf(field(objectOf(json)))) })),
        }),
      ),
    }),
  },
);

const response: fc.Arbitrary<SampleResponse> = fc.record(
  {
    body: fc.oneof(json, fc.record({ members: fc.array(json, { maxLength: 4 }), next: field(template) })),
    headers: objectOf(fc.string({ maxLength: 4 })) as unknown as fc.Arbitrary<Record<string, string>>,
  },
  { requiredKeys: ['body'] },
);

const params = objectOf(fc.oneof(template, fc.string({ maxLength: 4 }))) as unknown as fc.Arbitrary<
  Record<string, string>
>;

/** Runs `f`, checks it returned within the time budget and left Object.prototype alone. */
function bounded<T>(f: () => T): T {
  const t0 = performance.now();
  const out = f();
  expect(performance.now() - t0).toBeLessThan(RUN_MS);
  expectPrototypeUnchanged();
  return out;
}

describe('properties: hostile specs and responses never crash the core', () => {
  it('A13: normalise and validate on generated specs (prototype keys, surrogates, templates): no exception, well-formed diagnostics', () => {
    fc.assert(
      fc.property(spec, (doc) => {
        const n = bounded(() => normalise(doc));
        const v = bounded(() => validate(doc));
        for (const d of [...n.diagnostics, ...v]) {
          expect(['error', 'warning', 'info']).toContain(d.severity);
          expect(d.pointer === '' || d.pointer.startsWith('/')).toBe(true);
          expect(typeof d.message).toBe('string');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('A14: flatten, toTable, CSV and NDJSON on generated specs and responses: no exception, counts agree', () => {
    fc.assert(
      fc.property(spec, fc.array(json, { maxLength: 3 }), (doc, bodies) => {
        const { model } = normalise(doc);
        const r = bounded(() => flatten(model, bodies));
        expect(r.pages).toHaveLength(bodies.length);
        expect(r.pages.reduce((a, p) => a + p.records, 0)).toBe(r.records.length);
        const t = bounded(() => toTable(r.records));
        expect(t.rows).toHaveLength(r.records.length);
        bounded(() => tableToCsv(t));
        bounded(() => recordsToNdjson(r.records));
      }),
      { numRuns: 300 },
    );
  });

  it('D2: simulate on generated specs, params and responses: no exception, no raw placeholder or CR/LF sent', () => {
    fc.assert(
      fc.property(spec, params, fc.array(response, { maxLength: 4 }), (doc, p, responses) => {
        const { model } = normalise(doc);
        const r = bounded(() =>
          simulate(model, { params: p, now: Date.UTC(2026, 0, 2), backfill: false }, responses),
        );
        expect(typeof r.stop.message).toBe('string');
        expect(r.steps.length).toBeLessThanOrEqual(Math.max(1, responses.length));
        expect(r.steps.length).toBeLessThanOrEqual(Math.max(1, model.pagination.maximumRequest));
        for (const s of r.steps) {
          expect(s.request.url).not.toMatch(/\$\{|undefined/);
          for (const v of Object.values(s.request.headers)) expect(v).not.toMatch(/[\r\n]/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
