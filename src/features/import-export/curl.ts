/** Base URL of Adobe's Flow Service connection-spec API. */
export const FLOW_SERVICE_SPECS_URL = 'https://platform.adobe.io/data/foundation/flowservice/connectionSpecs';

/**
 * Quotes a string for POSIX shells: single quotes, with each `'` written as `'\''`. Everything else
 * (newlines, `$`, backticks, `!`, backslashes) is literal inside single quotes.
 */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export interface CurlOptions {
  method: 'POST' | 'PUT';
  /** The spec id for PUT; `{CONNECTION_SPEC_ID}` when unknown. */
  id?: string;
}

/** Placeholder headers every Flow Service call needs (the user substitutes real values). */
export const API_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['Authorization', 'Bearer {ACCESS_TOKEN}'],
  ['x-api-key', '{API_KEY}'],
  ['x-gw-ims-org-id', '{ORG_ID}'],
  ['x-sandbox-name', '{SANDBOX_NAME}'],
  ['Content-Type', 'application/json'],
];

/**
 * A curl command creating (POST) or replacing (PUT) the connection spec with `body` as the request
 * body, verbatim (the text as the user has it), safely shell-quoted.
 */
export function buildCurl(body: string, options: CurlOptions): string {
  const id = options.id ? encodeURIComponent(options.id) : '{CONNECTION_SPEC_ID}';
  const url = options.method === 'PUT' ? `${FLOW_SERVICE_SPECS_URL}/${id}` : FLOW_SERVICE_SPECS_URL;
  const lines = [`curl -X ${options.method} ${shellQuote(url)}`];
  for (const [k, v] of API_HEADERS) lines.push(`  -H ${shellQuote(`${k}: ${v}`)}`);
  lines.push(`  -d ${shellQuote(body.replace(/\s+$/, ''))}`);
  return lines.join(' \\\n');
}

/** The spec's `id` when it is a non-empty string (present in specs fetched from Adobe). */
export function specId(doc: unknown): string | undefined {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return undefined;
  const id = (doc as Record<string, unknown>).id;
  return typeof id === 'string' && id.trim() ? id.trim() : undefined;
}
