/**
 * Runs a process inside a fresh network namespace holding only loopback (issue 10 §4): tests
 * that run the REAL CLI or server against a refused target use it, so a bug yields ENETUNREACH,
 * never a packet off this machine. Needs root (or user namespaces): `unshare -n`, then
 * `ip link set lo up`. A test that needs it and finds it unavailable must FAIL saying so
 * (`requireNetns`), never skip silently.
 */
import {
  spawn,
  spawnSync,
  type ChildProcess,
  type SpawnOptions,
  type SpawnSyncOptions,
  type SpawnSyncReturns,
} from 'node:child_process';

/** The shell line run inside the namespace: bring loopback up, then exec the command. */
const INSIDE = 'ip link set lo up && exec "$0" "$@"';

let available: boolean | undefined;

/** True when `unshare -n` works here and loopback comes up inside (checked once, cached). */
export function netnsAvailable(): boolean {
  if (available === undefined) {
    const probe = spawnSync('unshare', ['-n', 'sh', '-c', INSIDE, 'ip', '-o', 'link', 'show'], {
      encoding: 'utf8',
      timeout: 10_000,
    });
    // Inside, the only interface must be lo, and it must be up.
    const links = (probe.stdout ?? '').trim().split('\n').filter(Boolean);
    available = probe.status === 0 && links.length === 1 && /\blo\b.*\bUP\b/.test(links[0] ?? '');
  }
  return available;
}

/** Throws (so the test fails) with a message saying why, when there is no network namespace. */
export function requireNetns(): void {
  if (!netnsAvailable()) {
    throw new Error(
      'this test must run inside a loopback-only network namespace, and `unshare -n` + `ip link set lo up` ' +
        'does not work here (run the tests as root on Linux with util-linux and iproute2)',
    );
  }
}

/** `file args…` inside a new loopback-only network namespace, synchronously. */
export function runInNetns(
  file: string,
  args: readonly string[],
  opts: SpawnSyncOptions = {},
): SpawnSyncReturns<string | Buffer> {
  requireNetns();
  return spawnSync('unshare', ['-n', 'sh', '-c', INSIDE, file, ...args], opts);
}

/** `file args…` inside a new loopback-only network namespace, as a child process (a server). */
export function spawnInNetns(file: string, args: readonly string[], opts: SpawnOptions = {}): ChildProcess {
  requireNetns();
  return spawn('unshare', ['-n', 'sh', '-c', INSIDE, file, ...args], opts);
}
