/**
 * Issue 14 §2 and §3 in the browser: a share link copied in one profile opens in a fresh one as a new
 * library document without its secrets; a damaged link says so and changes nothing; a form edit shows
 * in Changes (summary + side-by-side diff) and Revert undoes it as one undo step.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactSecrets, secretValuePointers, type JsonValue } from '../../src/core';
import { nameField, openEditorPage, openExample, until, waitForMonaco } from './editor.helpers';
import { CHROMIUM, CHROMIUM_ARGS, type Harness } from './harness';

let h: Harness;
let page: Page;

beforeAll(async () => {
  ({ h, page } = await openEditorPage());
});

afterAll(async () => {
  await h?.close();
});

interface Hook {
  __specStudio: {
    store: {
      getState: () => {
        text: string;
        docId: string;
        setText: (t: string) => void;
        undo: () => boolean;
        redo: () => boolean;
      };
    };
  };
}
const storeText = (p: Page) =>
  p.evaluate(() => (window as unknown as Hook).__specStudio.store.getState().text);
const libraryIds = (p: Page) =>
  p.evaluate(() => {
    const raw = localStorage.getItem('spec-studio:library');
    const entries = raw ? (JSON.parse(raw) as { entries: Array<{ id: string }> }).entries : [];
    return entries.map((e) => e.id);
  });
const toastText = (p: Page) => p.locator('.toast').allInnerTexts();

describe('share links', () => {
  it('copies a link that opens in a fresh profile as a new document, secrets blanked', async () => {
    await openExample(page, 'MailChimp Members');
    await waitForMonaco(page, 'MailChimp Members');
    // Give the spec a secret value: a password field with a default.
    await page.evaluate(() => {
      const s = (window as unknown as Hook).__specStudio.store.getState();
      const doc = JSON.parse(s.text) as {
        authSpec: Array<{ spec: { properties: Record<string, unknown> } }>;
      };
      const auth = doc.authSpec[0];
      if (auth)
        auth.spec.properties['apiSecret'] = { type: 'string', format: 'password', default: 'hunter2-xyz' };
      s.setText(JSON.stringify(doc, null, 2));
    });
    const sent = await storeText(page);
    expect(sent).toContain('hunter2-xyz');

    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: /Copy share link/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Share link' });
    await dialog.getByText('The link was copied to the clipboard.').waitFor();
    const shown = await dialog.getByLabel('Share link').inputValue();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(shown);
    expect(copied).toMatch(/#share=1\.[A-Za-z0-9_-]+$/);
    expect(copied).not.toContain('hunter2');
    await expect(dialog.getByText(/1 secret value was blanked/).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: '/tmp/a7-share-light.png' });
    await dialog.getByRole('button', { name: 'Close' }).first().click();

    const profile = await mkdtemp(join(tmpdir(), 'a7-fresh-'));
    const fresh = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
      locale: 'en-US',
    });
    try {
      const p2 = await fresh.newPage();
      await p2.goto(copied);
      await p2
        .getByText(/Opened the shared spec “MailChimp Members.*” as a new document in the library/)
        .waitFor();
      await waitForMonaco(p2, 'MailChimp Members');
      const expected = redactSecrets(sent, secretValuePointers(JSON.parse(sent) as JsonValue));
      await until(() => storeText(p2), expected);
      expect(await storeText(p2)).not.toContain('hunter2');
      // A new document, in the library, and nothing else there; the fragment is gone from the address bar.
      const docId = await p2.evaluate(() => (window as unknown as Hook).__specStudio.store.getState().docId);
      expect(await libraryIds(p2)).toEqual([docId]);
      expect(await p2.evaluate(() => location.hash)).toBe('');
      // A truncated link (hashchange while open) says so and changes nothing.
      const cut = copied.slice(copied.indexOf('#'), -20);
      await p2.evaluate((hash) => (location.hash = hash), cut);
      await until(async () => (await toastText(p2)).some((t) => /damaged or incomplete/.test(t)), true);
      expect(await storeText(p2)).toBe(expected);
      expect(await libraryIds(p2)).toEqual([docId]);
      // So does a link in bad base64.
      await p2.evaluate(() => (location.hash = '#share=1.%%%not-base64'));
      await until(
        async () => (await toastText(p2)).filter((t) => /damaged or incomplete/.test(t)).length >= 1,
        true,
      );
      expect(await storeText(p2)).toBe(expected);
      expect(await libraryIds(p2)).toEqual([docId]);
      await p2.screenshot({ path: '/tmp/a7-share-opened.png' });
    } finally {
      await fresh.close();
      await rm(profile, { recursive: true, force: true });
    }
  });
});

describe('changes since the original', () => {
  const changesButton = () => page.getByRole('button', { name: /^Changes since the original: \d+$/ });

  it('shows a form edit in the summary and the diff; Revert restores it in one undo step', async () => {
    await openExample(page, 'MailChimp Members');
    // The example replaces the previous test's edited copy (which had a secret field added).
    await until(async () => (await storeText(page)).includes('apiSecret'), false);
    const original = await storeText(page);
    await until(() => changesButton().getAttribute('aria-label'), 'Changes since the original: 0');

    await nameField(page).fill('Members renamed');
    await until(() => changesButton().getAttribute('aria-label'), 'Changes since the original: 1');
    const edited = await storeText(page);

    await changesButton().click();
    const dialog = page.getByRole('dialog', { name: 'Changes since the original' });
    await dialog.getByText('1 change since the original', { exact: false }).waitFor();
    const entry = dialog
      .getByRole('listitem')
      .filter({ hasText: /^Changedname "MailChimp Members.*" → "Members renamed"/ });
    await expect(entry.count()).resolves.toBe(1);
    // The side-by-side diff: both sides rendered, the new name on the modified side.
    const diff = dialog.locator('.monaco-diff-editor');
    await diff.waitFor();
    // Monaco renders spaces as no-break spaces.
    const side = async (which: 'original' | 'modified') =>
      (await diff.locator(`.editor.${which} .view-lines`).innerText()).replace(/\u00a0/g, ' ');
    await until(async () => (await side('modified')).includes('Members renamed'), true);
    await until(async () => (await side('original')).includes('MailChimp Members'), true);
    await page.waitForTimeout(300);
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.waitForTimeout(200);
      await page.screenshot({ path: `/tmp/a7-changes-${colorScheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1440, height: 900 });

    await entry.getByRole('button', { name: /^Revert/ }).click();
    await until(() => storeText(page), original);
    await dialog.getByText('No changes since the original.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).first().click();

    // One undo step brings the edit back, exactly; redo reverts again.
    await page.getByRole('button', { name: 'Undo' }).click();
    await until(() => storeText(page), edited);
    await page.getByRole('button', { name: 'Redo' }).click();
    await until(() => storeText(page), original);
  });

  it('jumps from a summary entry to the place, and Mark as original resets the count', async () => {
    await nameField(page).fill('Another name');
    await until(() => changesButton().getAttribute('aria-label'), 'Changes since the original: 1');
    await changesButton().click();
    const dialog = page.getByRole('dialog', { name: 'Changes since the original' });
    await dialog
      .getByRole('button', { name: /^Changed ?name "MailChimp Members.*" → "Another name"/ })
      .click();
    await until(() => dialog.isVisible(), false);
    await until(
      () => page.evaluate(() => document.activeElement?.id ?? ''),
      await nameField(page).evaluate((el) => el.id),
    );

    await changesButton().click();
    await dialog.getByRole('button', { name: 'Mark as original' }).click();
    await dialog.getByText('No changes since the original.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await until(() => changesButton().getAttribute('aria-label'), 'Changes since the original: 0');
  });
});
