// @vitest-environment happy-dom
/**
 * Issue 13 item 1: each document keeps its own sample pages and run inputs, stored in IndexedDB
 * (fake-indexeddb here), swapped when another document replaces it, restored on reload and reopen.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const failing = vi.hoisted(() => ({ put: false }));
vi.mock('../../src/lib/idb', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/lib/idb')>();
  return {
    ...real,
    idbPut: (...args: Parameters<typeof real.idbPut>) =>
      failing.put
        ? Promise.resolve({
            ok: false as const,
            message: 'The quota has been exceeded.',
            quota: true,
            unavailable: false,
          })
        : real.idbPut(...args),
  };
});

import { docSamplesSettled, flushDocSamples, followDocSamples } from '../../src/features/preview/docSamples';
import { addSamples, clearSamples, setPreviewClient } from '../../src/features/preview/previewService';
import { SamplesPanel } from '../../src/features/preview/SamplesPanel';
import { LibraryDialog } from '../../src/features/library/LibraryDialog';
import { UndoAfterReloadNote } from '../../src/features/library/UndoAfterReloadNote';
import { idbDelete, idbGet, idbKeys, idbPut } from '../../src/lib/idb';
import { hasEntry, listEntries, saveEntry } from '../../src/lib/library';
import { resetStore, useSpecStore } from '../../src/store';
import type { StoredSamples } from '../../src/store/docDataTypes';
import { createPreviewClient } from '../../src/workers/previewClient';
import { fixture, st } from './preview.helpers';

const SPEC_A = fixture('mailchimp.spec.json');
/** A second spec: the same one under another name (its own document). */
const SPEC_B = SPEC_A.replace('MailChimp Members source', 'Spec B source');

const stored = async (docId: string) => {
  const r = await idbGet<StoredSamples>('samples', docId);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};
/** Waits until `read` is true (the restore is asynchronous: IndexedDB, then the parse). */
const until = (read: () => boolean) => vi.waitFor(() => expect(read()).toBe(true), { timeout: 3000 });
const names = () => st().samplePages.map((p) => p.name);

let stop: (() => void) | null = null;

beforeEach(async () => {
  const keys = await idbKeys('samples');
  if (keys.ok) for (const k of keys.value) await idbDelete('samples', k);
  localStorage.clear();
  resetStore();
  setPreviewClient(createPreviewClient(null));
  failing.put = false;
});

afterEach(async () => {
  stop?.();
  stop = null;
  await flushDocSamples();
  clearSamples();
  cleanup();
  setPreviewClient(null);
});

/** Opens `text` as document `docId` and waits until its stored samples (if any) are back. */
async function open(text: string, docId: string, persistSecrets = false): Promise<void> {
  st().loadDocument(text, 'library', { docId, persistSecrets });
  await docSamplesSettled();
}

