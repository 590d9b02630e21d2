/**
 * `spec-studio simulate` end to end for issue 9 items 1–3 and issue 8 D10: secrets never reach
 * stdout or stderr, every request (next links included) goes through the host door, header
 * injection never reaches a request, and missing inputs do not block a simulation.
 * Runs the built CLI (SPEC_STUDIO_CLI_BIN overrides the path, for a private build).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BIN } from './runCli';

const bin = process.env.SPEC_STUDIO_CLI_BIN ?? BIN;
const dir = mkdtempSync(join(tmpdir(), 'spec-studio-h1-'));
let files = 0;
const file = (value: unknown): string => {
  const path = join(dir, `f${files++}.json`);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, 'simulate', ...args], { encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON fixture, edited in place by each test
type Doc = Record<string, any>;
const POINTER_SPEC = JSON.parse(
  readFileSync(new URL('../fixtures/hostile/cli/pointer.spec.json', import.meta.url), 'utf8'),
) as Doc;

/** The pointer fixture with the changes of `edit`. */
function spec(edit: (s: Doc) => void): string {
  const s = JSON.parse(JSON.stringify(POINTER_SPEC)) as Doc;
  edit(s);
  return file(s);
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('secrets never reach stdout or stderr (issue 9 item 1)', () => {
  const secretSpec = spec((s) => {
    const attrs = s.sourceSpec.attributes;
    s.sourceSpec.spec.properties.token = { type: 'string', format: 'password' };
    attrs.urlParams.path = '/lists/${listId}/${token}/members';
    attrs.urlParams.queryParams = { q: '${listId}', filter: '{SCHEDULE_QUERY}' };
    attrs.headerParams = { 'X-List': '${listId}', 'X-Token': 't=${token}' };
    attrs.scheduleParams = {
      scheduleStartParamFormat: 'yyyy-MM-ddTHH:mm:ssZ',
      scheduleEndParamFormat: 'yyyy-MM-ddTHH:mm:ssZ',
      incremental: 'since {START_TIME} key ${token}',
      backfill: 'until {END_TIME} key ${apiKey}',
    };
    s.authSpec.push({
      name: 'Basic',
      type: 'BasicAuthentication',
      spec: {
        type: 'object',
        properties: { username: { type: 'string' }, password: { type: 'string', format: 'password' } },
        required: ['username', 'password'],
      },
    });
  });

  it('property: with distinctive secrets everywhere, no output holds them raw, encoded or base64', () => {
    const secret = fc
      .tuple(fc.stringMatching(/^[A-Za-z0-9]{3,5}$/), fc.constantFrom('', ' ', '/', '+', '&', 'é'))
      .map(([a, b]) => `Sx${a}${b}Q7`);
    const link = fc.constantFrom('?page=2', '/next', 'next', 'https://api.example.com/other');
    fc.assert(
      fc.property(
        secret,
        secret,
        secret,
        fc.constantFrom('Key', 'Basic'),
        fc.boolean(),
        fc.array(link, { minLength: 1, maxLength: 3 }),
        (token, apiKey, password, auth, backfill, links) => {
          const responses = [...links, links[0] as string].map((next) =>
            file({ members: [{ id: 1 }, { id: 2 }], next }),
          );
          const r = run(
            '--spec',
            secretSpec,
            '--auth',
            auth,
            '--param',
            'listId=L1',
            '--param',
            `token=${token}`,
            '--param',
            `apiKey=${apiKey}`,
            '--param',
            'username=me',
            '--param',
            `password=${password}`,
            ...(backfill ? ['--backfill'] : []),
            ...responses,
          );
          expect([0, 1]).toContain(r.code);
          const all = r.out + r.err;
          for (const s of [token, apiKey, password]) {
            for (const form of [
              s,
              encodeURIComponent(s),
              encodeURIComponent(s).replace(/%20/g, '+'),
              b64(s),
              b64(`me:${s}`),
            ])
              expect(all).not.toContain(form);
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe('every request goes through the host door (issue 9 item 2)', () => {
  const members = [{ id: 1 }, { id: 2 }];
  it.each([
    ['http://127.0.0.1\\@evil.example/'],
    ['http:///127.0.0.1/'],
    ['http://%31%32%37.0.0.1/'],
    ['http://１２７.０.０.１/'],
    ['http://127。0。0。1/'],
    ['http://[::ffff:127.0.0.1]/'],
    ['http://0x7f.1/'],
  ])('a next link %j is refused (exit 1), nothing printed as if it would be sent', (next) => {
    const r = run(
      '--spec',
      file(POINTER_SPEC),
      '--param',
      'apiKey=k',
      '--param',
      'listId=1',
      file({ members, next }),
    );
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/refused|cannot be sent/);
  });

  it('a metadata next link is refused even with --allow-private-hosts; loopback is allowed with it', () => {
    const meta = file({ members, next: 'http://[::ffff:a9fe:a9fe]/latest/meta-data/' });
    const args = ['--spec', file(POINTER_SPEC), '--param', 'apiKey=k', '--param', 'listId=1'];
    const r = run(...args, '--allow-private-hosts', meta);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cloud metadata .*refused, even with --allow-private-hosts/);
    const loop = run(...args, '--allow-private-hosts', file({ members, next: 'http://127.0.0.1:8080/x' }));
    expect(loop.code).toBe(0);
  });
});

describe('header injection never reaches a request (issue 9 item 3)', () => {
  const tokenSpec = (parameterName: string) =>
    spec((s) => {
      s.sourceSpec.attributes.paginationParams = {
        type: 'CONTINUATION_TOKEN',
        continuationTokenPath: '$.next',
        parameterType: 'HEADERPARAM',
        parameterName,
      };
    });
  it('a parameterName with CR/LF: one escaped line, exit 1, no request', () => {
    const r = run(
      '--spec',
      tokenSpec('X-Cursor\r\nX-Evil: 1'),
      '--param',
      'apiKey=k',
      '--param',
      'listId=1',
      file({ next: 'c' }),
    );
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/parameterName .* is not a valid HTTP header name/);
  });
  it('a token with NUL stops the run with no-token; no header carries it', () => {
    const r = run(
      '--spec',
      tokenSpec('X-Cursor'),
      '--param',
      'apiKey=k',
      '--param',
      'listId=1',
      file({ members: [], next: 'c\u0000d' }),
    );
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n').at(-1)).toBe('{"stop":"no-token"}');
    // eslint-disable-next-line no-control-regex -- control characters are what this matches
    expect(r.out).not.toMatch(/\\u0000|\u0000/);
  });
  it.each([['/p\r\nX: 1'], ['http://127.0.\t0.1/'], ['https://api.example.com/\u001b[2J']])(
    'a next link %j (a control character) stops the run with no-pointer',
    (next) => {
      const r = run(
        '--spec',
        file(POINTER_SPEC),
        '--param',
        'apiKey=k',
        '--param',
        'listId=1',
        file({ members: [{}, {}], next }),
      );
      expect(r.code).toBe(0);
      expect(r.out.trim().split('\n').at(-1)).toBe('{"stop":"no-pointer"}');
    },
  );
});

describe('a simulation needs no credentials (issue 8 D10)', () => {
  it('missing apiKey and listId: exit 0, markers in the request, one warning per missing input', () => {
    const r = run('--spec', file(POINTER_SPEC), file({ members: [{ id: 1 }], next: null }));
    expect(r.code).toBe(0);
    const first = JSON.parse(r.out.split('\n')[0] ?? '{}') as {
      url: string;
      headers: Record<string, string>;
    };
    expect(first.url).toBe('https://api.example.com/lists/‹listId›/members?q=‹listId›&count=2');
    expect(first.headers).toEqual({ 'X-List': '‹listId›', 'X-Key': '‹apiKey›' });
    const warnings = r.err
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { code: string; message: string })
      .filter((d) => d.code === 'missing-input');
    expect(warnings.map((w) => w.message.split(' ')[0]).sort()).toEqual(['apiKey', 'listId']);
  });
});
