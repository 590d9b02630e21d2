/**
 * Persistence and concurrency (E1–E8) in real Chromium: storage faults injected with init scripts,
 * two tabs of one browser context on the same spec, and a tab crashed mid-edit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { nameField, showSourceSection, until, waitForMonaco } from '../../e2e/editor.helpers';
import { startHarness, type Harness } from '../../e2e/harness';

let h: Harness;
const SESSION_KEY = 'spec-studio:session';

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** A fresh page of the app (same browser context: same localStorage). */
async function open(init?: string): Promise<Page> {
  const page = await h.newPage();
  if (init) await page.addInitScript(init);
  await page.goto(`${h.baseUrl}/?e2e`);
  await waitForMonaco(page);
  await showSourceSection(page);
  return page;
}

const storeText = (p: Page) =>
  p.evaluate(() => {
    const hook = (window as unknown as { __specStudio: { store: { getState(): { text: string } } } })
      .__specStudio;
    return hook.store.getState().text;
  });
const raw = (p: Page, key: string) => p.evaluate((k) => localStorage.getItem(k), key);
const clearStorage = async () => {
  const p = await h.newPage();
  // A static file of the same origin: the app does not run there, so nothing writes back.
  await p.goto(`${h.baseUrl}/examples/acme-orders.json`);
  await p.evaluate(() => localStorage.clear());
  await p.close();
};

