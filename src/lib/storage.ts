/**
 * Safe access to localStorage for autosave and the library. Every failure (storage disabled, quota
 * exceeded, unreadable data) is reported to the listeners as a value and never thrown, so the
 * in-memory document is never lost because the disk said no.
 */
import { t } from '../i18n';

export const STORAGE_PREFIX = 'spec-studio:';

/**
 * `unavailable`: storage blocked or missing (memory-only mode); `quota`: storage full; `corrupt`:
 * unreadable data kept under a backup key; `newer`: data written by a newer version, left untouched
 * and not overwritten; `kept`: data set aside (not an error, e.g. a session that arrived after the user
 * started typing); `write-failed`: any other refusal.
 */
export type StorageIssueKind = 'unavailable' | 'quota' | 'corrupt' | 'newer' | 'kept' | 'write-failed';

export interface StorageIssue {
  kind: StorageIssueKind;
  /** What happened, for people: in the language current when it is read (see {@link storageIssue}). */
  readonly message: string;
  /** Key under which unreadable data was kept, when there was some. */
  backupKey?: string;
}

type Listener = (issue: StorageIssue | null) => void;
const listeners = new Set<Listener>();

/**
 * An issue whose `message` is `text()`, worked out each time it is read: a banner that shows it
 * re-renders in the chosen language, however long ago the issue was reported.
 */
export function storageIssue(
  kind: StorageIssueKind,
  text: () => string,
  backupKey?: string | null,
): StorageIssue {
  return {
    kind,
    get message() {
      return text();
    },
    ...(backupKey ? { backupKey } : {}),
  };
}

const unavailable = (): StorageIssue => storageIssue('unavailable', () => t('engine.storage.unavailable'));

/**
 * Subscribes to storage problems; `null` means the last write succeeded again. A problem reported
 * before the subscription (e.g. while the store hydrated at start) is replayed to the new listener.
 * Returns unsubscribe.
 */
export function onStorageIssue(listener: Listener): () => void {
  listeners.add(listener);
  if (lastIssue) listener(lastIssue);
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
    report(unavailable());
    return null;
  }
  try {
    return s.getItem(key);
  } catch {
    report(unavailable());
    return null;
  }
}

/** Writes a key; returns false (and reports why) when the write failed. */
export function writeKey(key: string, value: string): boolean {
  const s = getLocalStorage();
  if (!s) {
    report(unavailable());
    return false;
  }
  try {
    s.setItem(key, value);
    if (lastIssue && (lastIssue.kind === 'quota' || lastIssue.kind === 'write-failed')) report(null);
    return true;
  } catch (e) {
    report(
      isQuotaError(e)
        ? storageIssue('quota', () => t('engine.storage.quota'))
        : storageIssue('write-failed', () => t('engine.storage.writeFailed')),
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
    report(storageIssue('write-failed', () => t('engine.storage.removeFailed')));
  }
}

/**
 * Copies `raw` to a new backup key (`spec-studio:backup:<key>:<time>`); the original key is never
 * touched. Returns the backup key, or null when the copy could not be written.
 */
export function keepAside(key: string, raw: string): string | null {
  const backupKey = `${STORAGE_PREFIX}backup:${key.replace(STORAGE_PREFIX, '')}:${Date.now()}`;
  const s = getLocalStorage();
  if (!s) return null;
  try {
    s.setItem(backupKey, raw);
    return backupKey;
  } catch {
    return null;
  }
}

/**
 * Keeps unreadable data under a backup key (never deletes it) and reports it.
 * Returns the backup key, or null when even the backup could not be written.
 */
export function keepCorrupt(key: string, raw: string, what: 'work' | 'library'): string | null {
  const backupKey = keepAside(key, raw);
  report(
    storageIssue(
      'corrupt',
      () =>
        backupKey
          ? t('engine.storage.corruptKept', { what, backupKey })
          : t('engine.storage.corruptLeft', { what, key }),
      backupKey,
    ),
  );
  return backupKey;
}

/** Reports a storage issue that is not a failed read or write (newer data, data set aside). */
export function reportStorageIssue(issue: StorageIssue): void {
  report(issue);
}

/**
 * Asks the browser to keep this site's storage under pressure (Safari's 7-day eviction,
 * best-effort eviction elsewhere). Resolves true when granted, false when refused, null when the
 * API is missing; never rejects.
 */
export async function requestPersistentStorage(): Promise<boolean | null> {
  try {
    const s = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!s || typeof s.persist !== 'function') return null;
    if (typeof s.persisted === 'function' && (await s.persisted())) return true;
    return await s.persist();
  } catch {
    return false;
  }
}

/** Clears the remembered issue (tests). */
export function resetStorageIssues(): void {
  lastIssue = null;
}
