import { describe, expect, it } from 'vitest';
import { startLiveRun, type LiveRunOptions, type Pagination, type SpecModel } from '../../src/core';
import { BASE, drive, fakeApi, json, params, partner, records, type Reply } from './live.helpers';

const common = { maximumRequest: 10000, delayRequestMillis: 0 };
const noWait = { wait: () => Promise.resolve() };

function start(model: SpecModel, handler: Parameters<typeof fakeApi>[0], options: LiveRunOptions = {}) {
  const api = fakeApi(handler);
  const started = startLiveRun(model, { params, ...noWait, ...options }, api.send);
  if (!started.ok) throw new Error(started.stop.message);
  return { ...api, run: started.run, first: started.first };
}

const query = (url: string) => new URL(url).searchParams;
const paths = (sent: Array<{ request: { url: string } }>) => sent.map((o) => o.request.url.replace(BASE, ''));

describe('a live run pages through every pagination type', () => {
  it('NONE: one request, its records, stop single-request', async () => {
    const t = start(partner(), () => json({ items: records(0, 25) }));
    const r = await drive(t.run);
    expect(r.stop).toMatchObject({ reason: 'single-request', hint: '' });
    expect(r.pages).toHaveLength(1);
    expect(r.pages[0]?.records).toHaveLength(25);
    expect(r.pages[0]?.records[3]).toEqual({ item: { id: 3 } });
    expect(r.exchanges).toEqual([
      expect.objectContaining({ n: 1, kind: 'page', status: 200, page: 0, contentItems: 25, records: 25 }),
    ]);
    expect(t.sent[0]?.request).toEqual({
      method: 'GET',
      url: BASE,
      headers: { Authorization: 'Bearer old-access-token-1' },
    });
    expect(t.sent[0]?.display.headers).toEqual({ Authorization: 'Bearer ••••' });
    expect(t.sent[0]).toMatchObject({ authHeaders: ['authorization'], timeoutMs: 30_000 });
    expect(t.sent[0]?.secrets).toContain('old-access-token-1');
  });

  const offset: Pagination = {
    ...common,
    type: 'OFFSET',
    limitName: 'limit',
    limitValue: 10,
    offSetName: 'offset',
  };
  it('OFFSET: offset grows by limitValue until a short page', async () => {
    const t = start(partner({ pagination: offset }), (req) => {
      const q = query(req.url);
      return json({ items: records(Number(q.get('offset')), Number(q.get('limit'))) });
    });
    const r = await drive(t.run);
    expect(paths(t.sent)).toEqual(['?limit=10&offset=0', '?limit=10&offset=10', '?limit=10&offset=20']);
    expect(r.stop.reason).toBe('short-page');
    expect(r.pages.map((p) => p.records.length)).toEqual([10, 10, 5]);
    expect(r.pages.map((p) => p.index)).toEqual([0, 1, 2]);
  });

  it('OFFSET with an end condition', async () => {
    const model = partner({
      pagination: { ...offset, endConditionName: '$.hasMore', endConditionValue: 'Const:false' },
    });
    const t = start(model, (req) => {
      const o = Number(query(req.url).get('offset'));
      return json({ items: records(o, 10), hasMore: o + 10 < 25 });
    });
    const r = await drive(t.run);
    expect(r.stop.reason).toBe('end-condition');
    expect(t.sent).toHaveLength(3);
  });

  it('PAGE: with a page-count header, stop end-page', async () => {
    const model = partner({
      pagination: {
        ...common,
        type: 'PAGE',
        limitName: 'size',
        limitValue: 10,
        pageParamName: 'page',
        initialPageIndex: 0,
        endPageIndex: 'headers.x-pagecount',
      },
    });
    const t = start(model, (req) => {
      const p = Number(query(req.url).get('page'));
      return json({ items: records(p * 10, 10) }, 200, { 'x-pagecount': '2' });
    });
    const r = await drive(t.run);
    expect(paths(t.sent)).toEqual(['?size=10&page=0', '?size=10&page=1']);
    expect(r.stop.reason).toBe('end-page');
  });

  it('POINTER: absolute, then relative next links, stop no-pointer', async () => {
    const model = partner({ pagination: { ...common, type: 'POINTER', pointerPath: 'paging.next' } });
    const t = start(model, (req, i) => {
      if (i === 0) return json({ items: records(0, 10), paging: { next: `${BASE}?cursor=b` } });
      if (i === 1) return json({ items: records(10, 10), paging: { next: '/lists/L1/items?cursor=c' } });
      expect(req.url).toBe(`${BASE}?cursor=c`);
      return json({ items: records(20, 10), paging: { next: null } });
    });
    const r = await drive(t.run);
    expect(paths(t.sent)).toEqual(['', '?cursor=b', '?cursor=c']);
    expect(r.stop.reason).toBe('no-pointer');
    expect(r.pages.flatMap((p) => p.records)).toHaveLength(25);
  });

  it('CONTINUATION_TOKEN: a token with /, = and + is sent encoded; as a header, verbatim', async () => {
    const token: Pagination = {
      ...common,
      type: 'CONTINUATION_TOKEN',
      continuationTokenPath: '$.meta.next',
      parameterType: 'QUERYPARAM',
      parameterName: 'page[after]',
    };
    const issued = 'a/b=c+d';
    const t = start(partner({ pagination: token }), (req, i) => {
      if (i === 1) expect(query(req.url).get('page[after]')).toBe(issued);
      return json({ items: records(i * 10, 10), meta: { next: i === 0 ? issued : '' } });
    });
    const r = await drive(t.run);
    expect(paths(t.sent)).toEqual(['', '?page%5Bafter%5D=a%2Fb%3Dc%2Bd']);
    expect(r.stop.reason).toBe('no-token');

    const h = start(
      partner({ pagination: { ...token, parameterType: 'HEADERPARAM', parameterName: 'X-Next' } }),
      (_, i) => json({ items: [], meta: { next: i === 0 ? issued : null } }),
    );
    await drive(h.run);
    expect(h.sent[1]?.request.headers['X-Next']).toBe(issued);
  });

  it('a next request equal to an earlier one stops loop-detected, with a hint', async () => {
    const model = partner({ pagination: { ...common, type: 'POINTER', pointerPath: 'next' } });
    const t = start(model, () => json({ items: [], next: `${BASE}?cursor=same` }));
    const r = await drive(t.run);
    expect(r.stop.reason).toBe('loop-detected');
    expect(r.stop.hint).toMatch(/pagination settings/);
    expect(t.sent).toHaveLength(2);
  });

  it('max-pages: stops after maxPages pages when a next request is still due; maximumRequest too', async () => {
    const model = partner({ pagination: offset });
    const full = (req: { url: string }) => json({ items: records(0, 10), at: query(req.url).get('offset') });
    const t = start(model, full, { maxPages: 3 });
    const r = await drive(t.run);
    expect(r.stop.reason).toBe('max-pages');
    expect(r.stop.message).toMatch(/page cap \(3 pages\); request 4 would come next: GET .*offset=30/);
    expect(t.sent).toHaveLength(3);
    expect(r.pages).toHaveLength(3);

    const d = start(model, full);
    expect((await drive(d.run)).exchanges).toHaveLength(10);

    const m = start(partner({ pagination: { ...offset, maximumRequest: 2 } }), full);
    expect((await drive(m.run)).stop.reason).toBe('max-requests');
  });

  it('after the stop, step() sends nothing and returns the stop again', async () => {
    const t = start(partner(), () => json({ items: [] }));
    const r = await drive(t.run);
    const again = await t.run.step();
    expect(again).toEqual({ exchanges: [], stop: r.stop });
    expect(t.run.stop).toEqual(r.stop);
    expect(t.sent).toHaveLength(1);
  });

  it('steps called at once run one after the other', async () => {
    const t = start(partner({ pagination: offset }), (req) =>
      json({ items: records(Number(query(req.url).get('offset')), 10) }),
    );
    const all = await Promise.all([t.run.step(), t.run.step(), t.run.step(), t.run.step()]);
    expect(all.map((s) => s.exchanges.length)).toEqual([1, 1, 1, 0]);
    expect(all[2]?.stop?.reason).toBe('short-page');
  });
});

