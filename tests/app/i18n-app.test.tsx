// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FirstRunChecklist } from '../../src/app/FirstRunChecklist';
import { readSpecFile } from '../../src/features/import-export/fileImport';
import { formatBytes } from '../../src/i18n/format';
import { LibraryDialog } from '../../src/features/library/LibraryDialog';
import { setLocale } from '../../src/i18n';
import { saveEntry } from '../../src/lib/library';
import { resetStore, useSpecStore } from '../../src/store';

beforeEach(() => {
  localStorage.clear();
  resetStore();
});
afterEach(async () => {
  cleanup();
  await setLocale('en', false);
});

describe('app shell in French', () => {
  it('the first-run checklist resolves its steps in the chosen language', async () => {
    await setLocale('fr', false);
    render(<FirstRunChecklist />);
    expect(screen.getByRole('region', { name: 'Liste de démarrage' })).toBeTruthy();
    expect(screen.getByTestId('checklist-progress').textContent).toBe('0 sur 7 faites');
    const auth = screen.getByRole('link', { name: /^Authentification : à faire\./ });
    expect(auth.textContent).toContain('Authentification');
    expect(screen.getByRole('button', { name: 'Masquer la liste' })).toBeTruthy();
  });

  it('the library dialog, its reminder and file sizes are in French; English is unchanged', async () => {
    useSpecStore.getState().loadDocument('{"name": "Gardée"}', 'library', { docId: 'k1' });
    saveEntry('k1', 'Gardée', '{"name": "Gardée"}', 10_000);
    await setLocale('fr', false);
    render(<LibraryDialog open onClose={() => {}} onBeforeLoad={() => null} />);
    expect(screen.getByRole('heading', { name: 'Bibliothèque' })).toBeTruthy();
    expect(screen.getByRole('note').textContent).toContain('« Gardée » n’a jamais été exportée.');
    expect(screen.getByRole('button', { name: 'Ouvrir Gardée' }).textContent).toBe('Ouvrir');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 Mo');
    const r = await readSpecFile({
      name: 'x.json',
      size: 0,
      arrayBuffer: () => Promise.resolve(new ArrayBuffer(0)),
    });
    expect(r.ok ? '' : r.message).toBe('« x.json » n’a pas été ouvert : le fichier est vide.');
    await setLocale('en', false);
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
  });
});
