/**
 * The local library of specs, in localStorage: an index (`spec-studio:library`, versioned) plus one
 * key per document text (`spec-studio:doc:<id>`). Failures are reported through lib/storage and
 * returned as values; unreadable data is kept under a backup key, never deleted.
 */
import { t } from '../i18n';
import {
  keepCorrupt,
  readKey,
  removeKey,
  reportStorageIssue,
  storageIssue,
  STORAGE_PREFIX,
  writeKey,
} from './storage';

export const LIBRARY_KEY = `${STORAGE_PREFIX}library`;
export const LIBRARY_VERSION = 1;
export const docKey = (id: string) => `${STORAGE_PREFIX}doc:${id}`;
/** When each document was last exported (downloaded or copied): `{ [id]: epoch ms }`. */
export const EXPORTED_KEY = `${STORAGE_PREFIX}exported`;

export interface LibraryEntry {
  id: string;
  name: string;
  updatedAt: number;
  size: number;
  /** The user renamed it in the library: autosave no longer takes the name from the spec. */
  renamed?: boolean;
  /** The user opted in to keeping the spec's secret values in the stored text (else they are blanked). */
  persistSecrets?: boolean;
}

interface IndexV1 {
  version: 1;
  entries: LibraryEntry[];
}

const isEntry = (v: unknown): v is LibraryEntry => {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return typeof e.id === 'string' && typeof e.name === 'string' && typeof e.updatedAt === 'number';
};

/**
 * Reads the index, migrating older shapes (version 0 was a bare array of entries). Unreadable data is
 * kept under a backup key and an empty library is returned.
 */
export function readIndex(): LibraryEntry[] {
  return readIndexState().entries;
}

/** True when the stored index was written by a newer version: it is read but never rewritten. */
export function libraryIsNewer(): boolean {
  return readIndexState().newer;
}

function readIndexState(): { entries: LibraryEntry[]; newer: boolean } {
  const raw = readKey(LIBRARY_KEY);
  if (raw === null) return { entries: [], newer: false };
  let newer = false;
  try {
    const v: unknown = JSON.parse(raw);
    const version = (v as { version?: unknown } | null)?.version;
    newer = typeof version === 'number' && version > LIBRARY_VERSION;
    const list: unknown = Array.isArray(v) ? v : (v as IndexV1 | null)?.entries;
    if (!Array.isArray(list)) throw new Error('not a library index');
    const entries = list
      .filter(isEntry)
      .map((e) => ({ ...e, size: typeof e.size === 'number' ? e.size : 0 }));
    return { entries, newer };
  } catch {
    if (!newer) keepCorrupt(LIBRARY_KEY, raw, 'library');
    return { entries: [], newer };
  }
}

const newerLibrary = () => storageIssue('newer', () => t('engine.storage.newerLibrary'));

function writeIndex(entries: LibraryEntry[]): boolean {
  if (libraryIsNewer()) {
    reportStorageIssue(newerLibrary());
    return false;
  }
  const index: IndexV1 = { version: LIBRARY_VERSION, entries };
  return writeKey(LIBRARY_KEY, JSON.stringify(index));
}

/** All entries, most recently updated first. */
export function listEntries(): LibraryEntry[] {
  return readIndex().sort((a, b) => b.updatedAt - a.updatedAt);
}

export function hasEntry(id: string): boolean {
  return readIndex().some((e) => e.id === id);
}

/** The text of an entry, or null when it is missing. */
export function readEntryText(id: string): string | null {
  return readKey(docKey(id));
}

/** True when the user opted in to keeping entry `id`'s secret values in this browser. */
export function entryPersistsSecrets(id: string): boolean {
  return readIndex().some((e) => e.id === id && e.persistSecrets === true);
}

/**
 * Creates or updates an entry. `text` is stored as given (the caller blanks secret values unless the
 * user opted in, which `options.persistSecrets` records on the entry). Returns false when storage
 * refused (the caller keeps its state).
 */
export function saveEntry(
  id: string,
  name: string,
  text: string,
  now = Date.now(),
  options: { persistSecrets?: boolean } = {},
): boolean {
  if (libraryIsNewer()) {
    reportStorageIssue(newerLibrary());
    return false;
  }
  if (!writeKey(docKey(id), text)) return false;
  const all = readIndex();
  const prev = all.find((e) => e.id === id);
  const entries = all.filter((e) => e.id !== id);
  const keep = prev?.renamed === true;
  entries.push({
    id,
    name: keep ? prev.name : name,
    updatedAt: now,
    size: text.length,
    ...(keep ? { renamed: true } : {}),
    ...(options.persistSecrets === true ? { persistSecrets: true } : {}),
  });
  return writeIndex(entries);
}

