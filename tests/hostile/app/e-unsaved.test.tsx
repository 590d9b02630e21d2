// @vitest-environment happy-dom
/**
 * Issue 12 items 7, 8 and the undo cap of 11: the title bar says whether edits are saved (storage
 * full, follower tab), closing with unsaved edits asks first, a reload with invalid JSON keeps the
 * form on the last valid document, and the undo cap is announced once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, render, renderHook, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TopBar } from '../../../src/app/TopBar';
import { useAppLifecycle } from '../../../src/app/useAppLifecycle';
import {
  flushAutosave,
  rehydrate,
  resetStore,
  SESSION_KEY,
  setAutosaveWritable,
  useSpecStore,
} from '../../../src/store';
import { MAX_HISTORY, undoCapNotice } from '../../../src/store/history';
import { selectSpecName } from '../../../src/store/selectors';
import { FaultyStorage, installStorage } from './persist.helpers';

const DIR = join(process.cwd(), 'tests/fixtures/hostile/ui');
const st = () => useSpecStore.getState();
const status = () => screen.getByTestId('save-status').textContent;
const noop = () => null;

/** Fires beforeunload as the browser does; true when the page asked the user to confirm. */
function closeTab(): boolean {
  const e = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(e);
  return e.defaultPrevented;
}

function renderApp(): void {
  renderHook(() => useAppLifecycle());
  render(<TopBar onBeforeLoad={noop} onOpenLibrary={() => {}} onShowProblems={() => {}} />);
}

beforeEach(() => {
  localStorage.clear();
  resetStore();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  resetStore();
});

describe('item 7: the save status is true and unsaved edits ask before closing', () => {
  it('saved edits say "autosaved" and close without a prompt', () => {
    vi.useFakeTimers();
    renderApp();
    expect(status()).toBe('No changes');
    act(() => st().setText('{"name": "kept"}'));
    act(() => void vi.advanceTimersByTime(400));
    expect(localStorage.getItem(SESSION_KEY)).toContain('kept');
    expect(status()).toBe('Edited · autosaved');
    expect(closeTab()).toBe(false);
  });

  it('storage full: "not saved: storage is full" and a beforeunload prompt', () => {
    vi.useFakeTimers();
    const disk = new FaultyStorage();
    disk.failWrite = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const restore = installStorage(disk);
    try {
      renderApp();
      act(() => st().setText('{"name": "lost?"}'));
      act(() => void vi.advanceTimersByTime(400));
      expect(disk.writes).toBeGreaterThan(0);
      expect(status()).toBe('Edited · not saved: storage is full');
      expect(closeTab()).toBe(true);
      // Room again: the next save succeeds, the status and the prompt follow.
      disk.failWrite = null;
      act(() => st().setText('{"name": "saved now"}'));
      act(() => void vi.advanceTimersByTime(400));
      expect(status()).toBe('Edited · autosaved');
      expect(closeTab()).toBe(false);
    } finally {
      restore();
    }
  });

  it('storage full found only when closing (save still debounced): the prompt still comes', () => {
    vi.useFakeTimers();
    const disk = new FaultyStorage();
    disk.failWrite = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const restore = installStorage(disk);
    try {
      renderApp();
      act(() => st().setText('{"name": "just typed"}'));
      expect(disk.writes).toBe(0);
      let prompted = false;
      act(() => void (prompted = closeTab()));
      expect(prompted).toBe(true);
      expect(status()).toBe('Edited · not saved: storage is full');
    } finally {
      restore();
    }
  });

  it('follower tab (another tab is the writer): "not saved: open in another tab" and a prompt', () => {
    renderApp();
    act(() => {
      setAutosaveWritable(false);
      st().setOtherTab(true);
    });
    expect(status()).toBe('No changes');
    expect(closeTab()).toBe(false);
    act(() => st().setText('{"name": "mine"}'));
    flushAutosave();
    expect(localStorage.getItem(SESSION_KEY)).toBeNull();
    expect(status()).toBe('Edited · not saved: open in another tab');
    expect(closeTab()).toBe(true);
  });
});

describe('item 8: reload with invalid JSON restores the last valid document too', () => {
  it('the form keeps the last valid document after a reload, the text is the invalid one', async () => {
    vi.useFakeTimers();
    act(() => st().setText('{\n  "name": "My source",\n  "version": "1.0"\n}\n'));
    const valid = st().doc;
    act(() => st().setText('{\n  "name": "My source",\n  "version": "1.0",\n}\n'));
    expect(st().parseError).not.toBeNull();
    flushAutosave();
    const saved = localStorage.getItem(SESSION_KEY);
    expect(saved).not.toBeNull();

    // Reload: a fresh store over the same storage.
    resetStore();
    localStorage.setItem(SESSION_KEY, saved ?? '');
    await rehydrate();
    expect(st().text).toBe('{\n  "name": "My source",\n  "version": "1.0",\n}\n');
    expect(st().parseError).not.toBeNull();
    expect(st().doc).toEqual(valid);
    expect(selectSpecName(st())).toBe('My source');
  });

  it('once the text is valid again, the session carries no second copy', () => {
    act(() => st().setText('{"name": "a"'));
    act(() => st().setText('{"name": "a"}'));
    flushAutosave();
    const state = (JSON.parse(localStorage.getItem(SESSION_KEY) ?? '{}') as { state: object }).state;
    expect(state).not.toHaveProperty('validText');
  });

  it('secret values are blanked in the last valid document as in the text', () => {
    const doc = JSON.parse(readFileSync(join(DIR, 'base.spec.json'), 'utf8')) as Record<
      string,
      Record<string, unknown>
    >;
    const schemas = JSON.parse(readFileSync(join(DIR, 'schemas.json'), 'utf8')) as Record<string, unknown>;
    (doc['sourceSpec'] as Record<string, unknown>)['spec'] = schemas['b10-secret'];
    const text = JSON.stringify(doc, null, 2);
    expect(text).toContain('real-secret');
    act(() => st().setText(text));
    act(() => st().setText(`${text},`));
    expect(st().parseError).not.toBeNull();
    flushAutosave();
    const saved = localStorage.getItem(SESSION_KEY) ?? '';
    expect(saved).toContain('validText');
    expect(saved).not.toContain('real-secret');
  });
});

describe('item 11: the undo cap is announced when first reached', () => {
  it('one notice when the oldest step is first dropped, saying how many steps are kept', () => {
    vi.useFakeTimers();
    const cap = () => st().toasts.filter((t) => t.message === undoCapNotice());
    for (let i = 0; i < MAX_HISTORY; i++) {
      st().setText(`{"n": ${i}}`);
      vi.advanceTimersByTime(2000);
    }
    expect(st().history.past).toHaveLength(MAX_HISTORY);
    expect(cap()).toHaveLength(0);
    st().setText('{"n": "over"}');
    expect(st().history.past).toHaveLength(MAX_HISTORY);
    expect(cap()).toHaveLength(1);
    expect(undoCapNotice()).toContain(String(MAX_HISTORY));
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(2000);
      st().setText(`{"m": ${i}}`);
    }
    st().undo();
    vi.advanceTimersByTime(2000);
    st().setText('{"after undo": 1}');
    vi.advanceTimersByTime(2000);
    st().setText('{"after undo": 2}');
    expect(cap()).toHaveLength(1);
    // A newly loaded document starts a new history: reaching the cap there is announced again.
    st().loadDocument('{}', 'file');
    expect(st().history.capped).toBeFalsy();
  });
});
