import { describe, expect, it } from 'vitest';
import { normalise, type JsonValue, type StopReason } from '@core';
import { exampleIdOf } from '../../src/features/preview/ExampleSampleButton';
import { countsLine } from '../../src/features/preview/recordsText';
import { cellText } from '../../src/features/preview/RecordsTable';
import { formatUtcLocal, parseUtcLocal, toRunOptions } from '../../src/features/preview/runOptions';
import { pageErrorText } from '../../src/features/preview/SamplePageList';
import { explainStop, rateText } from '../../src/features/preview/stopReasons';
import { contentPathFor, explodePathFor } from '../../src/features/preview/treePaths';
import { describeValue, sampleMatches } from '../../src/workers/previewEngine';
import { recordsSummary } from './preview.helpers';
import type { RunInputs } from '../../src/store/previewTypes';

const summary = recordsSummary;
const pages = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ pageId: `p${i}`, contentItems: 0, records: 0, explodeMissing: 0 }));

describe('countsLine', () => {
  it.each([
    [summary({ records: 1, contentItems: 1, pages: pages(1) }), '1 record from 1 page'],
    [summary({ records: 1234, contentItems: 1234, pages: pages(3) }), '1,234 records from 3 pages'],
    [
      summary({
        records: 40,
        contentItems: 20,
        explodeMissing: 12,
        explodeName: 'activity',
        pages: pages(2),
      }),
      '40 records from 2 pages; 20 content items before exploding; 12 records had no activity entries (kept once, unexploded)',
    ],
    [
      summary({
        records: 300000,
        contentItems: 300000,
        totalRows: 300000,
        rowCount: 200000,
        truncated: true,
        pages: pages(1),
      }),
      '300,000 records from 1 page; the table shows the first 200,000',
    ],
  ])('%#: %s', (r, expected) => expect(countsLine(r)).toBe(expected));
});

describe('stop reasons in words', () => {
  const reasons: StopReason[] = [
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
  it.each(reasons)('%s has a title and an explanation', (reason) => {
    const e = explainStop(reason);
    expect(e.title.length).toBeGreaterThan(5);
    expect(e.explanation.length).toBeGreaterThan(30);
  });
  it.each([
    ['loop-detected', 'error', /never end/],
    ['samples-exhausted', 'warning', /request shown below/],
    ['short-page', 'ok', /fewer content items than limitValue/],
  ] as const)('%s is %s and says %s', (reason, tone, text) => {
    expect(explainStop(reason).tone).toBe(tone);
    expect(explainStop(reason).explanation).toMatch(text);
  });
  it.each([
    [null, 0, 0, 'No delayRequestMillis: requests go out back to back.'],
    [
      70.6,
      1700,
      850,
      'delayRequestMillis 850 ms → at most ~70.6 requests/min; this run waits ~1.7 s in total.',
    ],
    [
      1,
      180000,
      60000,
      'delayRequestMillis 60,000 ms → at most ~1 requests/min; this run waits ~3.0 min in total.',
    ],
  ])('rate %s/min over %s ms', (rpm, ms, delay, expected) => expect(rateText(rpm, ms, delay)).toBe(expected));
});

describe('run options from the Requests tab', () => {
  const model = normalise({
    authSpec: [
      {
        name: 'A',
        type: 'BasicAuthentication',
        spec: {
          type: 'object',
          properties: {
            host: { type: 'string', default: 'https://h' },
            password: { type: 'string', format: 'password' },
          },
        },
      },
    ],
    sourceSpec: {
      attributes: { urlParams: { path: '/x', method: 'GET' } },
      spec: { type: 'object', properties: { listId: { type: 'string' } } },
    },
  }).model;
  const inputs = (over: Partial<RunInputs>): RunInputs => ({
    values: {},
    authName: null,
    windowStart: '',
    windowEnd: '',
    backfill: false,
    ...over,
  });
  it.each([
    [inputs({}), { params: { host: 'https://h' }, backfill: false }],
    [
      inputs({ values: { listId: 'L', password: '' } }),
      { params: { host: 'https://h', listId: 'L' }, backfill: false },
    ],
    [
      inputs({ authName: 'A', backfill: true }),
      { params: { host: 'https://h' }, backfill: true, authName: 'A' },
    ],
    [
      inputs({ windowStart: '2026-01-01T00:00', windowEnd: '2026-01-02T00:00' }),
      {
        params: { host: 'https://h' },
        backfill: false,
        window: { start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 0, 2) },
      },
    ],
    [
      inputs({ windowStart: '2026-01-01T00:00', windowEnd: '' }),
      { params: { host: 'https://h' }, backfill: false },
    ],
  ])('%#', (given, expected) => expect(toRunOptions(given, model)).toEqual(expected));
  it('a parameter named __proto__ is an own value, not a prototype', () => {
    const o = toRunOptions(
      inputs({ values: JSON.parse('{"__proto__":"x"}') as Record<string, string> }),
      null,
    );
    expect(Object.keys(o.params ?? {})).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(o.params)).toBe(Object.prototype);
  });
  it.each([
    ['2026-03-04T05:06', Date.UTC(2026, 2, 4, 5, 6)],
    ['2026-03-04T05:06:07', Date.UTC(2026, 2, 4, 5, 6, 7)],
    ['', null],
    ['2026-03-04', null],
    ['2026-13-04T05:06', null],
  ])('parseUtcLocal(%j) = %s', (text, ms) => expect(parseUtcLocal(text)).toBe(ms));
  it('formatUtcLocal round-trips', () =>
    expect(formatUtcLocal(Date.UTC(2026, 2, 4, 5, 6))).toBe('2026-03-04T05:06'));
});

