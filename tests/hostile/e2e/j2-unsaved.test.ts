/**
 * Issue 12 items 7 and 8 in real Chromium: the title bar says whether edits are saved (storage full,
 * follower tab), closing a tab with unsaved edits asks first (and only then), and a reload with
 * invalid JSON keeps the form on the last valid document: no lost edit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialog, Page } from 'playwright-core';
import {
  monacoValue,
  nameField,
  openExample,
  showSourceSection,
  until,
  waitForMonaco,
} from '../../e2e/editor.helpers';
import { startHarness, type Harness } from '../../e2e/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function open(init?: string): Promise<Page> {
  const page = await h.newPage();
  if (init) await page.addInitScript(init);
  await page.goto(`${h.baseUrl}/?e2e`);
  await waitForMonaco(page);
  await showSourceSection(page);
  return page;
}

const clearStorage = async () => {
  const p = await h.newPage();
  await p.goto(`${h.baseUrl}/examples/acme-orders.json`);
  await p.evaluate(() => localStorage.clear());
  await p.close();
};

const saveStatus = (p: Page) => p.getByTestId('save-status').textContent();

/** Closes the page as the user would (beforeunload runs); returns the prompt type, or null. */
async function closeAsked(page: Page): Promise<string | null> {
  let asked: string | null = null;
  const onDialog = (d: Dialog) => {
    asked = d.type();
    void d.accept();
  };
  page.on('dialog', onDialog);
  const closed = new Promise<void>((r) => page.once('close', () => r()));
  await page.close({ runBeforeUnload: true });
  await closed;
  return asked;
}

describe('item 7: "autosaved" is true', () => {
  it('saved edits: "Edited · autosaved", closing asks nothing', async () => {
    await clearStorage();
    const page = await open();
    await nameField(page).fill('Saved for real');
    await until(() => saveStatus(page), 'Edited · autosaved');
    await until(
      () =>
        page.evaluate(() => localStorage.getItem('spec-studio:session')?.includes('Saved for real') ?? false),
      true,
    );
    expect(await closeAsked(page)).toBeNull();
  });

  it('storage full: the title bar says so and closing asks before losing the edits', async () => {
    await clearStorage();
    const page = await open(`
      const real = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (String(k).startsWith('spec-studio:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return real.call(this, k, v);
      };`);
    await nameField(page).fill('Typed with a full disk');
    await until(() => saveStatus(page), 'Edited · not saved: storage is full');
    expect(await closeAsked(page)).toBe('beforeunload');
  });

  it('second tab of a spec (follower): "not saved: open in another tab" and a prompt; the writer closes freely', async () => {
    await clearStorage();
    const writer = await open();
    await openExample(writer, 'MailChimp Members');
    await nameField(writer).fill('Shared spec');
    await until(() => saveStatus(writer), 'Edited · autosaved');
    await until(
      () =>
        writer.evaluate(() => localStorage.getItem('spec-studio:session')?.includes('Shared spec') ?? false),
      true,
    );

    const follower = await open();
    await follower.getByRole('alert').filter({ hasText: 'open in another tab' }).waitFor();
    await nameField(follower).fill('Typed in the second tab');
    await until(() => saveStatus(follower), 'Edited · not saved: open in another tab');
    expect(await closeAsked(follower)).toBe('beforeunload');
    expect(await closeAsked(writer)).toBeNull();
  });
});

describe('item 8: reload with invalid JSON', () => {
  it('restores the invalid text AND the last valid document in the form (not a blank form)', async () => {
    await clearStorage();
    const page = await open();
    await openExample(page, 'MailChimp Members');
    await nameField(page).fill('Last valid name');
    const valid = await waitForMonaco(page, 'Last valid name');
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText(',');
    await until(async () => (await monacoValue(page)) !== valid, true);
    const broken = (await monacoValue(page)) ?? '';
    // Autosaved: the session on disk holds the broken text (what a reload restores).
    const savedText = () =>
      page.evaluate(
        () =>
          (
            JSON.parse(localStorage.getItem('spec-studio:session') ?? 'null') as {
              state?: { text?: string };
            } | null
          )?.state?.text,
      );
    await until(savedText, broken);

    await page.reload();
    await waitForMonaco(page);
    await showSourceSection(page);
    expect(await monacoValue(page)).toBe(broken);
    expect(await nameField(page).inputValue()).toBe('Last valid name');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Last valid name');
    await page.close();
  });

  it('no page errors, nothing off 127.0.0.1', () => {
    // Chromium asks the static JSON page used to clear storage for /favicon.ico (there is none: 404).
    const expected = (e: string) => /quota/i.test(e) || /404 \(Not Found\)/.test(e);
    expect(h.consoleErrors.filter((e) => !expected(e))).toEqual([]);
    expect(h.offOrigin).toEqual([]);
  });
});
