// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  deleteEntry,
  docKey,
  duplicateEntry,
  LIBRARY_KEY,
  listEntries,
  readEntryText,
  renameEntry,
  saveEntry,
} from '../../src/lib/library';
import { saveCurrentToLibrary } from '../../src/features/library/librarySync';
import { resetStore, useSpecStore } from '../../src/store';

const st = () => useSpecStore.getState();

beforeEach(() => {
  localStorage.clear();
  resetStore();
});

describe('library storage', () => {
  it('saves, lists (newest first), renames, duplicates and deletes', () => {
    expect(saveEntry('a', 'Alpha', '{"name":"Alpha"}', 1000)).toBe(true);
    expect(saveEntry('b', 'Beta', '{"name":"Beta"}', 2000)).toBe(true);
    expect(listEntries().map((e) => e.id)).toEqual(['b', 'a']);
    expect(renameEntry('a', 'Alpha renamed')).toBe(true);
    saveEntry('a', 'Alpha from spec', '{"name":"Alpha 2"}', 3000);
    expect(listEntries()[0]).toMatchObject({ id: 'a', name: 'Alpha renamed', renamed: true });
    const copy = duplicateEntry('b', 'c', 4000);
    expect(copy).toMatchObject({ id: 'c', name: 'Beta (copy)' });
    expect(readEntryText('c')).toBe('{"name":"Beta"}');
    expect(deleteEntry('b')).toBe(true);
    expect(listEntries().map((e) => e.id)).toEqual(['c', 'a']);
    expect(localStorage.getItem(docKey('b'))).toBeNull();
  });

  it('keeps a corrupt index under a backup key and starts empty', () => {
    localStorage.setItem(LIBRARY_KEY, '[[[garbage');
    expect(listEntries()).toEqual([]);
    const backups = Object.keys(localStorage).filter((k) => k.startsWith('spec-studio:backup:library'));
    expect(backups).toHaveLength(1);
    expect(localStorage.getItem(backups[0] ?? '')).toBe('[[[garbage');
    expect(st().storageIssue?.kind).toBe('corrupt');
  });

  it('migrates a version-0 index (a bare array)', () => {
    localStorage.setItem(LIBRARY_KEY, JSON.stringify([{ id: 'x', name: 'Old', updatedAt: 5 }]));
    expect(listEntries()).toEqual([{ id: 'x', name: 'Old', updatedAt: 5, size: 0 }]);
  });
});

describe('loading never loses the current work', () => {
  it('an edited document is saved to the library before another one replaces it', () => {
    st().loadDocument('{"name": "First"}', 'example');
    st().updateAt('/name', 'First, edited');
    const id = st().docId;
    expect(saveCurrentToLibrary()).toBe('First, edited');
    st().loadDocument('{"name": "Second"}', 'example');
    expect(readEntryText(id)).toBe('{"name": "First, edited"}');
  });

  it('a pristine example is not stored', () => {
    st().loadDocument('{"name": "Pristine"}', 'example');
    expect(saveCurrentToLibrary()).toBeNull();
    expect(listEntries()).toEqual([]);
  });

  it('while another tab has the same document, it is saved as a copy', () => {
    st().loadDocument('{"name": "Shared"}', 'library', { docId: 'shared' });
    saveEntry('shared', 'Shared', '{"name": "Shared (other tab)"}');
    st().setOtherTab(true);
    st().updateAt('/name', 'Mine');
    saveCurrentToLibrary();
    expect(readEntryText('shared')).toBe('{"name": "Shared (other tab)"}');
    expect(st().docId).not.toBe('shared');
    expect(readEntryText(st().docId)).toBe('{"name": "Mine"}');
  });
});
