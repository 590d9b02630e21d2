/**
 * Editor sync (F1–F4) in real Chromium with real Monaco. F5 and F6 are pinned at the app tier
 * (tests/hostile/app/f-sync.test.tsx), where the texts can be diffed byte for byte.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  monacoValue,
  nameField,
  openEditorPage,
  openExample,
  typeInJson,
  until,
  waitForMonaco,
} from '../../e2e/editor.helpers';
import type { Harness } from '../../e2e/harness';

let h: Harness;
let page: Page;

beforeAll(async () => {
  ({ h, page } = await openEditorPage());
});
afterAll(async () => {
  await h?.close();
});

const storeText = () =>
  page.evaluate(
    () =>
      (
        window as unknown as { __specStudio: { store: { getState(): { text: string } } } }
      ).__specStudio.store.getState().text,
  );
const monacoArea = () => page.locator('.monaco-editor .monaco-scrollable-element').first();
/** 200 characters without quotes or brackets (Monaco would auto-close those). */
const BURST = Array.from({ length: 200 }, (_, i) => 'abcdefghij0123456789 '[i % 21]).join('');

describe('F: editor sync', () => {
  it('F1: invalid JSON typed in Monaco freezes the form with a banner; the text is never replaced', async () => {
    await openExample(page, 'MailChimp Members');
    await waitForMonaco(page, 'MailChimp Members source');
    const broken = '{"name": "half typed", "description": }';
    await typeInJson(page, broken);
    await page.getByText(/Invalid JSON at line 1/).waitFor();
    await page.waitForTimeout(1200); // past every debounce: nothing rewrites the text
    expect(await monacoValue(page)).toBe(broken);
    expect(await storeText()).toBe(broken);
    expect(await nameField(page).isEditable()).toBe(false);
    expect(await nameField(page).inputValue()).toBe('MailChimp Members source');
  });

  it('F4: a form edit while the text is invalid is impossible (read-only), so nothing is overwritten', async () => {
    const broken = (await monacoValue(page)) ?? '';
    expect(broken).toMatch(/description": }$/);
    await nameField(page).click({ force: true });
    await page.keyboard.type('XYZ');
    await page.waitForTimeout(500);
    expect(await monacoValue(page)).toBe(broken);
    expect(await nameField(page).inputValue()).toBe('MailChimp Members source');
  });

  it('F2: 200 characters typed fast into Monaco inside a value: none dropped, no cursor jump', async () => {
    await typeInJson(page, '{"name": "X"}');
    await until(() => nameField(page).inputValue(), 'X');
    await monacoArea().click({ position: { x: 120, y: 12 } });
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type(BURST, { delay: 0 });
    const expected = `{"name": "X${BURST}"}`;
    await until(() => monacoValue(page), expected);
    await until(() => storeText(), expected);
    await until(() => nameField(page).inputValue(), `X${BURST}`);
  });

  it('F2: 200 characters typed fast into a form field while Monaco follows: none dropped, caret stays at the end', async () => {
    await typeInJson(page, '{"name": "Y"}');
    await until(() => nameField(page).inputValue(), 'Y');
    await nameField(page).click();
    await page.keyboard.press('End');
    await page.keyboard.type(BURST, { delay: 0 });
    await until(() => nameField(page).inputValue(), `Y${BURST}`);
    const caret = await nameField(page).evaluate((el) => (el as HTMLInputElement).selectionStart);
    expect(caret).toBe(1 + BURST.length);
    await until(() => monacoValue(page), `{"name": "Y${BURST}"}`);
  });

  it('F3: a form edit, then Ctrl+Z in Monaco: one undo step reverts exactly that edit', async () => {
    await openExample(page, 'MailChimp Members');
    const before = await waitForMonaco(page, 'MailChimp Members source');
    await page.waitForTimeout(1100); // a new undo step (edits within 1 s coalesce)
    await nameField(page).fill('Edited in the form');
    const after = await waitForMonaco(page, 'Edited in the form');
    expect(after).toBe(before.replace('"MailChimp Members source"', '"Edited in the form"'));
    await monacoArea().click({ position: { x: 200, y: 40 } });
    await page.keyboard.press('ControlOrMeta+Z');
    await until(() => monacoValue(page), before);
    await page.keyboard.press('ControlOrMeta+Shift+Z');
    await until(() => monacoValue(page), after);
  });

  it('no console errors, nothing off 127.0.0.1', () => {
    expect(h.consoleErrors).toEqual([]);
    expect(h.offOrigin).toEqual([]);
  });
});
