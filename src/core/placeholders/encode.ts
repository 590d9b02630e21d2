/**
 * Encodings for a placeholder value, chosen by where it lands (SEMANTICS.md §2), and the
 * URL-origin check for rendered hosts. No `URL`/`URLSearchParams` here: the core's tsconfig has
 * no DOM lib, and these few rules are ours to pin down in tests.
 */

/** Where a rendered value lands. */
export type Encoding = 'path' | 'query' | 'header' | 'host' | 'raw';

/**
 * Outcome of encoding one value: the encoded text, or why it cannot be sent (`reason`, English, with
 * its code `request-value-reason` and `params` `{ kind, char? }` for the app's languages).
 */
export type Encoded =
  | { ok: true; value: string }
  | { ok: false; reason: string; code: 'request-value-reason'; params: ValueIssueParams };

/** Why a value cannot be sent: a lone surrogate, a line break, NUL or another control character. */
export type ValueIssueParams =
  { kind: 'surrogate' | 'lineBreak' } | { kind: 'nul' | 'control'; char: string };

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
 * cannot change the path), query → form encoding, header → verbatim unless it holds CR, LF, NUL
 * or another control character but tab,
 * host and raw → verbatim (the host is checked whole, after rendering).
 */
export function encodeFor(value: string, where: Encoding): Encoded {
  try {
    if (where === 'path') return { ok: true, value: encodeURIComponent(value) };
    if (where === 'query') return { ok: true, value: encodeQueryComponent(value) };
  } catch (e) {
    if (e instanceof URIError)
      return {
        ok: false,
        reason: 'contains a lone UTF-16 surrogate and cannot be encoded',
        code: 'request-value-reason',
        params: { kind: 'surrogate' },
      };
    throw e;
  }
  if (where === 'header') {
    const problem = headerValueCoded(value);
    if (problem !== null)
      return { ok: false, reason: problem.message, code: problem.code, params: problem.params };
  }
  return { ok: true, value };
}

/** What a secret looks like wherever a request is shown. */
export const MASK = '••••';

/** The marked placeholder a simulation shows for an input that has no value (`‹listId›`). */
export function missingMarker(name: string): string {
  return `‹${name}›`;
}

/** The mask and the missing-input markers: kept verbatim when a shown text is encoded. */
const MARKS = /(••••|‹[A-Za-z_][A-Za-z0-9_.-]*›)/;

/**
 * Every missing-input marker in `text` (of the `names` given, default any), replaced by `by`:
 * to check the rest of a host whose value is not known yet.
 */
export function replaceMarkers(text: string, by: string, names?: readonly string[]): string {
  return text.replace(/‹([A-Za-z_][A-Za-z0-9_.-]*)›/g, (m, name: string) =>
    names === undefined || names.includes(name) ? by : m,
  );
}

/**
 * `encodeFor`, except that with `keepMarks` the mask `••••` and missing-input markers `‹x›`
 * in `value` stay verbatim (they stand for a value, and are only ever shown), the text around
 * them being encoded for `where`.
 */
export function encodeKeeping(value: string, where: Encoding, keepMarks: boolean): Encoded {
  if (!keepMarks || (where !== 'path' && where !== 'query')) return encodeFor(value, where);
  let out = '';
  const parts = value.split(MARKS);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (i % 2 === 1) {
      out += part;
      continue;
    }
    const enc = encodeFor(part, where);
    if (!enc.ok) return enc;
    out += enc.value;
  }
  return { ok: true, value: out };
}

/** RFC 9110 §5.1 field name: a `token` (`!#$%&'*+-.^_\`|~`, digits, letters). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** True when `name` may be sent as an HTTP header name (an RFC 9110 token). */
export function isHeaderName(name: string): boolean {
  return TOKEN.test(name);
}

/**
 * Why `value` cannot be sent as an HTTP header value (RFC 9110 §5.5: CR, LF and NUL are never
 * allowed, nor other control characters but tab), or null when it can.
 */
export function headerValueProblem(value: string): string | null {
  const issue = headerValueIssue(value);
  if (issue === null) return null;
  if (issue.kind === 'lineBreak')
    return 'contains a line break (CR or LF), which is not allowed in a header value';
  const name = issue.kind === 'nul' ? 'NUL' : 'a control character';
  return `contains ${name} (${issue.char}), which is not allowed in a header value`;
}

/**
 * {@link headerValueProblem} with its code (`request-value-reason`) and params (`kind`, `char`), for
 * the app to word it in the chosen language; null when the value can be sent.
 */
export function headerValueCoded(
  value: string,
): { message: string; code: 'request-value-reason'; params: ValueIssueParams } | null {
  const issue = headerValueIssue(value);
  const message = headerValueProblem(value);
  if (issue === null || message === null) return null;
  return { message, code: 'request-value-reason', params: issue };
}

/** What {@link headerValueProblem} words: a line break, NUL or another control character (`U+0007`). */
export function headerValueIssue(
  value: string,
): { kind: 'lineBreak' } | { kind: 'nul' | 'control'; char: string } | null {
  if (/[\r\n]/.test(value)) return { kind: 'lineBreak' };
  // eslint-disable-next-line no-control-regex -- control characters are what this matches
  const c = /[\u0000-\u0008\u000a-\u001f\u007f]/.exec(value);
  if (c) {
    const char = `U+${c[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return { kind: c[0] === '\u0000' ? 'nul' : 'control', char };
  }
  return null;
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
