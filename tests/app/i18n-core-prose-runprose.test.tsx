// @vitest-environment happy-dom
/**
 * The run area's core prose (stops, sender messages, live stops and hints, patterns, schedules): for
 * each code the core emits, the English catalogue renders exactly the core's English message, and
 * French renders something else.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  caseErrorText,
  checkDateFormat,
  parseCase,
  compileLinear,
  liveStopHint,
  scheduleRuns,
  sendFailureHint,
  simulate,
  startLiveRun,
  type LiveStopReason,
  type Pagination,
  type SampleResponse,
  type SpecModel,
} from '../../src/core';
import { readFetchAnswer, createFetchSend } from '../../src/workers/liveFetch';
import {
  caseErrorsText,
  caseFileProblems,
  dateFormatText,
  hintText,
  liveHintText,
  liveStopText,
  scheduleText,
  senderText,
  stopText,
} from '../../src/features/preview/coreText';
import { screenPattern } from '../../src/features/preview/patternScreen';
import { StopBox } from '../../src/features/preview/live/LiveStatus';
import { setLocale } from '../../src/i18n';
import { same } from './i18n-same';
import { useSpecStore } from '../../src/store';
import { mailchimp, mailchimpParams, members, NOW, paging } from '../fixtures/run/models';
import { drive, fakeApi, json, params, partner, records } from '../core/live.helpers';

afterEach(async () => {
  cleanup();
  useSpecStore.getState().resetLive();
  await setLocale('en', false);
});

const run = (pagination: Pagination, pages: SampleResponse[], extra: Partial<SpecModel> = {}) =>
  simulate(mailchimp({ pagination, ...extra }), { params: mailchimpParams, now: NOW }, pages).stop;

const body = (extra: Record<string, unknown>): SampleResponse => members(2, extra);

describe('simulated stops', () => {
  const token = { ...paging.token, parameterType: 'HEADERPARAM' as const, parameterName: 'X-Cursor' };
  const cases: Array<[string, ReturnType<typeof run>]> = [
    ['stop-single-request', run(paging.none, [body({})])],
    ['stop-short-page', run(paging.offset, [members(1)])],
    ['stop-short-page', run({ ...paging.offset, limitValue: 12345 }, [members(1)])],
    ['stop-end-condition', run(paging.offsetEnd, [body({ hasMore: false })])],
    ['stop-end-page', run({ ...paging.page, endPageIndex: 1 }, [body({})])],
    [
      'stop-end-page-header',
      run({ ...paging.page, endPageIndex: 'headers.X-Pages' }, [
        { ...body({}), headers: { 'X-Pages': '1' } },
      ]),
    ],
    ['stop-no-pointer', run(paging.pointer, [body({})])],
    ['stop-pointer-not-url', run(paging.pointer, [body({ paging: { next: { a: 1 } } })])],
    ['stop-pointer-not-http', run(paging.pointer, [body({ paging: { next: 'ftp://x.test/a' } })])],
    ['stop-pointer-control', run(paging.pointer, [body({ paging: { next: 'https://x.test/a\u0007b' } })])],
    ['stop-no-token', run(paging.token, [body({})])],
    ['stop-token-unsendable', run(token, [body({ meta: { after_cursor: 'a\nb' } })])],
    ['stop-token-unsendable', run(token, [body({ meta: { after_cursor: 'a\u0000b' } })])],
    ['stop-token-unsendable', run(token, [body({ meta: { after_cursor: 'a\u0007b' } })])],
    ['stop-max-requests', run({ ...paging.offset, limitValue: 1, maximumRequest: 1 }, [members(2)])],
    [
      'stop-loop',
      run(paging.token, [body({ meta: { after_cursor: 'x' } }), body({ meta: { after_cursor: 'x' } })]),
    ],
    ['stop-samples-exhausted', run(paging.offset, [])],
    ['stop-samples-exhausted', run({ ...paging.offset, limitValue: 1 }, [members(2)])],
    ['stop-samples-exhausted', run({ ...paging.offset, limitValue: 1 }, [members(2), members(2)])],
    ['run-maximum-request', run({ ...paging.offset, maximumRequest: 0 }, [])],
    [
      'schedule-date-format',
      run(paging.none, [], {
        schedule: {
          type: 'STANDARD',
          startParamName: 's',
          endParamName: 'e',
          startFormat: "yyyy'x",
          endFormat: 'yyyy',
        },
      }),
    ],
  ];
  it.each(cases)('%s', async (code, stop) => {
    expect(stop.code).toBe(code);
    await same(() => stopText(stop), stop.message);
  });
});

describe('schedules and date formats', () => {
  const runs = [
    scheduleRuns({ startTime: 0, frequency: 'day', interval: 1 }, -1),
    scheduleRuns({ startTime: -1, frequency: 'day', interval: 1 }, 1),
    scheduleRuns({ startTime: 0, frequency: 'once', interval: 1 }, 1),
    scheduleRuns({ startTime: 0, frequency: 'year' as never, interval: 1 }, 1),
    scheduleRuns({ startTime: 0, frequency: 'day' }, 1),
    scheduleRuns({ startTime: 0, frequency: 'minute', interval: 5 }, 1),
  ];
  it.each(runs.map((r) => [r.ok ? 'ok' : r.code, r] as const))('%s', async (_code, r) => {
    if (r.ok) throw new Error('expected a failure');
    await same(() => scheduleText(r), r.message);
  });
  it.each(["yyyy'x", 'yyyy\\', 'yyyy%', 'yyyy g'])('date format %s', async (format) => {
    const finding = checkDateFormat(format).find((f) => f.severity === 'error');
    if (!finding) throw new Error('expected an error');
    await same(() => dateFormatText(finding), finding.message);
  });
});

describe('patterns', () => {
  it.each(['x'.repeat(1001), '(?=a)b', '(?<=a)b', '(a)\\1'])('%s', async (pattern) => {
    const r = compileLinear(pattern, 'ecma');
    if (r.ok) throw new Error('expected a failure');
    expect(r.code).toBeDefined();
    const english =
      r.kind === 'unsupported' ? `${r.message}, which the linear-time regex engine cannot run` : r.message;
    await same(() => screenPattern(pattern) ?? '', english);
  });
});

describe('the browser sender and live stops', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it.each([
    readFetchAnswer(500, bytes('{}'), 1),
    readFetchAnswer(403, bytes('{}'), 1),
    readFetchAnswer(502, bytes('{"error":"timeout"}'), 1),
    readFetchAnswer(200, bytes('nonsense'), 1),
  ])('sender %#', async (r) => {
    if (r.ok) throw new Error('expected a failure');
    expect(r.code).toBeDefined();
    await same(() => senderText(r), r.message);
  });

  it('a server that is gone, an abort', async () => {
    const gone = await createFetchSend(() => Promise.reject(new TypeError('x')))({
      request: { method: 'GET', url: 'https://x.test', headers: {} },
    } as never);
    const ac = new AbortController();
    ac.abort();
    const aborted = await createFetchSend(() => Promise.reject(new DOMException('x', 'AbortError')))(
      { request: { method: 'GET', url: 'https://x.test', headers: {} } } as never,
      ac.signal,
    );
    for (const r of [gone, aborted]) {
      if (r.ok) throw new Error('expected a failure');
      await same(() => senderText(r), r.message);
    }
  });

  const noWait = { wait: () => Promise.resolve() };
  const live = async (model: SpecModel, handler: Parameters<typeof fakeApi>[0], maxPages?: number) => {
    const api = fakeApi(handler);
    const options = { params, ...noWait, ...(maxPages ? { maxPages } : {}) };
    const started = startLiveRun(model, options, api.send);
    if (!started.ok) throw new Error(started.stop.message);
    return (await drive(started.run)).stop;
  };
  const offset = {
    type: 'OFFSET',
    limitName: 'n',
    limitValue: 2,
    offSetName: 'o',
    maximumRequest: 99,
    delayRequestMillis: 0,
  } as const;

  it.each([
    [
      'live-send-failed',
      () =>
        live(partner(), () => ({
          ok: false,
          error: 'network-error',
          message: 'the request failed: x',
          code: 'send-threw',
          params: { why: 'x' },
          ms: 1,
        })),
    ],
    ['live-max-pages', () => live(partner({ pagination: offset }), () => json({ items: records(0, 2) }), 1)],
    ['live-not-utf8', () => live(partner(), () => ({ raw: new Uint8Array([0xff, 0xfe]) }))],
    ['live-not-json', () => live(partner(), () => ({ raw: '<html>' }))],
    ['stop-short-page', () => live(partner({ pagination: offset }), () => json({ items: records(0, 1) }))],
  ] as const)('%s', async (code, go) => {
    const stop = await go();
    expect(stop.code).toBe(code);
    await same(() => liveStopText(stop), stop.message);
  });

  it('a run that cannot start: the blocked stop', async () => {
    const started = startLiveRun(
      partner(),
      { params, authName: 'nope', ...noWait },
      fakeApi(() => json({})).send,
    );
    if (started.ok) throw new Error('expected a blocked run');
    expect(started.stop.code).toBe('run-no-auth-spec');
    await same(() => liveStopText(started.stop), started.stop.message);
  });

  it('hints by reason and status, refused hosts by hint code, connection-test hints by text', async () => {
    const reasons: Array<[LiveStopReason, number | undefined]> = [
      ['http-error', 401],
      ['http-error', 404],
      ['http-error', 400],
      ['http-error', 405],
      ['http-error', 429],
      ['http-error', 503],
      ['http-error', 418],
      ['network-error', undefined],
      ['timeout', undefined],
      ['too-large', undefined],
      ['not-json', undefined],
      ['max-pages', undefined],
      ['loop-detected', undefined],
      ['blocked', undefined],
    ];
    for (const [reason, status] of reasons) {
      const hint = liveStopHint(reason, status);
      await same(() => liveHintText({ reason, ...(status ? { status } : {}), hint }), hint);
      await same(() => hintText(hint), hint);
    }
    for (const [hintCode, message] of [
      ['metadata', 'cloud metadata address 169.254.169.254'],
      ['bad-url', 'it is not an absolute http:// or https:// URL'],
      ['private-host', 'loopback address 127.0.0.1'],
    ] as const) {
      const hint = sendFailureHint('refused-host', message);
      await same(() => liveHintText({ reason: 'refused-host', hint, hintCode }), hint);
      await same(() => hintText(hint), hint);
    }
  });
});

describe('case files', () => {
  const cases: unknown[] = [
    [],
    'x',
    { name: '', pages: 3, pageFiles: {}, expect: [] },
    { pages: [], pageFiles: [''], params: [], auth: '' },
    {
      name: 'a',
      pages: [],
      params: { p: null },
      windowStart: 'no',
      backfill: 'yes',
      expect: { stop: 'nope', x: 1 },
    },
    { name: 'a', pages: [], windowStart: '2026-01-02T00:00:00Z', windowEnd: '2026-01-01T00:00:00Z' },
    {
      name: 'a',
      pages: [],
      windowStart: '2026-01-02T00:00:00Z',
      expect: { stop: 3, records: 1, requests: [1] },
    },
    { name: 'a', expect: { requests: 1 }, 'k\u0007': 1 },
  ];
  it.each(cases.map((c, i) => [i, c] as const))('case file %i', async (_i, c) => {
    const r = parseCase(c as never);
    if (r.ok) throw new Error('expected problems');
    for (const e of r.errors) expect(e.code, e.message).toBeDefined();
    await same(
      () => caseFileProblems('c.json', caseErrorsText(r.errors)),
      `c.json: ${caseErrorText(r.errors)}`,
    );
  });
});

describe('a live stop rendered in French', () => {
  it('the stop box says the core’s stop and its hint in French', async () => {
    await setLocale('fr', false);
    const stop = {
      reason: 'not-json' as const,
      message: 'response 1 is not JSON: it is not UTF-8 text (byte 1 of 2)',
      hint: liveStopHint('not-json'),
      code: 'live-not-utf8',
      params: { response: 1, byte: 1, length: 2 },
    };
    useSpecStore.setState({ live: { ...useSpecStore.getState().live, stop } });
    render(<StopBox />);
    expect(
      screen.getByText('la réponse 1 n’est pas du JSON : ce n’est pas du texte UTF-8 (octet 1 sur 2)'),
    ).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain(
      'Vérifiez l’hôte, le chemin et les identifiants',
    );
  });
});
