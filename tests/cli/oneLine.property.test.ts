/**
 * Issue 9 item 4, "one line means one line": whatever spec text, file names or argument values hold,
 * a failing run writes exactly one printable line on stderr (no raw CR/LF, no ESC/CSI or other C0/C1
 * controls), Node's argument errors included, and a value starting with `-` after a flag that takes
 * one is that value.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeLine } from '../../src/cli/stderr';
import { cli } from './runCli';

const FX = 'tests/fixtures/cli';
/** Each property spawns the CLI a few times; the machine may be busy. */
const SLOW = 120_000;
const dir = mkdtempSync(join(tmpdir(), 'spec-studio-oneline-'));

/** Characters a terminal or a line-based reader acts on (what must never reach stderr raw). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Exactly one line, ended by LF, starting with `spec-studio: `, with nothing a terminal would act on. */
function expectOnePrintableLine(err: string): void {
  expect(err.endsWith('\n')).toBe(true);
  const body = err.slice(0, -1);
  expect(body).not.toContain('\n');
  expect(body).not.toMatch(UNSAFE);
  expect(body).toMatch(/^spec-studio: /);
}

/**
 * Strings rich in controls: C0 (CR, LF, ESC), DEL, C1 (CSI U+009B, NEL), separators, bidi. NUL is
 * left out: it cannot be part of a command-line argument (spec text covers it).
 */
const nasty = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '\r',
      '\n',
      '\u001b',
      '\u001b[31m',
      '\u009b2J',
      '\u0085',
      '\u007f',
      '\u2028',
      '\u202e',
      '\t',
    ),
    fc.string({ minLength: 1, maxLength: 3 }).map((s) => s.replace(/\0/g, '')),
  ),
  minLength: 1,
  maxLength: 12,
});

describe('escapeLine (the stderr door)', () => {
  it('is the only way the CLI writes to stderr', () => {
    const files = readdirSync('src/cli', { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.ts'),
    );
    const writers = files.filter((f) =>
      /process\.stderr\.write|console\.(error|warn)/.test(readFileSync(join('src/cli', f), 'utf8')),
    );
    expect(writers).toEqual(['stderr.ts']);
  });

  it('leaves no line break or control character, and keeps a JSON line the same JSON value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const line = escapeLine(JSON.stringify({ m: s }));
        expect(line).not.toMatch(UNSAFE);
        expect(line).not.toContain('\n');
        expect(JSON.parse(line)).toEqual({ m: s });
        expect(escapeLine(s)).not.toMatch(/[\n\r]/);
      }),
      { numRuns: 200 },
    );
  });
});

describe('spec-studio: one line on stderr whatever the input', () => {
  it(
    'an invalid JSONPath holding controls is quoted escaped, on one line',
    () => {
      let n = 0;
      fc.assert(
        fc.property(fc.oneof(nasty, fc.constant('\u0000\u001b[2J')), (text) => {
          const spec = join(dir, `spec-${n++}.json`);
          const doc = JSON.parse(readFileSync(`${FX}/emails.spec.json`, 'utf8')) as {
            sourceSpec: { attributes: { contentPath: { path: string } } };
          };
          doc.sourceSpec.attributes.contentPath.path = `$[${text}`;
          writeFileSync(spec, JSON.stringify(doc));
          const r = cli('flatten', '--spec', spec, `${FX}/emails.response.json`);
          expect(r.code).toBe(2);
          expectOnePrintableLine(r.err);
          expect(r.err).toMatch(/invalid JSONPath/);
        }),
        { numRuns: 8 },
      );
    },
    SLOW,
  );

  it(
    'a file name holding controls is escaped, on one line',
    () => {
      fc.assert(
        fc.property(nasty, (name) => {
          const r = cli('flatten', '--spec', join(dir, `missing-${name}.json`), `${FX}/emails.response.json`);
          expect(r.code).toBe(2);
          expectOnePrintableLine(r.err);
        }),
        { numRuns: 8 },
      );
    },
    SLOW,
  );

  it(
    "Node's argument errors (unknown options) become one line",
    () => {
      fc.assert(
        fc.property(fc.constantFrom('flatten', 'simulate'), nasty, (command, name) => {
          const r = cli(
            command,
            `--x${name}`,
            '--spec',
            `${FX}/emails.spec.json`,
            `${FX}/emails.response.json`,
          );
          expect(r.code).toBe(2);
          expectOnePrintableLine(r.err);
        }),
        { numRuns: 8 },
      );
    },
    SLOW,
  );

  it(
    'a value starting with "-" after a flag that takes one is that value',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom('--window-start', '--window-end'),
          fc.stringMatching(/^-[0-9a-z:.-]{0,8}$/),
          (flag, value) => {
            const other = flag === '--window-start' ? '--window-end' : '--window-start';
            const r = cli(
              'simulate',
              '--spec',
              `${FX}/mailchimp.spec.json`,
              flag,
              value,
              other,
              '2026-01-02T00:00:00Z',
              `${FX}/members.p1.json`,
            );
            // Read as the flag's value: either accepted, or refused by the value check that names it.
            expect(r.err).not.toMatch(/ambiguous|Did you forget/);
            if (r.code !== 0) {
              expectOnePrintableLine(r.err);
              expect(r.err).not.toMatch(/Unknown option/);
            }
          },
        ),
        { numRuns: 8 },
      );
      const r = cli(
        'flatten',
        '--spec',
        `${FX}/emails.spec.json`,
        '--format',
        '-csv',
        `${FX}/emails.response.json`,
      );
      expectOnePrintableLine(r.err);
      expect(r.err).toMatch(/--format must be ndjson or csv, not "-csv"/);
    },
    SLOW,
  );

  it(
    'a failing run prints exactly one line, folding in the warnings before it',
    () => {
      const dup = join(dir, 'dup.json');
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 5 }), (count) => {
          const keys = Array.from({ length: count }, () => '"a":1').join(',');
          writeFileSync(dup, `{"members":[],${keys},"a":2}`);
          const r = cli('flatten', '--spec', `${FX}/emails.spec.json`, dup, join(dir, 'absent.json'));
          expect(r.code).toBe(2);
          expectOnePrintableLine(r.err);
          expect(r.err).toMatch(/absent\.json: no such file/);
          expect(r.err).toMatch(new RegExp(`\\(${count} earlier warnings? not shown\\)`));
        }),
        { numRuns: 3 },
      );
    },
    SLOW,
  );
});
