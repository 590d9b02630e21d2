import type { PersistOptions, PersistStorage, StorageValue } from 'zustand/middleware';
import { SECTIONS, type SectionId } from '@core';
import {
  keepAside,
  keepCorrupt,
  readKey,
  removeKey,
  reportStorageIssue,
  storageIssue,
  writeKey,
  STORAGE_PREFIX,
  type StorageIssue,
} from '../lib/storage';
import { t } from '../i18n';
import { deriveFromText, newDocId } from './slices/documentSlice';
import { storableText } from './storableText';
import type { LoadOrigin, SpecState } from './types';

export const SESSION_KEY = `${STORAGE_PREFIX}session`;
export const SESSION_VERSION = 1;
/** Autosave debounce: what is on screen reaches storage within ~1 s. */
export const AUTOSAVE_DELAY_MS = 300;
/**
 * After a failed write (storage full) of a text of AUTOSAVE_RETRY_CHARS or more, a session not at
 * least 10% shorter is not serialised and written again before AUTOSAVE_RETRY_MS: on a 5 MB spec each doomed
 * attempt costs ~0.5 s of main thread per edit (issue 12 item 5). The title bar keeps saying "not
 * saved" meanwhile (the storage issue stays reported), and the latest state is tried once the delay is
 * over. Smaller texts are retried on every save (cheap, and the next one may fit).
 */
export const AUTOSAVE_RETRY_MS = 10_000;
export const AUTOSAVE_RETRY_CHARS = 1_000_000;

/**
 * What autosave writes. `pristine`: the text is exactly what was loaded (not edited). `text` has the
 * spec's secret values blanked unless `persistSecrets` (the user's opt-in for this document; absent in
 * sessions written before it existed, read as false).
 */
export interface SessionV1 {
  text: string;
  persistSecrets: boolean;
  activeSection: SectionId;
  docId: string;
  origin: LoadOrigin;
  pristine: boolean;
  textEdited: boolean;
  touched: Record<string, true>;
  /**
   * Only while `text` does not parse: the last valid document (as formatted JSON, secrets blanked
   * like `text`), so a reload restores the form the banner describes. Absent otherwise, and in
   * sessions written before it existed.
   */
  validText?: string;
}

const ORIGINS: readonly LoadOrigin[] = ['blank', 'example', 'file', 'paste', 'library'];
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isSection = (v: unknown): v is SectionId => SECTIONS.some((s) => s.id === v);

/**
 * Brings a persisted session of any known version to the current shape. Version 0 stored only
 * `{ text, activeSection? }`. Returns null when the data is not a session at all.
 */
export function migrateSession(persisted: unknown, version: number): SessionV1 | null {
  if (!isRecord(persisted) || typeof persisted.text !== 'string') return null;
  const activeSection = isSection(persisted.activeSection) ? persisted.activeSection : 'metadata';
  if (version === 0) {
    return {
      text: persisted.text,
      persistSecrets: false,
      activeSection,
      docId: newDocId(),
      origin: 'file',
      pristine: false,
      textEdited: true,
      touched: {},
    };
  }
  const touched: Record<string, true> = {};
  if (isRecord(persisted.touched)) for (const k of Object.keys(persisted.touched)) touched[k] = true;
  return {
    text: persisted.text,
    persistSecrets: persisted.persistSecrets === true,
    activeSection,
    docId: typeof persisted.docId === 'string' && persisted.docId ? persisted.docId : newDocId(),
    origin: ORIGINS.find((o) => o === persisted.origin) ?? 'file',
    pristine: persisted.pristine === true,
    textEdited: persisted.textEdited === true,
    touched,
    ...(typeof persisted.validText === 'string' ? { validText: persisted.validText } : {}),
  };
}

/** The last valid document as text, per document (partialize runs on every state change). */
const validTexts = new WeakMap<object, string>();

/** The last valid document of a state whose text does not parse, as storable text; else undefined. */
function lastValidText(s: SpecState): string | undefined {
  if (s.parseError === null || typeof s.doc !== 'object' || s.doc === null) return undefined;
  let text = validTexts.get(s.doc);
  if (text === undefined) {
    text = storableText({
      text: `${JSON.stringify(s.doc, null, 2)}\n`,
      doc: s.doc,
      persistSecrets: s.persistSecrets,
    });
    validTexts.set(s.doc, text);
  }
  return text;
}

/** Picks what autosave writes from the state (secret values blanked unless opted in). */
export function toSession(s: SpecState): SessionV1 {
  const session = {
    text: '',
    persistSecrets: s.persistSecrets,
    activeSection: s.activeSection,
    docId: s.docId,
    origin: s.origin,
    pristine: s.text === s.loadedText,
    textEdited: s.textEdited,
    touched: s.touched,
  };
  // The text as stored (secret values blanked: a walk of the whole document) is worked out when the
  // debounced save reads it, not on every keystroke (~3 ms for 1 MB, issue 12 item 3).
  let stored: string | undefined;
  Object.defineProperty(session, 'text', {
    enumerable: true,
    configurable: true,
    get: () => (stored ??= storableText(s)),
  });
  // Partialize runs on every state change: the last valid document is serialised (once per
  // document) when the debounced save reads it, never on the keystroke (~160 ms for 7.5 MB).
  if (s.parseError !== null)
    Object.defineProperty(session, 'validText', { enumerable: true, get: () => lastValidText(s) });
  return session;
}

/**
 * Debounced, failure-tolerant storage for the persist middleware. Writes are held back (never
 * dropped) while the tab is not the writer of its document (another tab holds it), and refused for
 * good when the stored session comes from a newer version (it is never overwritten).
 */
