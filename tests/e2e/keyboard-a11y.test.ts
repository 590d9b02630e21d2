/**
 * Issue 13 items 2 and 3 in Chromium: the JSON view is safe from the keyboard (focus arriving by Tab
 * leaves no selection that a key overwrites, the next Tab leaves again, Esc then Tab always leaves, the
 * "Tab moves focus" mode has a visible hint), and Problems lists errors whatever the filter, with every
 * location (and the parse-error banner's line) jumping to the spot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { monacoValue, nameField, openEditorPage, openExample, until, waitForMonaco } from './editor.helpers';
import type { Harness } from './harness';

let h: Harness;
let page: Page;

beforeAll(async () => {
  ({ h, page } = await openEditorPage());
  await openExample(page, 'Zendesk');
  await waitForMonaco(page, 'Zendesk');
});

afterAll(async () => {
  await h?.close();
});

const inMonaco = (p: Page) => p.evaluate(() => !!document.activeElement?.closest('.monaco-editor'));

/** The text selected in Monaco, through the test hook (`window.__specStudio`, e2e build only). */
const monacoSelectedText = (p: Page) =>
  p.evaluate(() => {
    const hook = (window as unknown as { __specStudio?: { monacoSelection?: () => string } }).__specStudio;
    return hook?.monacoSelection ? hook.monacoSelection() : null;
  });

/** A click in the editor's first line (the cursor goes there, the focus comes in by mouse). */
const clickInMonaco = (p: Page) =>
  p
    .locator('.monaco-editor .view-lines')
    .first()
    .click({ position: { x: 60, y: 10 } });

/** Ctrl+M from inside the editor; the hint under it then reads `expected`. */
async function toggleTabMode(p: Page, expected: RegExp): Promise<void> {
  await clickInMonaco(p);
  await p.keyboard.press('Control+M');
  await expect.poll(() => p.getByTestId('tab-mode-hint').textContent()).toMatch(expected);
}

/** From a form field, Tab until the focus is in Monaco (the last form field reveals its own value). */
async function tabIntoMonaco(p: Page): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await p.keyboard.press('Tab');
    if (await inMonaco(p)) return;
  }
  throw new Error('Tab never reached the JSON editor');
}

describe('the JSON view from the keyboard (item 2)', () => {
  it('Tab into Monaco leaves no selection, and the next Tab leaves with the JSON unchanged', async () => {
    const before = await monacoValue(page);
    await nameField(page).click();
    await tabIntoMonaco(page);
    expect(await monacoSelectedText(page)).toBe('');
    await page.keyboard.press('Tab');
    expect(await monacoValue(page)).toBe(before);
    expect(await inMonaco(page)).toBe(false);
    // Shift+Tab comes back, and Shift+Tab again leaves backwards, still unchanged.
    await page.keyboard.press('Shift+Tab');
    expect(await inMonaco(page)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await inMonaco(page)).toBe(false);
    expect(await monacoValue(page)).toBe(before);
  });

  it('once you type, Tab indents; Esc then Tab leaves; the hint shows the mode and Ctrl+M toggles it', async () => {
    const hint = page.getByTestId('tab-mode-hint');
    await expect.poll(() => hint.textContent()).toMatch(/Ctrl\+M: Tab moves focus/);
    await clickInMonaco(page);
    await page.keyboard.press('End');
    const before = await monacoValue(page);
    await page.keyboard.press('Tab');
    expect(await inMonaco(page)).toBe(true);
    await until(async () => (await monacoValue(page)) !== before, true);
    await page.keyboard.press('ControlOrMeta+Z');
    await until(() => monacoValue(page), before);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await inMonaco(page)).toBe(false);
    expect(await monacoValue(page)).toBe(before);
    // Ctrl+M: Tab moves focus everywhere in the editor, and the hint says so.
    await toggleTabMode(page, /Tab moves focus \(Ctrl\+M: Tab indents\)/);
    await page.keyboard.press('Tab');
    expect(await inMonaco(page)).toBe(false);
    expect(await monacoValue(page)).toBe(before);
    await toggleTabMode(page, /Ctrl\+M: Tab moves focus/);
  });
});

