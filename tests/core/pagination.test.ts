import { describe, expect, it } from 'vitest';
import { nextRequest, simulate, startRun } from '../../src/core/run/simulate';
import type { JsonObject, Pagination, SampleResponse, SpecModel } from '../../src/core/types';
import zendeskJson from '../fixtures/run/zendesk.continuation-token-response.json';
import { mailchimp, mailchimpParams, members, NOW, paging } from '../fixtures/run/models';

const zendesk = zendeskJson as JsonObject;
const BASE = 'https://us6.api.mailchimp.com/3.0/lists/10c097ca71/members';
const opts = { params: mailchimpParams, now: NOW };
const model = (pagination: Pagination, extra: Partial<SpecModel> = {}) => mailchimp({ pagination, ...extra });
const run = (pagination: Pagination, responses: SampleResponse[], extra: Partial<SpecModel> = {}) =>
  simulate(model(pagination, extra), opts, responses);
const urls = (r: ReturnType<typeof run>) => r.steps.map((s) => s.request.url.replace(BASE, ''));

describe('stop reasons (SEMANTICS §5)', () => {
  it.each<[string, Pagination, SampleResponse[], string, string[], string | undefined]>([
    ['NONE stops after request 1', paging.none, [members(5), members(5)], 'single-request', [''], undefined],
    [
      'OFFSET short page',
      paging.offset,
      [members(2), members(2), members(1)],
      'short-page',
      ['?count=2&offset=0', '?count=2&offset=2', '?count=2&offset=4'],
      undefined,
    ],
    [
      'OFFSET empty page counts as short',
      paging.offset,
      [members(2), members(0)],
      'short-page',
      ['?count=2&offset=0', '?count=2&offset=2'],
      undefined,
    ],
    [
      'OFFSET end condition (boolean false equals "false")',
      paging.offsetEnd,
      [members(2, { hasMore: true }), members(2, { hasMore: false })],
      'end-condition',
      ['?limit=2&offset=0', '?limit=2&offset=2'],
      undefined,
    ],
    [
      'OFFSET end condition (string "false")',
      paging.offsetEnd,
      [members(2, { hasMore: 'false' })],
      'end-condition',
      ['?limit=2&offset=0'],
      undefined,
    ],
    [
      'OFFSET end condition ignores a short page',
      paging.offsetEnd,
      [members(1, { hasMore: true })],
      'samples-exhausted',
      ['?limit=2&offset=0'],
      '?limit=2&offset=2',
    ],
    [
      'OFFSET end condition without Const: prefix',
      { ...paging.offsetEnd, endConditionValue: '0' },
      [members(2, { hasMore: 1 }), members(2, { hasMore: 0 })],
      'end-condition',
      ['?limit=2&offset=0', '?limit=2&offset=2'],
      undefined,
    ],
    [
      'PAGE numeric endPageIndex',
      { ...paging.page, endPageIndex: 2 },
      [members(2), members(2), members(2)],
      'end-page',
      ['?pageSize=2&pageNumber=1', '?pageSize=2&pageNumber=2'],
      undefined,
    ],
    [
      'PAGE short page',
      paging.page,
      [members(2), members(1)],
      'short-page',
      ['?pageSize=2&pageNumber=1', '?pageSize=2&pageNumber=2'],
      undefined,
    ],
    [
      'PAGE page-count header',
      { ...paging.page, endPageIndex: 'headers.x-pagecount' },
      [
        { ...members(2), headers: { 'x-pagecount': '2' } },
        { ...members(2), headers: { 'x-pagecount': '2' } },
      ],
      'end-page',
      ['?pageSize=2&pageNumber=1', '?pageSize=2&pageNumber=2'],
      undefined,
    ],
    [
      'PAGE default initial index 0',
      { ...paging.page, initialPageIndex: 0 },
      [members(2), members(0)],
      'short-page',
      ['?pageSize=2&pageNumber=0', '?pageSize=2&pageNumber=1'],
      undefined,
    ],
    ['POINTER missing', paging.pointer, [members(2)], 'no-pointer', ['?limit=2'], undefined],
    [
      'POINTER null',
      paging.pointer,
      [members(2, { paging: { next: null } })],
      'no-pointer',
      ['?limit=2'],
      undefined,
    ],
    [
      'POINTER empty',
      paging.pointer,
      [members(2, { paging: { next: '' } })],
      'no-pointer',
      ['?limit=2'],
      undefined,
    ],
    [
      'CONTINUATION_TOKEN null',
      paging.token,
      [{ body: { meta: { after_cursor: null } } }],
      'no-token',
      [''],
      undefined,
    ],
    [
      'CONTINUATION_TOKEN empty',
      paging.token,
      [{ body: { meta: { after_cursor: '' } } }],
      'no-token',
      [''],
      undefined,
    ],
    [
      'max-requests',
      { ...paging.offset, maximumRequest: 3 },
      [members(2), members(2), members(2), members(2)],
      'max-requests',
      ['?count=2&offset=0', '?count=2&offset=2', '?count=2&offset=4'],
      undefined,
    ],
    [
      'loop-detected: offset that never moves',
      { ...paging.offset, limitValue: 0 },
      [members(2)],
      'loop-detected',
      ['?count=0&offset=0'],
      undefined,
    ],
    [
      'samples-exhausted',
      paging.offset,
      [members(2), members(2)],
      'samples-exhausted',
      ['?count=2&offset=0', '?count=2&offset=2'],
      '?count=2&offset=4',
    ],
  ])('%s', (_label, pagination, responses, reason, expectedUrls, next) => {
    const r = run(pagination, responses);
    expect(r.stop.reason).toBe(reason);
    expect(urls(r)).toEqual(expectedUrls);
    expect(r.next?.request.url.replace(BASE, '')).toBe(next);
    expect(r.stop.message.length).toBeGreaterThan(0);
  });
});

