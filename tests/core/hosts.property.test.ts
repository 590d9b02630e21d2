/**
 * Issue 9 item 2: host rules on the parsed URL. Whatever disguise a URL uses (numeric forms,
 * percent-encoding, full-width digits, ideographic dots, backslashes, extra slashes, tabs, user
 * info), the host a WHATWG parser (`new URL()`, what a client would connect to) reads is the
 * host classified; a URL that would not be sent exactly as written is refused.
 */
import { BlockList } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAddress, classifyTarget, privateHostReason } from '../../src/core/placeholders/hostCheck';

/** Forbidden IPv4 targets, as 32-bit numbers, with whether they are cloud metadata. */
const FORBIDDEN_V4: Array<[string, boolean]> = [
  ['127.0.0.1', false],
  ['127.1.2.3', false],
  ['10.0.0.1', false],
  ['172.16.5.4', false],
  ['172.31.255.255', false],
  ['192.168.1.1', false],
  ['169.254.10.1', false],
  ['100.64.0.1', false],
  ['0.0.0.0', false],
  ['169.254.169.254', true],
  ['169.254.170.2', true],
  ['100.100.100.200', true],
];

/** An oracle independent of the code under test: Node's BlockList over the documented ranges. */
const oracle = new BlockList();
for (const [net, bits] of [
  ['127.0.0.0', 8],
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['169.254.0.0', 16],
  ['100.64.0.0', 10],
  ['0.0.0.0', 8],
] as const)
  oracle.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::1', 128],
  ['::', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  oracle.addSubnet(net, bits, 'ipv6');

/** Is the host a WHATWG parser reads from `url` one the rules forbid? (null: not parseable) */
function parsedHostForbidden(url: string): boolean | null {
  let host: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    host = u.hostname;
  } catch {
    return null;
  }
  const mapped = /^\[::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/.exec(host);
  if (mapped) {
    const n = (parseInt(mapped[1] as string, 16) << 16) + parseInt(mapped[2] as string, 16);
    host = [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
  }
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return oracle.check(host, 'ipv4');
  if (host.startsWith('[')) return oracle.check(host.slice(1, -1), 'ipv6');
  return host === 'localhost' || host.endsWith('.localhost') || host === 'metadata.google.internal';
}

const toNum = (ip: string) => ip.split('.').reduce((a, p) => a * 256 + Number(p), 0);
const FULL = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/** Ways of writing one IPv4 address that a WHATWG parser reads as that address. */
const disguise = (ip: string): fc.Arbitrary<string> => {
  const parts = ip.split('.').map(Number) as [number, number, number, number];
  const n = toNum(ip);
  return fc.constantFrom(
    ip,
    String(n),
    `0x${n.toString(16)}`,
    parts.map((p) => `0${p.toString(8)}`).join('.'),
    `${parts[0]}.${(parts[1] << 16) + (parts[2] << 8) + parts[3]}`,
    `0x${parts[0].toString(16)}.${parts[1]}.${parts[2]}.${parts[3]}`,
    [...ip].map((c) => `%${c.charCodeAt(0).toString(16)}`).join(''),
    FULL(ip),
    ip.replace(/\./g, '。'),
    FULL(ip).replace(/\./g, '．'),
    `${ip}.`,
    `[::ffff:${ip}]`,
    `[::ffff:${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}]`,
  );
};

/** Ways of wrapping a host into a URL string, many of them parser tricks. */
const wrap = (host: string): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom(
        (h: string) => `http://${h}/`,
        (h: string) => `https://${h}:8443/x?y=1`,
        (h: string) => `http:///${h}/`,
        (h: string) => `http:\\\\${h}\\x`,
        (h: string) => `http://${h}\\@evil.example/`,
        (h: string) => `http://user:pw@${h}/`,
        (h: string) => `HTTP://${h}`,
        (h: string) => ` http://${h}/`,
        (h: string) => `http://${h}#@evil.example/`,
      ),
      fc.nat(),
      fc.constantFrom('', '\t', '\n', '\r'),
    )
    .map(([f, at, ctrl]) => {
      const i = host.length === 0 ? 0 : at % host.length;
      return f(host.slice(0, i) + ctrl + host.slice(i));
    });

const forbiddenUrl = fc
  .constantFrom(...FORBIDDEN_V4)
  .chain(([ip, metadata]) => disguise(ip).chain((h) => wrap(h).map((url) => ({ url, metadata }))));

describe('classifyTarget: the host the URL parser reads (issue 9 item 2)', () => {
  it('property: every disguise of a loopback/private/link-local/CGNAT/metadata address is refused', () => {
    fc.assert(
      fc.property(forbiddenUrl, ({ url, metadata }) => {
        const v = classifyTarget(url);
        expect(v.ok).toBe(false);
        // Metadata is refused even when private hosts are allowed.
        if (metadata) expect(classifyTarget(url, { allowPrivateHosts: true }).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: privateHostReason flags every URL whose parsed host is forbidden (the regex did not)', () => {
    fc.assert(
      fc.property(forbiddenUrl, ({ url }) => {
        if (parsedHostForbidden(url) === true) expect(privateHostReason(url)).not.toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  it('property: a URL passes only when its parsed host is public and it is sent exactly as written', () => {
    const host = fc.oneof(
      fc.constantFrom(...FORBIDDEN_V4).chain(([ip]) => disguise(ip)),
      fc.constantFrom('8.8.8.8', 'api.example.com', 'API.Example.com', 'localhost', 'a.localhost', '[::1]'),
      fc.constantFrom(
        '[fd00:ec2::254]',
        '[fe80::1]',
        '[fc00::5]',
        '[::]',
        'metadata.google.internal',
        'metadata',
      ),
      fc.constantFrom('[2001:db8::1]', '134744072', 'ｅxample.com', 'xn--bcher-kva.example'),
    );
    fc.assert(
      fc.property(host.chain(wrap), fc.boolean(), (url, allowPrivateHosts) => {
        const v = classifyTarget(url, { allowPrivateHosts });
        if (!v.ok) return;
        const parsed = new URL(url);
        expect(parsedHostForbidden(url) === true && !allowPrivateHosts).toBe(false);
        expect(['169.254.169.254', '100.100.100.200', '[fd00:ec2::254]']).not.toContain(parsed.hostname);
        // Round trip: the URL as written is what the parser serialises (scheme and host case aside).
        expect(url.toLowerCase().startsWith(`${parsed.protocol}//${parsed.host}`)).toBe(true);
        expect(parsed.username + parsed.password).toBe('');
        // eslint-disable-next-line no-control-regex -- control characters are what this matches
        expect(url).not.toMatch(/[\s\\\u0000-\u001f]/);
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['http://127.0.0.1\\@evil.example/', 'loopback'],
    ['http:///127.0.0.1/', 'loopback'],
    ['http://127.0.\t0.1/', 'loopback'],
    ['http://%31%32%37.0.0.1/', 'loopback'],
    ['http://１２７.０.０.１/', 'loopback'],
    ['http://127。0。0。1/', 'loopback'],
    ['http://2130706433/', 'loopback'],
    ['http://0x7f.1/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://[::1]:8080/', 'loopback'],
    ['http://localhost/', 'loopback'],
    ['http://api.localhost./', 'loopback'],
    ['http://169.254.169.254/latest/meta-data', 'metadata'],
    ['http://[fd00:ec2::254]/', 'metadata'],
    ['http://metadata.google.internal/', 'metadata'],
    ['http://metadata/', 'metadata'],
    ['http://100.100.100.200/', 'metadata'],
    ['http://169.254.1.1/', 'link-local'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://10.1.2.3/', 'private'],
    ['http://172.20.0.1/', 'private'],
    ['http://192.168.0.1/', 'private'],
    ['http://[fc00::1]/', 'private'],
    ['http://[fd12:3456::1]/', 'private'],
    ['http://100.64.1.1/', 'shared'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://[::]/', 'unspecified'],
    ['https://api.example.com/a b', 'invalid'],
    ['https://user@api.example.com/', 'invalid'],
    ['https://api.example.com\\x', 'invalid'],
    ['https://ａpi.example.com/', 'invalid'],
    ['https://134744072/', 'invalid'],
    ['ftp://api.example.com/', 'invalid'],
    ['/relative', 'invalid'],
  ])('%j is refused as %s', (url, reason) => {
    const v = classifyTarget(url);
    expect(v).toMatchObject({ ok: false, reason });
    // eslint-disable-next-line no-control-regex -- control characters are what this matches
    if (!v.ok) expect(v.message).not.toMatch(/[\u0000-\u001f]/);
  });

  it.each([
    ['https://api.example.com'],
    ['https://api.example.com/'],
    ['https://API.example.com:443/v1?x=1'],
    ['https://8.8.8.8/x'],
    ['https://[2001:db8::1]/x'],
    ['https://172.32.0.1/'],
    ['https://api.example.com/a%20b?q=%E2%80%A2'],
  ])('%j passes', (url) => {
    expect(classifyTarget(url)).toMatchObject({ ok: true });
  });

  it('allowPrivateHosts allows loopback and private hosts, never metadata or an invalid URL', () => {
    const allow = { allowPrivateHosts: true };
    expect(classifyTarget('http://127.0.0.1:8080/', allow).ok).toBe(true);
    expect(classifyTarget('http://10.0.0.1/', allow).ok).toBe(true);
    expect(classifyTarget('http://169.254.169.254/', allow)).toMatchObject({
      ok: false,
      alwaysRefused: true,
    });
    expect(classifyTarget('http://[::ffff:a9fe:a9fe]/', allow)).toMatchObject({
      ok: false,
      reason: 'metadata',
    });
    expect(classifyTarget('http://2130706433/', allow)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('messages quote the display URL, never the real host', () => {
    const v = classifyTarget('http://10.0.0.7/x', { display: 'http://••••/x' });
    expect(v).toMatchObject({ ok: false, reason: 'private' });
    if (!v.ok) expect(v.message).not.toContain('10.0.0.7');
  });
});

describe('classifyAddress: a resolved address (for the live run after DNS)', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['10.9.8.7', 'private'],
    ['fd00:ec2::254', 'metadata'],
    ['169.254.169.254', 'metadata'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['fe80::1%eth0', 'link-local'],
    ['100.100.100.200', 'metadata'],
    ['100.64.0.1', 'shared'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['fc00::1', 'private'],
    ['8.8.8.8', 'public'],
    ['2001:4860:4860::8888', 'public'],
    ['0177.0.0.1', 'invalid'],
    ['localhost', 'invalid'],
    ['1.2.3', 'invalid'],
  ])('%s is %s', (ip, kind) => {
    expect(classifyAddress(ip)).toBe(kind);
  });

  it('property: agrees with Node BlockList on every IPv4 address', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        const kind = classifyAddress(ip);
        expect(kind === 'public').toBe(!oracle.check(ip, 'ipv4'));
      }),
      { numRuns: 2000 },
    );
  });
});
