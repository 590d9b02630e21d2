import { describe, expect, it } from 'vitest';
import type { JsonValue, Schedule } from '@core';
import {
  authNames,
  changedValues,
  customerSchemas,
  customerUiSchema,
  schemaProblem,
  toFormData,
} from '../../src/features/preview/customerForm';
import { scheduleTimeline, type Timeline } from '../../src/features/preview/scheduleTimeline';
import { pageHeaders } from '../../src/features/preview/usePreviewSync';
import type { FlowScheduleInputs, SamplePage } from '../../src/store/previewTypes';
import { parseSampleText } from '../../src/workers/previewParse';

const STANDARD: Schedule = {
  type: 'STANDARD',
  startParamName: 'since',
  endParamName: 'before',
  startFormat: 'yyyy-MM-ddTHH:mm:ssZ',
  endFormat: 'yyyy-MM-dd',
};
const ADVANCE: Schedule = {
  type: 'ADVANCE',
  paramFormat: 'yyyy-MM-ddTHH:mm:ss',
  incremental: 'updated>{START_TIME} AND updated<={END_TIME}',
  backfill: 'created<={END_TIME} AND org=${org}',
};
const NOW = Date.UTC(2026, 0, 2, 3, 20);
const ctx = { values: { org: 'acme co' }, declared: new Set(['org']), now: NOW };
const flow = (patch: Partial<FlowScheduleInputs>): FlowScheduleInputs => ({
  start: '2026-01-02T03:00',
  frequency: 'hour',
  interval: '6',
  ...patch,
});
const sent = (t: Timeline) => (t.ok ? t.runs.map((r) => r.sent) : t.errors);

describe('scheduleTimeline: the next runs and their parameters as sent', () => {
  it.each<[string, Schedule | undefined, Partial<FlowScheduleInputs>, number, unknown]>([
    [
      'standard: since/before rendered with each format, query-encoded',
      STANDARD,
      {},
      2,
      [
        'since=2026-01-02T03%3A00%3A00Z&before=2026-01-02',
        'since=2026-01-02T09%3A00%3A00Z&before=2026-01-02',
      ],
    ],
    [
      'ADVANCE: the first run renders backfill, later runs incremental',
      ADVANCE,
      { frequency: 'day', interval: '1' },
      2,
      [
        'created<=2026-01-03T03:00:00 AND org=acme co',
        'updated>2026-01-03T03:00:00 AND updated<=2026-01-04T03:00:00',
      ],
    ],
    [
      'minute interval 15 is allowed',
      STANDARD,
      { frequency: 'minute', interval: '15' },
      1,
      ['since=2026-01-02T03%3A00%3A00Z&before=2026-01-02'],
    ],
    [
      'once: one zero-length window, interval ignored',
      STANDARD,
      { frequency: 'once', interval: 'x' },
      10,
      ['since=2026-01-02T03%3A00%3A00Z&before=2026-01-02'],
    ],
    [
      'no scheduleParams: windows with nothing sent',
      undefined,
      { frequency: 'week', interval: '2' },
      2,
      ['', ''],
    ],
    [
      'empty start: the next full hour after now',
      STANDARD,
      { start: '', interval: '1' },
      1,
      ['since=2026-01-02T04%3A00%3A00Z&before=2026-01-02'],
    ],
    [
      'minute interval 14 is an inline error',
      STANDARD,
      { frequency: 'minute', interval: '14' },
      10,
      { interval: 'a "minute" schedule needs an integer interval of at least 15' },
    ],
    [
      'hour interval 0 is an inline error',
      STANDARD,
      { interval: '0' },
      10,
      { interval: 'a "hour" schedule needs an integer interval of at least 1' },
    ],
    [
      'an empty interval is an inline error',
      STANDARD,
      { frequency: 'day', interval: '' },
      10,
      { interval: 'a "day" schedule needs an integer interval of at least 1' },
    ],
    [
      'a fractional interval is an inline error',
      STANDARD,
      { interval: '1.5' },
      10,
      { interval: 'a "hour" schedule needs an integer interval of at least 1' },
    ],
    [
      'a bad start is an inline error',
      STANDARD,
      { start: '2026-13-45' },
      10,
      { start: 'Enter a start time (UTC).' },
    ],
  ])('%s', (_name, schedule, patch, count, expected) => {
    expect(sent(scheduleTimeline(schedule, flow(patch), ctx, count))).toEqual(expected);
  });

  it('lists 10 windows of interval × frequency, in epoch ms', () => {
    const t = scheduleTimeline(STANDARD, flow({}), ctx);
    expect(t.ok && t.runs.length).toBe(10);
    expect(t.ok && t.runs[9]).toMatchObject({
      index: 9,
      start: Date.UTC(2026, 0, 2, 3 + 54),
      end: Date.UTC(2026, 0, 2, 3 + 60),
      mode: null,
    });
  });

  it('reports a date format the core cannot render; a template input without a value shows as a marker', () => {
    const bad = scheduleTimeline({ ...STANDARD, endFormat: 'yyyy gg' }, flow({}), ctx);
    expect(bad.ok ? null : bad.errors.format).toMatch(/^date format `yyyy gg`: /);
    const missing = scheduleTimeline(ADVANCE, flow({}), { ...ctx, values: {} }, 2);
    expect(missing.ok && missing.runs.map((r) => r.error)).toEqual([undefined, undefined]);
    expect(missing.ok && missing.runs[0]?.sent).toContain('‹org›');
  });
});