describe('the delay between requests', () => {
  it('waits delayRequestMillis before every request but the first, telling onWait first', async () => {
    const events: string[] = [];
    const model = partner({
      pagination: {
        type: 'OFFSET',
        limitName: 'limit',
        limitValue: 10,
        offSetName: 'offset',
        maximumRequest: 10,
        delayRequestMillis: 850,
      },
    });
    const api = fakeApi((req) => {
      events.push(`send ${query(req.url).get('offset')}`);
      return json({ items: records(Number(query(req.url).get('offset')), 10) });
    });
    const started = startLiveRun(
      model,
      {
        params,
        wait: (ms) => {
          events.push(`wait ${ms}`);
          return Promise.resolve();
        },
        onWait: (ms, why) => events.push(`onWait ${ms} ${why}`),
      },
      api.send,
    );
    if (!started.ok) throw new Error('blocked');
    await drive(started.run);
    expect(events).toEqual([
      'send 0',
      'onWait 850 delay',
      'wait 850',
      'send 10',
      'onWait 850 delay',
      'wait 850',
      'send 20',
    ]);
  });

  it('the default wait is a real timer', async () => {
    const model = partner({
      pagination: {
        type: 'OFFSET',
        limitName: 'limit',
        limitValue: 10,
        offSetName: 'offset',
        maximumRequest: 2,
        delayRequestMillis: 120,
      },
    });
    const api = fakeApi(() => json({ items: records(0, 10) }));
    const started = startLiveRun(model, { params }, api.send);
    if (!started.ok) throw new Error('blocked');
    await started.run.step();
    const t0 = Date.now();
    await started.run.step();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(100);
  });
});

