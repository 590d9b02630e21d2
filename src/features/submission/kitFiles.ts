/** Browser side of the kit: the icon as an image URL and the zip as a download. */
import { downloadBlob } from '../../lib/download';

/**
 * The screened SVG as a `data:` URL for an `<img>` (the app's CSP allows `img-src 'self' data:`, not
 * `blob:`). An image never runs scripts or loads resources, and the SVG is never put into the DOM.
 */
export function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** Saves bytes as a file download named `fileName`. */
export function downloadBytes(fileName: string, bytes: Uint8Array, type: string): void {
  downloadBlob(fileName, new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
}
