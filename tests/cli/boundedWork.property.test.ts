/**
 * Issue 9 item 5, "no unbounded work" in the CLI: files without a size (devices, pipes) are read
 * with a byte counter against the same cap as regular files, and `flatten --format csv` over 20,000
 * records with distinct keys finishes in seconds, saying which columns it left out.
 */
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CliError, readBytes } from '../../src/cli/io';
import { BIN, cli } from './runCli';

const FX = 'tests/fixtures/cli';
const dir = mkdtempSync(join(tmpdir(), 'spec-studio-bounded-'));
const SLOW = 120_000;

/** Reads `path` with `cap`, while a child process writes `bytes` into it (a named pipe: no size). */
async function readFromPipe(bytes: Buffer, cap: number): Promise<Buffer | CliError> {
  const fifo = join(dir, `fifo-${Math.random().toString(36).slice(2)}`);
  execFileSync('mkfifo', [fifo]);
  const source = join(`${fifo}.src`);
  writeFileSync(source, bytes);
  // `cat` blocks until we open the pipe; a refusal closes it early (cat then ends with EPIPE).
  const writer = spawn('sh', ['-c', `cat "$1" > "$2" 2>/dev/null; true`, 'sh', source, fifo], {
    stdio: 'ignore',
  });
  const done = new Promise<void>((resolve) => writer.on('close', () => resolve()));
  try {
    return await readBytes(fifo, cap);
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  } finally {
    await done;
  }
}

describe('readBytes: one byte counter for every kind of file', () => {
  it(
    'a pipe is read whole up to the cap and refused past it, with the cap in the message',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: 300_000 }),
          fc.integer({ min: 1, max: 300_000 }),
          async (n, cap) => {
            // Text, so the binary check (zero bytes) stays out of the way.
            const bytes = Buffer.alloc(n, 0x20);
            const r = await readFromPipe(bytes, cap);
            if (n <= cap) {
              expect(r).toBeInstanceOf(Buffer);
              expect((r as Buffer).length).toBe(n);
            } else {
              expect(r).toBeInstanceOf(CliError);
              expect((r as CliError).message).toMatch(/over the [0-9,]+ (bytes|MB) limit/);
            }
          },
        ),
        { numRuns: 15 },
      );
    },
    SLOW,
  );

  it('a device without end is refused at the cap (/dev/urandom) or at once when binary (/dev/zero)', async () => {
    const random = await readBytes('/dev/urandom', 1024 * 1024).catch((e: unknown) => e);
    expect(random).toBeInstanceOf(CliError);
    expect((random as CliError).message).toMatch(/^\/dev\/urandom: .*over the 1 MB limit|not JSON text/);
    const zero = await readBytes('/dev/zero').catch((e: unknown) => e);
    expect(zero).toBeInstanceOf(CliError);
    expect((zero as CliError).message).toMatch(/^\/dev\/zero: it is binary data/);
  });

  it('a regular file over the cap is refused before reading, one at the cap is read', async () => {
    const file = join(dir, 'exact.json');
    writeFileSync(file, '[1,2,3]');
    expect((await readBytes(file, 7)).toString()).toBe('[1,2,3]');
    await expect(readBytes(file, 6)).rejects.toThrow(/exact\.json: file is 7 bytes, over the 6 bytes limit/);
  });

  it('the CLI refuses /dev/zero as a response with one line, at once', () => {
    const t0 = Date.now();
    const r = cli('flatten', '--spec', `${FX}/emails.spec.json`, '/dev/zero');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^spec-studio: \/dev\/zero: it is binary data/);
    expect(Date.now() - t0).toBeLessThan(15_000);
  });
});

describe('flatten --format csv stays bounded', () => {
  it(
    '20,000 records with distinct keys: done in seconds, capped columns, and a warning saying so',
    () => {
      const items = Array.from({ length: 20_000 }, (_, i) => `{"k${i}":${i}}`);
      const response = join(dir, 'distinct.json');
      writeFileSync(response, `{"emails":[${items.join(',')}]}`);
      const spec = JSON.parse(readFileSync(`${FX}/emails.spec.json`, 'utf8')) as {
        sourceSpec: { attributes: Record<string, unknown> };
      };
      delete spec.sourceSpec.attributes.explodeEntityPath;
      const specFile = join(dir, 'distinct.spec.json');
      writeFileSync(specFile, JSON.stringify(spec));
      const outFile = join(dir, 'distinct.csv');
      const fd = openSync(outFile, 'w');
      const t0 = Date.now();
      const r = spawnSync(
        process.execPath,
        [BIN, 'flatten', '--format', 'csv', '--spec', specFile, response],
        {
          stdio: ['ignore', fd, 'pipe'],
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      const elapsed = Date.now() - t0;
      closeSync(fd);
      expect(r.status).toBe(0);
      expect(elapsed).toBeLessThan(30_000);
      const lines = readFileSync(outFile, 'utf8').split('\r\n');
      expect(lines).toHaveLength(20_002); // header, 20,000 rows, the empty string after the last CRLF
      const header = (lines[0] as string).split(',');
      expect(header).toHaveLength(1_000);
      expect(header[0]).toBe('email.k0');
      expect(lines[1]).toBe(`0${','.repeat(999)}`);
      expect(lines[20_000]).toBe(','.repeat(999));
      const warnings = r.stderr
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { code?: string; message: string });
      expect(warnings).toContainEqual(
        expect.objectContaining({
          code: 'csv-columns-capped',
          message: expect.stringMatching(/first 1,000 of 20,000 columns; 19,000 columns are left out/),
        }),
      );
    },
    SLOW,
  );
});
