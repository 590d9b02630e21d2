/**
 * The guards of the outbound door (issue 10 §1). Host rules (hostCheck.ts): a URL passes
 * `classifyTarget` (metadata and unsendable URLs always refused, loopback/private unless allowed),
 * then every address its host name resolves to passes `classifyAddress`; the door connects to the
 * address checked here, never to a second lookup's answer (DNS rebinding). Request shape: a method
 * or header Node would refuse (CR/LF injection) is refused before connecting. Body cap: counted on
 * the decoded bytes, so a compression bomb stops at the cap.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import type { IncomingMessage } from 'node:http';
import { Writable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { isIP } from 'node:net';
import {
  classifyAddress,
  classifyTarget,
  HOST_KIND_LABEL,
  type DiagnosticParams,
  nestedParams,
  type HostKind,
  type ParsedUrl,
} from '@core';

/**
 * A message of the door with its stable code and parameters (a diagnostic code: the app words it
 * from `diagnostics.<code>`; Node's and the system's own words are parameters, never translated).
 */
export interface Coded {
  message: string;
  code: string;
  params: DiagnosticParams;
}

/** The `kind` parameter of an address class (ICU `select` keys take no hyphen). */
const kindKey = (kind: HostKind | 'invalid'): string =>
  kind === 'invalid' ? 'unusable' : kind === 'link-local' ? 'linkLocal' : kind;

/** DNS: every address of a name. */
export type Lookup = (hostname: string) => Promise<Array<{ address: string; family: 4 | 6 }>>;

/** Node's resolver: every address, in the order the system gives them. */
export const defaultLookup: Lookup = async (hostname) => {
  const found = await dnsLookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** A target that passed every rule: the parsed URL and the one address to connect to. */
export interface CheckedTarget {
  url: ParsedUrl;
  address: string;
  family: 4 | 6;
  port: number;
  tls: boolean;
  /** The URL's host name without brackets: SNI and certificate name (an IP for an IP literal). */
  servername: string;
}

export type TargetCheck =
  { ok: true; target: CheckedTarget } | ({ ok: false; error: 'refused' | 'network-error' } & Coded);

/** The DNS error code of `e` (ENOTFOUND, EAI_AGAIN, …), or its message. */
function lookupCause(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[A-Z0-9_]+$/.test(code)) return code;
  return e instanceof Error ? e.message : String(e);
}

/**
 * Applies the host rules to `url` (`display`: its masked form, the only one messages quote).
 * IP literals skip the lookup; a name is refused when ANY of its addresses is refused (metadata
 * always, the private kinds unless `allowPrivateHosts`). Messages name the address class and the
 * masked URL's host, never the real URL. Never throws.
 */
export async function checkTarget(
  url: string,
  display: string,
  allowPrivateHosts: boolean,
  lookup: Lookup,
): Promise<TargetCheck> {
  const verdict = classifyTarget(url, { allowPrivateHosts, display });
  if (!verdict.ok)
    return {
      ok: false,
      error: 'refused',
      message: verdict.message,
      code: verdict.code,
      params: verdict.params,
    };
  const parsed = verdict.url;
  const tls = parsed.protocol === 'https:';
  const port = parsed.port === '' ? (tls ? 443 : 80) : Number(parsed.port);
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const literal = isIP(host);
  const shownHost = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#]*@)?([^/?#]+)/i.exec(display)?.[1] ?? 'the host';
  let addresses: Array<{ address: string; family: 4 | 6 }>;
  if (literal !== 0) addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
  else {
    try {
      addresses = await lookup(host);
    } catch (e) {
      return unresolved(shownHost, lookupCause(e));
    }
    if (!Array.isArray(addresses) || addresses.length === 0) return unresolved(shownHost, 'ENOTFOUND');
  }
  for (const a of addresses) {
    const kind = classifyAddress(String(a.address));
    if (kind === 'public') continue;
    if (kind === 'metadata' || kind === 'invalid' || !allowPrivateHosts) {
      const label = kind === 'invalid' ? 'unusable' : HOST_KIND_LABEL[kind];
      const what = literal !== 0 ? '' : `${shownHost} resolves to `;
      const address = String(a.address);
      return {
        ok: false,
        error: 'refused',
        message: `${what}${label} address ${address}`,
        ...(literal !== 0
          ? { code: 'outbound-address-refused', params: { kind: kindKey(kind), address } }
          : { code: 'outbound-resolves-to', params: { host: shownHost, kind: kindKey(kind), address } }),
      };
    }
  }
  const first = addresses[0] as { address: string; family: 4 | 6 };
  const family = isIP(first.address) === 6 ? 6 : 4;
  return { ok: true, target: { url: parsed, address: first.address, family, port, tls, servername: host } };
}

/** A name that cannot be resolved: `api.example.test cannot be resolved (ENOTFOUND)`. */
function unresolved(host: string, cause: string): TargetCheck {
  return {
    ok: false,
    error: 'network-error',
    message: `${host} cannot be resolved (${cause})`,
    code: 'outbound-cannot-resolve',
    params: { host, cause },
  };
}