export function renameEntry(id: string, name: string): boolean {
  const entries = readIndex();
  const e = entries.find((x) => x.id === id);
  if (!e) return false;
  e.name = name;
  e.renamed = true;
  return writeIndex(entries);
}

/** Copies an entry under a new id; returns the new entry, or null on failure. */
export function duplicateEntry(id: string, newId: string, now = Date.now()): LibraryEntry | null {
  const text = readEntryText(id);
  const src = readIndex().find((e) => e.id === id);
  if (text === null || !src) return null;
  const name = t('engine.library.copyName', { name: src.name });
  const persistSecrets = src.persistSecrets === true;
  return saveEntry(newId, name, text, now, { persistSecrets })
    ? { id: newId, name, updatedAt: now, size: text.length, ...(persistSecrets ? { persistSecrets } : {}) }
    : null;
}

export function deleteEntry(id: string): boolean {
  removeKey(docKey(id));
  forgetAdobeLink(id);
  return writeIndex(readIndex().filter((e) => e.id !== id));
}

function readExported(): Record<string, number> {
  const raw = readKey(EXPORTED_KEY);
  if (raw === null) return {};
  try {
    const v: unknown = JSON.parse(raw);
    const out: Record<string, number> = {};
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return out;
    for (const [k, t] of Object.entries(v)) if (typeof t === 'number' && k !== '__proto__') out[k] = t;
    return out;
  } catch {
    return {}; // a bad reminder map only loses reminders; it is overwritten on the next export
  }
}

/** Records that document `id` was exported now (for the "not exported since" reminder). */
export function markExported(id: string, now = Date.now()): boolean {
  const all = readExported();
  all[id] = now;
  return writeKey(EXPORTED_KEY, JSON.stringify(all));
}

/** When document `id` was last exported (epoch ms), or null when never (or storage is off). */
export function lastExportedAt(id: string): number | null {
  return readExported()[id] ?? null;
}

/** Where each document stands at Adobe: `{ [docId]: AdobeLink }` (ids and names only, never credentials). */
export const ADOBE_LINKS_KEY = `${STORAGE_PREFIX}adobe`;

/** A document's connection spec at Adobe: published from here, or opened from there. */
export interface AdobeLink {
  connectionSpecId: string;
  /** The sandbox it lives in. */
  sandbox: string;
  how: 'published' | 'opened';
  /** Epoch ms. */
  at: number;
}

const isLink = (v: unknown): v is AdobeLink => {
  if (typeof v !== 'object' || v === null) return false;
  const l = v as Record<string, unknown>;
  return (
    typeof l.connectionSpecId === 'string' &&
    typeof l.sandbox === 'string' &&
    (l.how === 'published' || l.how === 'opened') &&
    typeof l.at === 'number'
  );
};

function readLinks(): Record<string, AdobeLink> {
  const raw = readKey(ADOBE_LINKS_KEY);
  const out: Record<string, AdobeLink> = {};
  if (raw === null) return out;
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return out;
    for (const [k, l] of Object.entries(v))
      if (isLink(l) && k !== '__proto__')
        out[k] = { connectionSpecId: l.connectionSpecId, sandbox: l.sandbox, how: l.how, at: l.at };
    return out;
  } catch {
    return out; // a bad map only loses the "last published as" note; the spec's own id still decides
  }
}

/**
 * Records that document `docId` is connection spec `link.connectionSpecId` at Adobe (after a
 * publish, or when opened from Adobe). The spec's own `id` field is what makes the next publish a
 * PUT; this note survives the user removing it, so the dialog can offer to update that spec again.
 */
export function recordAdobeLink(docId: string, link: AdobeLink): boolean {
  const all = readLinks();
  Object.defineProperty(all, docId, { value: link, enumerable: true, writable: true, configurable: true });
  return writeKey(ADOBE_LINKS_KEY, JSON.stringify(all));
}

/** Drops document `docId`'s note (its library entry is deleted). */
function forgetAdobeLink(docId: string): void {
  const all = readLinks();
  if (!Object.hasOwn(all, docId)) return;
  delete all[docId];
  writeKey(ADOBE_LINKS_KEY, JSON.stringify(all));
}

/** Document `docId`'s connection spec at Adobe, or null when it has none (or storage is off). */
export function adobeLinkOf(docId: string): AdobeLink | null {
  const links = readLinks();
  return Object.hasOwn(links, docId) ? (links[docId] ?? null) : null;
}
