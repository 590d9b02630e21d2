import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/core/run/simulate';
import type {
  JsonValue,
  Pagination,
  SampleResponse,
  Schedule,
  SpecModel,
  StopReason,
} from '../../src/core/types';
import { apiKey, basic, oauth, param } from '../fixtures/run/models';

const REASONS: StopReason[] = [
  'single-request',
  'end-condition',
  'short-page',
  'end-page',
  'no-pointer',
  'no-token',
  'max-requests',
  'loop-detected',
  'samples-exhausted',
  'blocked',
];

const names = fc.constantFrom('listId', 'domain', 'accessToken', 'nope', 'host', '__proto__', 'constructor');
const text = fc.stringMatching(/^[a-z0-9 /?&=#:.%-]{0,8}$/);
const template = fc
  .array(
    fc.oneof(
      text,
      names.map((n) => '${' + n + '}'),
      names.map((n) => '{' + n + '}'),
      fc.constantFrom('{SCHEDULE_QUERY}', '@{x}', '${'),
    ),
    { maxLength: 4 },
  )
  .map((parts) => parts.join(''));
const path = fc.constantFrom('$.next', 'next', 'paging.next', '$.items[0].id', '$..x', '$[', 'hasMore', '');
const count = fc.integer({ min: -2, max: 4 });
const common = {
  maximumRequest: fc.integer({ min: 1, max: 12 }),
  delayRequestMillis: fc.integer({ min: 0, max: 2000 }),
};

const pagination: fc.Arbitrary<Pagination> = fc.oneof(
  fc.record({ ...common, type: fc.constant('NONE' as const) }),
  fc.record({
    ...common,
    type: fc.constant('OFFSET' as const),
    limitName: fc.constantFrom('limit', ''),
    limitValue: count,
    offSetName: fc.constant('offset'),
    endConditionName: fc.option(path, { nil: undefined }),
    endConditionValue: fc.option(fc.constantFrom('Const:false', 'true', '1'), { nil: undefined }),
  }),
  fc.record({
    ...common,
    type: fc.constant('PAGE' as const),
    limitName: fc.constant('size'),
    limitValue: count,
    pageParamName: fc.constant('page'),
    initialPageIndex: count,
    endPageIndex: fc.option(fc.oneof(count, fc.constantFrom('headers.x-pagecount', 'other')), {
      nil: undefined,
    }),
  }),
  fc.record({
    ...common,
    type: fc.constant('POINTER' as const),
    limitName: fc.option(fc.constant('limit'), { nil: undefined }),
    limitValue: fc.option(count, { nil: undefined }),
    pointerPath: path,
  }),
  fc.record({
    ...common,
    type: fc.constant('CONTINUATION_TOKEN' as const),
    continuationTokenPath: path,
    parameterType: fc.constantFrom('QUERYPARAM' as const, 'HEADERPARAM' as const),
    parameterName: fc.constantFrom('cursor', 'X-Cursor', 'bad name'),
  }),
);

const schedule: fc.Arbitrary<Schedule | undefined> = fc.option(
  fc.oneof(
    fc.record({
      type: fc.constant('STANDARD' as const),
      startParamName: fc.constant('from'),
      endParamName: fc.constant('to'),
      startFormat: fc.constantFrom('', 'yyyy-MM-ddTHH:mm:ss:fffffffK', 'g'),
      endFormat: fc.constantFrom('', 'tt MMM'),
    }),
    fc.record({
      type: fc.constant('ADVANCE' as const),
      paramFormat: fc.constantFrom('yyyy-MM-ddTHH:mm:ssK', "'x"),
      incremental: template,
      backfill: fc.option(template, { nil: undefined }),
    }),
  ),
  { nil: undefined },
);

const model: fc.Arbitrary<SpecModel> = fc.record({
  authSpecs: fc.subarray([oauth, basic, apiKey]),
  userInputs: fc.subarray([
    param('listId'),
    param('constructor', { default: 'c' }),
    param('secret', { secret: true }),
  ]),
  urlParams: fc.record({
    host: fc.option(fc.oneof(template, fc.constant('https://${domain}.example.com')), { nil: undefined }),
    path: template,
    method: fc.constantFrom('GET', 'POST', 'get'),
    queryParams: fc.array(fc.tuple(fc.constantFrom('q', 'filter[type]', '__proto__'), template), {
      maxLength: 3,
    }),
  }),
  headerParams: fc.array(fc.tuple(fc.constantFrom('Accept', 'X-Id', '__proto__', 'Bad Header'), template), {
    maxLength: 3,
  }),
  bodyParams: fc.option(fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<JsonValue>, { nil: undefined }),
  contentPath: fc.option(
    fc.record({
      path: fc.constantFrom('$.items', '$', '$.data[*]', '$['),
      skipAttributes: fc.constant([]),
      keepAttributes: fc.constant([]),
    }),
    { nil: undefined },
  ),
  pagination,
  schedule,
});

/** Models that start: every placeholder declared and given a value, hosts valid. */
const safeTemplate = fc
  .array(
    fc.oneof(text, fc.constantFrom('${listId}', '{listId}', '{{constructor}}', '{SCHEDULE_QUERY}', '@{x}')),
    { maxLength: 3 },
  )
  .map((parts) => parts.join(''));
const startable: fc.Arbitrary<SpecModel> = fc.record({
  authSpecs: fc.constantFrom([oauth], [basic]),
  userInputs: fc.constant([param('listId'), param('constructor', { default: 'c' })]),
  urlParams: fc.record({
    host: fc.constantFrom('https://${domain}.example.com', 'http://api.example.com:8080/'),
    path: safeTemplate,
    method: fc.constantFrom('GET', 'POST'),
    queryParams: fc.array(fc.tuple(fc.constantFrom('q', 'filter[type]', '__proto__'), safeTemplate), {
      maxLength: 3,
    }),
  }),
  headerParams: fc.array(fc.tuple(fc.constantFrom('Accept', 'X-Id', '__proto__'), safeTemplate), {
    maxLength: 3,
  }),
  bodyParams: fc.option(fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<JsonValue>, { nil: undefined }),
  contentPath: fc.option(
    fc.record({
      path: fc.constantFrom('$.items', '$', '$.data[*]'),
      skipAttributes: fc.constant([]),
      keepAttributes: fc.constant([]),
    }),
    { nil: undefined },
  ),
  pagination,
  schedule: fc.option(
    fc.oneof(
      fc.record({
        type: fc.constant('STANDARD' as const),
        startParamName: fc.constant('from'),
        endParamName: fc.constant('to'),
        startFormat: fc.constantFrom('', 'yyyy-MM-ddTHH:mm:ss:fffffffK'),
        endFormat: fc.constantFrom('', 'tt MMM'),
      }),
      fc.record({
        type: fc.constant('ADVANCE' as const),
        paramFormat: fc.constant('yyyy-MM-ddTHH:mm:ssK'),
        incremental: safeTemplate,
        backfill: fc.option(safeTemplate, { nil: undefined }),
      }),
    ),
    { nil: undefined },
  ),
});
const fullParams = { domain: 'us6', listId: 'l', accessToken: 't', username: 'u', password: 'p' };

const protoKeyed = fc.constantFrom(
  '{"__proto__":{"polluted":1},"next":"/n"}',
  '{"constructor":{"prototype":{"x":1}},"items":[1,2]}',
);
const response: fc.Arbitrary<SampleResponse> = fc.record({
  body: fc.oneof(
    fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<JsonValue>,
    protoKeyed.map((t) => JSON.parse(t) as JsonValue),
    fc.record({
      next: fc.oneof(fc.constantFrom('/a', '/b', 'https://x.example.com/c', null), fc.string()),
      items: fc.array(fc.integer(), { maxLength: 5 }),
      hasMore: fc.boolean(),
    }) as fc.Arbitrary<JsonValue>,
  ),
  headers: fc.option(
    fc.dictionary(fc.constantFrom('x-pagecount', 'X-PageCount', 'other'), fc.constantFrom('1', '2', 'x', '')),
    { nil: undefined },
  ),
});
const params = fc.dictionary(
  fc.constantFrom('listId', 'domain', 'accessToken', 'username', 'password', 'host', 'authKey1', 'secret'),
  fc.stringMatching(/^[a-z0-9.:/]{0,10}$/),
);

const modelAndParams = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(startable, fc.constant(fullParams)) },
  { weight: 1, arbitrary: fc.tuple(model, params) },
);

