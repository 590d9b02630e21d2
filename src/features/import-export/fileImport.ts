/** Largest file the app opens. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type ImportResult = { ok: true; text: string; name: string } | { ok: false; message: string };

/** Human size: "20 MB", "512 KB". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(n >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}

/**
 * Reads a user-chosen file as text. The size is checked before reading (a file over 20 MB is refused
 * without being read); a leading BOM is removed. Errors are values, never thrown.
 */
export async function readSpecFile(file: Pick<File, 'name' | 'size' | 'text'>): Promise<ImportResult> {
  if (file.size > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      message: `“${file.name}” is ${formatBytes(file.size)}; Spec Studio opens files up to ${formatBytes(MAX_IMPORT_BYTES)}.`,
    };
  }
  try {
    const text = await file.text();
    return { ok: true, text: text.replace(/^\uFEFF/, ''), name: file.name };
  } catch {
    return { ok: false, message: `“${file.name}” could not be read.` };
  }
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
