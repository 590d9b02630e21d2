/**
 * Each document keeps its own sample pages and run inputs (issue 13 item 1). They are stored in
 * IndexedDB (src/lib/idb.ts, store `samples`, key: the document id, value: `StoredSamples`), written
 * a moment after they change (never on the keystroke path), restored when the document is on screen
 * again (reload, library, recovery), and swapped when another document replaces it: the previous
 * document's pages leave the preview worker and its run inputs leave the form.
 *
 * What is stored: every sample page except the live pages not kept (their exact text or Blob, name,
 * headers, envelope flag, order) and the run inputs, without the values of secret fields
 * (`format: password`) unless the document opted in (`persistSecrets`). A failed write or read
 * (disk full, IndexedDB blocked) is told to the user and the pages stay in memory.
 */
import { normalise, type JsonValue } from '@core';
import { t } from '../../i18n';
import { idbDelete, idbGet, idbPut, type IdbResult } from '../../lib/idb';
import { hasEntry, saveEntry } from '../../lib/library';
import { useSpecStore } from '../../store';
import { STORED_SAMPLES_VERSION, type StoredSamplePage, type StoredSamples } from '../../store/docDataTypes';
import type { RunInputs, SamplePage } from '../../store/previewTypes';
import { specName } from '../../store/selectors';
import { initialRunInputs } from '../../store/slices/previewSlice';
import { storableText } from '../../store/storableText';
import type { SpecState } from '../../store/types';
import { addSamples, clearSamples, replaceSampleSource, sampleSourceOf } from './previewService';

/** Delay between the last change of the samples or run inputs and their write (ms). */
export const SAMPLES_SAVE_DELAY_MS = 400;

/**
 * A text page longer than this (characters) is stored as a Blob: IndexedDB then writes it off the
 * main thread, and a restore reads a file handle instead of cloning tens of MB of string.
 */
export const STORE_AS_BLOB_CHARS = 256 * 1024;

type Doc = Pick<SpecState, 'docId' | 'doc' | 'persistSecrets' | 'samplePages' | 'runInputs'>;

/** Names of the run inputs whose values are secret (`format: password`) in `doc`, by doc identity. */
const secretCache = new WeakMap<object, Set<string>>();
export function secretInputNames(doc: JsonValue): Set<string> {
  if (typeof doc !== 'object' || doc === null) return new Set();
  let names = secretCache.get(doc);
  if (!names) {
    const { model } = normalise(doc);
    names = new Set(
      [...model.userInputs, ...model.authSpecs.flatMap((a) => a.params)]
        .filter((p) => p.secret)
        .map((p) => p.name),
    );
    secretCache.set(doc, names);
  }
  return names;
}

/** The run inputs as stored: secret values left out unless the document opted in. */
export function storableRunInputs(inputs: RunInputs, doc: JsonValue, persistSecrets: boolean): RunInputs {
  if (persistSecrets || Object.keys(inputs.values).length === 0) return inputs;
  const secret = secretInputNames(doc);
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(inputs.values))
    if (!secret.has(name))
      Object.defineProperty(values, name, { value, enumerable: true, writable: true, configurable: true });
  return { ...inputs, values };
}

/** The pages that are stored: all but the live pages not kept. */
const storedPages = (pages: readonly SamplePage[]): SamplePage[] =>
  pages.filter((p) => p.origin !== 'live' || p.kept === true);

const sameInputs = (a: RunInputs, b: RunInputs): boolean => JSON.stringify(a) === JSON.stringify(b);

/** True when the document has nothing worth storing (no stored pages, run inputs as new). */
export const isEmpty = (v: StoredSamples): boolean =>
  v.pages.length === 0 && sameInputs(v.runInputs, initialRunInputs());

/**
 * What is stored for a document. Long texts are turned into Blobs once (and kept as such, so the next
 * write does not encode them again).
 */
