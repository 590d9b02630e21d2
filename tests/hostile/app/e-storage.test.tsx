// @vitest-environment happy-dom
/**
 * Persistence faults E1–E4 at the app tier: storage full, storage blocked, corrupt or truncated
 * saved data, and saved data from an older or a newer version.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppBanners } from '../../../src/app/AppBanners';
import { EXPORTED_KEY, LIBRARY_KEY, listEntries, saveEntry } from '../../../src/lib/library';
import { keepCorrupt, onStorageIssue } from '../../../src/lib/storage';
import {
  autosaveBlockedByNewer,
  blankText,
  flushAutosave,
  rehydrate,
  resetStore,
  SESSION_KEY,
  useSpecStore,
} from '../../../src/store';
import sessions from '../../fixtures/hostile/persist/stored-sessions.json';
import indexes from '../../fixtures/hostile/persist/library-indexes.json';
import { FaultyStorage, installStorage } from './persist.helpers';

const st = () => useSpecStore.getState();
const backups = () => Object.keys(localStorage).filter((k) => k.startsWith('spec-studio:backup:'));

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

const QUOTA_ERRORS = [
  [
    'Chromium/WebKit QuotaExceededError',
    () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
  ],
  [
    'Firefox NS_ERROR_DOM_QUOTA_REACHED',
    () => new DOMException('Persistent storage maximum size reached', 'NS_ERROR_DOM_QUOTA_REACHED'),
  ],
  ['an Error saying "quota"', () => new Error('Storage quota exceeded')],
] as const;

describe('E1: storage full', () => {
  it.each(QUOTA_ERRORS)('E1: %s keeps the in-memory state and warns, offering Export', (_n, make) => {
    vi.useFakeTimers();
    const disk = new FaultyStorage();
    disk.failWrite = make;
    const restore = installStorage(disk);
    try {
      render(<AppBanners />);
      act(() => st().setText('{"name": "Work that must survive"}'));
      act(() => void vi.advanceTimersByTime(400));
      expect(disk.writes).toBeGreaterThan(0);
      expect(st().text).toBe('{"name": "Work that must survive"}');
      expect(st().doc).toEqual({ name: 'Work that must survive' });
      expect(st().storageIssue?.kind).toBe('quota');
      const banner = screen.getByRole('alert');
      expect(banner.textContent).toMatch(/storage is full/);
      expect(banner.textContent).toMatch(/still here/);
      // Non-blocking: typing goes on, and the text is still the user's.
      act(() => st().setText('{"name": "Work that must survive", "more": 1}'));
      expect(st().doc).toEqual({ name: 'Work that must survive', more: 1 });
      const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
      fireEvent.click(screen.getByRole('button', { name: 'Export' }));
      expect(create).toHaveBeenCalledTimes(1);
      const blob = create.mock.calls[0]?.[0] as Blob;
      expect(blob.size).toBe(st().text.length);
    } finally {
      restore();
    }
  });

  it('E1: a later successful save clears the warning', () => {
    const disk = new FaultyStorage();
    disk.failWrite = () => new DOMException('full', 'QuotaExceededError');
    const restore = installStorage(disk);
    try {
      st().setText('{"a": 1}');
      flushAutosave();
      expect(st().storageIssue?.kind).toBe('quota');
      disk.failWrite = null;
      st().setText('{"a": 2}');
      flushAutosave();
      expect(st().storageIssue).toBeNull();
      expect(disk.getItem(SESSION_KEY)).toContain('{\\"a\\": 2}');
    } finally {
      restore();
    }
  });
});

describe('E2: storage disabled', () => {
  const block = () =>
    installStorage(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });

  it('E2: SecurityError on access → memory-only mode with a banner; editing still works', async () => {
    const unblock = block();
    try {
      await rehydrate();
      render(<AppBanners />);
      expect(st().storageIssue?.kind).toBe('unavailable');
      expect(screen.getByRole('alert').textContent).toMatch(/in memory only/);
      expect(screen.getByRole('button', { name: 'Export' })).toBeTruthy();
      act(() => st().setText('{"name": "memory only"}'));
      expect(() => flushAutosave()).not.toThrow();
      expect(saveEntry('x', 'X', '{}')).toBe(false);
      expect(listEntries()).toEqual([]);
      expect(st().doc).toEqual({ name: 'memory only' });
    } finally {
      unblock();
    }
  });

  it('E2: getItem throwing (blocked site data) → same memory-only mode', async () => {
    const disk = new FaultyStorage();
    disk.failRead = () => new DOMException('The operation is insecure.', 'SecurityError');
    const restore = installStorage(disk);
    try {
      await rehydrate();
      expect(st().storageIssue?.kind).toBe('unavailable');
      expect(st().text).toBe(blankText());
    } finally {
      restore();
    }
  });
});

describe('E3: corrupt or truncated saved session', () => {
  it.each(sessions.corrupt)(
    'E3: $name → raw kept under a backup key, original not deleted, defaults, user told',
    async ({ raw }) => {
      localStorage.setItem(SESSION_KEY, raw);
      await rehydrate();
      expect(st().text).toBe(blankText());
      const kept = backups();
      expect(kept).toHaveLength(1);
      expect(localStorage.getItem(kept[0] ?? '')).toBe(raw);
      expect(localStorage.getItem(SESSION_KEY)).toBe(raw);
      expect(st().storageIssue?.kind).toBe('corrupt');
      expect(st().storageIssue?.message).toContain(kept[0]);
      render(<AppBanners />);
      expect(screen.getByRole('alert').textContent).toMatch(/started from defaults/);
    },
  );

  it('E3: a problem found while the store hydrates at start (before anyone listens) is still shown', () => {
    keepCorrupt(SESSION_KEY, '{trunc', 'work');
    const seen: (string | undefined)[] = [];
    const off = onStorageIssue((i) => seen.push(i?.kind));
    off();
    expect(seen).toEqual(['corrupt']);
  });

  it('E3: a corrupt library index is kept aside too', () => {
    localStorage.setItem(LIBRARY_KEY, indexes.corrupt.raw);
    expect(listEntries()).toEqual([]);
    const kept = backups();
    expect(kept).toHaveLength(1);
    expect(localStorage.getItem(kept[0] ?? '')).toBe(indexes.corrupt.raw);
  });

  it('E3: a corrupt "last exported" map only loses reminders, never throws', () => {
    localStorage.setItem(EXPORTED_KEY, '{"__proto__": {"polluted": 1}, "a": ');
    expect(() => saveEntry('a', 'A', '{}')).not.toThrow();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('E4: saved state from another version', () => {
  it.each(sessions.older)('E4: older session ($name) is migrated', async ({ raw, text, section }) => {
    localStorage.setItem(SESSION_KEY, raw);
    await rehydrate();
    expect(st().text).toBe(text);
    expect(st().activeSection).toBe(section);
    expect(st().storageIssue).toBeNull();
  });

  it.each(sessions.newer)(
    'E4: newer session ($name) is left untouched; autosave refuses to write over it; user told',
    async ({ raw }) => {
      vi.useFakeTimers();
      localStorage.setItem(SESSION_KEY, raw);
      await rehydrate();
      expect(st().text).toBe(blankText());
      expect(st().storageIssue?.kind).toBe('newer');
      expect(autosaveBlockedByNewer()).toBe(true);
      st().setText('{"name": "typed in the old version"}');
      vi.advanceTimersByTime(1000);
      flushAutosave();
      expect(localStorage.getItem(SESSION_KEY)).toBe(raw);
      render(<AppBanners />);
      expect(screen.getByRole('alert').textContent).toMatch(/newer version/);
      expect(screen.getByRole('button', { name: 'Export' })).toBeTruthy();
    },
  );

  it('E4: an older library index (bare array) is migrated', () => {
    localStorage.setItem(LIBRARY_KEY, indexes.older.raw);
    expect(listEntries()).toEqual(indexes.older.entries);
  });

  it('E4: a newer library index is listed but never rewritten', () => {
    localStorage.setItem(LIBRARY_KEY, indexes.newer.raw);
    expect(listEntries().map((e) => e.id)).toEqual(['n-1']);
    expect(saveEntry('mine', 'Mine', '{}')).toBe(false);
    expect(localStorage.getItem(LIBRARY_KEY)).toBe(indexes.newer.raw);
    expect(localStorage.getItem('spec-studio:doc:mine')).toBeNull();
    expect(st().storageIssue?.kind).toBe('newer');
  });
});
