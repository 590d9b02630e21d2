import { downloadBlob } from '../../lib/download';

/** Offers `text` as a file download (an object URL on a temporary link). */
export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

/** A file-name-safe slug of a spec name. */
export function fileSlug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'spec'
  );
}
