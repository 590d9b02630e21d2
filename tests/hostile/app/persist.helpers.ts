/**
 * A Storage double for the persistence tests: a plain in-memory Storage whose reads or writes can be
 * made to throw (quota, SecurityError), installed as `window.localStorage` and removed again.
 * (happy-dom's own Storage is a Proxy that does not reliably take method spies.)
 */
export class FaultyStorage implements Storage {
  private data = new Map<string, string>();
  failWrite: (() => Error) | null = null;
  failRead: (() => Error) | null = null;
  writes = 0;

  get length(): number {
    return this.data.size;
  }
  key(i: number): string | null {
    return [...this.data.keys()][i] ?? null;
  }
  getItem(k: string): string | null {
    if (this.failRead) throw this.failRead();
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.writes++;
    if (this.failWrite) throw this.failWrite();
    this.data.set(k, String(v));
  }
  removeItem(k: string): void {
    this.data.delete(k);
  }
  clear(): void {
    this.data.clear();
  }
  keys(): string[] {
    return [...this.data.keys()];
  }
}

/** Replaces `window.localStorage` by `value` (or by a getter that throws); returns the undo. */
export function installStorage(value: Storage | (() => never)): () => void {
  const desc = Object.getOwnPropertyDescriptor(window, 'localStorage');
  Object.defineProperty(
    window,
    'localStorage',
    typeof value === 'function' ? { configurable: true, get: value } : { configurable: true, value },
  );
  return () => {
    if (desc) Object.defineProperty(window, 'localStorage', desc);
  };
}

type Grant = (lock: Lock | null) => Promise<unknown>;
interface Holder {
  name: string;
  abort: (e: Error) => void;
}

/**
 * A small Web Locks double (exclusive locks only): `ifAvailable` answers null when held, `steal`
 * aborts the holder's request with an AbortError, a plain request waits for the release.
 */
export class FakeLocks {
  private held = new Map<string, Holder>();
  private waiting: { name: string; run: () => void }[] = [];

  isHeld(name: string): boolean {
    return this.held.has(name);
  }

  request(name: string, a: LockOptions | Grant, b?: Grant): Promise<unknown> {
    const options: LockOptions = typeof a === 'function' ? {} : a;
    const cb = (typeof a === 'function' ? a : b) as Grant;
    return new Promise((resolve, reject) => {
      const grant = (): void => {
        const holder: Holder = { name, abort: reject };
        this.held.set(name, holder);
        cb({ name, mode: 'exclusive' } as Lock).then(
          (v) => {
            if (this.held.get(name) === holder) this.release(name);
            resolve(v);
          },
          (e: unknown) => {
            if (this.held.get(name) === holder) this.release(name);
            reject(e instanceof Error ? e : new Error(String(e)));
          },
        );
      };
      const current = this.held.get(name);
      if (!current) return grant();
      if (options.steal) {
        this.held.delete(name);
        current.abort(new DOMException('The lock was stolen', 'AbortError'));
        return grant();
      }
      if (options.ifAvailable) {
        void cb(null).then(resolve, reject);
        return;
      }
      this.waiting.push({ name, run: grant });
    });
  }

  private release(name: string): void {
    this.held.delete(name);
    const i = this.waiting.findIndex((w) => w.name === name);
    if (i >= 0) this.waiting.splice(i, 1)[0]?.run();
  }
}

/** Installs `navigator.locks` (null removes it); returns the undo. */
export function installLocks(locks: FakeLocks | null): () => void {
  const desc = Object.getOwnPropertyDescriptor(navigator, 'locks');
  Object.defineProperty(navigator, 'locks', { configurable: true, value: locks });
  return () => {
    if (desc) Object.defineProperty(navigator, 'locks', desc);
    else delete (navigator as { locks?: unknown }).locks;
  };
}
