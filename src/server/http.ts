/**
 * The local server's listening socket: node:http (no framework: no dependency, a handful of routes,
 * and full control over the header checks that run before any routing), bound to 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** Loopback only: the server is never reachable from another machine. */
export const LISTEN_HOST = '127.0.0.1';

/** Starts a server on 127.0.0.1:`port` (0 = any free port); rejects with the socket error (EADDRINUSE, …). */
export function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  port: number,
): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer({ headersTimeout: 20_000, requestTimeout: 60_000 }, handler);
    // A malformed request never reaches the handler: answer 400 and close, never throw (G5).
    server.on('clientError', (_error, socket) => {
      if (socket.writable)
        socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      else socket.destroy();
    });
    server.once('error', reject);
    server.listen({ host: LISTEN_HOST, port, exclusive: true }, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/** The port a listening server got. */
export function portOf(server: Server): number {
  const address = server.address();
  return typeof address === 'object' && address !== null ? address.port : 0;
}

/** Stops accepting connections and closes the open ones (keep-alive included). */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
