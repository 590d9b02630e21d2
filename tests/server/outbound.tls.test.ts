/**
 * TLS through the door's DEFAULT connector, on loopback only: a self-signed certificate is a
 * `network-error` naming the certificate problem (certificates are always verified). The
 * certificate is made for the test with openssl.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveSendResult } from '@core';
import { sendOutbound } from '../../src/server/outbound';

let server: Server;
let port: number;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'h2-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=api.partner.test',
      '-addext',
      'subjectAltName=DNS:api.partner.test',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  server = createServer(
    { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
    (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    },
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as AddressInfo).port;
}, 30_000);
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string): Promise<LiveSendResult> => {
  const request = { method: 'GET', url, headers: {} };
  return sendOutbound(
    { request, display: request, authHeaders: [], secrets: [], timeoutMs: 5000 },
    { allowPrivateHosts: true },
  );
};

describe('sendOutbound over TLS (default connector, loopback)', () => {
  it('a self-signed certificate is a network error naming the certificate problem', async () => {
    const r = await get(`https://127.0.0.1:${port}/`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBe('network-error');
    expect(r.message).toMatch(
      /^https:\/\/127\.0\.0\.1:\d+\/: TLS certificate error: .*\((DEPTH_ZERO_SELF_SIGNED_CERT|ERR_TLS_CERT_ALTNAME_INVALID)\)$/,
    );
  });
});
