// @vitest-environment happy-dom
/**
 * Issue 15, area `engine`: the store's save status, storage notices and the workers' messages are
 * written in the chosen language on the main thread (a worker has no language: it sends values).
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppBanners } from '../../src/app/AppBanners';
import { TopBar } from '../../src/app/TopBar';
import { setLocale, t } from '../../src/i18n';
import { reportStorageIssue, storageIssue } from '../../src/lib/storage';
import { resetStore, useSpecStore } from '../../src/store';
import { undoCapNotice } from '../../src/store/history';
import { createPreviewClient } from '../../src/workers/previewClient';
import { stoppedMessage } from '../../src/workers/watchdog';

const st = () => useSpecStore.getState();
const noop = () => null;

beforeEach(() => {
  localStorage.clear();
  resetStore();
});
afterEach(async () => {
  cleanup();
  resetStore();
  await setLocale('en', false);
});

describe('engine messages in French', () => {
  it('the title bar says the save status in French', async () => {
    await setLocale('fr', false);
    render(<TopBar onBeforeLoad={noop} onOpenLibrary={() => {}} onShowProblems={() => {}} />);
    expect(screen.getByTestId('save-status').textContent).toBe('Aucune modification');
    act(() => st().setText('{"name": "x"}'));
    expect(screen.getByTestId('save-status').textContent).toBe('Modifié · enregistré automatiquement');
    act(() => st().setOtherTab(true));
    expect(screen.getByTestId('save-status').textContent).toBe(
      'Modifié · non enregistré : ouvert dans un autre onglet',
    );
  });

  it('a storage issue reported in English is shown in the language chosen since', async () => {
    reportStorageIssue(storageIssue('quota', () => t('engine.storage.quota')));
    expect(st().storageIssue?.message).toMatch(/^Autosave failed: browser storage is full/);
    await setLocale('fr', false);
    render(<AppBanners />);
    expect(
      screen.getByText(/^Échec de l’enregistrement automatique : le stockage du navigateur est plein/),
    ).toBeTruthy();
  });

  it('worker results and stops are named on the main thread, numbers in the locale', async () => {
    const client = createPreviewClient(null);
    await setLocale('fr', false);
    const parsed = await client.parseSample('p1', JSON.stringify({ a: 1, b: 2 }));
    expect(parsed).toMatchObject({ ok: true, summary: 'objet avec 2 clés' });
    const envelope = await client.parseSample('p2', '{"members": []}', true);
    expect(envelope?.ok === false && envelope.error.message).toMatch(/^une enveloppe a la forme \{"headers"/);
    expect(stoppedMessage(t('engine.step.validate'), 'validation', 200)).toBe(
      'L’étape « Vérification de la spécification » a été arrêtée après 0,2 s (durée maximale d’une étape) : ' +
        'le processus de vérification a été redémarré.',
    );
    expect(undoCapNotice()).toBe(
      'L’annulation conserve les 200 dernières étapes : les étapes plus anciennes ne peuvent plus être annulées.',
    );
    client.dispose();
  });

  it('English keeps the words it had, with grouped counts', async () => {
    const client = createPreviewClient(null);
    const parsed = await client.parseSample('p1', JSON.stringify(Array.from({ length: 1234 }, () => 0)));
    expect(parsed).toMatchObject({ ok: true, summary: 'array of 1,234 items' });
    const envelope = await client.parseSample('p2', '{"headers": {"a": {"b": 1}}, "body": 1}', true);
    expect(envelope?.ok === false && envelope.error.message).toBe(
      'an envelope is {"headers": {"name": "value", …}, "body": <the response body>}; header "a" must be a string, not {"b":1}',
    );
    client.dispose();
  });
});
