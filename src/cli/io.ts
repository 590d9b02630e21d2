import { readFile, stat } from 'node:fs/promises';
import { parseJson, type JsonValue } from '@core';

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
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${path}: not valid UTF-8 text (a binary file, or UTF-16?)`);
  }
}

/**
 * Reads and parses a JSON file. A syntax error becomes one line `file:line:column: message`.
 * Large files skip the position pass (duplicate-key detection) to stay fast.
 */
export async function readJson(path: string): Promise<JsonValue> {
  const text = await readText(path);
  if (text.trim() === '') throw new CliError(`${path}: empty file, expected JSON`);
  const result = parseJson(text, { positions: text.length < 5_000_000 });
  if (!result.ok) {
    const { line, column, message } = result.error;
    throw new CliError(`${path}:${line}:${column}: ${message}`);
  }
  return result.value;
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
