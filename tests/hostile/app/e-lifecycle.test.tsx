// @vitest-environment happy-dom
/**
 * E6 (tab killed mid-edit), E7 (typing before hydration) and E8 (eviction: persistent storage and
 * the "last exported" reminder) at the app tier.
 */
import { act, cleanup, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAppLifecycle } from '../../../src/app/useAppLifecycle';
import { LibraryDialog } from '../../../src/features/library/LibraryDialog';
import { RecoveryBanner } from '../../../src/features/library/RecoveryBanner';
import { listEntries, markExported, readEntryText, saveEntry } from '../../../src/lib/library';
import { requestPersistentStorage } from '../../../src/lib/storage';
import { AUTOSAVE_DELAY_MS, rehydrate, resetStore, SESSION_KEY, useSpecStore } from '../../../src/store';

const st = () => useSpecStore.getState();
const session = (text: string, docId: string) =>
  JSON.stringify({
    version: 1,
    state: { text, docId, origin: 'library', pristine: false, textEdited: true },
  });

beforeEach(() => {
  localStorage.clear();
  resetStore();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
  resetStore();
});

describe('E6: tab killed mid-edit', () => {
  it('E6: at most the debounce interval is lost: the session is on disk AUTOSAVE_DELAY_MS after the last key', () => {
    vi.useFakeTimers();
    st().setText('{"name": "typed"}');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 1);
    expect(localStorage.getItem(SESSION_KEY) ?? '').not.toContain('typed');
    vi.advanceTimersByTime(1);
    expect(localStorage.getItem(SESSION_KEY)).toContain('typed');
  });

  it.each([
    ['pagehide', () => window.dispatchEvent(new Event('pagehide'))],
    [
      'visibilitychange to hidden',
      () => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' });
        document.dispatchEvent(new Event('visibilitychange'));
      },
    ],
  ])('E6: %s flushes the pending save at once', (_n, fire) => {
    vi.useFakeTimers();
    const hook = renderHook(() => useAppLifecycle());
    try {
      st().setText('{"name": "just typed"}');
      expect(localStorage.getItem(SESSION_KEY) ?? '').not.toContain('just typed');
      fire();
      expect(localStorage.getItem(SESSION_KEY)).toContain('just typed');
    } finally {
      hook.unmount();
      delete (document as { visibilityState?: unknown }).visibilityState;
    }
  });

  it('E6: on the next load, a session newer than the library copy is offered; keeping it saves it', async () => {
    saveEntry('d1', 'Spec', '{"name": "library copy"}');
    localStorage.setItem(SESSION_KEY, session('{"name": "last keystrokes"}', 'd1'));
    await rehydrate();
    expect(st().text).toBe('{"name": "last keystrokes"}');
    render(<RecoveryBanner />);
    expect(screen.getByRole('status').textContent).toMatch(/Recovered unsaved changes/);
    fireEvent.click(screen.getByRole('button', { name: 'Keep restored changes' }));
    expect(readEntryText('d1')).toBe('{"name": "last keystrokes"}');
    expect(screen.queryByText(/Recovered unsaved changes/)).toBeNull();
  });

  it('E6: going back to the library copy keeps the recovered text as its own entry', async () => {
    saveEntry('d1', 'Spec', '{"name": "library copy"}');
    localStorage.setItem(SESSION_KEY, session('{"name": "last keystrokes"}', 'd1'));
    await rehydrate();
    render(<RecoveryBanner />);
    fireEvent.click(screen.getByRole('button', { name: 'Open the library copy' }));
    expect(st().text).toBe('{"name": "library copy"}');
    const copy = listEntries().find((e) => e.name.endsWith('(recovered)'));
    expect(copy).toBeTruthy();
    expect(readEntryText(copy?.id ?? '')).toBe('{"name": "last keystrokes"}');
  });

  it('E6: nothing is offered when the session and the library agree', async () => {
    saveEntry('d1', 'Spec', '{"name": "same"}');
    localStorage.setItem(SESSION_KEY, session('{"name": "same"}', 'd1'));
    await rehydrate();
    render(<RecoveryBanner />);
    expect(screen.queryByRole('status')).toBeNull();
  });
});

describe('E7: typing before hydration finishes', () => {
  it('E7: hydration is synchronous (localStorage): the store is hydrated before the first render', () => {
    expect(useSpecStore.persist.hasHydrated()).toBe(true);
  });

  it('E7: a session that arrives after the user typed does not replace the typing; it is kept aside', async () => {
    st().setText('{"name": "typed before hydration"}');
    const late = session('{"name": "older session"}', 'd9');
    localStorage.setItem(SESSION_KEY, late);
    await rehydrate();
    expect(st().text).toBe('{"name": "typed before hydration"}');
    expect(st().storageIssue?.kind).toBe('kept');
    const key = st().storageIssue?.backupKey ?? '';
    expect(localStorage.getItem(key)).toContain('older session');
  });
});

describe('E8: eviction', () => {
  it('E8: navigator.storage.persist() is requested on start where available', async () => {
    const persist = vi.fn(async () => true);
    const persisted = vi.fn(async () => false);
    Object.defineProperty(navigator, 'storage', { configurable: true, value: { persist, persisted } });
    try {
      const hook = renderHook(() => useAppLifecycle());
      await act(async () => {});
      expect(persist).toHaveBeenCalledTimes(1);
      hook.unmount();
      expect(await requestPersistentStorage()).toBe(true);
    } finally {
      delete (navigator as { storage?: unknown }).storage;
    }
  });

  it('E8: without the API (or when it throws) nothing breaks', async () => {
    expect(await requestPersistentStorage()).toBeNull();
    Object.defineProperty(navigator, 'storage', {
      configurable: true,
      value: { persist: () => Promise.reject(new Error('denied')) },
    });
    try {
      expect(await requestPersistentStorage()).toBe(false);
    } finally {
      delete (navigator as { storage?: unknown }).storage;
    }
  });

  it.each([
    ['never exported', null, /is never exported/],
    ['exported before the last change', -1, /is not exported since/],
    ['exported after the last change', +1, null],
  ] as const)('E8: the library shows the "last exported" reminder (%s)', (_n, delta, expected) => {
    st().loadDocument('{"name": "Kept"}', 'library', { docId: 'k1' });
    saveEntry('k1', 'Kept', '{"name": "Kept"}', 10_000);
    if (delta !== null) markExported('k1', 10_000 + delta * 5_000);
    render(<LibraryDialog open onClose={() => {}} onBeforeLoad={() => null} />);
    const note = screen.getByRole('note').textContent ?? '';
    expect(note).toMatch(/browsers may clear them/);
    if (expected) expect(note).toMatch(expected);
    else expect(note).not.toMatch(/exported/);
  });
});
