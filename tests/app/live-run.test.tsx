// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkLiveServer, setLiveClient } from '../../src/features/preview/live/liveService';
import { PreviewPane } from '../../src/features/preview/PreviewPane';
import { setPreviewClient } from '../../src/features/preview/previewService';
import { persistOptions } from '../../src/store/persistConfig';
import { resetStore, useSpecStore } from '../../src/store';
import { createLiveClient } from '../../src/workers/liveClient';
import { createPreviewClient } from '../../src/workers/previewClient';
import { fakeSend, HOST, liveFixture, PASSWORD, type FakeSend } from './live.helpers';

const st = () => useSpecStore.getState();
let api: FakeSend;

function statusFetch(body: string, type = 'application/json'): typeof fetch {
  return () => Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': type } }));
}

async function openLive(fixture: string, server = true, send = fakeSend()) {
  api = send;
  setLiveClient(createLiveClient({ factory: null, send: send.send }));
  st().loadDocument(liveFixture(fixture), 'file');
  await checkLiveServer(
    server
      ? statusFetch('{"app":"spec-studio","version":"0.1.0","allowPrivateHosts":false}')
      : statusFetch('<!doctype html><title>Spec Studio</title>', 'text/html'),
  );
  render(<PreviewPane />);
  fireEvent.click(screen.getByRole('tab', { name: /Live run/ }));
  await screen.findByRole('toolbar', { name: 'Live run' });
}

const button = (name: string) => screen.getByRole('button', { name });
const type = async (label: RegExp | string, value: string) => {
  const form = await screen.findByRole('form', { name: 'Run inputs' });
  fireEvent.change(within(form).getByLabelText(label), { target: { value } });
};
const stopBox = () => screen.findByRole('status', { name: 'Live stop reason' });

beforeEach(() => {
  resetStore();
  setPreviewClient(createPreviewClient(null));
});
afterEach(() => {
  cleanup();
  setLiveClient(null);
  setPreviewClient(null);
});

