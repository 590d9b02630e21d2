/**
 * Serves the built app (`dist/`) for `spec-studio serve`: files only (no directory listing), never
 * outside the app directory (the decoded path is refused when it holds `..`, `.`, a NUL, a
 * backslash or an encoded slash, and the resolved real path must stay under the directory's real
 * path), `index.html` for `/`, a content type per extension. Runs after the guards of api.ts, which
 * also add the security headers and the secret cookie to the HTML responses.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** The relative file path a request path names, or null when it must not be served. */
export function safeRelativePath(urlPath: string): string | null {
  if (/%(2f|5c|00)/i.test(urlPath) || urlPath.includes('\\')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex -- NUL and other controls are what this refuses
  if (!decoded.startsWith('/') || /[\u0000-\u001f\\]/.test(decoded)) return null;
  if (decoded === '/') return 'index.html';
  const segments = decoded.slice(1).split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return null;
  return segments.join(sep);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end('not found\n');
}

/** The static handler over `appDir` (GET/HEAD; the guards have run). */
export function createStaticHandler(appDir: string): (req: IncomingMessage, res: ServerResponse) => void {
  let root: Promise<string> | null = null;
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    root ??= realpath(appDir);
    const base = await root;
    const url = req.url ?? '/';
    const end = url.search(/[?#]/);
    const rel = safeRelativePath(end < 0 ? url : url.slice(0, end));
    if (rel === null) return notFound(res);
    let file: string;
    try {
      file = await realpath(join(base, rel));
    } catch {
      return notFound(res);
    }
    if (!file.startsWith(base + sep)) return notFound(res);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return notFound(res);
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': String(info.size),
      'Cache-Control': type.startsWith('text/html')
        ? 'no-store'
        : rel.startsWith(`assets${sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  };
  return (req, res) => {
    serve(req, res).catch(() => {
      if (!res.headersSent) notFound(res);
      else res.destroy();
    });
  };
}
