/**
 * Server-side request forgery guard (CWE-918, BAD-INPUTS D6): classifies the host of a request URL
 * as loopback, link-local, cloud metadata, private or unspecified. Simulated requests are never
 * sent, but a spec whose host (or a POINTER next link from a response) lands there is flagged, and
 * the CLI refuses it unless `--allow-private-hosts` is given. IPv4 is read the way URL parsers do
 * (`2130706433`, `0x7f.1`, `0177.0.0.1` are all 127.0.0.1), so numeric disguises do not slip through.
 */

/** Host names that always resolve to this machine or to a cloud metadata service. */
const NAMED: Array<[RegExp, string]> = [
  [/^localhost\.?$|\.localhost\.?$/i, 'loopback'],
  [/^(metadata\.google\.internal|metadata|instance-data(\.ec2\.internal)?)\.?$/i, 'cloud metadata'],
];

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

function classifyIPv4(a: number): string | null {
  const [b0, b1] = [Math.floor(a / 2 ** 24), Math.floor(a / 2 ** 16) % 256];
  if (a === 0xa9fea9fe || a === 0x646464c8) return 'cloud metadata';
  if (b0 === 127) return 'loopback';
  if (b0 === 0) return 'unspecified';
  if (b0 === 169 && b1 === 254) return 'link-local';
  if (b0 === 10 || (b0 === 172 && b1 >= 16 && b1 <= 31) || (b0 === 192 && b1 === 168)) return 'private';
  if (b0 === 100 && b1 >= 64 && b1 <= 127) return 'shared address space';
  return null;
}

/** Expands an IPv6 literal (no brackets) into 8 groups, or null. */
function ipv6Groups(text: string): number[] | null {
  let s = text.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const a = parseIPv4(v4[1] as string);
    if (a === null) return null;
    s = s.slice(0, -v4[0].length) + `${(a >>> 16).toString(16)}:${(a & 0xffff).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  if (fill < 0 || (halves.length === 1 && head.length !== 8)) return null;
  const groups = [...head, ...Array<string>(fill).fill('0'), ...tail];
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => parseInt(g, 16));
}

function classifyIPv6(g: number[]): string | null {
  const zero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zero(0, 7) && g[7] === 1) return 'loopback';
  if (zero(0, 8)) return 'unspecified';
  if (zero(0, 5) && g[5] === 0xffff) return classifyIPv4((((g[6] as number) << 16) + (g[7] as number)) >>> 0);
  const first = g[0] as number;
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  if (first === 0xfd00 && g[1] === 0xec2 && zero(2, 7) && g[7] === 0x254) return 'cloud metadata';
  if ((first & 0xfe00) === 0xfc00) return 'private';
  return null;
}

/**
 * Why the host of `url` (an absolute http(s) URL, or a bare host) must not be requested without
 * an explicit opt-in: "loopback", "link-local", "cloud metadata", "private", "unspecified" or
 * "shared address space" (with the address read), or null for an ordinary public host. A URL that
 * cannot be parsed gives null (the request builder reports those). Never throws.
 */
export function privateHostReason(url: string): string | null {
  const m = /^(?:[a-z][a-z0-9+.-]*:)?\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(url.trim());
  const host = (m ? (m[1] as string) : url.trim()).toLowerCase();
  if (host === '') return null;
  for (const [re, kind] of NAMED) if (re.test(host)) return `${kind} host ${host}`;
  if (host.startsWith('[')) {
    const groups = ipv6Groups(host.slice(1, -1).replace(/%.*$/, ''));
    const kind = groups && classifyIPv6(groups);
    return kind ? `${kind} address ${host}` : null;
  }
  const a = parseIPv4(host);
  const kind = a === null ? null : classifyIPv4(a);
  if (a === null || kind === null) return null;
  const dotted = ipv4Text(a);
  return `${kind} address ${host}${dotted === host.replace(/\.$/, '') ? '' : ` (${dotted})`}`;
}

function ipv4Text(a: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(a / 2 ** s) % 256).join('.');
}
