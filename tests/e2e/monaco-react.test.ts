/**
 * The JSON view runs on `@monaco-editor/react` over the locally bundled Monaco: its loader is given
 * that Monaco (lib/monaco.ts), so it never injects its default jsDelivr `loader.js`, and the editor
 * fills its pane (the wrapper's <section> is the flex child that carries `.monaco-host`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { monacoValue, nameField, openEditorPage, typeInJson, until } from './editor.helpers';
import type { Harness } from './harness';

let h: Harness;
let page: Page;

beforeAll(async () => {
  ({ h, page } = await openEditorPage());
});

afterAll(async () => {
  await h?.close();
});

describe('@monaco-editor/react on the local Monaco', () => {
  it('injects no loader script and requests nothing from a CDN', async () => {
    const scripts = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLScriptElement>('script[src]')].map((s) => s.src),
    );
    for (const src of scripts) expect(new URL(src).hostname).toBe('127.0.0.1');
    expect(scripts.filter((s) => s.endsWith('/loader.js'))).toEqual([]);
    expect(h.requests.filter((u) => /jsdelivr|loader\.js/.test(u))).toEqual([]);
  });

  it('fills its pane: the wrapper section carries .monaco-host and the editor is as tall', async () => {
    const sizes = await page.evaluate(() => {
      const host = document.querySelector<HTMLElement>('.json-pane > section.monaco-host');
      const editor = host?.querySelector<HTMLElement>('.monaco-editor');
      return {
        host: host?.getBoundingClientRect().height ?? 0,
        editor: editor?.getBoundingClientRect().height ?? 0,
        pane: document.querySelector('.json-pane')?.getBoundingClientRect().height ?? 0,
      };
    });
    expect(sizes.host).toBeGreaterThan(150);
    expect(Math.abs(sizes.editor - sizes.host)).toBeLessThan(2);
    expect(sizes.host).toBeLessThan(sizes.pane);
  });

  it('a form edit reaches the model, and typing in Monaco reaches the form', async () => {
    const name = nameField(page);
    await name.fill('Via the form');
    await until(async () => (await monacoValue(page))?.includes('"name": "Via the form"') ?? false, true);
    const doc = JSON.parse((await monacoValue(page)) ?? '{}') as Record<string, unknown>;
    doc.name = 'Via the form and Monaco';
    await typeInJson(page, JSON.stringify(doc));
    await until(async () => name.inputValue(), 'Via the form and Monaco');
  });

  it('the custom schema field offers an embedded Monaco that writes only text that parses', async () => {
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: /^Custom schema/ })
      .click();
    const toggle = page.getByRole('button', { name: 'Code editor' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const field = page.locator('.sf-code-editor .monaco-editor');
    await field.locator('.view-lines').waitFor();
    await field.locator('.monaco-scrollable-element').click({ position: { x: 60, y: 10 } });
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('{ "type": "object", "title": "Via the field editor" }');
    await until(
      async () => (await monacoValue(page))?.includes('"title": "Via the field editor"') ?? false,
      true,
    );
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Backspace');
    await page.getByText(/Not saved: line 1/).waitFor();
    expect(await monacoValue(page)).toContain('"title": "Via the field editor"');
    await toggle.click();
    const box = page.getByLabel('Custom schema (JSON Schema)', { exact: true });
    expect(await box.inputValue()).toBe('{ "type": "object", "title": "Via the field editor" ');
  });

  it('logged no console errors and stayed on 127.0.0.1', () => {
    expect(h.offOrigin).toEqual([]);
    expect(h.consoleErrors).toEqual([]);
  });
});
