import { describe, expect, it, vi } from 'vitest';
import type { JsonValue } from '@core';
import { createLiveClient } from '../../src/workers/liveClient';
import { createLiveEngine } from '../../src/workers/liveEngine';
import { readFetchAnswer } from '../../src/workers/liveFetch';
import type { LiveEvent } from '../../src/workers/liveProtocol';
import { fakeSend, HOST, liveFixture, offsetPage, PASSWORD } from './live.helpers';

const input = (fixture: string, params: Record<string, string>, maxPages = 10) => ({
  doc: JSON.parse(liveFixture(fixture)) as JsonValue,
  run: { params },
  maxPages,
});

function engineWith(send = fakeSend()) {
  const events: LiveEvent[] = [];
  const engine = createLiveEngine(send.send, (e) => events.push(e));
  return { engine, events, sent: send.sent };
}

describe('live engine (core driver, fake send)', () => {
  it('Run pages OFFSET to a short page; each page leaves as the bytes received', async () => {
    const { engine, events, sent } = engineWith();
    await engine.handle({ kind: 'run', runId: 1, ...input('offset', { host: HOST }) });
    const exchanges = events.filter((e) => e.kind === 'exchange');
    expect(exchanges.map((e) => e.exchange.display.url)).toEqual([
      `${HOST}/offset/items?limit=10&offset=0`,
      `${HOST}/offset/items?limit=10&offset=10`,
      `${HOST}/offset/items?limit=10&offset=20`,
    ]);
    const pages = events.flatMap((e) => (e.kind === 'page' ? [e] : []));
    expect(pages.map((p) => [p.pageId, p.records])).toEqual([
      ['live-1-1', 10],
      ['live-1-2', 10],
      ['live-1-3', 5],
    ]);
    expect(await pages[2]?.body.text()).toBe(offsetPage(sent[2]?.request.url ?? ''));
    expect(exchanges[0]?.kind === 'exchange' && exchanges[0].exchange.pageId).toBe('live-1-1');
    const stop = events.find((e) => e.kind === 'stop');
    expect(stop?.kind === 'stop' && stop.stop.reason).toBe('short-page');
    expect(events.at(-1)).toEqual({ kind: 'idle', runId: 1 });
  });

  it('Step sends one request per command and continues the same run', async () => {
    const { engine, events, sent } = engineWith();
    const cmd = { kind: 'step' as const, runId: 4, ...input('offset', { host: HOST }) };
    await engine.handle(cmd);
    expect(sent).toHaveLength(1);
    expect(events.some((e) => e.kind === 'stop')).toBe(false);
    await engine.handle(cmd);
    expect(sent.map((o) => new URL(o.request.url).searchParams.get('offset'))).toEqual(['0', '10']);
  });

  it('max pages stops the run with max-pages', async () => {
    const { engine, events, sent } = engineWith();
    await engine.handle({ kind: 'run', runId: 2, ...input('offset', { host: HOST }, 2) });
    expect(sent).toHaveLength(2);
    const stop = events.find((e) => e.kind === 'stop');
    expect(stop?.kind === 'stop' && stop.stop.reason).toBe('max-pages');
  });

  it('a missing input is named and nothing is sent', async () => {
    const { engine, events, sent } = engineWith();
    await engine.handle({ kind: 'run', runId: 3, ...input('offset', {}) });
    expect(sent).toHaveLength(0);
    const stop = events.find((e) => e.kind === 'stop');
    expect(stop?.kind === 'stop' && stop.stop.reason).toBe('blocked');
    expect(stop?.kind === 'stop' && stop.stop.message).toMatch(/host/);
  });

  it('a 401 stops with http-error and the API message; the body is shown masked, the real request kept back', async () => {
    const { engine, events } = engineWith();
    const params = { host: HOST, username: 'partner', password: 'wrong-secret' };
    await engine.handle({ kind: 'run', runId: 5, ...input('basic', params) });
    const stop = events.find((e) => e.kind === 'stop');
    expect(stop?.kind === 'stop' && [stop.stop.reason, stop.stop.status]).toEqual(['http-error', 401]);
    expect(stop?.kind === 'stop' && stop.stop.message).toContain('bad credentials');
    const ex = events.find((e) => e.kind === 'exchange');
    expect(ex?.kind === 'exchange' && ex.exchange.errorBody).toBe('{"message":"bad credentials"}');
    expect(JSON.stringify(events)).not.toContain('wrong-secret');
    await engine.handle({ kind: 'reveal', runId: 5 });
    const revealed = events.at(-1);
    expect(revealed?.kind === 'revealed' && JSON.stringify(revealed.requests)).toContain(
      btoa('partner:wrong-secret'),
    );
  });

  it('the right credentials page through; secrets never leave in the events', async () => {
    const { engine, events } = engineWith();
    const params = { host: HOST, username: 'partner', password: PASSWORD };
    await engine.handle({ kind: 'run', runId: 6, ...input('basic', params) });
    const stop = events.find((e) => e.kind === 'stop');
    expect(stop?.kind === 'stop' && stop.stop.reason).toBe('short-page');
    const text = JSON.stringify(events.filter((e) => e.kind !== 'page'));
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(btoa(`partner:${PASSWORD}`));
  });

  it('abort ends a request the API never answers with aborted', async () => {
    const { engine, events } = engineWith(fakeSend({ hold: true }));
    const done = engine.handle({ kind: 'run', runId: 7, ...input('offset', { host: HOST }) });
    await new Promise((r) => setTimeout(r, 20));
    await engine.handle({ kind: 'abort', runId: 7 });
    await done;
    const stop = events.find((e) => e.kind === 'stop');
    expect(stop?.kind === 'stop' && stop.stop.reason).toBe('aborted');
  });
});

