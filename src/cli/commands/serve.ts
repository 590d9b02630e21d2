import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quoteText } from '@core';
import { ServeError, startServer } from '../../server/serve';
import { CliError, parseArgs } from '../io';
import { escapeLine, writeStderrLine } from '../stderr';

export const SERVE_HELP = `Usage: spec-studio serve [--port N] [--allow-private-hosts] [--open] [--app-dir DIR]

Serves the built app and its local API (/api/status, /api/fetch: the Live run) from one process,
bound to 127.0.0.1 only. Prints one line "Spec Studio at http://127.0.0.1:N/", then one log line per
live request (method, URL with secrets masked, status, size, time) and per refused request. Runs
until Ctrl+C (exit 0).
--port N: the port (default 4280; 0 = any free port). A taken port is an error (exit 2).
--allow-private-hosts: live requests may reach loopback, link-local, private, shared and
  unspecified addresses (an API on this machine or your network). Cloud metadata addresses
  (169.254.169.254, fd00:ec2::254, metadata.google.internal, …) are refused always.
--open: opens the address in the system browser.
--app-dir DIR: the built app to serve (default: dist/ beside dist-cli/, written by npm run build).
Only this machine's pages on the server's own address can use the API: requests with another Host
(DNS rebinding), without the per-launch secret cookie or from another origin get 403.`;

const DEFAULT_PORT = 4280;

function port(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PORT;
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) {
    throw new CliError(`--port ${quoteText(text)} is not a port (0 to 65535; see serve --help)`);
  }
  return Number(text);
}

/** Opens `url` in the system browser; a failure is one warning line on stderr. */
function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  const warn = (why: string): void =>
    writeStderrLine(`spec-studio: warning: could not open a browser (${why}); open ${url}`);
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', (e: NodeJS.ErrnoException) => warn(`${cmd}: ${e.code ?? e.message}`));
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) warn(`${cmd} exited with ${code}`);
    });
    child.unref();
  } catch (e) {
    warn(e instanceof Error ? e.message : String(e));
  }
}

/** `spec-studio serve`: the app and its /api/ on 127.0.0.1 until SIGINT/SIGTERM. */
export async function runServe(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      'allow-private-hosts': { type: 'boolean', default: false },
      open: { type: 'boolean', default: false },
      'app-dir': { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new CliError('serve takes no file arguments (see serve --help)');
  const appDir = values['app-dir']
    ? resolve(values['app-dir'])
    : fileURLToPath(new URL('../dist/', import.meta.url));
  let server;
  try {
    server = await startServer({
      port: port(values.port),
      allowPrivateHosts: values['allow-private-hosts'],
      appDir,
      log: (line) => process.stdout.write(`${escapeLine(line)}\n`),
    });
  } catch (error) {
    if (error instanceof ServeError) throw new CliError(error.message, 2);
    throw error;
  }
  const running = server;
  // The handlers exist before the address line: whoever reads it may signal at once.
  const stopped = new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      running.close().then(done, done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  process.stdout.write(`Spec Studio at ${server.url}\n`);
  if (values.open) openBrowser(server.url);
  await stopped;
  return 0;
}