/** Monaco's cursor, through the test hook. */
const monacoCursor = (p: Page) =>
  p.evaluate(() => {
    const hook = (
      window as unknown as { __specStudio?: { monacoCursor?: () => { line: number; column: number } } }
    ).__specStudio;
    return hook?.monacoCursor ? hook.monacoCursor() : null;
  });

describe('Problems (item 3)', () => {
  const problems = () => page.locator('#problems');
  const hostError = () => problems().getByRole('button', { name: /`\$\{host\}` is used in urlParams\.host/ });

  it('an error caused by a rename elsewhere is listed under every filter', async () => {
    await openExample(page, 'Zendesk');
    await waitForMonaco(page, 'Zendesk');
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: /^Authentication/ })
      .click();
    const name = page.getByLabel('Name of parameter 1').first();
    await name.fill('hostname');
    await name.press('Enter');
    // Default filter ("only what I edited": the renamed parameter, still focused), then all, then back
    // (clicked without moving the focus: leaving the field would mark the new name as edited too).
    await hostError().waitFor();
    await expect.poll(() => problems().textContent()).toMatch(/Errors are always listed/);
    expect(await problems().getByRole('listitem').count()).toBe(2);
    await problems()
      .getByRole('button', { name: /^Show all/ })
      .dispatchEvent('click');
    await until(() => problems().getByRole('listitem').count(), 3);
    await hostError().waitFor();
    await problems().getByRole('button', { name: 'Show only what I edited' }).dispatchEvent('click');
    await until(() => problems().getByRole('listitem').count(), 2);
    await hostError().waitFor();
  });

  it('a location in Problems jumps to the spot: selected in the JSON, its field focused', async () => {
    const where = await hostError().locator('.diagnostic-where').textContent();
    const line = Number(/line (\d+)/.exec(where ?? '')?.[1]);
    expect(line).toBeGreaterThan(1);
    await hostError().click();
    // The JSON view selects the place; the focus goes to the form field editing it (its section shown).
    await until(async () => (await monacoCursor(page))?.line, line);
    expect(await monacoSelectedText(page)).toBe('"${host}"');
    const current = page.getByRole('navigation', { name: 'Sections' }).locator('[aria-current="true"]');
    expect(await current.textContent()).toMatch(/^Request URL/);
    await until(
      () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value),
      '${host}',
    );
  });

  it('a selection made by a jump does not stretch over the next document opened', async () => {
    // The jump above left `"${host}"` selected; opening another example replaces nearly all the text.
    expect(await monacoSelectedText(page)).toBe('"${host}"');
    await openExample(page, 'MailChimp Members');
    await waitForMonaco(page, 'MailChimp Members source');
    expect(await monacoSelectedText(page)).toBe('');
    await openExample(page, 'Zendesk');
    await waitForMonaco(page, 'Zendesk');
  });

  it("the parse-error banner's line and the paused note's line jump to the error", async () => {
    const text = (await monacoValue(page)) ?? '';
    const lines = text.split('\n');
    const target = lines.findIndex((l) => l.includes('"accessToken": {')) + 1;
    await page.evaluate(
      (t) => {
        const store = (
          window as unknown as { __specStudio: { store: { getState(): { setText(t: string): void } } } }
        ).__specStudio.store;
        store.getState().setText(t);
      },
      lines
        .map((l, i) => (i + 1 === target ? l.replace('"accessToken": {', '"accessToken" {') : l))
        .join('\n'),
    );
    const link = page.getByRole('button', { name: new RegExp(`^line ${target}, column \\d+$`) });
    await link.waitFor();
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: /^Source/ })
      .focus();
    expect(await inMonaco(page)).toBe(false);
    await link.click();
    await until(() => inMonaco(page), true);
    expect((await monacoCursor(page))?.line).toBe(target);
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: /^Source/ })
      .focus();
    await problems()
      .getByRole('button', { name: `line ${target}` })
      .click();
    await until(() => inMonaco(page), true);
    expect((await monacoCursor(page))?.line).toBe(target);
    await page.keyboard.press('ControlOrMeta+Z');
  });
});
