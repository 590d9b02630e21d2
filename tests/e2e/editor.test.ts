import { mkdir, readFile } from 'node:fs/promises';
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
} from './editor.helpers';
import type { Harness } from './harness';

let h: Harness;
let page: Page;
const FIXTURE = new URL('../fixtures/e2e/unknown-keys.json', import.meta.url).pathname;

beforeAll(async () => {
  ({ h, page } = await openEditorPage());
});

afterAll(async () => {
  await h?.close();
});

describe('editor shell', () => {
  it('loads an example; a form edit shows up in the JSON', async () => {
    await openExample(page, 'MailChimp Members');
    await waitForMonaco(page, 'MailChimp Members source');
    await until(() => nameField(page).inputValue(), 'MailChimp Members source');
    await nameField(page).fill('MailChimp Members (edited)');
    await waitForMonaco(page, '"name": "MailChimp Members (edited)"');
    const text = await monacoValue(page);
    expect(text).toContain('"offSetName": "offset"');
    expect(text).toMatch(/^\{\n {2}"name"/);
  });

  it('typing in the JSON shows up in the form', async () => {
    const doc = JSON.parse((await monacoValue(page)) ?? '{}') as Record<string, unknown>;
    doc.name = 'Typed in JSON';
    await typeInJson(page, JSON.stringify(doc));
    await until(() => nameField(page).inputValue(), 'Typed in JSON');
    expect(await monacoValue(page)).toBe(JSON.stringify(doc));
  });

  it('invalid JSON keeps the form on the last valid doc and the text as typed', async () => {
    const before = (await monacoValue(page)) ?? '';
    const broken = before.replace(/\}$/, '');
    await typeInJson(page, broken);
    await page.getByText(/Invalid JSON at line/).waitFor();
    expect(await nameField(page).inputValue()).toBe('Typed in JSON');
    expect(await monacoValue(page)).toBe(broken);
    await typeInJson(page, before);
    await until(() => page.getByText(/Invalid JSON at line/).count(), 0);
  });

  it('undo goes across a form edit and a JSON edit, in Monaco and anywhere in the app', async () => {
    await openExample(page, 'Pulse events');
    const original = await waitForMonaco(page, 'Pulse Events source');
    await nameField(page).fill('Pulse (form edit)');
    const afterForm = await waitForMonaco(page, 'Pulse (form edit)');
    await page.waitForTimeout(1100);
    await page
      .locator('.monaco-editor .monaco-scrollable-element')
      .first()
      .click({ position: { x: 120, y: 12 } });
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText('\n');
    const afterJson = (await monacoValue(page)) ?? '';
    expect(afterJson).not.toBe(afterForm);
    await page.keyboard.press('ControlOrMeta+Z');
    await until(() => monacoValue(page), afterForm);
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('ControlOrMeta+Z');
    await until(() => monacoValue(page), original);
    await until(() => nameField(page).inputValue(), 'Pulse Events source');
    await page.keyboard.press('ControlOrMeta+Shift+Z');
    await until(() => monacoValue(page), afterForm);
  });

  it('imports a file with unknown keys; the download is equal in value', async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('menuitem', { name: 'Open file…' }).click();
    await (await chooser).setFiles(FIXTURE);
    const original = await readFile(FIXTURE, 'utf8');
    await waitForMonaco(page, 'x-team-notes');
    expect(await monacoValue(page)).toBe(original);
    await page.getByText('This spec has fields shown only in JSON').waitFor();
    await page.getByRole('button', { name: 'Export' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Download Import with extras.json' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Import with extras.json');
    const saved = await readFile((await file.path()) ?? '', 'utf8');
    expect(JSON.parse(saved)).toEqual(JSON.parse(original));
    expect(saved).toBe(original);
  });

  it('copy produces the document shown', async () => {
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'Copy JSON' }).click();
    await page.getByText(/Copied the JSON/).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await monacoValue(page));
  });

  it('edit, reload: text and section come back', async () => {
    await openExample(page, 'Acme orders');
    await waitForMonaco(page, 'Acme Orders source');
    await nameField(page).fill('Acme after reload');
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: /Pagination/ })
      .click();
    const text = await waitForMonaco(page, 'Acme after reload');
    await page.waitForTimeout(1200);
    await page.reload();
    await waitForMonaco(page, 'Acme after reload');
    expect(await monacoValue(page)).toBe(text);
    const current = page.getByRole('navigation', { name: 'Sections' }).locator('[aria-current="true"]');
    expect(await current.textContent()).toMatch(/Pagination/);
  });

  it('takes light and dark screenshots with the MailChimp example', async () => {
    await mkdir('/tmp/shots', { recursive: true });
    await openExample(page, 'MailChimp Members');
    await waitForMonaco(page, 'MailChimp Members source');
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: /Pagination/ })
      .click();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.waitForTimeout(400);
      await page.screenshot({ path: `/tmp/shots/editor-${colorScheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: '/tmp/shots/editor-1280.png' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('stays on 127.0.0.1 and logs no console errors', () => {
    expect(h.offOrigin).toEqual([]);
    // Monaco and validation run in bundled local workers.
    for (const worker of ['validate.worker', 'jsonWorker', 'editor.worker']) {
      expect(h.requests.some((u) => u.includes(worker))).toBe(true);
    }
    expect(h.consoleErrors).toEqual([]);
  });
});
