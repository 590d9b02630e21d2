import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';

/** The Monaco model's text, read through the test hook (`window.__specStudio`, in the e2e build only). */
export const monacoValue = (p: Page) =>
  p.evaluate(() => {
    const hook = (window as unknown as { __specStudio?: { monacoValue?: () => string } }).__specStudio;
    return hook?.monacoValue ? hook.monacoValue() : null;
  });

/** Polls `read` until it returns `expected` (or fails with the last value after `timeout` ms). */
export async function until<T>(read: () => Promise<T>, expected: T, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  let last: T = await read();
  while (last !== expected) {
    if (Date.now() > end) expect(last).toBe(expected);
    await new Promise((r) => setTimeout(r, 50));
    last = await read();
  }
}

/** Waits for the editor to show a text (containing `includes`, when given) and returns it. */
export async function waitForMonaco(p: Page, includes?: string): Promise<string> {
  await p.locator('.monaco-editor .view-lines').first().waitFor();
  let value: string | null = null;
  await until(async () => {
    value = await monacoValue(p);
    return value !== null && (includes === undefined || value.includes(includes));
  }, true);
  return value ?? '';
}

/** Shows the form's first section (where the spec's Name field is). */
export async function showSourceSection(p: Page): Promise<void> {
  await p
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: /^Source/ })
    .click();
}

/** Start → Example: <title>, then the Source section. */
export async function openExample(p: Page, title: string): Promise<void> {
  await p.getByRole('button', { name: 'Start' }).click();
  await p.getByRole('menuitem', { name: new RegExp(`^Example: ${title}`) }).click();
  await showSourceSection(p);
}

/** Replaces the whole Monaco text by typing (single line: no auto-closing surprises). */
export async function typeInJson(p: Page, text: string): Promise<void> {
  await p
    .locator('.monaco-editor .monaco-scrollable-element')
    .first()
    .click({ position: { x: 120, y: 12 } });
  await p.keyboard.press('ControlOrMeta+A');
  await p.keyboard.press('Delete');
  await p.keyboard.insertText(text);
}

/** The spec's Name field in the form. */
export const nameField = (p: Page) => p.getByLabel('Name', { exact: true });

/** Starts the harness and opens the app (`?e2e`, Monaco ready): the shared setup of the editor suites. */
export async function openEditorPage(): Promise<{ h: Harness; page: Page }> {
  const h = await startHarness();
  const page = await h.newPage();
  await page.goto(`${h.baseUrl}/?e2e`);
  await waitForMonaco(page);
  return { h, page };
}
