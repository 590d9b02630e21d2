import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cli, expectOneLineError } from './runCli';

const SPEC = 'tests/fixtures/cli/mailchimp.spec.json';
const P3 = JSON.parse(readFileSync('tests/fixtures/cli/members.p3.json', 'utf8')) as unknown;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'a6-cases-'));
});

const write = (name: string, value: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
};

const window = { windowStart: '2026-01-01T00:00:00Z', windowEnd: '2026-01-02T00:00:00Z' };

/** The expected output of the case, taken from the CLI itself with --update. */
function goodCase(name = 'members, last page'): string {
  const path = write(`${name.replace(/\W+/g, '-')}.case.json`, {
    name,
    pages: [P3],
    params: { domain: 'us6', listId: 'abc' },
    ...window,
  });
  expect(cli('test', '--spec', SPEC, '--update', path).code).toBe(0);
  return path;
}

describe('spec-studio test', () => {
  it('passes a case whose expect matches: ok <name>, then the count; exit 0', () => {
    const path = goodCase();
    const r = cli('test', '--spec', SPEC, path);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual(['ok members, last page', 'tests: 1 passed, 0 failed']);
    const stored = JSON.parse(readFileSync(path, 'utf8')) as {
      expect: { stop: string; requests: unknown[]; records: unknown[] };
    };
    expect(stored.expect.stop).toBe('end-condition');
    expect(stored.expect.requests).toHaveLength(1);
    expect(stored.expect.records.length).toBe(50);
  });

  it('fails a case with a readable diff (changed fields named, requests, stop); exit 1', () => {
    const path = goodCase();
    const c = JSON.parse(readFileSync(path, 'utf8')) as {
      expect: {
        records: Array<{ member: Record<string, unknown> }>;
        requests: Array<{ url: string }>;
        stop: string;
      };
    };
    c.expect.records[1]!.member.status = 'unsubscribed';
    c.expect.records.push({ member: { id: 'gone' } });
    c.expect.requests[0]!.url = 'https://old.example/members';
    c.expect.stop = 'short-page';
    writeFileSync(path, JSON.stringify(c, null, 2));
    const pass = goodCase('still fine');
    const r = cli('test', '--spec', SPEC, path, pass);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toBe('FAIL members, last page');
    expect(r.out).toContain('  records: 1 changed, 0 added, 1 removed');
    expect(r.out).toContain('    ~ record 2: member.status: "unsubscribed" → "subscribed"');
    expect(r.out).toContain('    - record 51 (missing): {"member":{"id":"gone"}}');
    expect(r.out).toMatch(/~ request 1: GET https:\/\/old\.example\/members → GET https:\/\/us6\.api/);
    expect(r.out).toContain('  stop: expected short-page, got end-condition');
    expect(r.lines).toContain('ok still fine');
    expect(r.lines.at(-1)).toBe('tests: 1 passed, 1 failed');
  });

  it('--update rewrites only expect, keeping the other keys in their order (2-space JSON)', () => {
    const path = write('keep.case.json', {
      name: 'keep order',
      windowEnd: window.windowEnd,
      pages: [P3],
      expect: { stop: 'short-page' },
      params: { listId: 'abc', domain: 'us6' },
      windowStart: window.windowStart,
    });
    const r = cli('test', '--spec', SPEC, '--update', path);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([`updated keep order (${path})`, 'tests: 1 passed, 0 failed (1 updated)']);
    const text = readFileSync(path, 'utf8');
    const after = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(after)).toEqual(['name', 'windowEnd', 'pages', 'expect', 'params', 'windowStart']);
    // Only the key it compared is rewritten.
    expect(after.expect).toEqual({ stop: 'end-condition' });
    expect(after.params).toEqual({ listId: 'abc', domain: 'us6' });
    expect(text).toMatch(/^\{\n {2}"name": "keep order",\n/);
    expect(text.endsWith('}\n')).toBe(true);
    expect(cli('test', '--spec', SPEC, path).code).toBe(0);
  });

  it.each<[string, unknown, RegExp]>([
    ['not JSON', '{"name": ', /bad\.case\.json:1:\d+: /],
    ['no name', { pages: [] }, /bad\.case\.json: not a usable case: \/name: name is required/],
    [
      'a typo',
      { name: 'x', pages: [], expected: {} },
      /bad\.case\.json: .*\/expected: unknown key "expected"/,
    ],
    ['a bad stop', { name: 'x', pages: [], expect: { stop: 'done' } }, /\/expect\/stop: stop must be one of/],
  ])(
    'a bad case file (%s) is unusable input: exit 2, one stderr line naming the file',
    (_, value, pattern) => {
      const good = goodCase();
      const bad = write('bad.case.json', value);
      const r = cli('test', '--spec', SPEC, good, bad);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expectOneLineError(r.err, pattern);
    },
  );

  it('reads pageFiles relative to the case file, not to the working folder', () => {
    mkdirSync(join(dir, 'pages'));
    write('pages/p3.json', P3);
    const path = write('files.case.json', {
      name: 'from files',
      pageFiles: ['pages/p3.json'],
      ...window,
      expect: { stop: 'end-condition' },
    });
    const r = cli('test', '--spec', SPEC, path);
    expect(r.lines).toEqual(['ok from files', 'tests: 1 passed, 0 failed']);
    expect(r.code).toBe(0);
  });

  it.each<[string, () => string, RegExp]>([
    ['a missing page file', () => 'pages/none.json', /\/pageFiles\/0: "pages\/none\.json": no such file/],
    ['an absolute path', () => '/etc/hostname', /is absolute; page files are relative to the case file/],
    ['a path escaping with ..', () => '../outside.json', /leads out of the case file's folder \(refused\)/],
    [
      'a symbolic link leading out',
      () => {
        writeFileSync(join(tmpdir(), 'a6-outside.json'), '{}');
        symlinkSync(join(tmpdir(), 'a6-outside.json'), join(dir, 'link.json'));
        return 'link.json';
      },
      /is a link leading out of the case file's folder \(refused\)/,
    ],
  ])('refuses %s: exit 2, one line naming the case file', (_, page, pattern) => {
    const path = write('escape.case.json', { name: 'x', pageFiles: [page()] });
    const r = cli('test', '--spec', SPEC, path);
    expect(r.code).toBe(2);
    expectOneLineError(r.err, pattern);
    expect(r.err).toContain('escape.case.json: /pageFiles/0');
  });

  it('a missing credential does not stop a case', () => {
    const path = write('nocred.case.json', {
      name: 'no credentials',
      pages: [P3],
      expect: { stop: 'end-condition' },
    });
    const r = cli('test', '--spec', SPEC, path);
    expect(r.lines).toEqual(['ok no credentials', 'tests: 1 passed, 0 failed']);
  });

  it('needs --spec and a case file', () => {
    expectOneLineError(cli('test', goodCase()).err, /test needs --spec/);
    expect(cli('test', '--spec', SPEC).code).toBe(2);
    const help = cli('test', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: spec-studio test --spec <spec.json> \[--update\] <case.json>\.\.\./);
    expect(cli('--help').out).toContain('test --spec <spec.json> [--update] <case.json>...');
  });
});
