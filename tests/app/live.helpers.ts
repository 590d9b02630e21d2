/** Shared setup of the live-run app tests: an in-process fake API behind a `LiveSend` (nothing is sent). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LiveOutbound, LiveSend, LiveSendResult } from '@core';

export const liveFixture = (name: string): string =>
  readFileSync(join(process.cwd(), 'tests/fixtures/live', `${name}.json`), 'utf8');

/** A reserved name the fake answers for (never resolved: the fake send is a function). */
export const HOST = 'https://api.partner.example';
export const PASSWORD = 'pa55:w0rd/s3cret';

const RECORDS = Array.from({ length: 25 }, (_, i) => ({ id: i + 1, name: `user ${i + 1}` }));
const enc = new TextEncoder();

/** One JSON answer. The body text keeps odd spacing, so "exactly as received" is checkable. */
export function answer(status: number, body: string, headers: Record<string, string> = {}): LiveSendResult {
  return {
    ok: true,
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: enc.encode(body),
    ms: 3,
    redirects: [],
  };
}

/** The OFFSET page a request asks for (`limit`, `offset`), as the fake partner API would send it. */
export function offsetPage(url: string): string {
  const u = new URL(url);
  const limit = Number(u.searchParams.get('limit') ?? '10');
  const offset = Number(u.searchParams.get('offset') ?? '0');
  const items = RECORDS.slice(offset, offset + limit);
  return `{ "items" : ${JSON.stringify(items)}, "total": 25 }`;
}

export interface FakeSend {
  send: LiveSend;
  /** Every request sent, as really sent (the test inspects secrets only here). */
  sent: LiveOutbound[];
}

/**
 * A fake partner API as a `LiveSend`: OFFSET pages of 25 records under any path; Basic auth checked
 * when the path starts with /basic (401 `{"message":"bad credentials"}` otherwise). `hold` makes
 * every request wait for the abort signal (an API that never answers).
 */
export function fakeSend(options: { hold?: boolean } = {}): FakeSend {
  const sent: LiveOutbound[] = [];
  const send: LiveSend = (outbound, signal) => {
    sent.push(outbound);
    const { url, headers } = outbound.request;
    if (options.hold) {
      return new Promise((resolve) => {
        const done = () => resolve({ ok: false, error: 'aborted', message: 'Aborted.', ms: 1 });
        if (signal?.aborted) done();
        else signal?.addEventListener('abort', done, { once: true });
      });
    }
    if (new URL(url).pathname === '/me') {
      const ok = headers['Authorization'] === 'Bearer access-token-1';
      return Promise.resolve(ok ? answer(200, '{"id":"me"}') : answer(401, '{"message":"token expired"}'));
    }
    if (new URL(url).pathname.startsWith('/basic/')) {
      const want = `Basic ${btoa(`partner:${PASSWORD}`)}`;
      const auth = Object.entries(headers).find(([k]) => k.toLowerCase() === 'authorization')?.[1];
      if (auth !== want) return Promise.resolve(answer(401, '{"message":"bad credentials"}'));
    }
    return Promise.resolve(answer(200, offsetPage(url)));
  };
  return { send, sent };
}
