import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, expectOneLineError } from './runCli';

const FX = 'tests/fixtures/cli';

const window = ['--window-start', '2026-01-02T03:04:05Z', '--window-end', '1767409445'];

describe('spec-studio validate', () => {
  it("passes Adobe's MailChimp example with no error and JSON-line diagnostics", () => {
    const r = cli('validate', `${FX}/mailchimp.spec.json`);
    expect(r.code).toBe(0);
    for (const line of r.lines) {
      const d = JSON.parse(line) as Record<string, unknown>;
      expect(Object.keys(d)).toEqual(['severity', 'pointer', 'message']);
      expect(['warning', 'info']).toContain(d.severity);
    }
  });

  it('reports an undeclared placeholder as an error at its pointer and exits 1', () => {
    const r = cli('validate', `${FX}/undeclared.spec.json`);
    expect(r.code).toBe(1);
    const errors = r.lines.map(
      (l) => JSON.parse(l) as { severity: string; pointer: string; message: string },
    );
    expect(errors).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        pointer: '/sourceSpec/attributes/urlParams/path',
        message: expect.stringContaining('${segmentId}') as unknown,
      }),
    );
  });

  it.each([
    ['invalid JSON with its line and column', [`${FX}/invalid.json`], /invalid\.json:4:1: /],
    ['a missing file', [`${FX}/nope.json`], /nope\.json: no such file/],
    ['a directory', [FX], /is a directory/],
    ['no argument', [], /exactly one spec file/],
  ])('refuses %s with one line and exit 2', (_name, args, pattern) => {
    const r = cli('validate', ...args);
    expect(r.code).toBe(2);
    expectOneLineError(r.err, pattern);
  });
});

describe('spec-studio flatten', () => {
  it('prints the SEMANTICS §4 example records as NDJSON, keys in source order', () => {
    const r = cli('flatten', '--spec', `${FX}/emails.spec.json`, `${FX}/emails.response.json`);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      '{"email":{"email_id":"e1","activity":{"action":"open"}}}',
      '{"email":{"email_id":"e1","activity":{"action":"click"}}}',
    ]);
  });

  it('prints the records of several responses in order, with skipAttributes applied', () => {
    const r = cli(
      'flatten',
      '--spec',
      `${FX}/mailchimp.spec.json`,
      `${FX}/members.p1.json`,
      `${FX}/members.p3.json`,
    );
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(150);
    expect(JSON.parse(r.lines[0]!)).toEqual({
      member: { id: 'm0', email_address: 'u0@example.com', status: 'subscribed' },
    });
    expect(JSON.parse(r.lines[149]!)).toMatchObject({ member: { id: 'm249' } });
  });

  it('prints a CSV table with dotted columns', () => {
    const r = cli(
      'flatten',
      '--format',
      'csv',
      '--spec',
      `${FX}/emails.spec.json`,
      `${FX}/emails.response.json`,
    );
    expect(r.code).toBe(0);
    expect(r.lines).toEqual(['email.email_id,email.activity.action', 'e1,open', 'e1,click']);
  });

  it('refuses an invalid JSONPath with one line naming the field', () => {
    const r = cli('flatten', '--spec', `${FX}/badpath.spec.json`, `${FX}/emails.response.json`);
    expect(r.code).toBe(2);
    expectOneLineError(r.err, /contentPath\.path: invalid JSONPath/);
  });

  it('refuses a response that is not JSON, naming file, line and column', () => {
    const r = cli('flatten', '--spec', `${FX}/emails.spec.json`, `${FX}/invalid.json`);
    expect(r.code).toBe(2);
    expectOneLineError(r.err, /invalid\.json:\d+:\d+: /);
  });

  it('refuses an unknown option with a pointer to --help', () => {
    const r = cli('flatten', '--nope', '--spec', `${FX}/emails.spec.json`);
    expect(r.code).toBe(2);
    expectOneLineError(r.err, /--help/);
  });
});