describe('small renderings', () => {
  it.each([
    [undefined, ''],
    [null, 'null'],
    [[1, 'a'], '[1,"a"]'],
    [{ a: 1 }, '{"a":1}'],
    [false, 'false'],
    ['x'.repeat(400), 'x'.repeat(400)],
    [['x'.repeat(400)], `["${'x'.repeat(298)}…`],
  ] as Array<[JsonValue | undefined, string]>)('cellText %#', (v, text) => expect(cellText(v)).toBe(text));
  it.each([
    [{ a: 1, b: 2 }, 'object with 2 keys'],
    [[1], 'array of 1 item'],
    [[], 'array of 0 items'],
    ['s', 'string'],
    [null, 'null'],
  ] as Array<[JsonValue, string]>)('describeValue %#', (v, text) => expect(describeValue(v)).toBe(text));
  it.each([
    ['property name expected at line 3, column 14', 'page 2: line 3, column 14: property name expected'],
    ['Unexpected end of input', 'page 2: line 3, column 14: Unexpected end of input'],
  ])('pageErrorText(%j)', (message, text) => {
    const error = { message, line: 3, column: 14, offset: 20, length: 1 };
    expect(pageErrorText(1, { id: 'p', name: 'n', origin: 'paste', size: 1, status: 'error', error })).toBe(
      text,
    );
  });
  it.each([
    ['example', 'x', { name: 'MailChimp Members source' }, 'mailchimp-members'],
    ['example', 'x', { name: 'Zendesk Users source' }, 'zendesk-users'],
    ['example', 'example:acme-orders', { name: 'Renamed' }, 'acme-orders'],
    ['file', 'x', { name: 'MailChimp Members source' }, null],
    ['example', 'x', [], null],
  ])('exampleIdOf(%s, %s, %j) = %s', (origin, docId, doc, id) =>
    expect(exampleIdOf(origin, docId, doc)).toBe(id),
  );
});

describe('sample tree: highlights and the paths its buttons write', () => {
  const sample: JsonValue = {
    emails: [
      { email_id: 'e1', activity: [{ action: 'open' }, { action: 'click' }], 'odd key': [1] },
      { email_id: 'e2', activity: [] },
    ],
    campaigns: [{ lists: [{ id: 1 }] }],
  };
  const spec = (explode: string, skip: string[] = []) =>
    normalise({
      sourceSpec: {
        attributes: {
          contentPath: { path: '$.emails', overrideWrapperAttribute: 'email', skipAttributes: skip },
          explodeEntityPath: { path: explode },
        },
      },
    }).model;
  it.each([
    ['$.email.activity', [], ['/emails/0/activity', '/emails/1/activity']],
    ['$.email.activity', ['activity'], []],
    ['$.email.nothing', [], []],
  ])('explode %s (skip %j) highlights %j', (path, skip, explode) => {
    const m = sampleMatches(spec(path, skip), 'p', sample);
    expect(m.content).toEqual(['/emails']);
    expect(m.explode).toEqual(explode);
  });
  it.each([
    ['/emails', '$.emails'],
    ['/emails/0/activity', '$.emails[*].activity'],
    ['/campaigns/0/lists', '$.campaigns[*].lists'],
    ['/emails/0/odd key', "$.emails[*]['odd key']"],
  ])('Use as records on %s → %s', (pointer, path) => expect(contentPathFor(sample, pointer)).toBe(path));
  it.each([
    ['/emails/0/activity', '$.email.activity'],
    ['/emails/1/activity', '$.email.activity'],
    ['/emails/0/odd key', "$.email['odd key']"],
    ['/emails', null],
    ['/emails/0', null],
    ['/campaigns/0/lists', null],
  ])('Explode this array on %s → %s', (pointer, path) =>
    expect(explodePathFor(sample, pointer, ['/emails'], 'email')).toBe(path),
  );
});