describe('POINTER', () => {
  it.each([
    ['https://other.example.com/p2?cursor=x', 'https://other.example.com/p2?cursor=x'],
    ['/3.0/next?cursor=x', 'https://us6.api.mailchimp.com/3.0/next?cursor=x'],
    ['next?cursor=x', 'https://us6.api.mailchimp.com/next?cursor=x'],
    ['?cursor=x', `${BASE}?cursor=x`],
    ['//cdn.example.com/p', 'https://cdn.example.com/p'],
  ])('pointer %j is requested as %j, with the spec headers but not its query params', (pointer, expected) => {
    const extra = {
      urlParams: { ...mailchimp().urlParams, queryParams: [['fields', 'id']] as Array<[string, string]> },
      headerParams: [['Accept', 'json']] as Array<[string, string]>,
    };
    const r = run(paging.pointer, [members(2, { paging: { next: pointer } })], extra);
    expect(r.steps[0]?.request.url).toBe(`${BASE}?fields=id&limit=2`);
    expect(r.next?.request.url).toBe(expected);
    expect(r.next?.request.headers).toEqual({ Accept: 'json', Authorization: 'Bearer tok-123' });
  });

  it('reads a $-prefixed pointerPath too', () => {
    const r = run({ ...paging.pointer, pointerPath: '$.paging.next' }, [
      members(2, { paging: { next: '/p2' } }),
    ]);
    expect(r.next?.request.url).toBe('https://us6.api.mailchimp.com/p2');
  });

  it('stops with no-pointer on a non-http scheme and loop-detected on a repeated URL', () => {
    expect(
      run(paging.pointer, [members(2, { paging: { next: 'ftp://files.example.com/p2' } })]).stop.reason,
    ).toBe('no-pointer');
    const again = members(2, { paging: { next: '/p2' } });
    const r = run(paging.pointer, [again, again]);
    expect(r.stop.reason).toBe('loop-detected');
    expect(r.steps).toHaveLength(2);
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'pagination-loop' }),
    );
  });
});

describe('CONTINUATION_TOKEN', () => {
  it('adds parameterName=<token> to request 1 as a query parameter (Zendesk response)', () => {
    const r = run(paging.token, [{ body: zendesk }, { body: { ...zendesk, meta: { after_cursor: null } } }]);
    expect(urls(r)).toEqual(['', '?page%5Bafter%5D=eyJmaWVsZCI6ImNyZWF0ZWRfYXQiLCJk']);
    expect(r.stop.reason).toBe('no-token');
  });

  it('sends the token as a header for HEADERPARAM, replacing the previous one', () => {
    const p: Pagination = { ...paging.token, parameterType: 'HEADERPARAM', parameterName: 'X-Cursor' };
    const r = run(p, [{ body: { meta: { after_cursor: 'a' } } }, { body: { meta: { after_cursor: 'b' } } }]);
    expect(r.steps.map((s) => s.request.headers['X-Cursor'])).toEqual([undefined, 'a']);
    expect(r.next?.request.headers['X-Cursor']).toBe('b');
    expect(r.next?.request.url).toBe(BASE);
  });

  it('detects a token that repeats', () => {
    const same = { body: { meta: { after_cursor: 'same' } } };
    expect(run(paging.token, [same, same]).stop.reason).toBe('loop-detected');
  });

  it('reads numeric tokens as text', () => {
    const r = run(paging.token, [{ body: { meta: { after_cursor: 42 } } }]);
    expect(r.next?.request.url).toBe(`${BASE}?page%5Bafter%5D=42`);
  });
});

describe('PAGE page-count header', () => {
  it('falls back to short-page with a warning when the header is missing', () => {
    const r = run({ ...paging.page, endPageIndex: 'headers.x-pagecount' }, [members(2), members(1)]);
    expect(r.stop.reason).toBe('short-page');
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'page-count-header' }),
    );
  });

  it('reads the header case-insensitively', () => {
    const r = run({ ...paging.page, endPageIndex: 'headers.X-PageCount' }, [
      { ...members(2), headers: { 'x-pagecount': '1' } },
    ]);
    expect(r.stop.reason).toBe('end-page');
  });
});

describe('step function', () => {
  it('startRun then nextRequest walks OFFSET pages', () => {
    const started = startRun(model(paging.offset), opts);
    if (!started.ok) throw new Error(started.message);
    expect(started.first.request.url).toBe(`${BASE}?count=2&offset=0`);
    const s1 = nextRequest(started.state, members(2));
    expect(s1.next?.request.url).toBe(`${BASE}?count=2&offset=2`);
    expect(s1.stop).toBeUndefined();
    const s2 = nextRequest(s1.state, members(1));
    expect(s2.next).toBeUndefined();
    expect(s2.stop?.reason).toBe('short-page');
  });

  it('a run of default maximumRequest stops at 10000 requests', () => {
    const full = members(2);
    const responses = Array.from({ length: 10001 }, () => full);
    const r = run({ ...paging.offset, maximumRequest: 10000 }, responses);
    expect(r.stop.reason).toBe('max-requests');
    expect(r.steps).toHaveLength(10000);
  });
});
