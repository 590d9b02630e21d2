/**
 * The local server's request guards, applied before any routing. The server is a request engine on
 * the partner's machine, so every caller is treated as hostile:
 * - DNS rebinding: a page on `evil.test` that re-points its name at 127.0.0.1 still sends
 *   `Host: evil.test:PORT`, so only the server's own loopback `Host` is served (every request);
 * - cross-site requests: `/api/*` needs the per-launch secret, which only the app page gets (an
 *   HttpOnly `SameSite=Strict` cookie, unreadable by script and never sent cross-site), and a
 *   same-origin `Origin` or `Sec-Fetch-Site`.
 * Nothing here throws on a malformed header (BAD-INPUTS G5).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { quoteText } from '@core';

/**
 * Name of the secret cookie for the server on `port`. Cookies ignore ports, so the name carries it:
 * two servers on 127.0.0.1 (`npm run dev` and `npm start`) never overwrite each other's secret. No
 * `__Host-` prefix: that needs `Secure`, and the server is plain http.
 */
export function secretCookieName(port: number): string {
  return `spec_studio_secret_${port}`;
}

/** A per-launch secret: 32 random bytes, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The `Set-Cookie` value that hands the secret to the app page of the server on `port`. */
export function secretCookie(secret: string, port: number): string {
  return `${secretCookieName(port)}=${secret}; HttpOnly; SameSite=Strict; Path=/`;
}

/** A guard's verdict; `why` is the log text (attacker-controlled parts quoted, never a secret). */
export type GuardVerdict = { ok: true } | { ok: false; why: string };

const MAX_QUOTED = 120;

/** Attacker-controlled text for a log line: quoted with escapes, cut to a bounded length. */
export function quoteShort(text: string): string {
  return quoteText(text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text);
}

/** Every value of a request header, as received (Node joins or drops some duplicates otherwise). */
function values(req: IncomingMessage, name: string): string[] {
  const distinct = req.headersDistinct?.[name];
  if (Array.isArray(distinct)) return distinct;
  const v = req.headers[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** The hosts the server answers to: its own loopback address and port, nothing else. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** `Host` must be exactly `127.0.0.1:PORT` or `localhost:PORT` (one header, the server's own port). */
export function checkHost(req: IncomingMessage, port: number): GuardVerdict {
  const hosts = values(req, 'host');
  if (hosts.length === 0) return { ok: false, why: 'no Host' };
  if (hosts.length > 1) return { ok: false, why: `${hosts.length} Host headers` };
  const host = hosts[0] as string;
  if (!allowedHosts(port).includes(host)) return { ok: false, why: `foreign Host ${quoteShort(host)}` };
  return { ok: true };
}

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Constant-time comparison of two strings of any length (compares their SHA-256). */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/** The values of every cookie named `name` in the request's `Cookie` headers. */
export function cookieValues(req: IncomingMessage, name: string): string[] {
  const out: string[] = [];
  for (const header of values(req, 'cookie')) {
    for (const part of header.split(';')) {
      const eq = part.indexOf('=');
      if (eq < 0) continue;
      if (part.slice(0, eq).trim() === name) out.push(part.slice(eq + 1).trim());
    }
  }
  return out;
}

/**
 * For `/api/*`: the secret cookie, and a same-origin caller: every `Origin` must be
 * `http://<Host>` and every `Sec-Fetch-Site` must be `same-origin`, and at least one of them must be
 * present. Run after {@link checkHost}, so `Host` is already one of ours.
 */
export function checkApiCaller(req: IncomingMessage, secret: string, port: number): GuardVerdict {
  const given = cookieValues(req, secretCookieName(port));
  if (given.length === 0) return { ok: false, why: 'no secret cookie' };
  // Every candidate is compared, so the time does not depend on which one (if any) matches.
  let match = false;
  for (const value of given) match = sameSecret(value, secret) || match;
  if (!match) return { ok: false, why: 'wrong secret cookie' };
  const host = values(req, 'host')[0] ?? '';
  const origins = values(req, 'origin');
  const sites = values(req, 'sec-fetch-site');
  for (const origin of origins) {
    if (origin !== `http://${host}`) return { ok: false, why: `cross-origin Origin ${quoteShort(origin)}` };
  }
  for (const site of sites) {
    if (site !== 'same-origin') return { ok: false, why: `Sec-Fetch-Site ${quoteShort(site)}` };
  }
  if (origins.length === 0 && sites.length === 0) return { ok: false, why: 'no Origin or Sec-Fetch-Site' };
  return { ok: true };
}
