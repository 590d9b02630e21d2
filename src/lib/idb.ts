/**
 * The app's IndexedDB database (`spec-studio`): per-document data too big for localStorage (sample
 * pages with their texts, run inputs, regression cases), keyed by the library document id. One object
 * store per kind of data; the value is whatever the owner stores (structured clone: Blobs included).
 *
 * Every call resolves, never rejects: a failure comes back as a value (`quota` when the disk is full)
 * so callers keep the in-memory state and tell the user. Without IndexedDB (blocked, private mode) the
 * calls answer `{ ok: false, unavailable: true }`.
 */
import { t } from '../i18n';

export const IDB_NAME = 'spec-studio';
export const IDB_VERSION = 1;
/**
 * The object stores, each keyed by library document id: `samples` (the document's sample pages and run
 * inputs, `StoredSamples` in src/store/docDataTypes.ts), `cases` (its regression test cases),
 * `baselines` (its original text, for Changes).
 */
export const IDB_STORES = ['samples', 'cases', 'baselines'] as const;
export type IdbStoreName = (typeof IDB_STORES)[number];

export type IdbResult<T> =
  { ok: true; value: T } | { ok: false; message: string; quota: boolean; unavailable: boolean };

let opening: Promise<IDBDatabase | null> | null = null;

const failure = (err: unknown, unavailable = false): IdbResult<never> => {
  const name = err instanceof DOMException ? err.name : '';
  const message = err instanceof Error ? err.message : String(err);
  return { ok: false, message, quota: name === 'QuotaExceededError', unavailable };
};

/** The open database, or null when IndexedDB is missing or refuses to open. */
function open(): Promise<IDBDatabase | null> {
  opening ??= new Promise((resolve) => {
    let factory: IDBFactory | undefined;
    try {
      factory = globalThis.indexedDB;
    } catch {
      factory = undefined;
    }
    if (!factory) return resolve(null);
    let req: IDBOpenDBRequest;
    try {
      req = factory.open(IDB_NAME, IDB_VERSION);
    } catch {
      return resolve(null);
    }
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const name of IDB_STORES) if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab upgrading the schema: let it, and reopen on the next call.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
  });
  return opening;
}

function run<T>(
  store: IdbStoreName,
  mode: IDBTransactionMode,
  body: (s: IDBObjectStore) => IDBRequest | null,
): Promise<IdbResult<T>> {
  return open().then(
    (db) =>
      new Promise<IdbResult<T>>((resolve) => {
        if (!db) return resolve(failure(new Error(t('engine.idb.unavailable')), true));
        let tx: IDBTransaction;
        let req: IDBRequest | null = null;
        try {
          tx = db.transaction(store, mode);
          req = body(tx.objectStore(store));
        } catch (err) {
          return resolve(failure(err));
        }
        tx.oncomplete = () => resolve({ ok: true, value: (req?.result ?? undefined) as T });
        tx.onabort = () => resolve(failure(tx.error ?? req?.error ?? new Error(t('engine.idb.aborted'))));
        tx.onerror = () => undefined; // onabort follows and answers
      }),
  );
}

/** The value under `key`, or `undefined` when there is none. */
export function idbGet<T>(store: IdbStoreName, key: string): Promise<IdbResult<T | undefined>> {
  return run<T | undefined>(store, 'readonly', (s) => s.get(key));
}

/** Stores `value` under `key` (replacing what was there). */
export function idbPut(store: IdbStoreName, key: string, value: unknown): Promise<IdbResult<void>> {
  return run<void>(store, 'readwrite', (s) => {
    s.put(value, key);
    return null;
  });
}

/** Removes the value under `key` (no error when there is none). */
export function idbDelete(store: IdbStoreName, key: string): Promise<IdbResult<void>> {
  return run<void>(store, 'readwrite', (s) => {
    s.delete(key);
    return null;
  });
}

/** Every key of a store. */
export function idbKeys(store: IdbStoreName): Promise<IdbResult<string[]>> {
  return run<IDBValidKey[]>(store, 'readonly', (s) => s.getAllKeys()).then((r) =>
    r.ok ? { ok: true, value: r.value.map(String) } : r,
  );
}

/** Forgets the open connection (tests that swap `indexedDB` for a fresh fake). */
export function resetIdbForTests(): void {
  opening = null;
}

/** Removes everything stored for one document (every store): its library entry was deleted. */
export async function idbDeleteDocument(key: string): Promise<void> {
  for (const store of IDB_STORES) await idbDelete(store, key);
}

/** Copies everything stored for document `from` to document `to` (a duplicate in the library). */
export async function idbCopyDocument(from: string, to: string): Promise<void> {
  for (const store of IDB_STORES) {
    const r = await idbGet(store, from);
    if (r.ok && r.value !== undefined) await idbPut(store, to, r.value);
  }
}