export function toStoredSamples(d: Doc): StoredSamples {
  const pages: StoredSamplePage[] = [];
  for (const meta of storedPages(d.samplePages)) {
    let source = sampleSourceOf(meta.id);
    if (source === undefined) continue;
    if (typeof source === 'string' && source.length > STORE_AS_BLOB_CHARS) {
      source = new Blob([source], { type: 'application/json' });
      replaceSampleSource(meta.id, source);
    }
    pages.push({ meta, source });
  }
  return {
    version: STORED_SAMPLES_VERSION,
    pages,
    runInputs: storableRunInputs(d.runInputs, d.doc, d.persistSecrets),
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A stored value as this version reads it; null when it is not one (unknown version, damaged). */
export function readStoredSamples(v: unknown): StoredSamples | null {
  if (!isRecord(v) || v.version !== STORED_SAMPLES_VERSION || !Array.isArray(v.pages)) return null;
  const pages = v.pages.filter(
    (p): p is StoredSamplePage =>
      isRecord(p) &&
      isRecord(p.meta) &&
      typeof p.meta.id === 'string' &&
      typeof p.meta.name === 'string' &&
      (typeof p.source === 'string' || p.source instanceof Blob),
  );
  const r = isRecord(v.runInputs) ? v.runInputs : {};
  const values: Record<string, string> = {};
  if (isRecord(r.values))
    for (const [name, value] of Object.entries(r.values))
      if (typeof value === 'string')
        Object.defineProperty(values, name, { value, enumerable: true, writable: true, configurable: true });
  const base = initialRunInputs();
  return {
    version: STORED_SAMPLES_VERSION,
    pages,
    runInputs: {
      values,
      authName: typeof r.authName === 'string' ? r.authName : base.authName,
      windowStart: typeof r.windowStart === 'string' ? r.windowStart : base.windowStart,
      windowEnd: typeof r.windowEnd === 'string' ? r.windowEnd : base.windowEnd,
      backfill: r.backfill === true,
    },
  };
}

/** What the user is told when storing failed. */
export function failureText(r: Extract<IdbResult<unknown>, { ok: false }>): string {
  if (r.unavailable) return t('preview.store.unavailable');
  if (r.quota) return t('preview.store.quota');
  return t('preview.store.failed', { message: r.message });
}

/**
 * What decides whether a write is needed: the stored pages (id, name, origin, flags, headers, order),
 * the run inputs and the secrets opt-in. Small: the texts are not part of it (a page's text never
 * changes under its id).
 */
function signature(d: Pick<Doc, 'samplePages' | 'runInputs' | 'persistSecrets'>): string {
  const pages = storedPages(d.samplePages).map((p) => [
    p.id,
    p.name,
    p.origin,
    p.envelope,
    p.kept,
    p.headers,
  ]);
  return JSON.stringify([pages, d.runInputs, d.persistSecrets]);
}

/** The module's state: one follower at a time. */
let loadedFor: string | null = null;
/** The signature of what was last written or restored for `loadedFor`. */
let storedSig = '';
let dirty = false;
let timer: ReturnType<typeof setTimeout> | null = null;
let restoreSeq = 0;
/** The document whose stored samples are being read (a copy made meanwhile takes its place). */
let restoringFor: string | null = null;
/** The restore under way (or the last one). */
let restoring: Promise<void> = Promise.resolve();
let writes: Promise<unknown> = Promise.resolve();
let toldUnavailable = false;

/** Records a storage result: a failure is shown (and told once), a success clears an earlier one. */
function settle(r: IdbResult<unknown>): void {
  const s = useSpecStore.getState();
  if (r.ok) {
    if (s.sampleStore.state === 'failed') s.setSampleStore({ state: 'idle' });
    return;
  }
  const message = failureText(r);
  // Told once per failure; IndexedDB missing is told once per tab (not again on every spec opened).
  if (s.sampleStore.state !== 'failed' && !(r.unavailable && toldUnavailable))
    s.notify(() => failureText(r), 'warning');
  if (r.unavailable) toldUnavailable = true;
  s.setSampleStore({ state: 'failed', message });
}

/** Writes (or deletes, when empty) what is stored for `docId`, after the writes queued before it. */
function write(docId: string, value: StoredSamples): Promise<void> {
  const next = writes.then(async () => {
    const r = isEmpty(value) ? await idbDelete('samples', docId) : await idbPut('samples', docId, value);
    settle(r);
  });
  writes = next;
  return next;
}

/** Resolves once the document's stored samples are back and the writes queued so far are done. */
export function docSamplesSettled(): Promise<void> {
  return restoring.then(() => writes).then(() => undefined);
}

/** Writes the current document's samples now when a write is pending. */
export function flushDocSamples(): Promise<void> {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  const s = useSpecStore.getState();
  if (!dirty || loadedFor !== s.docId) return writes.then(() => undefined);
  dirty = false;
  storedSig = signature(s);
  return write(s.docId, toStoredSamples(s));
}

function schedule(): void {
  dirty = true;
  if (timer !== null) clearTimeout(timer);
  timer = setTimeout(() => void flushDocSamples(), SAMPLES_SAVE_DELAY_MS);
}

/**
 * The document `prev` is being replaced: its pending write is done now, and a document with stored
 * pages that is not in the library (a pristine example the user added samples to) is kept there, so
 * it can be reopened with them. Without a library entry nothing could reopen it: its data is removed.
 */
function leave(prev: Doc): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  if (loadedFor !== prev.docId) return;
  const value = toStoredSamples(prev);
  let kept = hasEntry(prev.docId);
  if (!kept && value.pages.length > 0) {
    const state = prev as SpecState;
    const name = specName(prev.doc);
    kept = saveEntry(prev.docId, name, storableText(state), undefined, {
      persistSecrets: prev.persistSecrets,
    });
    if (kept)
      useSpecStore
        .getState()
        .notify(() => t('preview.store.keptInLibrary', { name, count: value.pages.length }), 'info');
  }
  dirty = false;
  if (kept) void write(prev.docId, value);
  else void write(prev.docId, { ...value, pages: [], runInputs: initialRunInputs() });
}

/**
 * Brings back what is stored for `docId`. Pages added while it was read stay, after the restored
 * ones; run inputs changed meanwhile are not replaced.
 */
async function restore(docId: string): Promise<void> {
  const seq = ++restoreSeq;
  restoringFor = docId;
  const r = await idbGet<unknown>('samples', docId);
  const s = useSpecStore.getState();
  if (seq !== restoreSeq || s.docId !== restoringFor) return;
  restoringFor = null;
  loadedFor = s.docId;
  // Copied under a new id while being read: nothing is stored under the new id yet.
  const copied = s.docId !== docId;
  const base = { samplePages: [], runInputs: initialRunInputs(), persistSecrets: s.persistSecrets };
  storedSig = signature(base);
  const stored = r.ok ? readStoredSamples(r.value) : null;
  if (!r.ok) settle(r);
  if (stored) {
    const before = s.samplePages;
    const present = new Set(before.map((p) => p.id));
    const fresh = stored.pages.filter((p) => !present.has(p.meta.id));
    const ids = new Set(
      addSamples(
        fresh.map(({ meta, source }) => ({
          id: meta.id,
          name: meta.name,
          origin: meta.origin,
          source,
          ...(meta.envelope ? { envelope: true } : {}),
          ...(meta.headers ? { headers: meta.headers } : {}),
          ...(meta.kept ? { kept: true } : {}),
        })),
      ),
    );
    const restored = useSpecStore.getState().samplePages.filter((p) => ids.has(p.id));
    // Pages added while storage was read go after the restored ones (page k answers request k).
    if (before.length > 0 && restored.length > 0)
      useSpecStore.setState({ samplePages: [...restored, ...before] });
    const t = useSpecStore.getState();
    if (sameInputs(t.runInputs, initialRunInputs())) t.setRunInputs(stored.runInputs);
    storedSig = signature({ ...base, samplePages: restored, runInputs: stored.runInputs });
    if (restored.length > 0) t.setSampleStore({ state: 'restored', pages: restored.length });
  }
  if (copied || signature(useSpecStore.getState()) !== storedSig) schedule();
  else {
    // What is on screen is what is stored: the changes made by the restore itself need no write.
    if (timer !== null) clearTimeout(timer);
    timer = null;
    dirty = false;
  }
}

/**
 * Follows the document on screen: restores its samples now, stores their changes, swaps them when
 * another document replaces it. Returns the function that stops following (a pending write is done
 * first).
 */
export function followDocSamples(): () => void {
  restoring = restore(useSpecStore.getState().docId);
  const unsubscribe = useSpecStore.subscribe((s, prev) => {
    if (s.docId !== prev.docId) {
      if (s.revision === prev.revision && s.text === prev.text) {
        // The same document kept under a new id (a copy in the library): its samples go with it.
        if (loadedFor === prev.docId) {
          loadedFor = s.docId;
          schedule();
        } else if (restoringFor === prev.docId) restoringFor = s.docId;
        return;
      }
      leave(prev);
      loadedFor = null;
      ++restoreSeq;
      clearSamples();
      useSpecStore.setState({ runInputs: initialRunInputs(), sampleStore: { state: 'idle' } });
      restoring = restore(s.docId);
      return;
    }
    if (loadedFor !== s.docId) return;
    if (
      s.samplePages !== prev.samplePages ||
      s.runInputs !== prev.runInputs ||
      s.persistSecrets !== prev.persistSecrets
    ) {
      // A page's parse result is not stored: only a change of what is stored is written.
      if (signature(s) === storedSig) return;
      // The user changed them: "restored" no longer describes what is listed.
      if (s.sampleStore.state === 'restored') s.setSampleStore({ state: 'idle' });
      schedule();
    }
  });
  const onHide = () => void flushDocSamples();
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') onHide();
  };
  globalThis.addEventListener?.('pagehide', onHide);
  globalThis.document?.addEventListener('visibilitychange', onVisibility);
  return () => {
    unsubscribe();
    globalThis.removeEventListener?.('pagehide', onHide);
    globalThis.document?.removeEventListener('visibilitychange', onVisibility);
    void flushDocSamples();
    ++restoreSeq;
    loadedFor = null;
  };
}
