/**
 * `spec-studio serve` without the command line: the built app and its `/api/` from one Node process on
 * 127.0.0.1, one per-launch secret, the guards of guards.ts in front of everything.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LiveSend } from '@core';
import { createApiHandler } from './api';
import { newSecret } from './guards';
import { closeServer, listen, portOf } from './http';
import { createStaticHandler } from './static';

export interface ServeOptions {
  /** 0 = any free port. */
  port: number;
  allowPrivateHosts: boolean;
  /** The built app (a directory holding index.html). */
  appDir: string;
  log: (line: string) => void;
  /** Sends live requests (default the outbound door); tests inject one. */
  send?: LiveSend;
}

export interface RunningServer {
  port: number;
  /** `http://127.0.0.1:N/` */
  url: string;
  close(): Promise<void>;
}

/** Why the server cannot start: one line for the user. */
export class ServeError extends Error {}

/** Starts the server; rejects with a `ServeError` for a missing app or a taken port. */
export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const index = join(o.appDir, 'index.html');
  if (!existsSync(index) || !statSync(index).isFile()) {
    throw new ServeError(`no built app in ${o.appDir} (index.html is missing): run \`npm run build\` first`);
  }
  let port = o.port;
  const api = createApiHandler({
    allowPrivateHosts: o.allowPrivateHosts,
    secret: newSecret(),
    port: () => port,
    log: o.log,
    ...(o.send ? { send: o.send } : {}),
  });
  const app = createStaticHandler(o.appDir);
  let server;
  try {
    server = await listen((req, res) => api(req, res, () => app(req, res)), o.port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new ServeError(`port ${o.port} is taken (try another --port, or --port 0)`);
    if (code === 'EACCES') throw new ServeError(`port ${o.port} needs privileges (try a port above 1023)`);
    throw new ServeError(`cannot listen on 127.0.0.1:${o.port}: ${code ?? String(error)}`);
  }
  port = portOf(server);
  const s = server;
  return { port, url: `http://127.0.0.1:${port}/`, close: () => closeServer(s) };
}