const DOC = {
  authSpec: [
    {
      name: 'Key',
      type: 'KeyBased',
      spec: { type: 'object', properties: { apiKey: { type: 'string', format: 'password' } } },
    },
    { name: 'Basic', type: 'BasicAuthentication', spec: 'oops' },
  ],
  sourceSpec: {
    spec: {
      type: 'object',
      properties: { listId: { type: 'string' }, limit: { type: 'integer' }, on: { type: 'boolean' } },
    },
  },
} as unknown as JsonValue;

describe('customer view helpers', () => {
  it('picks the chosen auth spec (first when none or unknown) and the source schema', () => {
    expect(authNames(DOC)).toEqual(['Key', 'Basic']);
    expect(customerSchemas(DOC, null).auth?.pointer).toBe('/authSpec/0/spec');
    expect(customerSchemas(DOC, 'Basic').auth).toEqual({
      title: 'Basic',
      pointer: '/authSpec/1/spec',
      schema: 'oops',
    });
    expect(customerSchemas(DOC, 'nope').auth?.title).toBe('Key');
    expect(customerSchemas({}, null)).toEqual({
      auth: null,
      source: { title: 'Source parameters', pointer: '/sourceSpec/spec', schema: undefined },
    });
  });

  it.each<[JsonValue | undefined, RegExp | null]>([
    [{ type: 'object', properties: {} }, null],
    [{ properties: {} }, null],
    ['oops', /is a string, not a JSON Schema object/],
    [[1], /is an array/],
    [null, /is a null/],
    [{ type: 'string' }, /has type "string"/],
    [undefined, /is missing/],
  ])('schemaProblem(%j)', (schema, expected) => {
    const p = schemaProblem(schema, '/x');
    if (expected === null) expect(p).toBeNull();
    else expect(p).toMatch(expected);
  });

  it('shows secrets as password widgets and hides the submit button', () => {
    const auth = customerSchemas(DOC, 'Key').auth?.schema;
    expect(customerUiSchema(auth)).toEqual({
      'ui:submitButtonOptions': { norender: true },
      apiKey: { 'ui:widget': 'password' },
    });
  });

  it('types the run values for the form and writes back only what changed, as text', () => {
    const schema = customerSchemas(DOC, null).source.schema;
    const values = { listId: 'L1', limit: '20', on: 'true', other: 'x' };
    expect(toFormData(schema, values)).toEqual({ listId: 'L1', limit: 20, on: true });
    expect(toFormData(schema, { limit: 'abc', listId: '' })).toEqual({ limit: 'abc' });
    expect(changedValues(schema, values, { listId: 'L2', limit: 20, on: false })).toEqual([
      ['listId', 'L2'],
      ['on', 'false'],
    ]);
    expect(changedValues(schema, values, { limit: 20, on: true })).toEqual([['listId', '']]);
  });
});

describe('sample pages with response headers', () => {
  it('reads an envelope: the body is the page, header names are lower-cased', () => {
    const text = '{"headers": {"X-PageCount": 3, "ETag": "abc"}, "body": {"members": []}}';
    const { result, value } = parseSampleText('p', text, true);
    expect(value).toEqual({ members: [] });
    expect(result).toMatchObject({ ok: true, headers: { 'x-pagecount': '3', etag: 'abc' } });
  });

  it.each([
    ['{"members": []}', 1, 1, /no "body"/],
    ['{"headers": [], "body": 1}', 1, 13, /"headers" is not an object/],
    ['{"headers": {\n  "a": {"b": 1}}, "body": 1}', 2, 8, /header "a" must be a string/],
  ])('an envelope that is not one is an error with a location: %s', (text, line, column, message) => {
    const { result } = parseSampleText('p', text, true);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatchObject({ line, column, message: expect.stringMatching(message) });
  });

  it('passes page headers to the preview by page id, names lower-cased, empty names dropped', () => {
    const page = (id: string, headers?: Array<[string, string]>): SamplePage => ({
      id,
      name: id,
      origin: 'paste',
      size: 1,
      status: 'ok',
      ...(headers ? { headers } : {}),
    });
    expect(
      pageHeaders([
        page('a', [
          ['X-PageCount', '2'],
          ['', 'x'],
          ['  ETag ', 'e'],
        ]),
        page('b'),
        page('c', [['', '']]),
      ]),
    ).toEqual({ a: { 'x-pagecount': '2', etag: 'e' } });
  });
});