describe('429 and 503 with Retry-After', () => {
  const flaky = (replies: Reply[]) => (_: unknown, i: number) => replies[i] ?? json({ items: records(0, 3) });
  const limited = (status: number, retryAfter: string) =>
    json({ message: 'slow down' }, status, { 'retry-after': retryAfter });

  it('seconds: the 429 is its own line (kind retry), then the request is sent again', async () => {
    const waits: string[] = [];
    const t = start(partner(), flaky([limited(429, '1')]), {
      wait: (ms) => (waits.push(`wait ${ms}`), Promise.resolve()),
      onWait: (ms, why) => waits.push(`onWait ${ms} ${why}`),
    });
    const r = await drive(t.run);
    expect(r.exchanges.map((e) => [e.n, e.kind, e.status, e.retryAfterMs])).toEqual([
      [1, 'retry', 429, 1000],
      [2, 'page', 200, undefined],
    ]);
    expect(waits).toEqual(['onWait 1000 retry-after', 'wait 1000']);
    expect(t.sent[1]?.request).toEqual(t.sent[0]?.request);
    expect(r.stop.reason).toBe('single-request');
  });

  it('an HTTP date, and a 503', async () => {
    const date = new Date(Date.now() + 5000).toUTCString();
    const t = start(partner(), flaky([limited(503, date)]));
    const r = await drive(t.run);
    expect(r.exchanges[0]).toMatchObject({ kind: 'retry', status: 503 });
    expect(r.exchanges[0]?.retryAfterMs).toBeGreaterThan(3000);
    expect(r.exchanges[0]?.retryAfterMs).toBeLessThanOrEqual(5000);
    expect(r.stop.reason).toBe('single-request');
  });

  it('more than 60 s is not retried: http-error', async () => {
    const t = start(partner(), flaky([limited(429, '61')]));
    const r = await drive(t.run);
    expect(r.exchanges).toHaveLength(1);
    expect(r.exchanges[0]?.kind).toBe('page');
    expect(r.stop).toMatchObject({ reason: 'http-error', status: 429 });
    expect(r.stop.message).toBe(
      'request 1: 429 slow down (Retry-After 61 s is more than 60 s, so it is not retried)',
    );
    expect(r.stop.hint).toMatch(/rate/);
  });

  it('60 s exactly is retried; a 429 without Retry-After is not', async () => {
    const t = start(partner(), flaky([limited(429, '60')]));
    expect((await drive(t.run)).exchanges[0]?.retryAfterMs).toBe(60_000);
    const n = start(partner(), flaky([json({}, 429)]));
    const r = await drive(n.run);
    expect(r.stop.message).toBe(
      'request 1: 429 Too Many Requests (no usable Retry-After, so it is not retried)',
    );
  });

  it('at most 3 retries: the 4th 429 stops the run', async () => {
    const t = start(partner(), flaky([0, 1, 2, 3].map(() => limited(429, '0'))));
    const r = await drive(t.run);
    expect(r.exchanges.map((e) => e.kind)).toEqual(['retry', 'retry', 'retry', 'page']);
    expect(r.stop.message).toBe('request 1: 429 slow down (still refused after 3 retries)');
    expect(t.sent).toHaveLength(4);
  });
});

