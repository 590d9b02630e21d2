// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JsonValue } from '@core';
import { flushAutosave, rehydrate, resetStore, SESSION_KEY, useSpecStore } from '../../src/store';
import updateCases from '../fixtures/app/update-at.json';
import { diagnosticsUnder, selectFormFrozen } from '../../src/store/selectors';

interface UpdateCase {
  name: string;
  text: string;
  pointer: string;
  value: JsonValue;
  remove?: boolean;
  expected: string;
}
const cases = updateCases as UpdateCase[];

const st = () => useSpecStore.getState();

beforeEach(() => {
  localStorage.clear();
  resetStore();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('updateAt: minimal edits keep formatting and unknown keys', () => {
  it.each(cases)('$name', (c) => {
    st().loadDocument(c.text, 'file');
    expect(st().updateAt(c.pointer, c.remove ? undefined : c.value)).toBe(true);
    expect(st().text).toBe(c.expected);
    expect(st().parseError).toBeNull();
  });

  it('is refused while the text does not parse (the form is frozen)', () => {
    st().loadDocument('{"a": 1}', 'paste');
    st().setText('{"a": 1,');
    expect(selectFormFrozen(st())).toBe(true);
    expect(st().updateAt('/a', 2)).toBe(false);
    expect(st().text).toBe('{"a": 1,');
  });

  it('bumps the revision only when the document changes', () => {
    st().loadDocument('{"a": 1}', 'paste');
    const r = st().revision;
    st().updateAt('/a', 1);
    expect(st().revision).toBe(r);
    st().updateAt('/a', 2);
    expect(st().revision).toBe(r + 1);
  });
});

describe('setText', () => {
  it.each([
    ['trailing comma', '{"name": "b",}'],
    ['unterminated', '{"name": "b"'],
    ['comment', '{"name": "b" // no\n}'],
  ])('invalid text (%s) keeps the last valid doc and the text as typed', (_n, bad) => {
    st().loadDocument('{"name": "a"}', 'paste');
    st().setText(bad);
    expect(st().text).toBe(bad);
    expect(st().doc).toEqual({ name: 'a' });
    expect(st().parseError).not.toBeNull();
    expect(st().parseError?.line).toBeGreaterThanOrEqual(1);
  });

  it('a valid text updates the doc and clears the error', () => {
    st().loadDocument('{"name": "a"}', 'paste');
    st().setText('{"name": "a"');
    st().setText('{"name": "b", "extra": [1]}');
    expect(st().doc).toEqual({ name: 'b', extra: [1] });
    expect(st().parseError).toBeNull();
  });
});

describe('one undo history for form and JSON edits', () => {
  it('undoes a text edit and a form edit in order, then redoes them', () => {
    vi.useFakeTimers();
    st().loadDocument('{\n  "name": "a",\n  "type": "t"\n}', 'paste');
    const t0 = st().text;
    st().updateAt('/name', 'form');
    const t1 = st().text;
    vi.advanceTimersByTime(1500);
    st().setText(t1.replace('"t"', '"typed"'));
    const t2 = st().text;
    expect(st().undo()).toBe(true);
    expect(st().text).toBe(t1);
    expect(st().undo()).toBe(true);
    expect(st().text).toBe(t0);
    expect(st().doc).toEqual({ name: 'a', type: 't' });
    expect(st().undo()).toBe(false);
    expect(st().redo()).toBe(true);
    expect(st().redo()).toBe(true);
    expect(st().text).toBe(t2);
    expect(st().redo()).toBe(false);
  });

  it('coalesces a typing burst into one step', () => {
    vi.useFakeTimers();
    st().loadDocument('{"a": ""}', 'paste');
    for (const s of ['x', 'xy', 'xyz']) {
      st().setText(`{"a": "${s}"}`);
      vi.advanceTimersByTime(100);
    }
    st().undo();
    expect(st().text).toBe('{"a": ""}');
  });

  it('a new edit after undo drops the redo branch', () => {
    st().loadDocument('{"a": 1}', 'paste');
    st().updateAt('/a', 2);
    st().undo();
    st().updateAt('/b', 3);
    expect(st().redo()).toBe(false);
  });
});

describe('diagnostics', () => {
  it('drops a result computed for a stale revision', () => {
    st().loadDocument('{"a": 1}', 'paste');
    const stale = st().revision;
    st().updateAt('/a', 2);
    st().setDiagnostics([{ severity: 'error', pointer: '/a', message: 'old' }], stale);
    expect(st().diagnostics).toEqual([]);
    st().setDiagnostics([{ severity: 'error', pointer: '/a', message: 'new' }], st().revision);
    expect(st().diagnostics.map((d) => d.message)).toEqual(['new']);
  });

  it.each([
    ['/a', ['/a', '/a/b']],
    ['', ['', '/a', '/a/b', '/ab']],
    ['/a/b', ['/a/b']],
  ])('diagnosticsUnder(%s)', (pointer, expected) => {
    const diags = ['', '/a', '/a/b', '/ab'].map((p) => ({
      severity: 'error' as const,
      pointer: p,
      message: p,
    }));
    expect(diagnosticsUnder(diags, pointer).map((d) => d.pointer)).toEqual(expected);
  });
});

describe('autosave and restore', () => {
  it('writes what is on screen (even invalid text) within the debounce and restores it exactly', async () => {
    vi.useFakeTimers();
    st().loadDocument('{"name": "a"}', 'example');
    st().setActiveSection('paginationParams');
    st().setText('{"name": "half typed');
    expect(localStorage.getItem(SESSION_KEY) ?? '').not.toContain('half typed');
    vi.advanceTimersByTime(350);
    expect(localStorage.getItem(SESSION_KEY)).toContain('half typed');
    const saved = { text: st().text, docId: st().docId, doc: st().doc };
    resetStore();
    expect(st().text).not.toBe(saved.text);
    await rehydrate();
    expect(st().text).toBe(saved.text);
    expect(st().docId).toBe(saved.docId);
    expect(st().activeSection).toBe('paginationParams');
    expect(st().parseError).not.toBeNull();
  });

  it('flushAutosave writes immediately (pagehide)', () => {
    st().setText('{"flushed": true}');
    flushAutosave();
    expect(localStorage.getItem(SESSION_KEY)).toContain('flushed');
  });

  it('a quota error keeps the in-memory state and is reported', () => {
    const spy = vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      st().setText('{"big": "work"}');
      flushAutosave();
    } finally {
      spy.mockRestore();
    }
    expect(st().text).toBe('{"big": "work"}');
    expect(st().doc).toEqual({ big: 'work' });
    expect(st().storageIssue?.kind).toBe('quota');
  });

  it('corrupt saved data is kept under a backup key, never deleted', async () => {
    localStorage.setItem(SESSION_KEY, '{not json');
    await rehydrate();
    const backups = Object.keys(localStorage).filter((k) => k.startsWith('spec-studio:backup:'));
    expect(backups).toHaveLength(1);
    expect(localStorage.getItem(backups[0] ?? '')).toBe('{not json');
    expect(st().storageIssue?.kind).toBe('corrupt');
  });

  it('migrates a version-0 session ({ text } only)', async () => {
    localStorage.setItem(SESSION_KEY, JSON.stringify({ version: 0, state: { text: '{"old": 1}' } }));
    await rehydrate();
    expect(st().text).toBe('{"old": 1}');
    expect(st().doc).toEqual({ old: 1 });
  });
});
