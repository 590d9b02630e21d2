import type { PersistOptions, PersistStorage, StorageValue } from 'zustand/middleware';
import { SECTIONS, type SectionId } from '@core';
import { keepCorrupt, readKey, removeKey, writeKey, STORAGE_PREFIX } from '../lib/storage';
import { deriveFromText, newDocId } from './slices/documentSlice';
import type { LoadOrigin, SpecState } from './types';

export const SESSION_KEY = `${STORAGE_PREFIX}session`;
export const SESSION_VERSION = 1;
/** Autosave debounce: what is on screen reaches storage within ~1 s. */
export const AUTOSAVE_DELAY_MS = 300;

/** What autosave writes. `pristine`: the text is exactly what was loaded (not edited). */
export interface SessionV1 {
  text: string;
  activeSection: SectionId;
  docId: string;
  origin: LoadOrigin;
  pristine: boolean;
  textEdited: boolean;
  touched: Record<string, true>;
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
    activeSection,
    docId: typeof persisted.docId === 'string' && persisted.docId ? persisted.docId : newDocId(),
    origin: ORIGINS.find((o) => o === persisted.origin) ?? 'file',
    pristine: persisted.pristine === true,
    textEdited: persisted.textEdited === true,
    touched,
  };
}

/** Picks what autosave writes from the state. */
export function toSession(s: SpecState): SessionV1 {
  return {
    text: s.text,
    activeSection: s.activeSection,
    docId: s.docId,
    origin: s.origin,
    pristine: s.text === s.loadedText,
    textEdited: s.textEdited,
    touched: s.touched,
  };
}

/** Debounced, failure-tolerant storage for the persist middleware. */
class SessionStorage implements PersistStorage<SessionV1> {
  private pending: { name: string; value: StorageValue<SessionV1> } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  getItem(name: string): StorageValue<SessionV1> | null {
    const raw = readKey(name);
    if (raw === null) return null;
    try {
      const v: unknown = JSON.parse(raw);
      if (!isRecord(v) || typeof v.version !== 'number' || !isRecord(v.state))
        throw new Error('not a session');
      return { state: v.state as unknown as SessionV1, version: v.version };
    } catch {
      keepCorrupt(name, raw, 'work');
      return null;
    }
  }

  setItem(name: string, value: StorageValue<SessionV1>): void {
    this.pending = { name, value };
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), AUTOSAVE_DELAY_MS);
  }

  removeItem(name: string): void {
    this.cancel();
    removeKey(name);
  }

  /** Writes a pending save now (pagehide, visibilitychange). */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const p = this.pending;
    this.pending = null;
    if (p) writeKey(p.name, JSON.stringify(p.value));
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }
}

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
    return {
      ...current,
      ...deriveFromText(session.text, { doc: {}, revision: current.revision }),
      revision: current.revision + 1,
      activeSection: session.activeSection,
      docId: session.docId,
      origin: session.origin,
      loadedText: session.pristine ? session.text : '',
      textEdited: session.textEdited,
      touched: session.touched,
    };
  },
};
