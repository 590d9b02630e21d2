/**
 * `npm run dev`: the SAME handler as `spec-studio serve` (api.ts), mounted as Vite middleware by
 * vite.config.ts, which loads this module through Vite (so `@core` resolves). The Host check uses
 * the dev server's real port, the HTML responses get the dev policy as a header (plus
 * `frame-ancestors 'none'`) and the secret cookie. `SPEC_STUDIO_ALLOW_PRIVATE_HOSTS=1` plays the
 * part of `--allow-private-hosts`.
 */
import { createApiHandler } from './api';
import { DEV_CSP } from './csp';
import { newSecret } from './guards';

export function createDevHandler(port: () => number): ReturnType<typeof createApiHandler> {
  return createApiHandler({
    allowPrivateHosts: process.env.SPEC_STUDIO_ALLOW_PRIVATE_HOSTS === '1',
    secret: newSecret(),
    port,
    log: (line) => process.stdout.write(`${line.replace(/[\r\n]/g, ' ')}\n`),
    csp: DEV_CSP,
  });
}
