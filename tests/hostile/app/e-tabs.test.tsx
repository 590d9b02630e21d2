// @vitest-environment happy-dom
/**
 * E5 at the app tier: two tabs on the same spec. The other tab is simulated by holding the Web Lock
 * (or answering on the BroadcastChannel) from the test; the real two-tab run is in
 * tests/hostile/e2e/e-persist.test.ts.
 */
import { act, cleanup, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppBanners } from '../../../src/app/AppBanners';
import { lockName, startTabLock } from '../../../src/features/library/tabLock';
import { LIBRARY_SAVE_MS, useLibraryAutosave } from '../../../src/features/library/useLibraryAutosave';
import { readEntryText, saveEntry } from '../../../src/lib/library';
import { flushAutosave, resetStore, SESSION_KEY, useSpecStore } from '../../../src/store';
import { FakeLocks, installLocks } from './persist.helpers';

const st = () => useSpecStore.getState();
const OTHER_SESSION = '{"version":1,"state":{"text":"{\\"name\\": \\"other tab\\"}","docId":"shared"}}';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let stop: (() => void) | null = null;
let undoLocks: (() => void) | null = null;

beforeEach(() => {
  localStorage.clear();
  resetStore();
  st().loadDocument('{"name": "other tab"}', 'library', { docId: 'shared' });
  saveEntry('shared', 'Shared', '{"name": "other tab"}');
  localStorage.setItem(SESSION_KEY, OTHER_SESSION);
});
afterEach(() => {
  cleanup();
  stop?.();
  stop = null;
  undoLocks?.();
  undoLocks = null;
  resetStore();
});

/** The "other tab": holds the document's lock until stolen; resolves with how it ended. */
function otherTabHolds(locks: FakeLocks, docId: string): Promise<string> {
  return locks
    .request(lockName(docId), async () => new Promise(() => {}))
    .then(
      () => 'released',
      (e: unknown) => (e instanceof Error ? e.name : 'error'),
    );
}

describe('E5: two tabs on one spec (Web Locks)', () => {
  it('E5: the second tab is told, never writes the session or the library, and can take over', async () => {
    const locks = new FakeLocks();
    undoLocks = installLocks(locks);
    const other = otherTabHolds(locks, 'shared');
    renderHook(() => useLibraryAutosave());
    render(<AppBanners />);
    act(() => void (stop = startTabLock()));
    await waitFor(() => expect(st().otherTab).toBe(true));
    expect(screen.getByRole('alert').textContent).toMatch(/open in another tab/);

    act(() => st().setText('{"name": "mine"}'));
    flushAutosave();
    await act(() => sleep(LIBRARY_SAVE_MS + 100));
    expect(localStorage.getItem(SESSION_KEY)).toBe(OTHER_SESSION);
    expect(readEntryText('shared')).toBe('{"name": "other tab"}');
    expect(st().text).toBe('{"name": "mine"}');

    fireEvent.click(screen.getByRole('button', { name: 'Take over here' }));
    expect(await other).toBe('AbortError');
    await waitFor(() => expect(st().otherTab).toBe(false));
    expect(screen.queryByText(/open in another tab/)).toBeNull();
    // What this tab held back is written once it is the writer (the user chose so).
    expect(localStorage.getItem(SESSION_KEY)).toContain('mine');
    await waitFor(() => expect(readEntryText('shared')).toBe('{"name": "mine"}'));
  });

  it('E5: "Keep mine as a copy" forks to a new id that this tab writes; the shared entry is untouched', async () => {
    const locks = new FakeLocks();
    undoLocks = installLocks(locks);
    const other = otherTabHolds(locks, 'shared');
    render(<AppBanners />);
    act(() => void (stop = startTabLock()));
    await waitFor(() => expect(st().otherTab).toBe(true));
    act(() => st().setText('{"name": "my copy"}'));
    fireEvent.click(screen.getByRole('button', { name: 'Keep mine as a copy' }));
    await waitFor(() => expect(st().otherTab).toBe(false));
    expect(st().docId).not.toBe('shared');
    expect(locks.isHeld(lockName(st().docId))).toBe(true);
    expect(locks.isHeld(lockName('shared'))).toBe(true);
    flushAutosave();
    expect(localStorage.getItem(SESSION_KEY)).toContain('my copy');
    expect(readEntryText('shared')).toBe('{"name": "other tab"}');
    void other;
  });

  it('E5: a tab alone on its spec holds the lock and saves normally', async () => {
    const locks = new FakeLocks();
    undoLocks = installLocks(locks);
    act(() => void (stop = startTabLock()));
    await waitFor(() => expect(locks.isHeld(lockName('shared'))).toBe(true));
    expect(st().otherTab).toBe(false);
    st().setText('{"name": "alone"}');
    flushAutosave();
    expect(localStorage.getItem(SESSION_KEY)).toContain('alone');
  });
});

describe('E5: fallback without Web Locks (BroadcastChannel leader)', () => {
  it('E5: the newcomer becomes follower on "here" and a take-over tells the leader', async () => {
    undoLocks = installLocks(null);
    const leader = new BroadcastChannel('spec-studio');
    const heard: string[] = [];
    leader.onmessage = (e: MessageEvent<{ type: string; tab: string; docId: string }>) => {
      heard.push(e.data.type);
      if (e.data.type === 'hello' && e.data.docId === 'shared')
        leader.postMessage({ type: 'here', tab: 'leader', docId: 'shared' });
    };
    try {
      render(<AppBanners />);
      act(() => void (stop = startTabLock()));
      await waitFor(() => expect(st().otherTab).toBe(true));
      await act(() => sleep(400)); // past the claim wait: still a follower
      expect(st().otherTab).toBe(true);
      act(() => st().setText('{"name": "follower edit"}'));
      flushAutosave();
      expect(localStorage.getItem(SESSION_KEY)).toBe(OTHER_SESSION);
      fireEvent.click(screen.getByRole('button', { name: 'Take over here' }));
      await waitFor(() => expect(heard).toContain('taken'));
      expect(st().otherTab).toBe(false);
      expect(localStorage.getItem(SESSION_KEY)).toContain('follower edit');
    } finally {
      leader.close();
    }
  });
});