describe('errors stop the run with the API’s own words', () => {
  it('401 → http-error with the API message and a credentials hint', async () => {
    const t = start(
      partner({ authSpecs: [partner().authSpecs[1]!] }),
      () => json({ message: 'bad credentials' }, 401),
      {
        params: { domain: 'acme', listId: 'L1', username: 'u', password: 'pw-secret-1' },
      },
    );
    const r = await drive(t.run);
    expect(r.stop).toEqual({
      reason: 'http-error',
      status: 401,
      message: 'request 1: 401 bad credentials',
      hint: expect.stringMatching(/credentials.*auth type/),
      code: 'live-http-error',
      params: { request: '1', answer: '401 bad credentials', retry: 'none' },
    });
    expect(r.exchanges).toEqual([expect.objectContaining({ kind: 'page', status: 401, bytes: 29 })]);
  });

  it.each([
    [404, '{"error":{"message":"no such list"}}', 'request 1: 404 no such list', /host, the path/],
    [400, '{"errors":[{"message":"bad since"}]}', 'request 1: 400 bad since', /query parameters/],
    [500, '<html><title>Oops</title></html>', 'request 1: 500 Oops', /API itself/],
    [502, '', 'request 1: 502 Bad Gateway', /API itself/],
  ])('%i', async (status, raw, message, hint) => {
    const t = start(partner(), () => ({ status, raw, headers: {} }));
    const r = await drive(t.run);
    expect(r.stop.message).toBe(message);
    expect(r.stop.hint).toMatch(hint);
  });

  it.each([
    ['refused', 'refused-host', /--allow-private-hosts/],
    ['network-error', 'network-error', /host name/],
    ['timeout', 'timeout', /in time/],
    ['too-large', 'too-large', /50 MB/],
  ] as const)('a sender failure %s → %s, with a hint', async (error, reason, hint) => {
    const t = start(partner(), () => ({ ok: false, error, message: `why: ${error}`, ms: 7 }));
    const r = await drive(t.run);
    expect(r.stop).toMatchObject({ reason, message: `request 1: why: ${error}` });
    expect(r.stop.hint).toMatch(hint);
    expect(r.exchanges).toEqual([expect.objectContaining({ n: 1, ms: 7, error: `why: ${error}` })]);
    expect(r.exchanges[0]?.status).toBeUndefined();
  });

  it('a sender that throws is a network error, never a throw', async () => {
    const started = startLiveRun(partner(), { params }, () => Promise.reject(new Error('boom')));
    if (!started.ok) throw new Error('blocked');
    const r = await drive(started.run);
    expect(r.stop).toMatchObject({ reason: 'network-error', message: 'request 1: the request failed: boom' });
  });

  it('not JSON: the located parse error and the first characters, escaped', async () => {
    const html = '<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>' + 'x'.repeat(200);
    const t = start(partner(), () => ({ raw: html, headers: { 'content-type': 'application/json' } }));
    const r = await drive(t.run);
    expect(r.stop.reason).toBe('not-json');
    const start60 = html.slice(0, 60).replace('\n', '\\n');
    expect(r.stop.message).toBe(
      `response 1 is not JSON: line 1, column 1: unexpected "<!DOCTYPE"; it starts with \`${start60}…\``,
    );
    expect(r.stop.hint).toMatch(/not JSON/);
    expect(r.pages).toHaveLength(0);
    expect(r.exchanges[0]).toMatchObject({ status: 200 });
  });

  it('not UTF-8, and a page too deep for the parser, are not-json too', async () => {
    const bad = start(partner(), () => ({ raw: new Uint8Array([0x7b, 0xff, 0x7d]) }));
    expect((await drive(bad.run)).stop.message).toBe(
      'response 1 is not JSON: it is not UTF-8 text (byte 2 of 3)',
    );
    const deep = start(partner(), () => ({ raw: '['.repeat(300) + ']'.repeat(300) }));
    expect((await drive(deep.run)).stop.message).toMatch(
      /response 1 is not JSON: line 1, column \d+: nesting deeper than 256 levels/,
    );
  });

  it('a page’s body is kept exactly as received', async () => {
    const raw = '{ "items" : [ {"id":1} ] ,"x":"\\u00e9" }';
    const t = start(partner(), () => ({ raw }));
    const r = await drive(t.run);
    expect(new TextDecoder().decode(r.pages[0]?.body)).toBe(raw);
    expect(r.pages[0]?.value).toEqual({ items: [{ id: 1 }], x: 'é' });
  });
});