describe('samples and run inputs belong to their document', () => {
  it('switching documents swaps pages and run inputs; going back restores them; secrets stay out', async () => {
    await open(SPEC_A, 'doc-a');
    stop = followDocSamples();
    await docSamplesSettled();
    addSamples([
      { name: 'a-page.json', origin: 'file', source: fixture('members.p1.json') },
      {
        name: 'a-envelope',
        origin: 'paste',
        source: '{"headers":{"Link":"x"},"body":{"members":[]}}',
        envelope: true,
      },
    ]);
    st().setRunValue('domain', 'us6');
    st().setRunValue('accessToken', 'tok-secret');
    st().setRunInputs({ windowStart: '2026-01-01T00:00', backfill: true });
    await until(() => st().samplePages.every((p) => p.status === 'ok'));
    // The user edits the envelope page's headers: the edit is what comes back, not the envelope's.
    st().setSamplePageHeaders(st().samplePages[1]!.id, [['Link', 'edited']]);
    await flushDocSamples();

    const a = await stored('doc-a');
    expect(a?.pages.map((p) => p.meta.name)).toEqual(['a-page.json', 'a-envelope']);
    expect(a?.pages[0]?.source).toBe(fixture('members.p1.json'));
    expect(a?.runInputs.values).toEqual({ domain: 'us6' });
    expect(JSON.stringify(a)).not.toContain('tok-secret');

    await open(SPEC_B, 'doc-b');
    expect(st().samplePages).toEqual([]);
    expect(st().runInputs.values).toEqual({});
    addSamples([{ name: 'b-page.json', origin: 'file', source: '{"members":[{"id":"b"}]}' }]);
    st().setRunValue('domain', 'b-host');
    await until(() => st().samplePages[0]?.status === 'ok');
    await flushDocSamples();

    await open(SPEC_A, 'doc-a');
    await until(() => st().samplePages.length === 2 && st().samplePages.every((p) => p.status === 'ok'));
    expect(names()).toEqual(['a-page.json', 'a-envelope']);
    expect(st().samplePages[1]?.envelope).toBe(true);
    expect(st().samplePages[1]?.headers).toEqual([['Link', 'edited']]);
    expect(st().runInputs).toMatchObject({
      values: { domain: 'us6' },
      windowStart: '2026-01-01T00:00',
      backfill: true,
    });
    expect(st().sampleStore).toEqual({ state: 'restored', pages: 2 });
    // B's page is B's only.
    expect((await stored('doc-b'))?.pages.map((p) => p.meta.name)).toEqual(['b-page.json']);
  });

  it('keeps secret run inputs when the document opted in', async () => {
    await open(SPEC_A, 'doc-s', true);
    stop = followDocSamples();
    await docSamplesSettled();
    st().setRunValue('accessToken', 'tok-kept');
    await flushDocSamples();
    expect((await stored('doc-s'))?.runInputs.values).toEqual({ accessToken: 'tok-kept' });
  });

  it('a reload restores the pages; live pages not kept are not stored', async () => {
    await open(SPEC_A, 'doc-r');
    stop = followDocSamples();
    await docSamplesSettled();
    addSamples([
      { name: 'kept.json', origin: 'paste', source: '{"members":[]}' },
      { name: 'live 1', origin: 'live', source: '{"members":[1]}' },
      { name: 'live 2', origin: 'live', source: '{"members":[2]}', kept: true },
    ]);
    await flushDocSamples();
    expect((await stored('doc-r'))?.pages.map((p) => p.meta.name)).toEqual(['kept.json', 'live 2']);

    // "Reload": the in-memory pages are gone; the same document is on screen again.
    stop();
    clearSamples();
    stop = followDocSamples();
    await until(() => st().samplePages.length === 2);
    expect(names()).toEqual(['kept.json', 'live 2']);
    expect(st().samplePages[1]?.kept).toBe(true);
  });

  it('a pristine document with samples is kept in the library when another one replaces it', async () => {
    st().loadDocument(SPEC_A, 'example');
    const id = st().docId;
    stop = followDocSamples();
    await docSamplesSettled();
    addSamples([{ name: 'p.json', origin: 'paste', source: '{"members":[]}' }]);
    expect(hasEntry(id)).toBe(false);
    st().loadDocument(SPEC_B, 'example');
    expect(hasEntry(id)).toBe(true);
    await flushDocSamples();
    expect((await stored(id))?.pages.map((p) => p.meta.name)).toEqual(['p.json']);
  });

  it('a refused write (disk full) tells the user and keeps the pages in memory', async () => {
    await open(SPEC_A, 'doc-q');
    stop = followDocSamples();
    await docSamplesSettled();
    failing.put = true;
    addSamples([{ name: 'big.json', origin: 'paste', source: '{"members":[]}' }]);
    await flushDocSamples();
    expect(st().sampleStore.state).toBe('failed');
    expect(st().toasts.some((t) => /storage is full/.test(t.message) && t.tone === 'warning')).toBe(true);
    expect(names()).toEqual(['big.json']);
    render(<SamplesPanel />);
    expect(screen.getByRole('alert').textContent).toMatch(/Not saved\. Browser storage is full/);
    // Told once, not on every write; a later write that succeeds clears the notice.
    st().setRunValue('domain', 'x');
    await flushDocSamples();
    expect(st().toasts.filter((t) => /storage is full/.test(t.message))).toHaveLength(1);
    failing.put = false;
    st().setRunValue('domain', 'y');
    await flushDocSamples();
    expect(st().sampleStore.state).toBe('idle');
    expect((await stored('doc-q'))?.pages.map((p) => p.meta.name)).toEqual(['big.json']);
  });

  it('a copy of the document (kept under a new id) takes its samples along', async () => {
    await open(SPEC_A, 'doc-f');
    stop = followDocSamples();
    await docSamplesSettled();
    addSamples([{ name: 'f.json', origin: 'paste', source: '{"members":[]}' }]);
    st().forkDocument();
    const copy = st().docId;
    expect(copy).not.toBe('doc-f');
    expect(names()).toEqual(['f.json']);
    await flushDocSamples();
    expect((await stored(copy))?.pages.map((p) => p.meta.name)).toEqual(['f.json']);
  });

  it('a copy made while the stored samples are still being read gets them too', async () => {
    await open(SPEC_A, 'doc-g');
    const meta = { id: 'g-1', name: 'g.json', origin: 'paste', size: 2, status: 'ok' };
    await idbPut('samples', 'doc-g', { version: 1, pages: [{ meta, source: '{}' }], runInputs: {} });
    stop = followDocSamples();
    st().forkDocument();
    const copy = st().docId;
    await docSamplesSettled();
    expect(names()).toEqual(['g.json']);
    await flushDocSamples();
    expect((await stored(copy))?.pages.map((p) => p.meta.name)).toEqual(['g.json']);
  });

  it('Duplicate in the library copies the samples to the copy', async () => {
    saveEntry('doc-dup', 'Original spec', SPEC_B);
    await idbPut('samples', 'doc-dup', { version: 1, pages: [], runInputs: { values: { a: '1' } } });
    render(<LibraryDialog open onClose={() => undefined} onBeforeLoad={() => null} />);
    fireEvent.click(screen.getByRole('button', { name: 'Duplicate Original spec' }));
    const copy = listEntries().find((e) => e.id !== 'doc-dup');
    expect(copy).toBeDefined();
    await vi.waitFor(async () =>
      expect((await stored(copy?.id ?? ''))?.runInputs.values).toEqual({ a: '1' }),
    );
  });

  it('Duplicate copies the test cases and the original too', async () => {
    saveEntry('doc-dup2', 'Cased spec', SPEC_B);
    await idbPut('cases', 'doc-dup2', { version: 1, cases: [{ name: 'one' }] });
    render(<LibraryDialog open onClose={() => undefined} onBeforeLoad={() => null} />);
    fireEvent.click(screen.getByRole('button', { name: 'Duplicate Cased spec' }));
    const copy = listEntries().find(
      (e) => e.name !== 'Cased spec' && e.id !== 'doc-dup2' && e.id !== 'doc-dup',
    );
    await vi.waitFor(async () =>
      expect(await idbGet('cases', copy?.id ?? '')).toEqual({
        ok: true,
        value: { version: 1, cases: [{ name: 'one' }] },
      }),
    );
  });

  it('deleting a document from the library deletes its samples, test cases and original', async () => {
    saveEntry('doc-del', 'Deleted spec', SPEC_B);
    await idbPut('samples', 'doc-del', { version: 1, pages: [], runInputs: { values: { a: '1' } } });
    await idbPut('cases', 'doc-del', { version: 1, cases: [] });
    await idbPut('baselines', 'doc-del', { text: SPEC_B });
    render(<LibraryDialog open onClose={() => undefined} onBeforeLoad={() => null} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete Deleted spec' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm delete' }));
    await vi.waitFor(async () => expect(await stored('doc-del')).toBeUndefined());
    await vi.waitFor(async () => {
      expect(await idbGet('cases', 'doc-del')).toEqual({ ok: true, value: undefined });
      expect(await idbGet('baselines', 'doc-del')).toEqual({ ok: true, value: undefined });
    });
  });
});

describe('undo history after a reload', () => {
  it('the title bar says it starts fresh after a reload restored an edited spec, until the next edit', () => {
    // What the session restore leaves: an edited text (loadedText "" when not pristine), no undo steps.
    st().loadDocument(SPEC_A, 'library', { docId: 'doc-u' });
    useSpecStore.setState({ loadedText: '' });
    render(<UndoAfterReloadNote />);
    expect(screen.getByRole('note').textContent).toBe('Undo history starts fresh after a reload');
    act(() => st().setText(SPEC_B));
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('is not shown when nothing was restored (a fresh start)', () => {
    render(<UndoAfterReloadNote />);
    expect(screen.queryByRole('note')).toBeNull();
  });
});
