import { open, stat } from 'node:fs/promises';
import {
  describeBinary,
  invalidUtf8Offset,
  parseJson,
  type JsonValue,
  type ParseError,
  type ParseWarning,
} from '@core';
import { warn } from './stderr';

export { parseArgs } from './args';
export { warn } from './stderr';

/**
 * Largest input the CLI reads (bytes). A file whose size is known and bigger is refused before
 * reading; a file without a size (`/dev/zero`, a pipe, `/dev/stdin`) is read with a byte counter and
 * refused as soon as it passes the cap.
 */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/** First read of a file without a size (it then doubles up to the cap). */
const FIRST_CHUNK_BYTES = 64 * 1024;

/** Bytes a binary check needs before a file without a size is read further. */
const SNIFF_BYTES = 64;

/** A user-caused failure: printed as one line on stderr, then the process exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

function describeFsError(path: string, error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return `${path}: no such file`;
  if (code === 'EACCES' || code === 'EPERM') return `${path}: permission denied`;
  if (code === 'EISDIR') return `${path}: is a directory, expected a JSON file`;
  return `${path}: cannot read (${code ?? String(error)})`;
}

/** "512 MB" for whole mebibytes, else "1,000 bytes". */
function sizeText(bytes: number): string {
  return bytes % 1048576 === 0 ? `${bytes / 1048576} MB` : `${bytes.toLocaleString('en-US')} bytes`;
}

/**
 * Reads a whole file, at most `maxBytes` (default {@link MAX_INPUT_BYTES}): a regular file bigger
 * than that is refused before reading, any other file (device, pipe) as soon as it has delivered one
 * byte more. A binary file is refused after its first bytes. Every failure is a {@link CliError}.
 */
export async function readBytes(path: string, maxBytes = MAX_INPUT_BYTES): Promise<Buffer> {
  const over = (what: string) => new CliError(`${path}: ${what}, over the ${sizeText(maxBytes)} limit`);
  let size: number | null;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new CliError(`${path}: is a directory, expected a JSON file`);
    size = info.isFile() ? info.size : null;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(describeFsError(path, error));
  }
  if (size !== null && size > maxBytes) {
    throw over(`file is ${size >= 1048576 ? `${Math.round(size / 1048576)} MB` : `${size} bytes`}`);
  }
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new CliError(describeFsError(path, error));
  }
  try {
    // One byte more than a regular file's size tells that it grew; files without a size (or size 0,
    // as /proc reports) start small and double.
    let buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, size ? size + 1 : FIRST_CHUNK_BYTES));
    let length = 0;
    let sniffed = false;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw over('more data than that (reading stopped)');
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      let read: number;
      try {
        ({ bytesRead: read } = await handle.read(buffer, length, buffer.length - length, null));
      } catch (error) {
        throw new CliError(describeFsError(path, error));
      }
      if (read === 0) break;
      length += read;
      if (!sniffed && length >= SNIFF_BYTES) {
        sniffed = true;
        const binary = describeBinary(buffer.subarray(0, length));
        if (binary) throw new CliError(`${path}: ${binary}, not JSON text`);
      }
    }
    if (length > maxBytes) throw over('more data than that (reading stopped)');
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/** Reads a file as strict UTF-8 text, with a clear message for missing, directory, unreadable or huge files. */
export async function readText(path: string, maxBytes = MAX_INPUT_BYTES): Promise<string> {
  const bytes = await readBytes(path, maxBytes);
  const binary = describeBinary(bytes);
  if (binary) throw new CliError(`${path}: ${binary}, not JSON text`);
  try {
    // ignoreBOM keeps a UTF-8 BOM in the text, so parseJson strips exactly one (with a warning).
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = invalidUtf8Offset(bytes);
    throw new CliError(
      `${path}: not valid UTF-8 at byte ${at} (0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')}); save the file as UTF-8`,
    );
  }
}

/**
 * Reads and parses a JSON file. A syntax error becomes one line `file:line:column: message` (with a
 * hint when the text looks like HTML, e.g. an error page saved as .json). Parser warnings (BOM,
 * duplicate keys, numbers beyond 2^53) go to `onWarning` when given, at every size (the warnings
 * pass is one linear scan).
 */
export async function readJson(
  path: string,
  onWarning?: (warning: ParseWarning) => void,
): Promise<JsonValue> {
  const text = await readText(path);
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new CliError(`${path}: empty file, expected JSON`);
  const result = parseJson(text);
  if (!result.ok) throw parseFailure(path, text, result.error);
  if (onWarning) for (const w of result.warnings) onWarning(w);
  return result.value;
}

/**
 * The one-line error for a parse failure: `file:line:column: message`, plus a hint when the text
 * looks like HTML (an error page saved as .json).
 */
export function parseFailure(path: string, text: string, error: ParseError): CliError {
  const html = /^\uFEFF?\s*</.test(text) ? ' (this looks like HTML, not JSON: an error page?)' : '';
  return new CliError(`${path}:${error.line}:${error.column}: ${error.message}${html}`);
}

/**
 * Queues parser warnings of `file` for stderr as JSON-line diagnostics (the form flatten and simulate
 * use); they are printed when the run succeeds (see `finishStderr`).
 */
export function warnToStderr(file: string): (w: ParseWarning) => void {
  return (w) =>
    warn({
      severity: 'warning',
      pointer: w.pointer,
      code: w.code,
      message: `${file}:${w.line}:${w.column}: ${w.message}`,
    });
}

/** Size of the chunks `createWriter` hands to the stream. */
const WRITE_CHUNK_BYTES = 1 << 20;

/**
 * Writes lines to stdout in large chunks, honouring back-pressure. Each line is encoded straight into
 * the chunk (UTF-8), so the output is copied once, not joined and then encoded (profiled: joining
 * and encoding were a third of `flatten`'s time on a 50 MB response).
 */
export function createWriter(stream: NodeJS.WritableStream = process.stdout) {
  let chunk = Buffer.allocUnsafe(WRITE_CHUNK_BYTES);
  let used = 0;
  const send = async (data: Buffer | string) => {
    if (!stream.write(data)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  };
  const flush = async () => {
    if (used === 0) return;
    const full = chunk.subarray(0, used);
    // The stream may keep the buffer until it is written: start a new one instead of reusing it.
    chunk = Buffer.allocUnsafe(WRITE_CHUNK_BYTES);
    used = 0;
    await send(full);
  };
  return {
    /**
     * Adds one line. Returns a promise only when a chunk went out (await it: back-pressure), so the
     * common case costs no promise per line.
     */
    line(text: string): Promise<void> | undefined {
      // A UTF-16 code unit takes at most 3 bytes in UTF-8; the line feed one more.
      const most = text.length * 3 + 1;
      if (used + most <= chunk.length) {
        used += chunk.write(text, used, 'utf8');
        chunk[used++] = 10;
        return undefined;
      }
      return flush().then(() => {
        if (most > chunk.length) return send(`${text}\n`);
        used += chunk.write(text, used, 'utf8');
        chunk[used++] = 10;
        return undefined;
      });
    },
    flush,
  };
}