class SessionStorage implements PersistStorage<SessionV1> {
  private pending: { name: string; value: StorageValue<SessionV1> } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writable = true;
  /** The last value written successfully (to skip identical rewrites). */
  private written: StorageValue<SessionV1> | null = null;
  /** The last failed write: its text length and time (see AUTOSAVE_RETRY_MS). */
  private failed: { length: number; at: number } | null = null;
  /** The stored session is from a newer version: never write over it. */
  newerOnDisk = false;

  getItem(name: string): StorageValue<SessionV1> | null {
    const raw = readKey(name);
    if (raw === null) return null;
    let v: unknown;
    try {
      v = JSON.parse(raw);
    } catch {
      v = undefined;
    }
    if (!isRecord(v) || typeof v.version !== 'number' || !isRecord(v.state)) {
      keepCorrupt(name, raw, 'work');
      return null;
    }
    if (v.version > SESSION_VERSION) {
      this.newerOnDisk = true;
      this.cancel();
      reportStorageIssue(storageIssue('newer', () => t('engine.storage.newerSession')));
      return null;
    }
    if (migrateSession(v.state, v.version) === null) {
      keepCorrupt(name, raw, 'work');
      return null;
    }
    return { state: v.state as unknown as SessionV1, version: v.version };
  }

  setItem(name: string, value: StorageValue<SessionV1>): void {
    if (this.newerOnDisk) return;
    this.pending = { name, value };
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), AUTOSAVE_DELAY_MS);
  }

  removeItem(name: string): void {
    this.cancel();
    if (!this.newerOnDisk) removeKey(name);
  }

  /**
   * Writes a pending save now (pagehide, visibilitychange); held while the tab is not the writer.
   * A session equal to the last one written (same text and fields: only derived state such as
   * diagnostics changed) is not serialised again: with a 5 MB spec that is ~0.5 s of main thread.
   */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (!this.writable || this.newerOnDisk) return;
    const p = this.pending;
    this.pending = null;
    if (!p || (this.written !== null && sameSession(this.written, p.value))) return;
    const wait = this.failed === null ? 0 : this.failed.at + AUTOSAVE_RETRY_MS - Date.now();
    if (wait > 0 && this.failed !== null && p.value.state.text.length > this.failed.length * 0.9) {
      // It would fail again: keep it pending and try when the retry delay is over.
      this.pending = p;
      this.timer = setTimeout(() => this.flush(), wait);
      return;
    }
    if (writeKey(p.name, JSON.stringify(p.value))) {
      this.written = p.value;
      this.failed = null;
    } else {
      const length = p.value.state.text.length;
      this.failed = length >= AUTOSAVE_RETRY_CHARS ? { length, at: Date.now() } : null;
    }
  }

  /**
   * Lets this tab write (it holds the document) or holds its writes back (another tab does). Held
   * writes are kept and written as soon as the tab becomes the writer again.
   */
  setWritable(writable: boolean): void {
    this.writable = writable;
    if (writable && this.pending) this.flush();
  }

  /** True when this tab's saves are held back (another tab is the writer). */
  isHeld(): boolean {
    return !this.writable;
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
    this.written = null;
    this.failed = null;
  }

  /** Back to a writable storage with nothing pending (tests). */
  reset(): void {
    this.cancel();
    this.writable = true;
    this.newerOnDisk = false;
  }
}

/** Same version and every session field identical (strings by value, `touched` by reference). */
function sameSession(a: StorageValue<SessionV1>, b: StorageValue<SessionV1>): boolean {
  if (a.version !== b.version) return false;
  const x = a.state;
  const y = b.state;
  return (
    x.text === y.text &&
    x.persistSecrets === y.persistSecrets &&
    x.activeSection === y.activeSection &&
    x.docId === y.docId &&
    x.origin === y.origin &&
    x.pristine === y.pristine &&
    x.textEdited === y.textEdited &&
    x.touched === y.touched &&
    x.validText === y.validText
  );
}

/** True when the user already changed something in this tab (typed, edited, loaded a spec). */
const userActed = (s: SpecState): boolean => s.origin !== 'blank' || s.history.undo.length > 0;

export const autosaveStorage = new SessionStorage();

export const persistOptions: PersistOptions<SpecState, SessionV1> = {
  name: SESSION_KEY,
  version: SESSION_VERSION,
  storage: autosaveStorage,
  partialize: toSession,
  migrate: (persisted, version) => migrateSession(persisted, version) as SessionV1,
  merge: (persisted, current) => {
    const session = migrateSession(persisted, SESSION_VERSION);
    if (!session) return current;
    if (userActed(current) && session.text !== current.text) {
      // A session that arrives after the user started working never replaces their work (E7): it is
      // set aside under a backup key instead, and the user is told.
      const backupKey = keepAside(SESSION_KEY, JSON.stringify({ version: SESSION_VERSION, state: session }));
      const issue: StorageIssue = storageIssue(
        'kept',
        () =>
          backupKey ? t('engine.storage.sessionKept', { backupKey }) : t('engine.storage.sessionNotReplaced'),
        backupKey,
      );
      reportStorageIssue(issue);
      // The middleware replaces the whole state with what merge returns: carry the issue along.
      return { ...current, storageIssue: issue };
    }
    // Invalid JSON on reload: the form shows the last valid document saved with it, as it did before.
    const valid =
      session.validText === undefined ? null : deriveFromText(session.validText, { doc: {}, revision: 0 });
    const lastDoc = valid !== null && valid.parseError === null ? valid.doc : {};
    return {
      ...current,
      ...deriveFromText(session.text, { doc: lastDoc, revision: current.revision }),
      revision: current.revision + 1,
      activeSection: session.activeSection,
      docId: session.docId,
      origin: session.origin,
      loadedText: session.pristine ? session.text : '',
      textEdited: session.textEdited,
      persistSecrets: session.persistSecrets,
      touched: session.touched,
    };
  },
};