describe('spec-studio simulate', () => {
  const base = [
    'simulate',
    '--spec',
    `${FX}/mailchimp.spec.json`,
    '--param',
    'domain=us6',
    '--param',
    'listId=abc',
  ];
  const token = ['--param', 'accessToken=s3cret-token'];

  it('builds three OFFSET requests, masks the secret, and stops on the end condition', () => {
    const pages = [`${FX}/members.p1.json`, `${FX}/members.p2.json`, `${FX}/members.p3.json`];
    const r = cli(...base, ...token, ...window, ...pages);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('s3cret-token');
    const [first, second, third, stop, ...rest] = r.lines.map(
      (l) => JSON.parse(l) as Record<string, unknown>,
    );
    expect(rest).toEqual([]);
    const since = 'since_last_changed=2026-01-02T03%3A04%3A05%3A0000000Z';
    const before = 'before_last_changed=2026-01-03T03%3A04%3A05%3A0000000Z';
    expect(first).toEqual({
      method: 'GET',
      url: `https://us6.api.mailchimp.com/3.0/lists/abc/members?${since}&${before}&count=100&offset=0`,
      headers: { Authorization: 'Bearer ••••' },
    });
    expect(second?.url).toMatch(/&count=100&offset=100$/);
    expect(third?.url).toMatch(/&count=100&offset=200$/);
    expect(stop).toEqual({ stop: 'end-condition' });
  });

  it('uses Basic authentication when chosen with --auth', () => {
    const r = cli(
      ...base,
      '--auth',
      'Basic Authentication',
      '--param',
      'username=u',
      '--param',
      'password=p',
      ...window,
      `${FX}/members.p3.json`,
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.lines[0]!)).toMatchObject({ headers: { Authorization: 'Basic ••••' } });
  });

  it('stops with samples-exhausted and shows the request that would come next', () => {
    const r = cli(...base, ...token, ...window, `${FX}/members.p1.json`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.lines[1]!)).toEqual({ stop: 'samples-exhausted' });
    expect(JSON.parse(r.lines[2]!)).toMatchObject({
      next: { url: expect.stringMatching(/offset=100$/) as unknown },
    });
  });

  it('refuses to run with an undeclared placeholder, in one line', () => {
    const r = cli(
      'simulate',
      '--spec',
      `${FX}/undeclared.spec.json`,
      '--param',
      'domain=x',
      '--param',
      'listId=1',
      ...token,
      `${FX}/members.p1.json`,
    );
    expect(r.code).toBe(1);
    expectOneLineError(r.err, /segmentId/);
    expect(r.out).toBe('');
  });

  it.each([
    ['an unknown auth spec', ['--auth', 'Nope'], /--auth "Nope" is not an authSpec/],
    [
      'a bad window start',
      ['--window-start', 'yesterday', '--window-end', '1'],
      /--window-start: "yesterday"/,
    ],
    ['a lone window bound', ['--window-start', '1'], /go together/],
    ['a malformed --param', ['--param', 'novalue'], /name=value/],
  ])('refuses %s in one line', (_name, extra, pattern) => {
    const r = cli(...base, ...token, ...extra, `${FX}/members.p1.json`);
    expect(r.code).toBe(2);
    expectOneLineError(r.err, pattern);
  });
});

describe('spec-studio help', () => {
  it.each([['validate'], ['flatten'], ['simulate']])('%s --help prints its usage and exits 0', (command) => {
    const r = cli(command, '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^Usage: spec-studio ${command}`));
  });

  it('an unknown command is one line and exit 2', () => {
    const r = cli('frobnicate');
    expect(r.code).toBe(2);
    expectOneLineError(r.err, /unknown command "frobnicate"/);
  });

  it('an unreadable file is one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spec-studio-'));
    const r = cli('validate', join(dir, 'missing', 'x.json'));
    expect(r.code).toBe(2);
    expectOneLineError(r.err, /no such file/);
  });
});
