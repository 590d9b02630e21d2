/**
 * Issue 13 items 6 and 8 in Chromium: the first-run checklist (ticks, links, dismissed across a reload,
 * back from the top bar), the badges' words, toasts clear of the preview's controls at 1280 and 1440 px,
 * and a response opened through Start → Open file… becoming a sample page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  monacoValue,
  nameField,
  openEditorPage,
  showSourceSection,
  until,
  waitForMonaco,
} from './editor.helpers';
import type { Harness } from './harness';

let h: Harness;
let page: Page;

beforeAll(async () => {
  ({ h, page } = await openEditorPage());
});

afterAll(async () => {
  await h?.close();
});

const checklist = () => page.getByRole('region', { name: 'Getting started checklist' });
const step = (label: string) => checklist().getByRole('link', { name: new RegExp(`^${label}: `) });

describe('first-run checklist (item 6)', () => {
  it('a blank spec starts with nothing ticked; naming it ticks Name; each step links to its place', async () => {
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('menuitem', { name: 'Blank spec' }).click();
    await showSourceSection(page);
    await expect.poll(() => checklist().getByTestId('checklist-progress').textContent()).toBe('0 of 7 done');
    await nameField(page).fill('Acme orders');
    await nameField(page).press('Tab');
    await until(
      () =>
        step('Name')
          .getAttribute('aria-label')
          .then((l) => l?.startsWith('Name: done')),
      true,
    );
    await step('Pagination').click();
    const current = page.getByRole('navigation', { name: 'Sections' }).locator('[aria-current="true"]');
    await until(() => current.textContent().then((t) => /^Pagination/.test(t ?? '')), true);
    await step('Sample').click();
    await until(() => page.getByRole('tab', { name: /^Samples/ }).getAttribute('aria-selected'), 'true');
  });

  it('dismissed stays dismissed after a reload; Checklist in the top bar brings it back', async () => {
    await checklist().getByRole('button', { name: 'Hide the checklist' }).click();
    await page.reload();
    await waitForMonaco(page);
    expect(await checklist().count()).toBe(0);
    await page.getByRole('button', { name: 'Checklist', exact: true }).click();
    await checklist().waitFor();
  });

  it('the section badges and the title bar counts say errors and warnings in words', async () => {
    const text = (await monacoValue(page)) ?? '';
    await page.evaluate(
      (t) => {
        const hook = (
          window as unknown as { __specStudio: { store: { getState(): { setText(t: string): void } } } }
        ).__specStudio;
        hook.store.getState().setText(t);
      },
      text.replace('"name": "Acme orders"', '"name": 5'),
    );
    const badge = page.getByRole('navigation', { name: 'Sections' }).locator('.sf-badge').first();
    await badge.waitFor();
    expect(await badge.getAttribute('aria-label')).toMatch(/^\d+ (error|warning)s?$/);
    expect(await badge.getAttribute('title')).toMatch(/^\d+ (error|warning)s?$/);
    const counts = page.getByRole('button', { name: /^Problems: \d+ errors?, \d+ warnings?$/ });
    await counts.waitFor();
    expect(await counts.locator('.count-pill').first().getAttribute('title')).toMatch(/errors?$/);
  });
});

/** Every visible control of the preview pane: buttons, inputs, selects, textareas and tabs. */
const previewControls = (p: Page) =>
  p.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        '.preview-pane :is(button, input, select, textarea, [role=tab], [role=button])',
      ),
    ]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight)
      .map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })),
  );

describe('toasts and Open file… (item 8)', () => {
  it.each([1280, 1440])('at %i px a toast covers none of the preview’s controls', async (width) => {
    await page.setViewportSize({ width, height: 800 });
    for (const tab of [/^Samples/, /^Records/, /^Live run/]) {
      await page.getByRole('tab', { name: tab }).click();
      await page.evaluate(() => {
        const hook = (
          window as unknown as { __specStudio: { store: { getState(): { notify(m: string): void } } } }
        ).__specStudio;
        hook.store.getState().notify('Copied the spec JSON to the clipboard.');
      });
      const toast = page.locator('.toast').last();
      await toast.waitFor();
      const t = await toast.boundingBox();
      if (!t) throw new Error('no toast box');
      const overlaps = (await previewControls(page)).filter(
        (c) => c.x < t.x + t.width && t.x < c.x + c.w && c.y < t.y + t.height && t.y < c.y + c.h,
      );
      expect(overlaps).toEqual([]);
      await toast.getByRole('button', { name: 'Dismiss notification' }).click();
    }
  });

  it('Start → Open file… with an API response adds it as a sample page; the spec is untouched', async () => {
    const before = await monacoValue(page);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('menuitem', { name: 'Open file…' }).click();
    await (
      await chooser
    ).setFiles({
      name: 'users-page1.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"results": [{"id": 1, "name": "Ada"}], "meta": {"after_cursor": null}}'),
    });
    await until(() => page.getByRole('tab', { name: /^Samples/ }).getAttribute('aria-selected'), 'true');
    await page.getByText('users-page1.json').first().waitFor();
    expect(await monacoValue(page)).toBe(before);
  });
});
