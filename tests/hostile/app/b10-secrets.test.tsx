// @vitest-environment happy-dom
/**
 * B10 (secrets in an imported spec), persistence side: a password-format property's `default`,
 * `const`, `examples` or `enum` is kept out of this browser's storage (session and library copies)
 * unless the user opts in for the document; the text in memory keeps them; the banner offers to opt
 * in or to remove them in one undoable edit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseJson, secretValuePointers, type JsonObject, type JsonValue } from '@core';
import { SecretsBanner } from '../../../src/app/SecretsBanner';
import { LIBRARY_SAVE_MS, useLibraryAutosave } from '../../../src/features/library/useLibraryAutosave';
import { docKey, LIBRARY_KEY, listEntries, readEntryText } from '../../../src/lib/library';
import { rehydrate, resetStore, SESSION_KEY, useSpecStore } from '../../../src/store';
import { autosaveStorage } from '../../../src/store/persistConfig';

const DIR = join(process.cwd(), 'tests/fixtures/hostile/ui');
const BASE = readFileSync(join(DIR, 'base.spec.json'), 'utf8');
const SCHEMAS = JSON.parse(readFileSync(join(DIR, 'schemas.json'), 'utf8')) as Record<string, JsonValue>;
const SECRET = 'real-secret';
const st = () => useSpecStore.getState();

/** The base spec with the b10 schema (a password default and examples) as sourceSpec.spec. */
function secretSpec(): string {
  const doc = JSON.parse(BASE) as JsonObject;
  (doc['sourceSpec'] as JsonObject)['spec'] = structuredClone(SCHEMAS['b10-secret']) as JsonObject;
  return JSON.stringify(doc, null, 2);
}

/** Everything in localStorage, key by key. */
const stored = (): Record<string, string> =>
  Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k) ?? '']));
const sessionState = () =>
  (
    JSON.parse(localStorage.getItem(SESSION_KEY) ?? 'null') as {
      state: { text: string; persistSecrets: boolean };
    }
  ).state;
const secretsIn = (text: string): string[] => {
  const r = parseJson(text);
  if (!r.ok) throw new Error(r.error.message);
  return secretValuePointers(r.value);
};

/** Loads the spec as an import would, edits one other field, and lets both autosaves write. */
function importAndEdit(): string {
  act(() => st().loadDocument(secretSpec(), 'file'));
  act(() => {
    st().updateAt('/name', 'Edited');
  });
  act(() => vi.advanceTimersByTime(LIBRARY_SAVE_MS + 10));
  autosaveStorage.flush();
  return st().text;
}

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  resetStore();
  renderHook(() => useLibraryAutosave());
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  resetStore();
});

describe('B10: secret values and this browser’s storage', () => {
  it('B10: by default neither the session nor the library copy holds the secret; the text in memory does', () => {
    const text = importAndEdit();
    expect(text).toContain(SECRET);
    expect(st().text).toBe(text);
    const all = stored();
    expect(Object.keys(all)).toEqual(expect.arrayContaining([SESSION_KEY, LIBRARY_KEY, docKey(st().docId)]));
    for (const [key, value] of Object.entries(all))
      expect({ key, leaked: value.includes(SECRET) }).toEqual({ key, leaked: false });
    const session = sessionState();
    expect(session.persistSecrets).toBe(false);
    expect(secretsIn(session.text)).toEqual([]);
    expect(session.text).toContain('"Edited"'); // the rest of the work is saved
    expect(secretsIn(readEntryText(st().docId) ?? '')).toEqual([]);
  });

  it('B10: a half-typed edit (text that does not parse) does not write them either', () => {
    importAndEdit();
    const broken = st().text.replace('"Edited"', '"Edited" oops');
    act(() => st().setText(broken));
    expect(st().parseError).not.toBeNull();
    autosaveStorage.flush();
    expect(sessionState().text).toContain('"Edited" oops');
    expect(sessionState().text).not.toContain(SECRET);
    expect(st().text).toBe(broken);
  });

  it('B10: a reload restores the spec without the secret values, everything else intact', async () => {
    const text = importAndEdit();
    resetStore();
    await rehydrate();
    expect(st().text).not.toContain(SECRET);
    expect(st().text).toContain('"Edited"');
    expect(st().text.split('\n')).toHaveLength(text.split('\n').length - 2); // examples: [ … ] → []
    expect(st().persistSecrets).toBe(false);
  });

  it('B10: the banner names them; "Save them in this browser" opts in and both copies then hold them', async () => {
    importAndEdit();
    render(<SecretsBanner />);
    const banner = screen.getByRole('status');
    expect(banner.textContent).toMatch(
      /This spec contains 2 secret values \(\/sourceSpec\/spec\/properties\/accessToken\/default, \/sourceSpec\/spec\/properties\/accessToken\/examples\)\. They are kept out of this browser's storage; a reload restores the spec without them\./,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save them in this browser' }));
    expect(st().persistSecrets).toBe(true);
    act(() => vi.advanceTimersByTime(LIBRARY_SAVE_MS + 10));
    autosaveStorage.flush();
    expect(sessionState()).toMatchObject({ persistSecrets: true, text: st().text });
    expect(readEntryText(st().docId)).toBe(st().text);
    expect(listEntries().find((e) => e.id === st().docId)?.persistSecrets).toBe(true);
    expect(screen.getByRole('status').textContent).toMatch(/are saved in this browser, as you chose/);

    const docId = st().docId;
    resetStore();
    await rehydrate();
    expect(st().persistSecrets).toBe(true);
    expect(st().docId).toBe(docId);
    expect(st().text).toContain(SECRET);
  });

  it('B10: "Stop saving secrets" takes them out of both copies again', () => {
    importAndEdit();
    render(<SecretsBanner />);
    fireEvent.click(screen.getByRole('button', { name: 'Save them in this browser' }));
    act(() => vi.advanceTimersByTime(LIBRARY_SAVE_MS + 10));
    autosaveStorage.flush();
    expect(Object.values(stored()).join('\n')).toContain(SECRET);
    fireEvent.click(screen.getByRole('button', { name: 'Stop saving secrets' }));
    act(() => vi.advanceTimersByTime(LIBRARY_SAVE_MS + 10));
    autosaveStorage.flush();
    expect(Object.values(stored()).join('\n')).not.toContain(SECRET);
    expect(st().text).toContain(SECRET);
    expect(screen.getByRole('button', { name: 'Save them in this browser' })).toBeTruthy();
  });

  it('B10: "Remove them from the spec" removes them in one edit that one undo brings back', () => {
    const text = importAndEdit();
    const undoDepth = st().history.past.length;
    render(<SecretsBanner />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove them from the spec' }));
    expect(st().text).not.toContain(SECRET);
    expect(secretsIn(st().text)).toEqual([]);
    const spec = (st().doc as JsonObject)['sourceSpec'] as JsonObject;
    const token = ((spec['spec'] as JsonObject)['properties'] as JsonObject)['accessToken'] as JsonObject;
    expect(Object.keys(token)).toEqual(['type', 'title', 'format']);
    expect(st().history.past).toHaveLength(undoDepth + 1);
    expect(screen.queryByRole('status')).toBeNull();
    act(() => {
      st().undo();
    });
    expect(st().text).toBe(text);
  });

  it('B10: a spec without secret values is stored exactly as typed and shows no banner', () => {
    act(() => st().loadDocument(BASE, 'file'));
    act(() => {
      st().updateAt('/name', 'Edited');
    });
    autosaveStorage.flush();
    expect(sessionState().text).toBe(st().text);
    render(<SecretsBanner />);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
