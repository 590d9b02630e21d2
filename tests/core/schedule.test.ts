import { afterEach, describe, expect, it, vi } from 'vitest';
import { scheduleRuns, simulate, startRun } from '../../src/core/run/simulate';
import type { Schedule, SpecModel } from '../../src/core/types';
import { mailchimp, mailchimpParams, NOW, param } from '../fixtures/run/models';

const zendeskSchedule: Schedule = {
  type: 'ADVANCE',
  paramFormat: 'yyyy-MM-ddTHH:mm:ssK',
  incremental: 'type:user updated > {START_TIME} updated < {END_TIME}',
  backfill: 'type:user updated < {END_TIME}',
};
const zendesk = (extra: Partial<SpecModel> = {}) =>
  mailchimp({
    urlParams: {
      host: 'https://${domain}.zendesk.com',
      path: '/api/v2/search/export',
      method: 'GET',
      queryParams: [
        ['query', '{SCHEDULE_QUERY}'],
        ['filter[type]', 'user'],
      ],
    },
    schedule: zendeskSchedule,
    ...extra,
  });
const WINDOW = { start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 0, 2) };

function first(model: SpecModel, options = {}) {
  const r = startRun(model, { params: mailchimpParams, now: NOW, ...options });
  if (!r.ok) throw new Error(r.message);
  return r.first.request;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ADVANCE schedule (SEMANTICS §6)', () => {
  it('renders the incremental template into {SCHEDULE_QUERY} by default', () => {
    expect(first(zendesk(), { window: WINDOW }).url).toBe(
      'https://us6.zendesk.com/api/v2/search/export' +
        '?query=type%3Auser+updated+%3E+2026-01-01T00%3A00%3A00Z+updated+%3C+2026-01-02T00%3A00%3A00Z&filter%5Btype%5D=user',
    );
  });

  it('renders the backfill template when asked', () => {
    expect(first(zendesk(), { window: WINDOW, backfill: true }).url).toBe(
      'https://us6.zendesk.com/api/v2/search/export?query=type%3Auser+updated+%3C+2026-01-02T00%3A00%3A00Z&filter%5Btype%5D=user',
    );
  });

  it('uses incremental, with an info diagnostic, when backfill is asked but absent', () => {
    const model = zendesk({ schedule: { ...zendeskSchedule, backfill: undefined } });
    const run = simulate(model, { params: mailchimpParams, window: WINDOW, backfill: true }, []);
    expect(run.next?.request.url).toContain('query=type%3Auser+updated+%3E+2026-01-01');
    expect(run.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'info', code: 'schedule-no-backfill' }),
    );
  });

  it('replaces {SCHEDULE_QUERY} in headers and POST bodies too', () => {
    const model = zendesk({
      urlParams: { host: 'https://x.example.com', path: '/s', method: 'POST', queryParams: [] },
      headerParams: [['X-Query', '{SCHEDULE_QUERY}']],
      bodyParams: { search: { q: '{SCHEDULE_QUERY}' } },
    });
    const r = first(model, { window: WINDOW, backfill: true });
    expect(r.headers['X-Query']).toBe('type:user updated < 2026-01-02T00:00:00Z');
    expect(r.body).toBe('{"search":{"q":"type:user updated < 2026-01-02T00:00:00Z"}}');
  });

  it('resolves user parameters in the template, once', () => {
    const model = zendesk({
      userInputs: [param('listId'), param('kind')],
      schedule: { ...zendeskSchedule, incremental: 'type:${kind} > {START_TIME}' },
    });
    const r = first(model, { window: WINDOW, params: { ...mailchimpParams, kind: '{END_TIME}' } });
    expect(r.url).toContain('?query=type%3A%7BEND_TIME%7D+%3E+2026-01-01T00%3A00%3A00Z&');
  });

  it('blocks a run whose paramFormat the core cannot render', () => {
    const r = startRun(zendesk({ schedule: { ...zendeskSchedule, paramFormat: 'yyyy g' } }), {
      params: mailchimpParams,
    });
    expect(r).toMatchObject({ ok: false, pointer: '/sourceSpec/attributes/scheduleParams/paramFormat' });
  });
});

