import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  FAKE_ADOBE_CREDENTIALS as C,
  startFakeFlowService,
  type FakeFlowService,
} from '../server/fakeFlowService';
import { cli, expectOneLineError } from './runCli';

const ZENDESK = 'public/examples/zendesk-users.json';
const dir = mkdtempSync(join(tmpdir(), 'k2-flow-cli-'));

// The script needs jq (it says so and checks): so does running it here. Debian: apt-get install jq.
beforeAll(() => {
  if (spawnSync('jq', ['--version']).status !== 0)
    throw new Error('this test runs flow.sh, which needs jq: apt-get install jq');
});

let fake: FakeFlowService | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('spec-studio flow-script', () => {
  it('prints a script that runs the whole chain against the fake Flow Service', async () => {
    const r = cli(
      'flow-script',
      '--spec',
      ZENDESK,
      '--start',
      '1767225600',
      '--frequency',
      'minute',
      '--interval',
      '30',
    );
    expect(r.code).toBe(0);
    expect(spawnSync('bash', ['-n'], { input: r.out }).status).toBe(0);
    const file = join(dir, 'flow.sh');
    writeFileSync(file, r.out);
    fake = await startFakeFlowService();
    const child = spawn('bash', [file], {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        SPEC_STUDIO_BASE_URL: `${fake.baseUrl}/`,
        ADOBE_ACCESS_TOKEN: C.accessToken,
        ADOBE_API_KEY: C.apiKey,
        ADOBE_ORG_ID: C.orgId,
        ADOBE_SANDBOX: C.sandbox,
        AUTH_HOST: 'https://acme.zendesk.test',
        AUTH_ACCESS_TOKEN: 'zd-token-SECRET',
        SOURCE_PAGE_SIZE: '100',
        DATASET_ID: 'ds-1',
        POLL_SECONDS: '0',
      },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((res) => child.on('close', res));
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(fake.requests).toHaveLength(9);
    const base = fake.requests[3]!.json as { auth: unknown };
    expect(base.auth).toEqual({
      specName: 'OAuth2 Refresh Code',
      params: { host: 'https://acme.zendesk.test', accessToken: 'zd-token-SECRET' },
    });
    const flow = fake.requests[7]!.json as { scheduleParams: unknown };
    expect(flow.scheduleParams).toEqual({ startTime: 1767225600, frequency: 'minute', interval: 30 });
    // The spec exactly as written (layout and numbers kept), not re-serialised.
    expect(fake.requests[0]!.body).toBe(readFileSync(ZENDESK, 'utf8'));
    expect(`${out}${err}`).not.toContain('zd-token-SECRET');
    expect(`${out}${err}`).not.toContain(C.accessToken);
  });

  it.each([
    ['no --spec', [], /flow-script needs --spec <spec\.json>/],
    [
      'an unknown auth spec',
      ['--spec', ZENDESK, '--auth', 'Basic'],
      /No authSpec named "Basic"; the spec has "OAuth2 Refresh Code"/,
    ],
    [
      'an interval with once',
      ['--spec', ZENDESK, '--frequency', 'once', '--interval', '1'],
      /--interval: a "once" flow takes no interval/,
    ],
    ['a missing file', ['--spec', 'nope.json'], /nope\.json: no such file/],
  ])('refuses %s: one line, exit 2, nothing on stdout', (_name, args, message) => {
    const r = cli('flow-script', ...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expectOneLineError(r.err, message);
  });
});
