/**
 * Encodings for a placeholder value, chosen by where it lands (SEMANTICS.md §2), and the
 * URL-origin check for rendered hosts. No `URL`/`URLSearchParams` here: the core's tsconfig has
 * no DOM lib, and these few rules are ours to pin down in tests.
 */

/** Where a rendered value lands. */
export type Encoding = 'path' | 'query' | 'header' | 'host' | 'raw';

/** Outcome of encoding one value: the encoded text, or why it cannot be sent. */
export type Encoded = { ok: true; value: string } | { ok: false; reason: string };

/**
 * `application/x-www-form-urlencoded` byte serialisation, as `URLSearchParams#toString` does it:
 * alphanumerics and `*-._` stay, space becomes `+`, every other UTF-8 byte is `%XX`.
 * Throws `URIError` on a lone surrogate (callers turn that into a message naming the parameter).
 */
export function encodeQueryComponent(value: string): string {
  return encodeURIComponent(value)
    .replace(/%20/g, '+')
    .replace(/[!'()~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/**
 * Encodes `value` for `where`: path segment → `encodeURIComponent` (so `/`, `../`, `?`, `#`
 * cannot change the path), query → form encoding, header → verbatim unless it holds CR or LF,
 * host and raw → verbatim (the host is checked whole, after rendering).
 */
export function encodeFor(value: string, where: Encoding): Encoded {
  try {
    if (where === 'path') return { ok: true, value: encodeURIComponent(value) };
    if (where === 'query') return { ok: true, value: encodeQueryComponent(value) };
  } catch (e) {
    if (e instanceof URIError)
      return { ok: false, reason: 'contains a lone UTF-16 surrogate and cannot be encoded' };
    throw e;
  }
  if (where === 'header' && /[\r\n]/.test(value)) {
    return { ok: false, reason: 'contains a line break (CR or LF), which is not allowed in a header value' };
  }
  return { ok: true, value };
}

const ORIGIN = /^(https?):\/\/([^/?#@\s\\]+?)(?::(\d{1,5}))?\/?$/i;
const HOSTNAME =
  /^(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?)(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?)*\.?$/;
const IPV6 = /^\[[0-9A-Fa-f:.]+\]$/;

/**
 * Checks that a rendered host is a URL origin: scheme `http` or `https`, a host name (DNS
 * labels, IPv4, or a bracketed IPv6), an optional port up to 65535, no user info, path, query
 * or fragment (one trailing `/` is tolerated and dropped). Returns the origin without the
 * trailing slash, or null.
 */
export function checkOrigin(host: string): string | null {
  const m = ORIGIN.exec(host);
  if (!m) return null;
  const name = m[2] as string;
  if (!HOSTNAME.test(name) && !IPV6.test(name)) return null;
  if (m[3] !== undefined && Number(m[3]) > 65535) return null;
  return host.endsWith('/') ? host.slice(0, -1) : host;
}
