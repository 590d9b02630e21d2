import { detectDocumentKind, findValueRange, parseJson, sniffBinary, type DocumentKind } from '@core';
import { documentKindText, parseErrorText } from '../../i18n/diagnostics';
import { t, worded } from '../../i18n';
import { formatBytes } from '../../i18n/format';

/** Largest file the app opens. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type ImportResult = { ok: true; text: string; name: string } | { ok: false; readonly message: string };

/** A refusal whose message is worded when read (a toast showing it follows a language switch). */
const refused = (message: () => string): ImportResult => worded({ ok: false as const }, 'message', message);

/**
 * Reads a user-chosen file as strict UTF-8 text. Refused, with a message naming the file: a file
 * over {@link MAX_IMPORT_BYTES} (checked before reading), an empty file, a binary or UTF-16/32 file
 * (by its first bytes), bytes that are not valid UTF-8. One leading UTF-8 BOM is removed. Errors are
 * values, never thrown.
 */
export async function readSpecFile(file: Pick<File, 'name' | 'size' | 'arrayBuffer'>): Promise<ImportResult> {
  const name = (): string => t('app.fileImport.quoted', { name: file.name });
  if (file.size > MAX_IMPORT_BYTES) {
    const size = file.size;
    return refused(() =>
      t('app.fileImport.tooBig', {
        label: name(),
        size: formatBytes(size),
        max: formatBytes(MAX_IMPORT_BYTES),
      }),
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return refused(() => t('app.fileImport.unreadable', { label: name() }));
  }
  const binary = sniffBinary(bytes);
  if (binary) {
    const kind = binary.kind;
    return refused(() =>
      t('app.fileImport.notOpened', { label: name(), reason: t('app.fileImport.binary', { kind }) }),
    );
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(bom));
  } catch {
    return refused(() => t('app.fileImport.notUtf8', { label: name() }));
  }
  if (text.trim() === '') return refused(() => t('app.fileImport.empty', { label: name() }));
  return { ok: true, text, name: file.name };
}

/** What to do with an opened file's text (its texts worded when read, in the language chosen then). */
export type OpenedFile =
  | { action: 'refuse'; readonly message: string }
  | { action: 'load'; text: string; readonly note: string | null }
  | { action: 'sample'; kind: DocumentKind; readonly reason: string };

/** Removes the common leading white space of every line after the first (a value cut out of a file). */
function dedent(text: string): string {
  const lines = text.split('\n');
  const rest = lines.slice(1).filter((l) => l.trim() !== '');
  let indent = Infinity;
  for (const l of rest) indent = Math.min(indent, /^[ \t]*/.exec(l)?.[0].length ?? 0);
  if (!Number.isFinite(indent) || indent === 0) return text;
  return [
    lines[0],
    ...lines.slice(1).map((l) => l.slice(Math.min(indent, /^[ \t]*/.exec(l)?.[0].length ?? 0))),
  ].join('\n');
}

/**
 * Decides what an opened file is: text that is not JSON is refused with the error's line and column;
 * Adobe's `{"items": [spec]}` wrapper loads the spec inside (its own text, cut out and dedented), with
 * a note; an API response (`detectDocumentKind`) becomes a sample page; anything else (a spec, a
 * fragment, a flow spec: Problems says what it is) loads as it is.
 */
export function classifyOpenedText(text: string, label: () => string): OpenedFile {
  const parsed = parseJson(text, { positions: false });
  if (!parsed.ok) {
    const error = parsed.error;
    return worded({ action: 'refuse' as const }, 'message', () =>
      t('app.fileImport.notJson', { label: label(), message: parseErrorText(error) }),
    );
  }
  const kind = detectDocumentKind(parsed.value);
  const value = parsed.value;
  const words = (): string => documentKindText(kind, value);
  if (kind.kind === 'api-response') return worded({ action: 'sample' as const, kind }, 'reason', words);
  if (kind.kind === 'items-wrapper' && kind.inner) {
    const range = findValueRange(text.replace(/^\uFEFF/, ''), ['items', '0']);
    const inner = range
      ? `${dedent(text.replace(/^\uFEFF/, '').slice(range.start, range.end))}\n`
      : `${JSON.stringify(kind.inner.value, null, 2)}\n`;
    return worded({ action: 'load' as const, text: inner }, 'note', words);
  }
  return { action: 'load', text, note: null };
}

/** A safe file name for a spec: `<name>.json`, with characters file systems reject replaced. */
export function specFileName(name: string): string {
  const base = Array.from(name, (c) => (c.charCodeAt(0) < 32 ? '-' : c))
    .join('')
    .replace(/[\\/:*?"<>|]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 120);
  return `${base || 'untitled-spec'}.json`;
}
