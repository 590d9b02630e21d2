/**
 * The Content-Security-Policy of the app, written once: vite.config.ts puts it in the build's meta
 * tag, and the local server (`spec-studio serve`, the dev middleware) sends it as a header with
 * `frame-ancestors 'none'` added, which a meta tag cannot carry. README "Security" lists each
 * relaxation and its reason.
 */
export const CSP: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/**
 * The dev server's copy: it also allows Vite's inline React Refresh preamble and its HMR websocket,
 * which only exist in dev.
 */
export const DEV_CSP: readonly string[] = CSP.map((d) =>
  d.startsWith('script-src')
    ? `${d} 'unsafe-inline'`
    : d.startsWith('connect-src')
      ? `${d} ws://127.0.0.1:* ws://localhost:*`
      : d,
);

/** The policy as a response header: the meta tag's directives plus `frame-ancestors 'none'`. */
export function cspHeader(policy: readonly string[] = CSP): string {
  return [...policy, "frame-ancestors 'none'"].join('; ');
}
