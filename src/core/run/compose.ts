/**
 * Assembling one request of a run from the rendered base (requests.ts) and what pagination
 * adds: the sent copy and the shown copy side by side.
 */
import { encodeQueryComponent, headerValueProblem, isHeaderName } from '../placeholders/encode';
import { quoteText } from '../placeholders/hostCheck';
import type { HttpRequest } from '../types';
import type { DualHeader } from './auth';
import type { BaseRequest, Dual } from './requests';
import type { SimulatedRequest } from './runTypes';

/** Query-encodes `text`, or null when it holds a lone surrogate. */
export function safeQuery(text: string): string | null {
  try {
    return encodeQueryComponent(text);
  } catch {
    return null;
  }
}

/** Adds a header, replacing one of the same name in any letter case. */
export function upsertHeader(headers: DualHeader[], h: DualHeader): void {
  const i = headers.findIndex((x) => x.name.toLowerCase() === h.name.toLowerCase());
  if (i >= 0) headers.splice(i, 1);
  headers.push(h);
}

/** Pagination additions to a request; query pairs are raw and are encoded here. */
export interface PageParts {
  query?: Array<{ name: string; value: string }>;
  headers?: DualHeader[];
  /** An absolute URL, as sent and as shown, that replaces origin + path + query (POINTER). */
  url?: Dual;
}

function toRecord(headers: DualHeader[], pick: 'real' | 'shown'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of headers)
    Object.defineProperty(out, h.name, {
      value: h[pick],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}

/**
 * Why a header cannot be sent (its name is not an RFC 9110 token, or its value holds CR, LF,
 * NUL or another control character), or null. The message quotes neither value nor raw name.
 */
export function headerProblem(h: DualHeader): string | null {
  if (!isHeaderName(h.name)) return `the header name ${quoteText(h.name)} is not a valid HTTP header name`;
  const problem = headerValueProblem(h.real);
  return problem === null ? null : `the ${h.name} header value ${problem}`;
}

/**
 * Assembles one request: origin + path, then the base query (spec, schedule), then the
 * pagination pairs; base headers, then pagination headers. With `parts.url` the URL is that
 * pair as is (base query not re-added); headers and body stay. Returns `{ problem }` when a
 * pagination value cannot be encoded, a header cannot be sent or the URL holds a control
 * character (literal spec text): such a request is never built.
 */
export function composeRequest(base: BaseRequest, parts: PageParts): SimulatedRequest | { problem: string } {
  const headers = [...base.headers];
  for (const h of parts.headers ?? []) upsertHeader(headers, h);
  for (const h of headers) {
    const problem = headerProblem(h);
    if (problem !== null) return { problem };
  }
  let real: string;
  let shown: string;
  if (parts.url !== undefined) {
    real = parts.url.real;
    shown = parts.url.shown;
  } else {
    const pairs: Array<{ name: string; value: Dual }> = [...base.query];
    for (const q of parts.query ?? []) {
      const name = safeQuery(q.name);
      const value = safeQuery(q.value);
      if (name === null || value === null) return { problem: 'a pagination value cannot be encoded' };
      pairs.push({ name, value: { real: value, shown: value } });
    }
    const join = (pick: 'real' | 'shown'): string => {
      const url = base.origin[pick] + base.path[pick];
      if (pairs.length === 0) return url;
      const qs = pairs.map((p) => `${p.name}=${p.value[pick]}`).join('&');
      return url + (url.includes('?') ? (url.endsWith('?') || url.endsWith('&') ? '' : '&') : '?') + qs;
    };
    real = join('real');
    shown = join('shown');
  }
  // eslint-disable-next-line no-control-regex -- control characters are what this matches
  const control = /[\u0000-\u001f\u007f-\u009f]/.exec(real);
  if (control) return { problem: `the URL holds a control character (${quoteText(control[0])})` };
  const request: HttpRequest = { method: base.method, url: real, headers: toRecord(headers, 'real') };
  const display: HttpRequest = { method: base.method, url: shown, headers: toRecord(headers, 'shown') };
  if (base.body !== undefined) {
    request.body = base.body.real;
    display.body = base.body.shown;
  }
  return { request, display };
}