/** The cause of a socket/TLS error in words, with its code. */
export function describeError(e: unknown): string {
  return describeErrorCoded(e).message;
}

/**
 * {@link describeError} with its code: `outbound-tls-certificate` (Node's message and error code
 * as `error` and `errno`), else `outbound-node-error` (`error`: Node's words as they are).
 */
export function describeErrorCoded(e: unknown): Coded {
  const err = e as { code?: unknown; message?: unknown } | null;
  const code = typeof err?.code === 'string' ? err.code : '';
  const message = typeof err?.message === 'string' ? err.message : String(e);
  if (/CERT|SSL|TLS|SELF_SIGNED|ALTNAME|UNABLE_TO_(VERIFY|GET)/i.test(code)) {
    return {
      message: `TLS certificate error: ${message} (${code})`,
      code: 'outbound-tls-certificate',
      params: { error: message, errno: code },
    };
  }
  const text = code && !message.includes(code) ? `${message} (${code})` : message;
  return { message: text, code: 'outbound-node-error', params: { error: text } };
}

/** A failure the door reports as is (with its message's code and parameters). */
export class DoorError extends Error {
  readonly code: string;
  readonly params: DiagnosticParams;
  constructor(
    readonly kind: 'network-error' | 'too-large' | 'refused',
    coded: Coded,
  ) {
    super(coded.message);
    this.code = coded.code;
    this.params = coded.params;
  }
}

const megabytes = (bytes: number): string => {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB` : mb >= 1 ? `${mb.toFixed(1)} MB` : `${bytes} bytes`;
};

function decoderFor(encoding: string): Transform | null {
  if (encoding === 'gzip' || encoding === 'x-gzip') return createGunzip();
  if (encoding === 'deflate') return createInflate();
  if (encoding === 'br') return createBrotliDecompress();
  return null;
}

/**
 * Reads the body, decoding gzip/deflate/br as it streams, and fails with `too-large` as soon as
 * the declared length or the decoded bytes pass `cap` (the streams are destroyed then, so a bomb
 * never inflates further). An unknown content coding is returned as received.
 */
export async function readBody(res: IncomingMessage, cap: number, shown: string): Promise<Buffer> {
  const tooLarge = () =>
    new DoorError('too-large', {
      message: `${shown}: the response is larger than ${megabytes(cap)} (the cap of a live page)`,
      code: 'outbound-too-large',
      params: { url: shown, size: megabytes(cap) },
    });
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > cap) {
    res.destroy();
    throw tooLarge();
  }
  const codings = String(res.headers['content-encoding'] ?? '')
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '' && c !== 'identity');
  const decoders: Transform[] = [];
  // Codings are listed in the order they were applied: undo the last one first.
  for (const coding of [...codings].reverse()) {
    const d = decoderFor(coding);
    if (d === null) {
      decoders.length = 0;
      break;
    }
    decoders.push(d);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      total += chunk.length;
      if (total > cap) done(tooLarge());
      else {
        chunks.push(chunk);
        done();
      }
    },
  });
  try {
    await pipeline([res, ...decoders, sink]);
  } catch (e) {
    if (e instanceof DoorError) throw e;
    const zlib =
      decoders.length > 0 &&
      /^Z_|ERR_(ZLIB|BROTLI)|incorrect header|unexpected end/i.test(
        `${(e as { code?: string }).code ?? ''} ${(e as Error).message}`,
      );
    const cause = describeErrorCoded(e);
    throw new DoorError(
      'network-error',
      zlib
        ? {
            message: `${shown}: the ${codings.join(', ')} body cannot be decoded (${cause.message})`,
            code: 'outbound-undecodable',
            params: { url: shown, encoding: codings.join(', '), ...nestedParams('cause', cause) },
          }
        : {
            message: `${shown}: the connection ended before the whole response arrived (${cause.message})`,
            code: 'outbound-cut-short',
            params: { url: shown, ...nestedParams('cause', cause) },
          },
    );
  }
  return Buffer.concat(chunks, total);
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Why Node would refuse to write this method or these headers (CR/LF injection…), or null. */
export function requestProblem(method: string, headers: Array<[string, string]>): Coded | null {
  if (!TOKEN.test(method))
    return { message: 'the method is not an HTTP token', code: 'outbound-method-token', params: {} };
  for (const [name, value] of headers) {
    if (!TOKEN.test(name)) {
      const quoted = JSON.stringify(name.slice(0, 60));
      return {
        message: `the header name ${quoted} is not an HTTP token`,
        code: 'outbound-header-name-token',
        params: { name: quoted },
      };
    }
    if (/[^\t\x20-\x7e\x80-\xff]/.test(value)) {
      return {
        message: `the ${name} header value holds a line break, NUL or another character a header cannot carry`,
        code: 'outbound-header-value',
        params: { name },
      };
    }
  }
  return null;
}
