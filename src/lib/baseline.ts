/**
 * Each document's original (issue 14 §3): the text as opened, imported or last exported, which
 * Changes compares the document with. Kept in memory for the session and in IndexedDB (store
 * `baselines`, key: the library document id) across reloads; the stored copy has the spec's secret
 * values blanked unless the user opted in to keeping them (as the library copy does).
 */
import { redactSecrets, secretValuePointers, type JsonValue } from '@core';
import { idbGet, idbPut } from './idb';

export interface StoredBaseline {
  version: 1;
  text: string;
  /** When it was set (epoch ms). */
  at: number;
}

const memory = new Map<string, string>();
const listeners = new Set<() => void>();

const changed = () => listeners.forEach((l) => l());

/** Calls `listener` whenever a baseline is set or loaded; returns the unsubscribe. */
export function subscribeBaselines(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The original text of document `docId` known in this session (undefined until loaded or set). */
export function baselineOf(docId: string): string | undefined {
  return memory.get(docId);
}

/**
 * Sets document `docId`'s original to `text` (`doc`: its parsed value, to find secret values).
 * Resolves false when IndexedDB refused (the session still uses it).
 */
export async function setBaseline(
  docId: string,
  text: string,
  doc: JsonValue,
  persistSecrets: boolean,
): Promise<boolean> {
  memory.set(docId, text);
  changed();
  const stored = persistSecrets ? text : redactSecrets(text, secretValuePointers(doc));
  const value: StoredBaseline = { version: 1, text: stored, at: Date.now() };
  return (await idbPut('baselines', docId, value)).ok;
}

const isStored = (v: unknown): v is StoredBaseline =>
  typeof v === 'object' && v !== null && typeof (v as StoredBaseline).text === 'string';

/**
 * Makes sure document `docId` has an original: the one stored for it, else `loaded` (the text as
 * the document was opened), else (a copy made with a new id) the original of `previousId`.
 */
export async function ensureBaseline(
  docId: string,
  loaded: { text: string; persistSecrets: boolean },
  previousId?: string,
): Promise<void> {
  if (memory.has(docId)) return;
  const r = await idbGet<unknown>('baselines', docId);
  if (memory.has(docId)) return;
  if (r.ok && isStored(r.value)) {
    memory.set(docId, r.value.text);
    changed();
    return;
  }
  const inherited = previousId === undefined ? undefined : memory.get(previousId);
  const text = loaded.text === '' && inherited !== undefined ? inherited : loaded.text;
  await setBaseline(docId, text, parsedOrNull(text), loaded.persistSecrets);
}

function parsedOrNull(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return null;
  }
}

/** Forgets the session's baselines (tests). */
export function resetBaselinesForTests(): void {
  memory.clear();
  changed();
}
