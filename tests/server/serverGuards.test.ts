/**
 * The guards of src/server/guards.ts as functions, over generated headers (fast-check): only the
 * server's own `Host` passes; `/api/*` passes only with the exact secret under the port's cookie
 * name and a same-origin `Origin`/`Sec-Fetch-Site`; nothing throws, whatever the header text.
 */
import type { IncomingMessage } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkApiCaller,
  checkHost,
  cookieValues,
  newSecret,
  sameSecret,
  secretCookieName,
} from '../../src/server/guards';
import { safeRelativePath } from '../../src/server/static';

const PORT = 4280;
const SECRET = newSecret();

/** A request with these header lines (repeats kept, as Node's headersDistinct has them). */
function req(lines: Array<[string, string]>): IncomingMessage {
  const distinct: Record<string, string[]> = {};
  for (const [k, v] of lines) (distinct[k.toLowerCase()] ??= []).push(v);
  const headers = Object.fromEntries(Object.entries(distinct).map(([k, v]) => [k, v.join(', ')]));
  return { headers, headersDistinct: distinct } as unknown as IncomingMessage;
}

const good = (): Array<[string, string]> => [
  ['host', `127.0.0.1:${PORT}`],
  ['cookie', `${secretCookieName(PORT)}=${SECRET}`],
  ['sec-fetch-site', 'same-origin'],
];

describe('guards', () => {
  it('Host: only 127.0.0.1:PORT and localhost:PORT pass, any other text is refused', () => {
    expect(checkHost(req([['host', `127.0.0.1:${PORT}`]]), PORT).ok).toBe(true);
    expect(checkHost(req([['host', `localhost:${PORT}`]]), PORT).ok).toBe(true);
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (host) => {
        const verdict = checkHost(req([['host', host]]), PORT);
        expect(verdict.ok).toBe(host === `127.0.0.1:${PORT}` || host === `localhost:${PORT}`);
        // eslint-disable-next-line no-control-regex -- a raw control character in the log line is the failure
        if (!verdict.ok) expect(verdict.why).not.toMatch(/[\u0000-\u001f]/);
      }),
    );
  });

  it('API caller: the good request passes; any change to the secret, the cookie name or the origin is refused', () => {
    expect(checkApiCaller(req(good()), SECRET, PORT)).toEqual({ ok: true });
    expect(checkApiCaller(req(good()), SECRET, PORT + 1).ok).toBe(false);
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), fc.string({ maxLength: 30 }), (value, origin) => {
        const lines = good();
        lines[1] = ['cookie', `${secretCookieName(PORT)}=${value}`];
        expect(checkApiCaller(req(lines), SECRET, PORT).ok).toBe(value === SECRET);
        const withOrigin: Array<[string, string]> = [...good(), ['origin', origin]];
        expect(checkApiCaller(req(withOrigin), SECRET, PORT).ok).toBe(origin === `http://127.0.0.1:${PORT}`);
      }),
    );
  });

  it('a second, wrong cookie or Origin header does not hide a good one, nor the reverse', () => {
    const twoCookies = req([...good(), ['cookie', `${secretCookieName(PORT)}=x`]]);
    expect(cookieValues(twoCookies, secretCookieName(PORT))).toEqual([SECRET, 'x']);
    expect(checkApiCaller(twoCookies, SECRET, PORT).ok).toBe(true);
    const twoOrigins = req([
      ...good(),
      ['origin', `http://127.0.0.1:${PORT}`],
      ['origin', 'http://evil.test'],
    ]);
    expect(checkApiCaller(twoOrigins, SECRET, PORT).ok).toBe(false);
  });

  it('sameSecret compares any two strings without throwing (different lengths included)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(sameSecret(a, b)).toBe(a === b);
      }),
    );
  });

  it('static paths: whatever the text, a served path never climbs out or names a hidden segment', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\/[a-z.%/\\2feE5cC0]{0,30}$/), (path) => {
        const rel = safeRelativePath(path);
        if (rel === null) return;
        expect(rel.split('/')).not.toContain('..');
        expect(rel.split('/')).not.toContain('.');
        // eslint-disable-next-line no-control-regex -- a NUL in the served path is the failure
        expect(rel).not.toMatch(/\\|\u0000|^\//);
      }),
    );
    expect(safeRelativePath('/')).toBe('index.html');
    expect(safeRelativePath('/assets/app.js')).toBe('assets/app.js');
    for (const bad of ['/..', '/a/../b', '/%2e%2e/x', '/a%2fb', '/a%5cb', '/a%00', '/%E0%A4%A', '//x', '/a/'])
      expect(safeRelativePath(bad), bad).toBeNull();
  });
});
