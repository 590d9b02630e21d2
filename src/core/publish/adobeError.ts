/**
 * Adobe's own words in a Flow Service error answer, and what to check after a failed call of
 * publishing. Adobe answers errors in two shapes: the platform's problem details
 * (`{type, title, status, detail, report}`) and the gateway's (`{error_code, message}`).
 */
import { apiErrorMessage, escapeControls, lenientText, maskSecrets } from '../run/liveText';
import type { JsonValue } from '../types';

/** Longest Adobe message quoted in a step's result (characters). */
export const MAX_ADOBE_MESSAGE_CHARS = 400;

const isObject = (v: JsonValue | undefined): v is { [k: string]: JsonValue } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const text = (v: JsonValue | undefined): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim().replace(/\s+/g, ' ') : undefined;

/** The words of Adobe's `report` block: its message fields, or its first error's. */
function reportText(report: JsonValue | undefined): string | undefined {
  if (!isObject(report)) return text(report);
  const own =
    text(report['detailed']) ??
    text(report['detailedMessage']) ??
    text(report['message']) ??
    text(report['detail']);
  if (own !== undefined) return own;
  const errors = report['errors'] ?? report['messages'];
  if (Array.isArray(errors)) {
    const first = errors[0];
    return isObject(first) ? (text(first['message']) ?? text(first['detail'])) : text(first);
  }
  return undefined;
}

/**
 * Adobe's message in an error body, one printable line of at most 400 characters: `title` and
 * `detail` (joined with `: `, one of them when the other is missing or repeats it), then `message`,
 * then the `report`'s own message; the error code (`error_code`, `code`) in brackets when there is
 * one. Any other body is read as the live run reads an API's error (`apiErrorMessage`). Secrets are
 * masked before the text is cut; control characters escaped. `""` when the body says nothing.
 * Never throws.
 */
export function adobeErrorMessage(
  body: Uint8Array,
  contentType: string | undefined,
  secrets: readonly string[],
): string {
  let value: JsonValue | undefined;
  try {
    value = JSON.parse(lenientText(body.subarray(0, 64 * 1024)).replace(/^\uFEFF/, '')) as JsonValue;
  } catch {
    value = undefined;
  }
  if (!isObject(value)) return apiErrorMessage(body, contentType, secrets);
  const title = text(value['title']);
  const detail = text(value['detail']);
  const message = text(value['message']);
  const report = reportText(value['report']);
  const parts: string[] = [];
  for (const p of [title, detail, message, report])
    if (p !== undefined && !parts.some((q) => q.includes(p))) parts.push(p);
  if (parts.length === 0) return apiErrorMessage(body, contentType, secrets);
  const code = text(value['error_code']) ?? text(value['code']);
  const words = `${parts.join(': ')}${code !== undefined ? ` [${code}]` : ''}`;
  const masked = maskSecrets(words, secrets);
  const cut =
    masked.length > MAX_ADOBE_MESSAGE_CHARS ? `${masked.slice(0, MAX_ADOBE_MESSAGE_CHARS)}…` : masked;
  return escapeControls(cut);
}

/**
 * What to check after Adobe refused a call, by status: 401/403 the credentials, 404 the id and the
 * sandbox, 400/422 the body (fix what Adobe names), 409 a name or id already in use, 429 and 5xx
 * retry later.
 */
export function adobeHint(status: number, what: 'connection-spec' | 'flow-spec' | 'open'): string {
  if (status === 401)
    return 'check the IMS access token (it expires, usually after 24 hours) and the API key';
  if (status === 403)
    return 'check that the API key, org id and sandbox belong together and that this account may manage sources';
  if (status === 404)
    return what === 'open'
      ? 'check the connection spec id and the sandbox it was created in'
      : what === 'connection-spec'
        ? 'no connection spec has this id in this sandbox: check the sandbox, or publish it as a new one'
        : 'check the sandbox: the RestStorageToAEP flow spec was not found in it';
  if (status === 400 || status === 422)
    return what === 'flow-spec'
      ? 'Adobe refused the flow spec update: the message above says why'
      : 'Adobe refused the spec: fix what the message names, then publish again';
  if (status === 409) return 'something with this name or id exists already: change the name, or update it';
  if (status === 429) return 'Adobe is limiting the request rate: wait a minute and publish again';
  if (status >= 500) return 'Adobe itself failed: try again later';
  return 'check the request against Adobe’s Flow Service documentation';
}