describe('starting, aborting', () => {
  it('blocked when an input the request needs has no value: nothing is sent', async () => {
    const api = fakeApi(() => json({}));
    const started = startLiveRun(partner(), { params: { domain: 'acme', accessToken: 't' } }, api.send);
    expect(started.ok).toBe(false);
    if (started.ok) return;
    expect(started.stop).toMatchObject({ reason: 'blocked', message: expect.stringMatching(/listId/) });
    expect(started.stop.hint).toMatch(/every value/);
    expect(started.pointer).toBe('/sourceSpec/attributes/urlParams/path');
    expect(api.sent).toHaveLength(0);
  });

  it('blocked on a missing credential and on an unknown auth spec', () => {
    const api = fakeApi(() => json({}));
    const noToken = startLiveRun(partner(), { params: { domain: 'acme', listId: 'L' } }, api.send);
    expect(!noToken.ok && noToken.stop.message).toMatch(/accessToken/);
    const unknown = startLiveRun(partner(), { params, authName: 'Nope' }, api.send);
    expect(!unknown.ok && unknown.stop.message).toMatch(/no authSpec is named "Nope"/);
  });

  it('abort during the wait between requests → aborted, nothing more sent', async () => {
    const controller = new AbortController();
    const model = partner({
      pagination: {
        type: 'OFFSET',
        limitName: 'limit',
        limitValue: 10,
        offSetName: 'offset',
        maximumRequest: 10,
        delayRequestMillis: 60_000,
      },
    });
    const api = fakeApi(() => json({ items: records(0, 10) }));
    const started = startLiveRun(model, { params }, api.send);
    if (!started.ok) throw new Error('blocked');
    await started.run.step(controller.signal);
    setTimeout(() => controller.abort(), 20);
    const t0 = Date.now();
    const r = await started.run.step(controller.signal);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(r).toEqual({ exchanges: [], stop: expect.objectContaining({ reason: 'aborted', hint: '' }) });
    expect(api.sent).toHaveLength(1);
  });

  it('abort during a send → aborted, even when the sender answers anyway', async () => {
    const controller = new AbortController();
    const started = startLiveRun(partner(), { params }, () => {
      controller.abort();
      return Promise.resolve({
        ok: true,
        status: 200,
        headers: {},
        body: new TextEncoder().encode('{}'),
        ms: 1,
        redirects: [],
      });
    });
    if (!started.ok) throw new Error('blocked');
    const r = await started.run.step(controller.signal);
    expect(r.stop?.reason).toBe('aborted');
    expect(r.page).toBeUndefined();
  });

  it('abort during a Retry-After wait → aborted; an already aborted signal sends nothing', async () => {
    const controller = new AbortController();
    const t = start(partner(), () => json({}, 429, { 'retry-after': '30' }), {
      wait: () => {
        controller.abort();
        return Promise.resolve();
      },
    });
    const r = await t.run.step(controller.signal);
    expect(r.stop?.reason).toBe('aborted');
    expect(t.sent).toHaveLength(1);
    const u = start(partner(), () => json({}));
    expect((await u.run.step(AbortSignal.abort())).stop?.reason).toBe('aborted');
    expect(u.sent).toHaveLength(0);
  });
});