describe('Live run tab', () => {
  it('without the local server: disabled, with one line saying how to start it', async () => {
    await openLive('offset', false);
    expect(st().liveServer.state).toBe('unavailable');
    expect(screen.getByRole('note').textContent).toBe(
      'Live run needs Spec Studio’s local server: run npm start (it runs spec-studio serve) and open the address it prints.',
    );
    for (const name of ['Step', 'Run', 'Abort']) expect(button(name)).toHaveProperty('disabled', true);
    // the rest of the preview still works
    fireEvent.click(screen.getByRole('tab', { name: /Requests/ }));
    expect(await screen.findByRole('list', { name: 'Simulated requests' })).toBeTruthy();
  });

  it('Run: every exchange, live pages into the samples and records, the normal stop in words', async () => {
    await openLive('offset');
    await type(/host/, HOST);
    fireEvent.click(button('Run'));
    const stop = await stopBox();
    expect(stop.textContent).toContain('Short page');
    expect(stop.textContent).toContain('short-page');
    const list = screen.getByRole('list', { name: 'Live requests' });
    expect(
      within(list)
        .getAllByRole('article')
        .map((a) => a.getAttribute('aria-label')),
    ).toEqual([
      'Request 1 · page 1: 10 content items → 10 records',
      'Request 2 · page 2: 10 content items → 10 records',
      'Request 3 · page 3: 5 content items → 5 records',
    ]);
    expect(within(list).getAllByText('200')).toHaveLength(3);
    await waitFor(() =>
      expect(st().samplePages.map((p) => [p.origin, p.status])).toEqual([
        ['live', 'ok'],
        ['live', 'ok'],
        ['live', 'ok'],
      ]),
    );
    await waitFor(() => expect(st().previewResult?.records.records).toBe(25));
    fireEvent.click(screen.getByRole('tab', { name: /Records/ }));
    expect((await screen.findByRole('note')).textContent).toContain('3 pages from the live run');
  });

  it('Step sends one request at a time; Keep as samples keeps them through the next run', async () => {
    await openLive('offset');
    await type(/host/, HOST);
    fireEvent.click(button('Step'));
    await waitFor(() => expect(st().live.busy).toBeNull());
    expect(api.sent).toHaveLength(1);
    fireEvent.click(button('Step'));
    await waitFor(() => expect(api.sent).toHaveLength(2));
    await waitFor(() => expect(st().samplePages.filter((p) => p.status === 'ok')).toHaveLength(2));
    fireEvent.click(button('Keep as samples (2)'));
    expect(st().samplePages.map((p) => p.kept)).toEqual([true, true]);
    // a new run (the inputs changed) drops only pages not kept
    await type(/host/, `${HOST}/`);
    fireEvent.click(button('Run'));
    await stopBox();
    await waitFor(() => expect(st().samplePages).toHaveLength(5));
    fireEvent.click(button('Step')); // after a stop: a new run, dropping the 3 unkept pages
    await waitFor(() => expect(st().live.busy).toBeNull());
    await waitFor(() => expect(st().samplePages.map((p) => p.kept ?? false)).toEqual([true, true, false]));
  });

  it('a 401: the status, the API message and what to check; the password masked until revealed', async () => {
    await openLive('basic');
    await type(/host/, HOST);
    await type(/Username|username/, 'partner');
    await type(/Password|password/, 'not-the-password');
    fireEvent.click(button('Run'));
    const stop = await stopBox();
    expect(stop.textContent).toContain('HTTP 401');
    expect(stop.textContent).toContain('bad credentials');
    expect(stop.textContent).toMatch(/What to check:.*credentials/);
    const card = screen.getByRole('article', { name: /Request 1/ });
    const basic = btoa('partner:not-the-password');
    expect(card.textContent).not.toContain(basic);
    expect(card.textContent).toContain('••••');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Reveal secrets' }));
    await waitFor(() =>
      expect(screen.getByRole('article', { name: /Request 1/ }).textContent).toContain(basic),
    );
    expect(api.sent).toHaveLength(1);
  });

  it('Abort stops a request that never answers', async () => {
    await openLive('offset', true, fakeSend({ hold: true }));
    await type(/host/, HOST);
    fireEvent.click(button('Run'));
    await waitFor(() => expect(api.sent).toHaveLength(1));
    expect(button('Abort')).toHaveProperty('disabled', false);
    fireEvent.click(button('Abort'));
    expect((await stopBox()).textContent).toContain('Aborted');
    await waitFor(() => expect(button('Run')).toHaveProperty('disabled', false));
  });

  it('a missing input is named before anything is sent', async () => {
    await openLive('offset');
    expect(screen.getByText(/^Required, still empty/).textContent).toBe('Required, still empty: host.');
    fireEvent.click(button('Run'));
    const stop = await stopBox();
    expect(stop.textContent).toContain('The run cannot start');
    expect(stop.textContent).toContain('host');
    expect(api.sent).toHaveLength(0);
  });

  it.each([
    ['access-token-1', 'Connection works', 'the credentials work'],
    ['stale-token', 'Connection test failed', 'token expired'],
  ])('Test connection with %s: %s', async (token, title, words) => {
    await openLive('oauth');
    await type(/^host/, HOST);
    await type(/^authorizationTestUrl/, `${HOST}/me`);
    await type(/^accessToken(\s*\*)?$/, token);
    fireEvent.click(button('Test connection'));
    const verdict = await screen.findByRole('status', { name: 'Connection test' });
    expect(verdict.textContent).toContain(title);
    expect(verdict.textContent).toContain(words);
    expect(api.sent.map((o) => o.request.url)).toEqual([`${HOST}/me`]);
    expect(screen.getByRole('article', { name: 'Connection test 1' }).textContent).toContain('Bearer ••••');
  });

  it('opening another spec clears the live run on screen', async () => {
    await openLive('offset');
    await type(/host/, HOST);
    fireEvent.click(button('Run'));
    await stopBox();
    act(() => st().loadDocument(liveFixture('none'), 'file'));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Live requests' })).toBeNull());
    expect(st().live.runId).toBe(0);
    expect(screen.queryByRole('status', { name: 'Live stop reason' })).toBeNull();
  });

  it('a wait shows a countdown', async () => {
    await openLive('offset');
    act(() => {
      st().beginLive(99, 'run', true);
      st().applyLiveEvent({ kind: 'wait', runId: 99, ms: 3000, why: 'retry-after' });
    });
    expect(screen.getByRole('timer').textContent).toMatch(
      /Waiting [23]\.\d s before the next request: the API asked to retry later \(Retry-After\)/,
    );
  });

  it('credentials used by a live run are not in the autosaved session', async () => {
    await openLive('basic');
    await type(/host/, HOST);
    await type(/Username|username/, 'partner');
    await type(/Password|password/, PASSWORD);
    fireEvent.click(button('Run'));
    await stopBox();
    const saved = JSON.stringify(persistOptions.partialize?.(st()));
    expect(saved).not.toContain(PASSWORD);
    expect(saved).not.toContain('partner:');
  });
});
