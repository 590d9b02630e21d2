/**
 * Issue 12 item 3: a keystroke in the JSON view reaches the store with the exact change Monaco made
 * (and the text it was made on, the store's own string), so neither the undo history nor the
 * store → editor sync diffs the whole text. Without the hint, `setText` gets the text alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { monacoValue, openEditorPage, until, waitForMonaco } from './editor.helpers';
import type { Harness } from './harness';

/** The harness and the page of this suite (one app for the one test). */
let ctx: { h: Harness; page: Page } | undefined;
beforeAll(async () => void (ctx = await openEditorPage()));
afterAll(() => ctx?.h.close());

interface Call {
  hinted: boolean;
  onStoreText: boolean;
  start: number;
  end: number;
  text: string;
}

describe('JSON view → store: the change, not a diff', () => {
  it('each typed character arrives as its replacement, made on the store text', async () => {
    const page = (ctx as { page: Page }).page;
    const spec = `${JSON.stringify({ name: 'Hinted spec', description: 'x'.repeat(2000) }, null, 2)}\n`;
    await page.evaluate((text) => {
      type Store = {
        getState: () => {
          text: string;
          setText: (t: string, hint?: unknown) => void;
          loadDocument: (t: string, o: string) => void;
        };
        setState: (s: object) => void;
      };
      const w = window as unknown as { __specStudio: { store: Store }; __calls: Call[] };
      const store = w.__specStudio.store;
      store.getState().loadDocument(text, 'file');
      const original = store.getState().setText;
      w.__calls = [];
      store.setState({
        setText: (t: string, hint?: { start: number; end: number; text: string; base: string }) => {
          w.__calls.push({
            hinted: hint !== undefined,
            onStoreText: hint !== undefined && hint.base === store.getState().text,
            start: hint?.start ?? -1,
            end: hint?.end ?? -1,
            text: hint?.text ?? '',
          });
          original(t, hint);
        },
      });
    }, spec);
    await waitForMonaco(page, 'Hinted spec');
    await page.locator('.monaco-editor .view-line', { hasText: '"Hinted spec"' }).first().click();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('abc', { delay: 30 });
    const at = spec.indexOf('Hinted spec') + 'Hinted spec'.length;
    const typed = `${spec.slice(0, at)}abc${spec.slice(at)}`;
    await until(() => monacoValue(page), typed);
    const calls = await page.evaluate(() => (window as unknown as { __calls: Call[] }).__calls);
    expect(calls).toEqual(
      ['a', 'b', 'c'].map((ch, i) => ({
        hinted: true,
        onStoreText: true,
        start: at + i,
        end: at + i,
        text: ch,
      })),
    );
    const state = await page.evaluate(() => {
      const s = (
        window as unknown as {
          __specStudio: { store: { getState: () => { text: string; history: { undo: unknown[] } } } };
        }
      ).__specStudio.store.getState();
      return { text: s.text, last: s.history.undo.at(-1) };
    });
    expect(state.text).toBe(typed);
    expect(state.last).toEqual({ start: at, removed: '', inserted: 'abc' });
  });
});