describe('the /api/fetch framing', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it('splits at the first line break: meta, then the body exactly (line breaks inside kept)', () => {
    const meta = {
      status: 200,
      headers: { 'X-A': '1' },
      bytes: 9,
      ms: 4,
      redirects: [{ status: 302, url: 'u' }],
    };
    const r = readFetchAnswer(200, bytes(`${JSON.stringify(meta)}\n{"a":\n 1}\n`), 9);
    expect(r.ok && new TextDecoder().decode(r.body)).toBe('{"a":\n 1}\n');
    expect(r.ok && [r.status, r.headers, r.ms, r.redirects]).toEqual([
      200,
      { 'x-a': '1' },
      4,
      [{ status: 302, url: 'u' }],
    ]);
  });
  it.each([
    [502, '{"error":"timeout","message":"no answer in 30 s","ms":30000}', 'timeout', 'no answer in 30 s'],
    [502, '{"error":"refused","message":"metadata host refused","ms":0}', 'refused', 'metadata host refused'],
    [403, '{"error":"forbidden","message":"missing secret"}', 'network-error', 'missing secret.'],
    [404, '<html>not found</html>', 'network-error', 'the local server answered 404.'],
    [
      200,
      'no meta line',
      'network-error',
      'The local server answered in a form this page does not read (is it Spec Studio?).',
    ],
  ])('status %i → %s', (status, text, error, message) => {
    const r = readFetchAnswer(status, bytes(text), 1);
    expect(r.ok ? null : [r.error, r.message]).toEqual([error, message]);
  });
});

describe('live client', () => {
  it('posts commands to its worker and hands the worker’s events to the listener', () => {
    const posted: unknown[] = [];
    const fake = {
      postMessage: (m: unknown) => posted.push(m),
      terminate: () => undefined,
      onmessage: null as ((e: MessageEvent<LiveEvent>) => void) | null,
      onerror: null as ((e: ErrorEvent) => void) | null,
    };
    const client = createLiveClient({ factory: () => fake });
    const heard: LiveEvent[] = [];
    client.listen((e) => heard.push(e));
    expect(client.usesWorker).toBe(true);
    client.send({ kind: 'abort', runId: 3 });
    expect(posted).toEqual([{ kind: 'abort', runId: 3 }]);
    fake.onmessage?.({ data: { kind: 'idle', runId: 3 } } as MessageEvent<LiveEvent>);
    expect(heard).toEqual([{ kind: 'idle', runId: 3 }]);
  });

  it('without a worker, runs the same engine on the main thread with the given sender', async () => {
    const api = fakeSend();
    const client = createLiveClient({ factory: null, send: api.send });
    const heard: LiveEvent[] = [];
    client.listen((e) => heard.push(e));
    client.send({ kind: 'step', runId: 1, ...input('offset', { host: HOST }) });
    await vi.waitFor(() => expect(heard.at(-1)).toEqual({ kind: 'idle', runId: 1 }));
    expect(api.sent).toHaveLength(1);
    expect(client.usesWorker).toBe(false);
  });
});
