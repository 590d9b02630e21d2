/**
 * Safe access to localStorage for autosave and the library. Every failure (storage disabled, quota
 * exceeded, unreadable data) is reported to the listeners as a value and never thrown, so the
 * in-memory document is never lost because the disk said no.
 */

export const STORAGE_PREFIX = 'spec-studio:';

export type StorageIssueKind = 'unavailable' | 'quota' | 'corrupt' | 'write-failed';

export interface StorageIssue {
  kind: StorageIssueKind;
  message: string;
  /** Key under which unreadable data was kept, when there was some. */
  backupKey?: string;
}

type Listener = (issue: StorageIssue | null) => void;
const listeners = new Set<Listener>();

/** Subscribes to storage problems; `null` means the last write succeeded again. Returns unsubscribe. */
export function onStorageIssue(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(issue: StorageIssue | null): void {
  for (const l of listeners) l(issue);
}

let lastIssue: StorageIssue | null = null;
function report(issue: StorageIssue | null): void {
  if (issue === null && lastIssue === null) return;
  lastIssue = issue;
  emit(issue);
}

/** The browser's localStorage, or null when absent or blocked (private mode, sandboxed iframe). */
export function getLocalStorage(): Storage | null {
  try {
    if (typeof localStorage === 'undefined') return null;
    return localStorage;
  } catch {
    return null;
  }
}

function isQuotaError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  return (
    e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || /quota/i.test(e.message)
  );
}

/** Reads a key; null when missing or storage is unavailable (reported). */
export function readKey(key: string): string | null {
  const s = getLocalStorage();
  if (!s) {
    report({ kind: 'unavailable', message: 'Autosave is off: this browser does not allow local storage.' });
    return null;
  }
  try {
    return s.getItem(key);
  } catch {
    report({ kind: 'unavailable', message: 'Autosave is off: local storage cannot be read.' });
    return null;
  }
}

/** Writes a key; returns false (and reports why) when the write failed. */
export function writeKey(key: string, value: string): boolean {
  const s = getLocalStorage();
  if (!s) {
    report({ kind: 'unavailable', message: 'Autosave is off: this browser does not allow local storage.' });
    return false;
  }
  try {
    s.setItem(key, value);
    if (lastIssue && lastIssue.kind !== 'corrupt') report(null);
    return true;
  } catch (e) {
    report(
      isQuotaError(e)
        ? {
            kind: 'quota',
            message:
              'Autosave failed: browser storage is full. Your work is still here; export it or delete specs from the library.',
          }
        : { kind: 'write-failed', message: 'Autosave failed: the browser refused to store the spec.' },
    );
    return false;
  }
}

/** Removes a key, ignoring failures (reported). */
export function removeKey(key: string): void {
  const s = getLocalStorage();
  try {
    s?.removeItem(key);
  } catch {
    report({ kind: 'write-failed', message: 'Could not remove an entry from browser storage.' });
  }
}

/**
 * Keeps unreadable data under a backup key (never deletes it) and reports it.
 * Returns the backup key, or null when even the backup could not be written.
 */
export function keepCorrupt(key: string, raw: string, what: string): string | null {
  const backupKey = `${STORAGE_PREFIX}backup:${key.replace(STORAGE_PREFIX, '')}:${Date.now()}`;
  const s = getLocalStorage();
  let ok: boolean;
  try {
    s?.setItem(backupKey, raw);
    ok = s !== null;
  } catch {
    ok = false;
  }
  report({
    kind: 'corrupt',
    message: ok
      ? `Saved ${what} could not be read. The raw data was kept under "${backupKey}".`
      : `Saved ${what} could not be read, and no backup copy could be written; it was left under "${key}".`,
    ...(ok ? { backupKey } : {}),
  });
  return ok ? backupKey : null;
}

/** Clears the remembered issue (tests). */
export function resetStorageIssues(): void {
  lastIssue = null;
}
