/**
 * Live run in real Chromium against the real `spec-studio serve` (the e2e build, the CLI from
 * SPEC_STUDIO_BIN or dist-cli/) and the fake partner API (tests/server/fakeApi.ts): every target is
 * 127.0.0.1, allowed by --allow-private-hosts. Plus the disabled state under `vite preview`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FAKE_CREDENTIALS, liveSpec, startFakeApi, type FakeApi, type LiveSpecName } from '../server/fakeApi';
import { startHarness, type Harness } from './harness';

let h: Harness;
let api: FakeApi;
let page: Page;

type Doc = Record<string, unknown> & {
  sourceSpec: {
    attributes: { urlParams: Record<string, unknown>; paginationParams: Record<string, unknown> };
  };
};

/** Puts a spec into the app through the e2e test hook and opens the Live run tab. */
async function loadSpec(
  p: Page,
  name: LiveSpecName,
  edit: (doc: Doc) => void = () => undefined,
): Promise<void> {
  const doc = liveSpec(name) as Doc;
  edit(doc);
  await p.evaluate(
    (text) => {
      (
        window as unknown as {
          __specStudio: { store: { getState(): { loadDocument(t: string, o: string): void } } };
        }
      ).__specStudio.store
        .getState()
        .loadDocument(text, 'file');
    },
    JSON.stringify(doc, null, 2),
  );
  await p.getByRole('tab', { name: /Live run/ }).click();
  await p.getByRole('toolbar', { name: 'Live run' }).waitFor();
}

const inputs = () => page.getByRole('form', { name: 'Run inputs' });
const fill = async (label: string, value: string) => {
  // the label is the name, then a required mark (" *")
  const box = inputs().getByLabel(new RegExp(`^${label}( \\*)?$`));
  await box.fill(value);
};
const button = (name: string) =>
  page.getByRole('toolbar', { name: 'Live run' }).getByRole('button', { name });
const stopBox = () => page.getByRole('status', { name: 'Live stop reason' });
const articles = () => page.getByRole('list', { name: 'Live requests' }).getByRole('article');
const sent = (path: string) => api.requests.filter((r) => r.url.startsWith(path));
const samples = () =>
  page.evaluate(() =>
    (
      window as unknown as {
        __specStudio: {
          store: {
            getState(): {
              samplePages: Array<{ origin: string; kept?: boolean; size: number; status: string }>;
            };
          };
        };
      }
    ).__specStudio.store
      .getState()
      .samplePages.map((p) => ({ origin: p.origin, kept: p.kept === true, size: p.size, status: p.status })),
  );

beforeAll(async () => {
  api = await startFakeApi();
  h = await startHarness({ serve: true });
  page = await h.newPage();
  await page.goto(`${h.baseUrl}/?e2e`);
  await page.getByRole('tab', { name: /Live run/ }).waitFor();
}, 60_000);

afterAll(async () => {
  await h?.close();
  await api?.close();
});

