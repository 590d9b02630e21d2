/**
 * Server-side request forgery guard (CWE-918, BAD-INPUTS D6, issue 9 item 2): the one door every
 * request URL goes through before it is shown as "would be sent" (CLI `simulate`) or, later, sent
 * (live run). The host is read the way a WHATWG URL parser reads it (`new URL()`), never with a
 * regex on the text, so `http://127.0.0.1\@evil.example/`, `http:///127.0.0.1/`, a tab inside the
 * address, `%31%32%37.0.0.1`, full-width digits or `。` dots are all seen as 127.0.0.1. A URL whose
 * authority does not survive parsing unchanged (the text sent would differ from the text shown)
 * is refused outright.
 */
import { nestedParams } from '../diagnosticCodes';

/** Why a host must not be requested: its class, or `invalid` for a URL that cannot be sent as is. */
export type HostKind = 'loopback' | 'link-local' | 'metadata' | 'private' | 'unspecified' | 'shared';

/** Label of each kind in messages ("cloud metadata address 169.254.169.254"). */
export const HOST_KIND_LABEL: Readonly<Record<HostKind, string>> = {
  loopback: 'loopback',
  'link-local': 'link-local',
  metadata: 'cloud metadata',
  private: 'private',
  unspecified: 'unspecified',
  shared: 'shared address space',
};

/**
 * The key of each kind in coded messages' `kind` parameter (ICU `select` keys take no hyphen):
 * `loopback`, `linkLocal`, `metadata`, `private`, `unspecified`, `shared`.
 */
const HOST_KIND_KEY: Readonly<Record<HostKind, string>> = {
  loopback: 'loopback',
  'link-local': 'linkLocal',
  metadata: 'metadata',
  private: 'private',
  unspecified: 'unspecified',
  shared: 'shared',
};

/** A message with its stable code and parameters (the app words it from `diagnostics.<code>`). */
interface Coded {
  message: string;
  code: string;
  params: Record<string, string>;
}

/** Host names that always resolve to this machine or to a cloud metadata service. */
const NAMED: Array<[RegExp, HostKind]> = [
  [/^localhost\.?$|\.localhost\.?$/i, 'loopback'],
  [/^(metadata\.google\.internal|metadata|instance-data(\.ec2\.internal)?)\.?$/i, 'metadata'],
];

/** The parts of a WHATWG `URL` the guard reads (the core's tsconfig has no DOM lib to type it). */
export interface ParsedUrl {
  readonly href: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
}

type UrlConstructor = new (url: string) => ParsedUrl;

/** `new URL(text)`, or null when the WHATWG parser rejects it. */
export function parseUrl(text: string): ParsedUrl | null {
  const Url = (globalThis as unknown as { URL: UrlConstructor }).URL;
  try {
    return new Url(text);
  } catch {
    return null;
  }
}

/** WHATWG IPv4 parsing of a host name: the address as 32-bit number, or null when it is not IPv4. */
export function parseIPv4(host: string): number | null {
  const parts = host.replace(/\.$/, '').split('.');
  if (parts.length === 0 || parts.length > 4) return null;
  const nums: number[] = [];
  for (const part of parts) {
    let m: RegExpExecArray | null;
    let n: number;
    if ((m = /^0[xX]([0-9a-fA-F]*)$/.exec(part))) n = m[1] === '' ? 0 : parseInt(m[1] as string, 16);
    else if (/^0[0-7]+$/.test(part)) n = parseInt(part, 8);
    else if (/^(0|[1-9][0-9]*)$/.test(part)) n = Number(part);
    else return null;
    nums.push(n);
  }
  const last = nums.pop() as number;
  if (nums.some((n) => n > 255) || last >= Math.pow(256, 4 - nums.length)) return null;
  let value = last;
  nums.forEach((n, i) => (value += n * Math.pow(256, 3 - i)));
  return value;
}

/** Cloud metadata services reached by address: GCP/AWS/Azure, AWS ECS, Alibaba. */
const METADATA_V4 = new Set([0xa9fea9fe, 0xa9feaa02, 0x646464c8]);

