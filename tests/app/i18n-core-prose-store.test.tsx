// @vitest-environment happy-dom
/**
 * Text the store kept in the language of its time: toasts
 * follow a language switch, sample pages keep their summary and warnings as values (worded when
 * shown; old stored pages with text still show), and the live run's HTTP error and token refresh
 * stops carry diagnostic codes: English renders the core's message exactly, French differs.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  startLiveRun,
  type HttpRequest,
  type LiveAbortSignal,
  type LiveStop,
  type SpecModel,
} from '../../src/core';
import { Toasts } from '../../src/components/Toasts';
import { liveHintText, liveStopText } from '../../src/features/preview/coreText';
import { StopBox } from '../../src/features/preview/live/LiveStatus';
import {
  docSamplesSettled,
  flushDocSamples,
  followDocSamples,
  readStoredSamples,
} from '../../src/features/preview/docSamples';
import { addSamples, clearSamples, setPreviewClient } from '../../src/features/preview/previewService';
import { SamplePageList } from '../../src/features/preview/SamplePageList';
import { openShareFragment } from '../../src/features/share/shareLinkActions';
import { setLocale, t } from '../../src/i18n';
import { classifyOpenedText, readSpecFile } from '../../src/features/import-export/fileImport';
import { treeActions } from '../../src/features/preview/tree/treeActions';
import { same } from './i18n-same';
import { idbDelete, idbKeys, idbPut } from '../../src/lib/idb';
import { resetStore, useSpecStore } from '../../src/store';
import type { SamplePage } from '../../src/store/previewTypes';
import { createPreviewClient } from '../../src/workers/previewClient';
import {
  drive,
  fakeApi,
  json,
  partner,
  records,
  refreshParams,
  TOKEN_URL,
  type Reply,
} from '../core/live.helpers';
import { fixture } from './preview.helpers';

const st = () => useSpecStore.getState();

afterEach(async () => {
  cleanup();
  await setLocale('en', false);
});

function ToastsView() {
  const toasts = useSpecStore((s) => s.toasts);
  return <Toasts toasts={toasts} onDismiss={st().dismissToast} />;
}

describe('toasts follow the language', () => {
  beforeEach(() => {
    localStorage.clear();
    resetStore();
  });

  it('a toast made in English shows in French after the switch (a real caller, the real view)', async () => {
    // A damaged share link: the store's notify gets the words as a function.
    expect(
      openShareFragment('#share=7.AAAA', {
        beforeLoad: () => null,
        addSample: vi.fn(),
        confirm: () => false,
      }),
    ).toBe(true);
    render(<ToastsView />);
    const english = st().toasts.at(-1)?.message ?? '';
    expect(english).toMatch(/Your current spec is unchanged\.$/);
    expect(screen.getByRole('status').textContent).toContain(english);
    await act(() => setLocale('fr', false));
    const french = st().toasts.at(-1)?.message ?? '';
    expect(french).not.toBe(english);
    expect(french).toMatch(/inchangée|inchangé/);
    expect(screen.getByRole('status').textContent).toContain(french);
    expect(screen.getByRole('status').textContent).not.toContain(english);
  });

  it('a toast given as text (data: an API’s or a file’s words) shows as it is', async () => {
    st().notify('HTTP 500 from api.partner.test', 'error');
    st().notify(() => t('app.tabLock.taken'), 'warning');
    render(<ToastsView />);
    await act(() => setLocale('fr', false));
    const shown = screen.getByRole('status').textContent ?? '';
    expect(shown).toContain('HTTP 500 from api.partner.test');
    expect(shown).toContain(t('app.tabLock.taken'));
    expect(st().toasts.map((x) => x.tone)).toEqual(['error', 'warning']);
  });

  it('results other modules hand to a toast are worded when read (file import, tree actions)', async () => {
    const empty = { name: 'spec.json', size: 0, arrayBuffer: async () => new ArrayBuffer(0) };
    const r = await readSpecFile(empty);
    if (r.ok) throw new Error('an empty file opened');
    st().notify(() => r.message, 'error');
    const opened = classifyOpenedText('{"a": ', () => t('app.start.pastedSubject'));
    if (opened.action !== 'refuse') throw new Error('not refused');
    const [action] = treeActions({ pointer: '/members', value: [] }, {
      sample: { members: [] },
      attrs: {},
      contentPath: null,
      contentMatches: [],
    } as never);
    render(<ToastsView />);
    const english = [r.message, opened.message, action?.done() ?? ''];
    expect(english[0]).toBe('“spec.json” was not opened: the file is empty.');
    await act(() => setLocale('fr', false));
    const french = [r.message, opened.message, action?.done() ?? ''];
    french.forEach((text, i) => expect(text, english[i]).not.toBe(english[i]));
    expect(screen.getByRole('status').textContent).toContain(french[0]);
  });
});

describe('sample pages: summary and warnings worded when shown', () => {
  const SPEC = fixture('mailchimp.spec.json');

  beforeEach(async () => {
    const keys = await idbKeys('samples');
    if (keys.ok) for (const k of keys.value) await idbDelete('samples', k);
    localStorage.clear();
    resetStore();
    setPreviewClient(createPreviewClient(null));
  });

  afterEach(async () => {
    await flushDocSamples();
    clearSamples();
    setPreviewClient(null);
  });

  const parsed = () => vi.waitFor(() => expect(st().samplePages.every((p) => p.status === 'ok')).toBe(true));

  it('a page parsed in English shows its summary and warnings in French after a switch', async () => {
    addSamples([{ name: 'dup.json', origin: 'paste', source: '{"a": 1, "a": 2, "b": [1, 2], "c": 3}' }]);
    await parsed();
    const page = st().samplePages[0];
    // Values in the store, no words of a language.
    expect(page).toMatchObject({ shape: { type: 'object', count: 3 } });
    expect(page?.parseWarnings?.map((w) => w.code)).toEqual(['duplicate-key']);
    expect(page?.summary).toBeUndefined();
    expect(page?.warnings).toBeUndefined();
    render(<SamplePageList />);
    expect(screen.getByText('object with 3 keys')).toBeTruthy();
    const warning = document.querySelector('.pv-page-warnings li')?.textContent ?? '';
    expect(warning).toMatch(/^line 1, column 10: /);
    await act(() => setLocale('fr', false));
    expect(screen.getByText('objet avec 3 clés')).toBeTruthy();
    const french = document.querySelector('.pv-page-warnings li')?.textContent ?? '';
    expect(french).not.toBe(warning);
    expect(french).toMatch(/^ligne 1, colonne 10/);
  });

  it('an envelope page: the header count too', async () => {
    addSamples([
      {
        name: 'env.json',
        origin: 'paste',
        source: '{"headers": {"X-Total": "3"}, "body": [1, 2]}',
        envelope: true,
      },
    ]);
    await parsed();
    render(<SamplePageList />);
    expect(screen.getByText('array of 2 items + 1 header')).toBeTruthy();
    await act(() => setLocale('fr', false));
    expect(screen.queryByText('array of 2 items + 1 header')).toBeNull();
  });

  it('a page that is not an envelope: why, in the chosen language', async () => {
    addSamples([{ name: 'bad.json', origin: 'paste', source: '{"headers": [], "body": 1}', envelope: true }]);
    await vi.waitFor(() => expect(st().samplePages[0]?.status).toBe('error'));
    expect(st().samplePages[0]?.problem).toEqual({ code: 'headers-not-object' });
    render(<SamplePageList />);
    const english = screen.getByRole('alert').textContent ?? '';
    await act(() => setLocale('fr', false));
    expect(screen.getByRole('alert').textContent).not.toBe(english);
  });

  it('a page of an earlier version (summary and warnings as text) still shows them', () => {
    const old: SamplePage = {
      id: 'old-1',
      name: 'old.json',
      origin: 'paste',
      size: 20,
      status: 'ok',
      summary: 'object with 4 keys',
      warnings: ['line 1, column 9: duplicate key "a"'],
    };
    st().addSamplePages([old]);
    render(<SamplePageList />);
    expect(screen.getByText('object with 4 keys')).toBeTruthy();
    expect(screen.getByText('line 1, column 9: duplicate key "a"')).toBeTruthy();
  });

  it('an old stored page with text fields still loads (restored and parsed again) and shows', async () => {
    const meta = {
      id: 'o-1',
      name: 'stored.json',
      origin: 'paste',
      size: 8,
      status: 'ok',
      summary: 'objet avec 1 clé',
      warnings: ['ligne 1, colonne 2 : clé en double'],
    };
    const value = { version: 1, pages: [{ meta, source: '{"a": 1}' }], runInputs: {} };
    expect(readStoredSamples(value)?.pages.map((p) => p.meta.name)).toEqual(['stored.json']);
    await idbPut('samples', 'doc-old', value);
    const stop = followDocSamples();
    try {
      st().loadDocument(SPEC, 'library', { docId: 'doc-old' });
      await docSamplesSettled();
      await parsed();
      expect(st().samplePages.map((p) => p.name)).toEqual(['stored.json']);
      render(<SamplePageList />);
      expect(screen.getByText('object with 1 key')).toBeTruthy();
      expect(document.querySelector('.pv-page-warnings')).toBeNull();
    } finally {
      stop();
    }
  });
});

describe('live run: HTTP error and token refresh stops', () => {
  /** Data needs the new token; the token URL answers `tokenReply`. */
  const oauthApi =
    (tokenReply: Reply, onToken?: () => void) =>
    (req: HttpRequest): Reply => {
      if (req.url.startsWith(TOKEN_URL)) {
        onToken?.();
        return tokenReply;
      }
      if (req.headers['Authorization'] !== 'Bearer new-access-token-2')
        return json({ message: 'expired' }, 401);
      return json({ items: records(0, 3) });
    };

  async function stopOf(
    handler: (r: HttpRequest, i: number) => Reply,
    params: Record<string, string> = refreshParams,
    model: SpecModel = partner(),
    signal?: LiveAbortSignal,
  ): Promise<LiveStop> {
    const api = fakeApi(handler);
    const started = startLiveRun(model, { params, wait: () => Promise.resolve() }, api.send);
    if (!started.ok) throw new Error(started.stop.message);
    if (!signal) return (await drive(started.run)).stop;
    return (await started.run.step(signal)).stop as LiveStop;
  }

  const plain = { domain: 'acme', listId: 'L1', accessToken: 'old-access-token-1' };

  it('a 500, and 429s not retried or refused again: live-http-error', async () => {
    const stops = [
      await stopOf(() => ({ status: 500, raw: '<html><title>Oops</title></html>', headers: {} }), plain),
      await stopOf(() => ({ status: 502, raw: '', headers: {} }), plain),
      await stopOf(() => json({ message: 'slow down' }, 429), plain),
      await stopOf(() => json({ message: 'slow down' }, 429, { 'retry-after': '3600' }), plain),
      await stopOf(() => json({ message: 'slow down' }, 503, { 'retry-after': '1' }), plain),
    ];
    expect(stops.map((s) => s.message)).toEqual([
      'request 1: 500 Oops',
      'request 1: 502 Bad Gateway',
      'request 1: 429 slow down (no usable Retry-After, so it is not retried)',
      'request 1: 429 slow down (Retry-After 3600 s is more than 60 s, so it is not retried)',
      'request 1: 503 slow down (still refused after 3 retries)',
    ]);
    for (const s of stops) {
      expect(s.code).toBe('live-http-error');
      await same(() => liveStopText(s), s.message);
    }
  });

  it('401 and a failing refresh: live-refresh-failed, with why nested', async () => {
    const abort = new AbortController();
    const cases: Array<[string, LiveStop]> = [
      [
        'live-refresh-status',
        await stopOf(
          oauthApi(json({ error: 'invalid_grant', error_description: 'refresh token expired' }, 400)),
        ),
      ],
      ['token-answer-no-field', await stopOf(oauthApi(json({ token_type: 'bearer' })))],
      [
        'token-answer-not-json',
        await stopOf(oauthApi({ status: 200, raw: '<html>nope</html>', headers: {} })),
      ],
      ['token-unsendable', await stopOf(oauthApi(json({ access_token: 'new\u0007token' })))],
      ['token-unsendable', await stopOf(oauthApi(json({ access_token: 'new\ntoken' })))],
      [
        'sender',
        await stopOf(oauthApi({ ok: false, error: 'network-error', message: 'ECONNREFUSED', ms: 1 })),
      ],
      [
        'aborted',
        await stopOf(
          oauthApi(json({ access_token: 'new-access-token-2' }), () => abort.abort()),
          refreshParams,
          partner(),
          abort.signal,
        ),
      ],
    ];
    expect(cases.map(([, s]) => s.message)).toEqual([
      'request 1: 401, and the token refresh failed: accessTokenUrl answered 400 invalid_grant: refresh token expired',
      'request 1: 401, and the token refresh failed: the answer has no access_token string',
      'request 1: 401, and the token refresh failed: the answer is not JSON',
      'request 1: 401, and the token refresh failed: the new access token contains a control character (U+0007), which is not allowed in a header value',
      'request 1: 401, and the token refresh failed: the new access token contains a line break (CR or LF), which is not allowed in a header value',
      'request 1: 401, and the token refresh failed: ECONNREFUSED',
      'request 1: aborted during the token refresh',
    ]);
    for (const [inner, s] of cases) {
      if (inner === 'aborted') expect(s.code).toBe('live-refresh-aborted');
      else {
        expect(s.code).toBe('live-refresh-failed');
        if (inner !== 'sender') expect(s.params?.['reasonCode']).toBe(inner);
      }
      await same(() => liveStopText(s), s.message);
    }
    // The refresh's hint has its code and its message (the app words it: run.core.hint.refresh).
    const [, refused] = cases[0]!;
    expect(refused.hintCode).toBe('refresh');
    await same(() => t('run.core.hint.refresh'), refused.hint);
    await same(() => liveHintText(refused), refused.hint);
  });

  it('the new token cannot be used: token-unusable', async () => {
    // A lone surrogate passes the header check but cannot go into the query (UTF-8).
    const raw = '{"access_token": "new\\ud800token"}';
    const model = partner({
      urlParams: { ...partner().urlParams, queryParams: [['access_token', '${accessToken}']] },
    });
    const reply: Reply = { status: 200, raw, headers: { 'content-type': 'application/json' } };
    const s = await stopOf(oauthApi(reply), refreshParams, model);
    expect(s.message).toMatch(
      /^request 1: 401, and the token refresh failed: the new access token cannot be used: /,
    );
    expect(s.params?.['reasonCode']).toBe('token-unusable');
    expect(JSON.stringify(s)).not.toContain('\ud800');
    await same(() => liveStopText(s), s.message);
  });

  it('the stop box shows the stop in the chosen language', async () => {
    const s = await stopOf(oauthApi(json({ token_type: 'bearer' })));
    useSpecStore.setState({ live: { ...st().live, stop: s } });
    render(<StopBox />);
    expect(document.body.textContent).toContain(s.message);
    await act(() => setLocale('fr', false));
    expect(document.body.textContent).toContain('access_token');
    expect(document.body.textContent).not.toContain(s.message);
  });
});
