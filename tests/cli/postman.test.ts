import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { cli, expectOneLineError } from './runCli';

/** postman-collection ships no types: the little of it this test uses. */
const { Collection } = createRequire(import.meta.url)('postman-collection') as {
  Collection: new (json: unknown) => { items: { count(): number; idx(i: number): { name: string } } };
};

const MAILCHIMP = 'public/examples/mailchimp-members.json';
const dir = mkdtempSync(join(tmpdir(), 'k2-postman-'));

type Env = { values: Array<{ key: string; value: string; type: string }> };

describe('spec-studio postman', () => {
  it('writes the collection and the environment into a new folder and prints both paths', () => {
    const out = join(dir, 'nested', 'pm');
    const r = cli(
      'postman',
      '--spec',
      MAILCHIMP,
      '--out',
      out,
      '--start',
      '2026-01-01T00:00:00Z',
      '--frequency',
      'day',
      '--interval',
      '2',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const collectionPath = join(out, 'mailchimp-members.postman_collection.json');
    const environmentPath = join(out, 'mailchimp-members.postman_environment.json');
    expect(r.lines).toEqual([collectionPath, environmentPath]);
    expect(readdirSync(out).sort()).toEqual([
      'mailchimp-members.postman_collection.json',
      'mailchimp-members.postman_environment.json',
    ]);
    const json = JSON.parse(readFileSync(collectionPath, 'utf8')) as object;
    const c = new Collection(json);
    expect(c.items.count()).toBe(10);
    expect(c.items.idx(0).name).toBe('1. Create the connection spec');
    const env = JSON.parse(readFileSync(environmentPath, 'utf8')) as Env;
    const byKey = Object.fromEntries(env.values.map((v) => [v.key, v]));
    expect(byKey.authorizationToken).toMatchObject({ type: 'secret', value: '' });
    expect(byKey.accessToken).toMatchObject({ type: 'secret', value: '' });
    expect(byKey.baseUrl?.value).toBe('https://platform.adobe.io');
    expect([byKey.startTime?.value, byKey.frequency?.value, byKey.interval?.value]).toEqual([
      '1767225600',
      'day',
      '2',
    ]);
    expect(byKey.authSpecName?.value).toBe('OAuth2 Refresh Code');
  });

  it('uses --auth for the base connection and its credentials', () => {
    const out = join(dir, 'basic');
    const r = cli('postman', '--spec', MAILCHIMP, '--out', out, '--auth', 'Basic Authentication');
    expect(r.code).toBe(0);
    const env = JSON.parse(
      readFileSync(join(out, 'mailchimp-members.postman_environment.json'), 'utf8'),
    ) as Env;
    const keys = env.values.map((v) => v.key);
    expect(keys).toContain('username');
    expect(keys).toContain('password');
    expect(keys).not.toContain('accessToken');
    expect(env.values.find((v) => v.key === 'authSpecName')?.value).toBe('Basic Authentication');
  });

  it.each([
    ['no --out', ['--spec', MAILCHIMP], /postman needs --out <dir>/],
    ['no --spec', ['--out', dir], /postman needs --spec <spec\.json>/],
    [
      'an unknown auth spec',
      ['--spec', MAILCHIMP, '--out', dir, '--auth', 'OAuth'],
      /No authSpec named "OAuth"; the spec has "OAuth2 Refresh Code", "Basic Authentication"/,
    ],
    [
      'a bad frequency',
      ['--spec', MAILCHIMP, '--out', dir, '--frequency', 'yearly'],
      /--frequency: yearly is not one of once, minute, hour, day, week/,
    ],
    [
      'a too small interval',
      ['--spec', MAILCHIMP, '--out', dir, '--frequency', 'minute', '--interval', '5'],
      /--interval: 5 is not a whole number of at least 15/,
    ],
    [
      'a bad start',
      ['--spec', MAILCHIMP, '--out', dir, '--start', 'tomorrow'],
      /--start: tomorrow is neither Unix seconds nor an ISO date/,
    ],
    ['invalid JSON', ['--spec', 'tests/fixtures/cli/invalid.json', '--out', dir], /invalid\.json:4:1: /],
    [
      'an API response, not a spec',
      ['--spec', 'tests/fixtures/cli/members.p1.json', '--out', dir],
      /members\.p1\.json: /,
    ],
    [
      'a stray argument',
      ['--spec', MAILCHIMP, '--out', dir, 'extra.json'],
      /postman takes no file arguments/,
    ],
  ])('refuses %s: one line, exit 2, nothing written', (_name, args, message) => {
    const out = mkdtempSync(join(tmpdir(), 'k2-postman-refused-'));
    const r = cli('postman', ...args.map((a) => (a === dir ? out : a)));
    expect(r.code).toBe(2);
    expectOneLineError(r.err, message);
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses an --out that is a file', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const r = cli('postman', '--spec', MAILCHIMP, '--out', file);
    expect(r.code).toBe(2);
    expectOneLineError(r.err, /a-file: is a file, expected a folder/);
  });
});