describe('simulate properties (fast-check)', () => {
  it('never throws, stops for exactly one reason, respects maximumRequest, leaves Object.prototype alone', () => {
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    fc.assert(
      fc.property(
        modelAndParams,
        fc.array(response, { maxLength: 15 }),
        fc.boolean(),
        ([m, p], responses, backfill) => {
          const r = simulate(m, { params: p, now: 1767323045123, backfill }, responses);
          expect(REASONS).toContain(r.stop.reason);
          expect(r.stop.message.length).toBeGreaterThan(0);
          expect(r.steps.length).toBeLessThanOrEqual(m.pagination.maximumRequest);
          expect(r.steps.length).toBeLessThanOrEqual(responses.length);
          expect(r.next !== undefined).toBe(r.stop.reason === 'samples-exhausted');
          if (r.stop.reason === 'blocked') expect(r.steps).toEqual([]);
          for (const s of [...r.steps, ...(r.next ? [r.next] : [])]) {
            for (const req of [s.request, s.display]) {
              expect(req.url).not.toContain('undefined');
              expect(req.url.startsWith('http')).toBe(true);
              for (const v of Object.values(req.headers)) expect(v).not.toMatch(/[\r\n]|undefined/);
            }
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(({} as Record<string, unknown>).x).toBeUndefined();
        },
      ),
      { numRuns: 400 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
  });
});