describe('standard schedule and default window', () => {
  const standard: Schedule = {
    type: 'STANDARD',
    startParamName: 'from',
    endParamName: 'to',
    startFormat: '',
    endFormat: '',
  };

  it('defaults to the 24 h before now, truncated to the second, with DEFAULT_DATE_FORMAT', () => {
    expect(first(mailchimp({ schedule: standard })).url).toMatch(
      /\?from=2026-01-01T03%3A04%3A05Z&to=2026-01-02T03%3A04%3A05Z$/,
    );
  });

  it('uses Date.now() when now is not given', () => {
    vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2030, 5, 6, 7, 8, 9, 999));
    const r = startRun(mailchimp({ schedule: standard }), { params: mailchimpParams });
    expect(r.ok && r.first.request.url).toMatch(/from=2030-06-05T07%3A08%3A09Z&to=2030-06-06T07%3A08%3A09Z$/);
  });

  it('uses an explicit window as given (milliseconds kept)', () => {
    const window = { start: Date.UTC(2026, 0, 1, 0, 0, 0, 250), end: Date.UTC(2026, 0, 1, 12) };
    const model = mailchimp({
      schedule: { ...standard, startFormat: 'yyyy-MM-ddTHH:mm:ss.fffK', endFormat: 'HH' },
    });
    expect(first(model, { window }).url).toMatch(/\?from=2026-01-01T00%3A00%3A00.250Z&to=12$/);
  });

  it('adds nothing when the spec has no schedule', () => {
    expect(first(mailchimp()).url).toBe('https://us6.api.mailchimp.com/3.0/lists/10c097ca71/members');
  });
});

describe('scheduleRuns (flow scheduleSpec rules)', () => {
  const T0 = 1767225600;
  it.each([
    [
      { startTime: T0, frequency: 'minute' as const, interval: 15 },
      3,
      [
        [T0, T0 + 900],
        [T0 + 900, T0 + 1800],
        [T0 + 1800, T0 + 2700],
      ],
    ],
    [
      { startTime: T0, frequency: 'hour' as const, interval: 1 },
      2,
      [
        [T0, T0 + 3600],
        [T0 + 3600, T0 + 7200],
      ],
    ],
    [{ startTime: T0, frequency: 'day' as const, interval: 2 }, 1, [[T0, T0 + 172800]]],
    [{ startTime: T0, frequency: 'week' as const, interval: 1 }, 1, [[T0, T0 + 604800]]],
    [{ startTime: T0, frequency: 'once' as const }, 5, [[T0, T0]]],
    [{ startTime: T0, frequency: 'day' as const, interval: 1 }, 0, []],
  ])('%j × %d', (flow, count, windows) => {
    expect(scheduleRuns(flow, count)).toEqual({
      ok: true,
      windows: windows.map(([start, end]) => ({ start, end })),
    });
  });

  it.each([
    [{ startTime: T0, frequency: 'minute' as const, interval: 14 }, /at least 15/],
    [{ startTime: T0, frequency: 'hour' as const, interval: 0 }, /at least 1/],
    [{ startTime: T0, frequency: 'day' as const }, /needs an interval/],
    [{ startTime: T0, frequency: 'week' as const, interval: 1.5 }, /integer interval/],
    [{ startTime: T0, frequency: 'once' as const, interval: 15 }, /takes no interval/],
    [{ startTime: T0, frequency: 'month' as never, interval: 1 }, /frequency must be/],
    [{ startTime: -1, frequency: 'day' as const, interval: 1 }, /startTime/],
    [{ startTime: 1.5, frequency: 'day' as const, interval: 1 }, /startTime/],
  ])('%j is refused', (flow, message) => {
    const r = scheduleRuns(flow, 1);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it.each([-1, 1.5, 10001])('count %d is refused', (count) => {
    expect(scheduleRuns({ startTime: T0, frequency: 'day', interval: 1 }, count).ok).toBe(false);
  });
});