describe('E: persistence in the browser', () => {
  it('E1: quota exceeded on every write → typing goes on, a non-blocking warning offers Export', async () => {
    await clearStorage();
    const page = await open(`
      const real = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (String(k).startsWith('spec-studio:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return real.call(this, k, v);
      };`);
    await nameField(page).fill('Typed with a full disk');
    const alert = page.getByRole('alert').filter({ hasText: 'storage is full' });
    await alert.waitFor();
    // Non-blocking: the form still takes input, and the text is all there.
    await nameField(page).fill('Typed with a full disk, still typing');
    await waitForMonaco(page, 'Typed with a full disk, still typing');
    const download = page.waitForEvent('download');
    await alert.getByRole('button', { name: 'Export' }).click();
    const file = await download;
    const path = await file.path();
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(path, 'utf8')).toBe(await storeText(page));
    await page.close();
  });

  it('E2: storage blocked (SecurityError on access) → memory-only banner, the app still works', async () => {
    const page = await open(`
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });`);
    await page.getByRole('alert').filter({ hasText: 'in memory only' }).waitFor();
    await nameField(page).fill('Memory only');
    await waitForMonaco(page, 'Memory only');
    expect(h.consoleErrors.filter((e) => /SecurityError/.test(e))).toEqual([]);
    await page.close();
  });

  it('E3: a truncated saved session is kept under a backup key; the app starts from defaults and says so', async () => {
    await clearStorage();
    const truncated = '{"state":{"text":"{\\"name\\": \\"Half wri';
    const page = await open(
      `if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); localStorage.setItem('${SESSION_KEY}', ${JSON.stringify(truncated)}); }`,
    );
    await page.getByRole('alert').filter({ hasText: 'started from defaults' }).waitFor();
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('backup')));
    expect(keys).toHaveLength(1);
    expect(await raw(page, keys[0] ?? '')).toBe(truncated);
    await page.close();
  });

  it('E4: a session from a newer version is left untouched and autosave does not write over it', async () => {
    await clearStorage();
    const newer = JSON.stringify({ version: 7, state: { text: '{"name": "future"}', more: [1] } });
    const page = await open(
      `if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); localStorage.setItem('${SESSION_KEY}', ${JSON.stringify(newer)}); }`,
    );
    await page.getByRole('alert').filter({ hasText: 'newer version' }).waitFor();
    await nameField(page).fill('Typed in the older app');
    await page.waitForTimeout(700);
    await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    expect(await raw(page, SESSION_KEY)).toBe(newer);
    await page.close();
  });

  it('E5: a second tab on the same spec is told, never overwrites, and can take over', async () => {
    await clearStorage();
    const a = await open();
    await nameField(a).fill('Tab A wrote this');
    await until(async () => (await raw(a, SESSION_KEY))?.includes('Tab A wrote this') ?? false, true);
    const b = await open();
    // B restored A's session (same document) and is not its writer.
    await waitForMonaco(b, 'Tab A wrote this');
    const banner = b.getByRole('alert').filter({ hasText: 'open in another tab' });
    await banner.waitFor();
    // The writer is told too, without being blocked.
    await a.getByRole('status').filter({ hasText: 'This tab saves it' }).waitFor();
    await nameField(b).fill('Tab B typed this');
    await b.waitForTimeout(1500);
    await b.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    expect(await raw(a, SESSION_KEY)).toContain('Tab A wrote this');
    expect(await raw(a, SESSION_KEY)).not.toContain('Tab B typed this');
    // A is still the writer and keeps saving.
    await nameField(a).fill('Tab A again');
    await until(async () => (await raw(a, SESSION_KEY))?.includes('Tab A again') ?? false, true);
    // B takes over: A is told, B's version is saved.
    await banner.getByRole('button', { name: 'Take over here' }).click();
    await a.getByRole('alert').filter({ hasText: 'open in another tab' }).waitFor();
    await until(async () => (await raw(b, SESSION_KEY))?.includes('Tab B typed this') ?? false, true);
    await nameField(a).fill('A after losing the lock');
    await a.waitForTimeout(700);
    expect(await raw(a, SESSION_KEY)).not.toContain('A after losing the lock');
    await a.close();
    await b.close();
  });

  it('E6: a tab crashed mid-edit loses at most the debounce; recovery is offered on the next load', async () => {
    await clearStorage();
    const page = await open();
    await nameField(page).fill('Saved to the library');
    await page.waitForTimeout(1500); // the library copy is written (1 s debounce)
    await nameField(page).fill('Last keystrokes before the crash');
    // Wait for the session autosave (300 ms debounce) rather than a fixed delay, so a loaded machine
    // cannot make the test crash the tab before the save it is about to check.
    await until(
      async () => (await raw(page, SESSION_KEY))?.includes('Last keystrokes before the crash') ?? false,
      true,
    );
    const firstDocId = await page.evaluate(
      () =>
        (
          window as unknown as { __specStudio: { store: { getState(): { docId: string } } } }
        ).__specStudio.store.getState().docId,
    );
    // On a slow machine the 1 s library save may already have happened; recovery is then not needed.
    const libraryAlreadySaved =
      (await raw(page, `spec-studio:doc:${firstDocId}`))?.includes('Last keystrokes before the crash') ??
      false;
    // Kill the renderer: no pagehide, no beforeunload, no last flush.
    const cdp = await page.context().newCDPSession(page);
    const crashed = new Promise((r) => page.once('crash', r));
    void cdp.send('Page.crash').catch(() => {});
    await crashed;
    await page.close().catch(() => {});
    const next = await open();
    await waitForMonaco(next, 'Last keystrokes before the crash');
    if (!libraryAlreadySaved) {
      const offer = next.getByRole('status').filter({ hasText: 'Recovered unsaved changes' });
      await offer.waitFor();
      await offer.getByRole('button', { name: 'Keep restored changes' }).click();
    }
    const docId = await next.evaluate(
      () =>
        (
          window as unknown as { __specStudio: { store: { getState(): { docId: string } } } }
        ).__specStudio.store.getState().docId,
    );
    expect(await raw(next, `spec-studio:doc:${docId}`)).toContain('Last keystrokes before the crash');
    await next.close();
  });

  it('E8: persistent storage is requested; the library shows "never exported" until an export', async () => {
    await clearStorage();
    const page = await open(`
      window.__persistCalls = 0;
      if (navigator.storage && navigator.storage.persist) {
        const real = navigator.storage.persist.bind(navigator.storage);
        navigator.storage.persist = () => { window.__persistCalls++; return real(); };
      }`);
    expect(await page.evaluate(() => (window as unknown as { __persistCalls: number }).__persistCalls)).toBe(
      1,
    );
    await nameField(page).fill('Remind me');
    await page.waitForTimeout(1300);
    await page.getByRole('button', { name: 'Library' }).click();
    await page.getByRole('note').filter({ hasText: 'is never exported' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Export' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: /^Download/ }).click();
    await download;
    await page.getByRole('button', { name: 'Library' }).click();
    const note = page.getByRole('note');
    await note.waitFor();
    expect(await note.textContent()).not.toMatch(/exported\./);
    await page.close();
  });
});
