import { readFile, stat } from 'node:fs/promises';
import { parseJson, type JsonValue, type ParseError, type ParseWarning } from '@core';
import { describeBinary, invalidUtf8Offset } from './sniff';

/** Largest input file the CLI reads (bytes). Bigger files are refused before reading. */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

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

/** Reads a file as strict UTF-8 text, with a clear message for missing, directory, unreadable or huge files. */
export async function readText(path: string): Promise<string> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new CliError(`${path}: is a directory, expected a JSON file`);
    size = info.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(describeFsError(path, error));
  }
  if (size > MAX_INPUT_BYTES) {
    throw new CliError(
      `${path}: file is ${Math.round(size / 1048576)} MB, over the ${MAX_INPUT_BYTES / 1048576} MB limit`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new CliError(describeFsError(path, error));
  }
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
 * duplicate keys, numbers beyond 2^53) go to `onWarning` when given. Large files skip the position
 * pass (duplicate-key and number warnings) to stay fast.
 */
export async function readJson(
  path: string,
  onWarning?: (warning: ParseWarning) => void,
): Promise<JsonValue> {
  const text = await readText(path);
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new CliError(`${path}: empty file, expected JSON`);
  const result = parseJson(text, { positions: text.length < 5_000_000 });
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

/** Writes parser warnings of `file` to stderr as JSON-line diagnostics (the form flatten and simulate use). */
export function warnToStderr(file: string): (w: ParseWarning) => void {
  return (w) =>
    process.stderr.write(
      `${JSON.stringify({ severity: 'warning', pointer: w.pointer, code: w.code, message: `${file}:${w.line}:${w.column}: ${w.message}` })}\n`,
    );
}

/** Writes text to stdout in large chunks, honouring back-pressure. */
export function createWriter(stream: NodeJS.WritableStream = process.stdout) {
  let buffer: string[] = [];
  let size = 0;
  const flush = async () => {
    if (buffer.length === 0) return;
    const chunk = buffer.join('');
    buffer = [];
    size = 0;
    if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  };
  return {
    async line(text: string) {
      buffer.push(text, '\n');
      size += text.length + 1;
      if (size >= 1 << 20) await flush();
    },
    flush,
  };
}