describe('Live run through spec-studio serve (real Chromium, fake API)', () => {
  it('Step sends one request at a time, from the live worker; Run goes on to the short page', async () => {
    await loadSpec(page, 'offset');
    await fill('host', api.origin);
    await button('Step').click();
    await page.getByRole('article', { name: 'Request 1 · page 1: 10 content items → 10 records' }).waitFor();
    expect(sent('/offset/items')).toHaveLength(1);
    expect(page.workers().some((w) => w.url().includes('live.worker'))).toBe(true);
    await button('Step').click();
    await page.getByRole('article', { name: /^Request 2 · page 2/ }).waitFor();
    expect(sent('/offset/items')).toHaveLength(2);
    await button('Run').click();
    await stopBox().waitFor();
    expect(await stopBox().textContent()).toContain('Short page');
    expect(sent('/offset/items').map((r) => new URL(r.url, api.origin).searchParams.get('offset'))).toEqual([
      '0',
      '10',
      '20',
    ]);
    expect(await articles().count()).toBe(3);
    // the live pages are samples (badged), and their 25 records are in the Records tab
    await page.getByRole('tab', { name: /Records/ }).click();
    await page.getByText('25 records from 3 pages').waitFor();
    expect(await page.getByRole('note').textContent()).toContain('3 pages from the live run');
    await page.getByRole('tab', { name: /Samples/ }).click();
    expect(await page.locator('.pv-pages .pv-badge-live').count()).toBe(3);
  });

  it('Keep as samples keeps the bodies exactly as received; the next run replaces only unkept pages', async () => {
    await page.getByRole('tab', { name: /Live run/ }).click();
    await button('Keep as samples (3)').click();
    const direct = await fetch(`${api.origin}/offset/items?limit=10&offset=20`).then((r) => r.arrayBuffer());
    const kept = await samples();
    expect(kept.map((p) => [p.origin, p.kept, p.status])).toEqual([
      ['live', true, 'ok'],
      ['live', true, 'ok'],
      ['live', true, 'ok'],
    ]);
    expect(kept[2]?.size).toBe(direct.byteLength);
    // max pages 2: a new run (its bound changed), two pages, stopped by max-pages
    await page.getByLabel('Max pages').fill('2');
    await button('Run').click();
    await stopBox().waitFor();
    expect(await stopBox().textContent()).toContain('Max pages reached');
    expect(await stopBox().textContent()).toContain('max-pages');
    await page.waitForFunction(() => document.querySelectorAll('.pv-live-exchange').length === 2);
    await expect
      .poll(async () => (await samples()).map((p) => p.kept))
      .toEqual([true, true, true, false, false]);
    await page.getByLabel('Max pages').fill('10');
  });

  it('a POINTER run ends normally when the next link is gone (no-pointer)', async () => {
    await loadSpec(page, 'pointer');
    await fill('host', api.origin);
    await button('Run').click();
    await stopBox().waitFor();
    expect(await stopBox().textContent()).toContain('No next-page pointer');
    expect(await articles().count()).toBe(3);
  });

  it('a 401: status, the API message and what to check; the password masked on screen until revealed', async () => {
    await loadSpec(page, 'basic');
    await fill('host', api.origin);
    await fill('username', FAKE_CREDENTIALS.username);
    await fill('password', 'wrong-pass-123');
    await button('Run').click();
    await stopBox().waitFor();
    const text = (await stopBox().textContent()) ?? '';
    expect(text).toContain('HTTP 401');
    expect(text).toContain('bad credentials');
    expect(text).toMatch(/What to check:.*credentials/);
    const basic = Buffer.from(`${FAKE_CREDENTIALS.username}:wrong-pass-123`).toString('base64');
    const body = () => page.locator('.pv-live').textContent();
    expect(await body()).not.toContain(basic);
    expect(await body()).toContain('Basic ••••');
    await page.getByRole('checkbox', { name: 'Reveal secrets' }).check();
    await page.getByText(`Basic ${basic}`).waitFor();
    await page.getByRole('checkbox', { name: 'Reveal secrets' }).uncheck();
    expect(h.serverLog.join('')).not.toContain('wrong-pass-123');
    expect(h.serverLog.join('')).not.toContain(basic);
  });

  it('the right credentials: pages through; a countdown during delayRequestMillis; Abort stops the wait', async () => {
    await loadSpec(page, 'basic', (doc) => {
      (doc.sourceSpec.attributes.paginationParams as Record<string, unknown>).delayRequestMillis = '20000';
    });
    await fill('host', api.origin);
    await fill('username', FAKE_CREDENTIALS.username);
    await fill('password', FAKE_CREDENTIALS.password);
    await button('Run').click();
    await page.getByRole('article', { name: /^Request 1 · page 1/ }).waitFor();
    const timer = page.getByRole('timer');
    await timer.waitFor();
    expect(await timer.textContent()).toMatch(
      /Waiting (20|1\d)\.\d s before the next request: delayRequestMillis/,
    );
    await button('Abort').click();
    await stopBox().waitFor();
    expect(await stopBox().textContent()).toContain('Aborted');
    expect(await articles().count()).toBe(1);
    expect(await page.locator('.pv-live').textContent()).not.toContain(FAKE_CREDENTIALS.password);
  });

  it('a 429 with Retry-After: a countdown, then the retry as its own request', async () => {
    await loadSpec(page, 'none', (doc) => {
      doc.sourceSpec.attributes.urlParams.path = '/r429/e2e/none/items';
    });
    await fill('host', api.origin);
    await button('Run').click();
    const timer = page.getByRole('timer');
    await timer.waitFor();
    expect(await timer.textContent()).toMatch(/the API asked to retry later \(Retry-After\)/);
    await stopBox().waitFor();
    expect(await stopBox().textContent()).toContain('One request (no pagination)');
    expect(await articles().evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual([
      'Request 1 · to be sent again (Retry-After)',
      'Request 2 · page 1: 25 content items → 25 records',
    ]);
    expect(await page.getByLabel('Response to request 1').textContent()).toContain('429');
  });

  it('a redirect followed by the server is listed with its exchange', async () => {
    await loadSpec(page, 'none', (doc) => {
      doc.sourceSpec.attributes.urlParams.path = '/redirect/same';
    });
    await fill('host', api.origin);
    await button('Run').click();
    await stopBox().waitFor();
    const redirects = page.getByRole('list', { name: 'Redirects followed' });
    expect((await redirects.textContent())?.replace(/\s+/g, ' ')).toBe(`302 → ${api.origin}/none/items`);
    expect(await articles().count()).toBe(1);
  });

  it('stays on loopback and quiet', () => {
    expect(h.offOrigin).toEqual([]);
    expect(h.consoleErrors).toEqual([]);
  });
});

describe('Live run without the server (vite preview)', () => {
  it('is disabled with one line saying how to start the server; the preview still works', async () => {
    const preview = await startHarness();
    try {
      const p = await preview.newPage();
      await p.goto(`${preview.baseUrl}/?e2e`);
      await loadSpec(p, 'offset');
      const note = p.getByRole('note');
      await note.waitFor();
      expect(await note.textContent()).toMatch(/^Live run needs Spec Studio’s local server: run npm start/);
      for (const name of ['Step', 'Run', 'Abort'])
        expect(
          await p.getByRole('toolbar', { name: 'Live run' }).getByRole('button', { name }).isDisabled(),
        ).toBe(true);
      await p.getByRole('tab', { name: /Requests/ }).click();
      await p.getByRole('status', { name: 'Stop reason' }).waitFor();
      expect(preview.consoleErrors).toEqual([]);
      expect(preview.requests.filter((u) => u.includes('/api/'))).toEqual([`${preview.baseUrl}/api/status`]);
    } finally {
      await preview.close();
    }
  }, 60_000);
});