function classifyIPv4(a: number): HostKind | null {
  const [b0, b1] = [Math.floor(a / 2 ** 24), Math.floor(a / 2 ** 16) % 256];
  if (METADATA_V4.has(a)) return 'metadata';
  if (b0 === 127) return 'loopback';
  if (b0 === 0) return 'unspecified';
  if (b0 === 169 && b1 === 254) return 'link-local';
  if (b0 === 10 || (b0 === 172 && b1 >= 16 && b1 <= 31) || (b0 === 192 && b1 === 168)) return 'private';
  if (b0 === 100 && b1 >= 64 && b1 <= 127) return 'shared';
  return null;
}

/** Expands an IPv6 literal (no brackets, no zone) into 8 groups, or null. */
function ipv6Groups(text: string): number[] | null {
  let s = text.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    if (!/^(\d{1,3})(\.\d{1,3}){3}$/.test(v4[1] as string)) return null;
    const a = parseIPv4(v4[1] as string);
    if (a === null) return null;
    s = s.slice(0, -v4[0].length) + `${(a >>> 16).toString(16)}:${(a & 0xffff).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  if (fill < 0 || (halves.length === 2 && fill < 1) || (halves.length === 1 && head.length !== 8))
    return null;
  const groups = [...head, ...Array<string>(fill).fill('0'), ...tail];
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => parseInt(g, 16));
}

function classifyIPv6(g: number[]): HostKind | null {
  const zero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  const v4 = (hi: number, lo: number) => classifyIPv4((((g[hi] as number) << 16) + (g[lo] as number)) >>> 0);
  if (zero(0, 7) && g[7] === 1) return 'loopback';
  if (zero(0, 8)) return 'unspecified';
  // IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::a.b.c.d, 6to4 2002:AABB:CCDD::.
  if (zero(0, 5) && (g[5] === 0xffff || g[5] === 0)) return v4(6, 7);
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6)) return v4(6, 7);
  if (g[0] === 0x2002) return v4(1, 2);
  const first = g[0] as number;
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  if (first === 0xfd00 && g[1] === 0xec2 && zero(2, 7) && g[7] === 0x254) return 'metadata';
  if ((first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfec0) return 'private';
  return null;
}

/** The class of a canonical host name as `new URL().hostname` gives it; null for a public host. */
function classifyHostname(hostname: string): HostKind | null {
  const host = hostname.toLowerCase();
  for (const [re, kind] of NAMED) if (re.test(host)) return kind;
  if (host.startsWith('[')) {
    const groups = ipv6Groups(host.slice(1, -1).replace(/%.*$/, ''));
    return groups && classifyIPv6(groups);
  }
  const a = /^\d+\.\d+\.\d+\.\d+$/.test(host) ? parseIPv4(host) : null;
  return a === null ? null : classifyIPv4(a);
}

/**
 * Classifies a resolved IP address (what DNS returned for a host, for a live run's check after
 * resolution): dotted-quad IPv4, or IPv6 with or without brackets and zone. Returns the kind,
 * `public`, or `invalid` when `ip` is not an address.
 */
export function classifyAddress(ip: string): HostKind | 'public' | 'invalid' {
  const text = ip.trim();
  if (/^(\d{1,3})(\.\d{1,3}){3}$/.test(text)) {
    const a = parseIPv4(text);
    if (a === null || text.split('.').some((p) => p.length > 1 && p.startsWith('0'))) return 'invalid';
    return classifyIPv4(a) ?? 'public';
  }
  const bare = text.replace(/^\[(.*)\]$/, '$1').replace(/%[^%]*$/, '');
  const groups = bare.includes(':') ? ipv6Groups(bare) : null;
  if (groups === null) return 'invalid';
  return classifyIPv6(groups) ?? 'public';
}

/** Options of `classifyTarget`. */
export interface TargetOptions {
  /** Allow loopback, link-local, private, unspecified and shared hosts (never metadata). */
  allowPrivateHosts?: boolean;
  /** The URL as shown to people (secrets masked): messages quote it instead of `url`. */
  display?: string;
}

/**
 * `classifyTarget`'s verdict. `alwaysRefused` is true for metadata and invalid URLs. `code` and
 * `params`: the message's stable code (a diagnostic code: `host-kind-refused`, `url-unsendable`,
 * `url-unsendable-shown`, the last two with the problem nested as `problem`).
 */
export type TargetVerdict =
  | { ok: true; url: ParsedUrl }
  | {
      ok: false;
      reason: HostKind | 'invalid';
      alwaysRefused: boolean;
      message: string;
      code: string;
      params: Record<string, string | number | string[]>;
    };

/** C0 controls, DEL, C1 controls, every kind of white space and backslashes (parsers drop or rewrite them). */
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const UNSAFE_CHAR = /[\u0000-\u0020\u007f-\u009f\s\\]/u;

/** Text quoted for a message: JSON string syntax, with DEL, C1 and bidi controls escaped too. */
export function quoteText(text: string): string {
  return JSON.stringify(text).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** `text` as is when it is printable ASCII without spaces, else quoted. */
const shown = (text: string): string => (/^[\x21-\x7e]+$/.test(text) ? text : quoteText(text));

/** The authority of `text` as written: what follows `scheme://` up to the first `/`, `?` or `#`. */
function writtenAuthority(text: string): string | null {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(text);
  return m ? (m[1] as string) : null;
}

/**
 * Why `url` cannot be sent exactly as written, or null: it must be an absolute `http:`/`https:`
 * URL without control characters, white space or backslashes anywhere, without user info, whose
 * authority (host and port) is exactly what `new URL()` serialises (letter case and a default port
 * aside). `reveal`: the message may quote the host (false when the host may hold a secret).
 */
function syntaxProblem(url: string, parsed: ParsedUrl | null, reveal: boolean): Coded | null {
  const bad = UNSAFE_CHAR.exec(url);
  if (bad) {
    const c = bad[0];
    const [key, what] =
      c === '\\'
        ? ['backslash', 'a backslash']
        : c.charCodeAt(0) > 0x20 && /\s/u.test(c)
          ? ['whiteSpace', 'white space']
          : ['control', 'a control character or space'];
    return {
      message: `it holds ${what} (${quoteText(c)}), which URL parsers drop or rewrite`,
      code: 'url-unsafe-character',
      params: { what: key, character: quoteText(c) },
    };
  }
  if (!/^https?:\/\//i.test(url))
    return { message: 'it is not an absolute http:// or https:// URL', code: 'url-not-absolute', params: {} };
  if (parsed === null) return PARSER_REJECTS;
  if (parsed.username !== '' || parsed.password !== '')
    return { message: 'it carries user info (user@host)', code: 'url-user-info', params: {} };
  const written = (writtenAuthority(url) ?? '').toLowerCase();
  const port = parsed.protocol === 'https:' ? '443' : '80';
  if (written !== parsed.host && written !== `${parsed.hostname}:${port}`) {
    return reveal
      ? {
          message: `its host is written ${shown(written)} but a URL parser reads ${shown(parsed.host)}: write it as the parser reads it`,
          code: 'url-host-rewritten',
          params: { written: shown(written), read: shown(parsed.host) },
        }
      : {
          message: 'its host is not written the way a URL parser reads it',
          code: 'url-host-not-as-written',
          params: {},
        };
  }
  return null;
}

const PARSER_REJECTS: Coded = { message: 'a URL parser rejects it', code: 'url-parser-rejects', params: {} };

/**
 * Checks that `url` can be sent exactly as written (see `classifyTarget`), whatever its host.
 * Returns the parsed URL, or a message that never quotes the host of `url`.
 */
export function checkUrlSyntax(
  url: string,
):
  | { ok: true; url: ParsedUrl }
  | { ok: false; message: string; code: string; params: Record<string, string> } {
  const parsed = UNSAFE_CHAR.test(url) ? null : parseUrl(url);
  const problem = syntaxProblem(url, parsed, false);
  if (problem === null && parsed !== null) return { ok: true, url: parsed };
  return { ok: false, ...(problem ?? PARSER_REJECTS) };
}

/** The class of the host of `url` as a WHATWG parser reads it (a zone-scoped IPv6 as written). */
function hostKindOf(url: string, parsed: ParsedUrl | null): HostKind | null {
  if (parsed !== null) return /^https?:$/.test(parsed.protocol) ? classifyHostname(parsed.hostname) : null;
  const zoned = /^\[([0-9a-f:.]+)%[^\]]*\]/i.exec(writtenAuthority(url)?.replace(/^.*@/, '') ?? '');
  const groups = zoned ? ipv6Groups(zoned[1] as string) : null;
  return groups && classifyIPv6(groups);
}

/**
 * The one door for request URLs. Parses `url` as a WHATWG URL and classifies the host the parser
 * yields: `metadata` (169.254.169.254, 169.254.170.2, 100.100.100.200, fd00:ec2::254,
 * metadata.google.internal, metadata, instance-data), `loopback` (127/8, ::1, localhost,
 * *.localhost), `link-local` (169.254/16, fe80::/10), `private` (10/8, 172.16/12, 192.168/16,
 * fc00::/7), `unspecified` (0/8, ::), `shared` (100.64/10), IPv4 inside IPv6 (mapped, compatible,
 * NAT64, 6to4) as that IPv4. Then refuses as `invalid` any URL that would not be sent exactly as
 * written (see `checkUrlSyntax`). Metadata and invalid URLs are refused always (`alwaysRefused`);
 * the other kinds unless `allowPrivateHosts`. Messages quote `options.display` (the masked URL)
 * when given and different, never the real host, so a secret in the host reaches no message.
 * Never throws.
 */
export function classifyTarget(url: string, options: TargetOptions = {}): TargetVerdict {
  const parsed = parseUrl(url);
  const masked = options.display !== undefined && options.display !== url;
  const kind = hostKindOf(url, parsed);
  if (kind !== null && (kind === 'metadata' || options.allowPrivateHosts !== true)) {
    const host = parsed?.hostname ?? '[';
    const noun = host.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(host) ? 'address' : 'host';
    const written = writtenAuthority(masked ? (options.display as string) : url) ?? '';
    const read =
      masked || parsed === null || written.toLowerCase() === parsed.host ? '' : ` (${parsed.host})`;
    const message = `${HOST_KIND_LABEL[kind]} ${noun} ${shown(written)}${read}`;
    const params = {
      kind: HOST_KIND_KEY[kind],
      noun,
      host: shown(written),
      hasRead: read === '' ? 'no' : 'yes',
      read: read === '' ? '' : (parsed?.host ?? ''),
    };
    return {
      ok: false,
      reason: kind,
      alwaysRefused: kind === 'metadata',
      message,
      code: 'host-kind-refused',
      params,
    };
  }
  const problem = syntaxProblem(url, parsed, !masked);
  if (problem !== null || parsed === null) {
    const why = problem ?? PARSER_REJECTS;
    const what = masked ? `the URL ${quoteText(options.display as string)}` : 'the URL';
    const message = `${what} cannot be sent as written: ${why.message}`;
    const nested = nestedParams('problem', why);
    return masked
      ? {
          ok: false,
          reason: 'invalid',
          alwaysRefused: true,
          message,
          code: 'url-unsendable-shown',
          params: { url: quoteText(options.display as string), ...nested },
        }
      : {
          ok: false,
          reason: 'invalid',
          alwaysRefused: true,
          message,
          code: 'url-unsendable',
          params: nested,
        };
  }
  return { ok: true, url: parsed };
}

/**
 * Why the host of `url` (an absolute http(s) URL, or a bare host) must not be requested without
 * an explicit opt-in ("loopback address 2130706433 (127.0.0.1)"), or null for a public host or a
 * text that is no URL. Kept for callers that only need the host class; `classifyTarget` is the door.
 */
export function privateHostReason(url: string): string | null {
  const text = url.trim();
  const full = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `http://${text}`;
  const v = classifyTarget(full);
  return v.ok || v.reason === 'invalid' ? null : v.message;
}
