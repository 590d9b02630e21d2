/**
 * Assembling one request of a run from the rendered base (requests.ts) and what pagination
 * adds: the sent copy and the shown copy side by side.
 */
import { nestedParams, type CodedText } from '../diagnosticCodes';
import { encodeQueryComponent, headerValueCoded, isHeaderName } from '../placeholders/encode';
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
  return headerProblemCoded(h)?.message ?? null;
}

/** {@link headerProblem} with its code (`request-header-invalid`, `request-header-value`) and params. */
export function headerProblemCoded(h: DualHeader): Required<CodedText> | null {
  if (!isHeaderName(h.name)) {
    const name = quoteText(h.name);
    const message = `the header name ${name} is not a valid HTTP header name`;
    return { message, code: 'request-header-invalid', params: { name } };
  }
  const problem = headerValueCoded(h.real);
  if (problem === null) return null;
  return {
    message: `the ${h.name} header value ${problem.message}`,
    code: 'request-header-value',
    params: { header: h.name, ...nestedParams('reason', problem) },
  };
}

/**
 * Why a request cannot be built (`composeRequest`): `problem` in English, `coded` the same with its
 * code (a `request-…` diagnostic code) and params.
 */
export interface ComposeProblem {
  problem: string;
  coded: Required<CodedText>;
}

const composeProblem = (coded: Required<CodedText>): ComposeProblem => ({ problem: coded.message, coded });

/**
 * Assembles one request: origin + path, then the base query (spec, schedule), then the
 * pagination pairs; base headers, then pagination headers. With `parts.url` the URL is that
 * pair as is (base query not re-added); headers and body stay. Returns `{ problem }` when a
 * pagination value cannot be encoded, a header cannot be sent or the URL holds a control
 * character (literal spec text): such a request is never built.
 */
export function composeRequest(base: BaseRequest, parts: PageParts): SimulatedRequest | ComposeProblem {
  const headers = [...base.headers];
  for (const h of parts.headers ?? []) upsertHeader(headers, h);
  for (const h of headers) {
    const problem = headerProblemCoded(h);
    if (problem !== null) return composeProblem(problem);
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
      if (name === null || value === null)
        return composeProblem({
          message: 'a pagination value cannot be encoded',
          code: 'request-pagination-unencodable',
          params: {},
        });
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
  if (control) {
    const char = quoteText(control[0]);
    const message = `the URL holds a control character (${char})`;
    return composeProblem({ message, code: 'request-url-control', params: { char } });
  }
  const request: HttpRequest = { method: base.method, url: real, headers: toRecord(headers, 'real') };
  const display: HttpRequest = { method: base.method, url: shown, headers: toRecord(headers, 'shown') };
  if (base.body !== undefined) {
    request.body = base.body.real;
    display.body = base.body.shown;
  }
  return { request, display };
}
