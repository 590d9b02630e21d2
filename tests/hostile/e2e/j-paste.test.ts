/**
 * Issue 12 item 10 in real Chromium: a 20 MB page pasted in the Samples paste box (through the
 * clipboard, the page allowed to read it) is parsed by the preview worker, and from the
 * moment it is in the box until its records are in, no main-thread task takes over 200 ms. Before the
 * fix the text was laid out in the textarea (a 60 MB page: 14 s + 4 s tasks). The clock starts when
 * the text is in (reading 20 MB from the clipboard costs the browser ~1 s, app or not).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openEditorPage, openExample, waitForMonaco } from '../../e2e/editor.helpers';
import type { Harness } from '../../e2e/harness';

let h: Harness;
let page: Page;

beforeAll(async () => {
  ({ h, page } = await openEditorPage());
});
afterAll(async () => {
  await h?.close();
});

const TARGET_MB = 20;
const LONGEST_TASK_MS = 200;

type Hook = {
  __specStudio: { store: { getState(): { samplePages: Array<{ status: string; name: string }> } } };
};

/** Builds a MailChimp members page of about TARGET_MB MB in the page, kept as `window.__big`. */
async function makeBigPage(p: Page): Promise<number> {
  return p.evaluate((mbs) => {
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < mbs * 1024 * 1024; i++) {
      const s = `{"id":"m${i}","email_address":"member${i}@example.com","status":"subscribed","n":${i}}`;
      parts.push(s);
      size += s.length + 1;
    }
    const text = `{"members":[${parts.join(',')}],"total_items":${parts.length}}`;
    (window as unknown as { __big: string }).__big = text;
    return text.length;
  }, TARGET_MB);
}

/** Starts recording long tasks (> 50 ms) on the page; `all()` reads their durations since. */
async function recordLongTasks(p: Page): Promise<{ all: () => Promise<number[]> }> {
  await p.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  });
  return { all: () => p.evaluate(() => (window as unknown as { __long: number[] }).__long) };
}

const pagesOk = (p: Page) =>
  p.evaluate(() =>
    (window as unknown as Hook).__specStudio.store
      .getState()
      .samplePages.map((s) => `${s.name}:${s.status}`)
      .join(','),
  );

describe('J3: a big page pasted as a sample', () => {
  it.each([['pasted through the clipboard', 'clipboard']])(
    `${TARGET_MB} MB %s: parsed in the worker, no main-thread task over ${LONGEST_TASK_MS} ms`,
    async (_, how) => {
      await page.goto(`${h.baseUrl}/?e2e`);
      await waitForMonaco(page);
      await openExample(page, 'MailChimp Members');
      await waitForMonaco(page, 'MailChimp Members source');
      await page.getByRole('tab', { name: /Samples/ }).click();
      const box = page.getByLabel('Paste a response of your API');
      await box.waitFor();
      const chars = await makeBigPage(page);
      if (how === 'clipboard')
        await page.evaluate(() =>
          navigator.clipboard.writeText((window as unknown as { __big: string }).__big),
        );
      await box.focus();
      // Let the page settle (the page generation above is itself a long task, not counted).
      await page.waitForTimeout(300);
      const t0 = Date.now();
      await page.keyboard.press('ControlOrMeta+V');
      // The page is in: in the box as text, or held beside it (too big to show). Reading 20 MB from the
      // clipboard is the browser's own cost (about 1 s here, with or without the app): measured from here.
      await page.waitForFunction(
        (n) =>
          (document.getElementById('pv-paste-text') as HTMLTextAreaElement | null)?.value.length === n ||
          /pasted page of/.test(document.querySelector('.pv-paste')?.textContent ?? ''),
        chars,
        { timeout: 120_000, polling: 200 },
      );
      const pasteMs = Date.now() - t0;
      const tasks = await recordLongTasks(page);
      await page.getByRole('button', { name: 'Add page' }).click({ timeout: 60_000 });
      await expect.poll(() => pagesOk(page), { timeout: 60_000 }).toMatch(/pasted page \d+:ok$/);
      await page.getByRole('tab', { name: /Records/ }).click();
      await page
        .getByText(/records from 1 page/)
        .first()
        .waitFor({ timeout: 60_000 });
      const ms = Date.now() - t0 - pasteMs;
      // The box is empty again and the page is told apart from the box: nothing left behind.
      await page.getByRole('tab', { name: /Samples/ }).click();
      expect(await box.inputValue()).toBe('');
      const long = await tasks.all();
      console.log(
        `J3 ${how}: ${(chars / 1e6).toFixed(1)} M chars, in the box after ${pasteMs} ms, records ${ms} ms later, long tasks since ${JSON.stringify(long)}`,
      );
      expect(Math.max(0, ...long)).toBeLessThanOrEqual(LONGEST_TASK_MS);
    },
    180_000,
  );
});
