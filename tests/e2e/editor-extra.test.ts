/**
 * Editor behaviours beyond the basics: drag-and-drop import, the size limit on imports, focusing a form
 * field reveals its range in Monaco, clicking a diagnostic goes to both the field and the line, and the
 * layout at 1280–1440 px (preview tabs and section titles in full; screenshots in /tmp/shots/).
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { JsonObject, JsonValue } from '../../src/core/types';
import { monacoValue, nameField, openEditorPage, openExample, until, waitForMonaco } from './editor.helpers';
import type { Harness } from './harness';

let h: Harness;
let page: Page;

beforeAll(async () => {
  ({ h, page } = await openEditorPage());
});

afterAll(async () => {
  await h?.close();
});

/** Drags a file over the form pane and drops it there (a real DataTransfer with a File in it). */
async function dropFile(p: Page, file: { name: string; text?: string; size?: number }): Promise<void> {
  const dataTransfer = await p.evaluateHandle(({ name, text, size }) => {
    const dt = new DataTransfer();
    const body = size === undefined ? (text ?? '') : new Uint8Array(size).fill(32);
    dt.items.add(new File([body], name, { type: 'application/json' }));
    return dt;
  }, file);
  await p.dispatchEvent('.form-pane', 'dragover', { dataTransfer });
  await p.getByText('Drop a .json file to open it').waitFor();
  await p.dispatchEvent('.form-pane', 'drop', { dataTransfer });
  await dataTransfer.dispose();
}

/** What Monaco shows of the cursor: the active line number and whether the selection is on that line. */
const monacoCursor = (p: Page) =>
  p.evaluate(() => {
    const root = document.querySelector('.monaco-editor');
    const active = root?.querySelector<HTMLElement>('.margin-view-overlays .active-line-number');
    const activeTop = active?.parentElement?.style.top;
    const selectedTops = [
      ...(root?.querySelectorAll<HTMLElement>('.view-overlays .selected-text') ?? []),
    ].map((e) => e.parentElement?.style.top);
    return {
      line: active ? Number(active.textContent) : null,
      selected: selectedTops.length > 0 && selectedTops.includes(activeTop),
    };
  });

/** 1-based line of the first line of `text` containing `needle`. */
const lineOf = (text: string, needle: string): number =>
  text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const activeId = (p: Page) => p.evaluate(() => document.activeElement?.id ?? '');

const storeText = (p: Page) =>
  p.evaluate(() => {
    const hook = (window as unknown as { __specStudio?: { store?: { getState: () => { text: string } } } })
      .__specStudio;
    return hook?.store?.getState().text ?? null;
  });

describe('import by drag and drop', () => {
  it('a spec file dropped on the app opens', async () => {
    const spec = { name: 'Dropped spec', providerId: 'p', 'x-dropped': [1, 2, 3] };
    const text = `${JSON.stringify(spec, null, 2)}\n`;
    await dropFile(page, { name: 'dropped.json', text });
    await until(() => monacoValue(page), text);
    await page.locator('.toast-success', { hasText: 'Opened “dropped.json”.' }).waitFor();
    expect(await page.getByText('Drop a .json file to open it').count()).toBe(0);
    await until(() => nameField(page).inputValue(), 'Dropped spec');
  });

  it('a 25 MB file is refused with a clear message; the spec on screen is untouched', async () => {
    await openExample(page, 'MailChimp Members');
    const before = await waitForMonaco(page, 'MailChimp Members source');
    await dropFile(page, { name: 'huge.json', size: 25 * 1024 * 1024 });
    const refusal = page.locator('.toast-error', {
      hasText: '“huge.json” is 25 MB; Spec Studio opens files up to 20 MB.',
    });
    await refusal.waitFor();
    expect(await monacoValue(page)).toBe(before);
    expect(await storeText(page)).toBe(before);
    expect(await nameField(page).inputValue()).toBe('MailChimp Members source');
    await refusal.getByRole('button', { name: 'Dismiss notification' }).click();
  });

  it('the same 25 MB file through Open file… is refused the same way', async () => {
    const before = (await monacoValue(page)) ?? '';
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('menuitem', { name: 'Open file…' }).click();
    // From disk: a 25 MB buffer sent through the DevTools protocol (base64) took 10–30 s on a busy machine.
    const file = join(await mkdtemp(join(tmpdir(), 'huge-')), 'huge.json');
    await writeFile(file, Buffer.alloc(25 * 1024 * 1024, 32));
    await (await chooser).setFiles(file);
    await page.locator('.toast-error', { hasText: '“huge.json” is 25 MB' }).waitFor();
    expect(await monacoValue(page)).toBe(before);
  });
});

describe('form ↔ JSON navigation', () => {
  it('focusing a form field selects its value in Monaco (and scrolls it into view)', async () => {
    await openExample(page, 'MailChimp Members');
    const text = await waitForMonaco(page, 'MailChimp Members source');
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: /Pagination/ })
      .click();
    await page.getByLabel('Offset parameter').focus();
    const line = lineOf(text, '"offSetName"');
    expect(line).toBeGreaterThan(40);
    await until(
      async () => JSON.stringify(await monacoCursor(page)),
      JSON.stringify({ line, selected: true }),
    );
    expect(await activeId(page)).toBe('field:/sourceSpec/attributes/paginationParams/offSetName');

    await nameFieldSection(page);
    await nameField(page).focus();
    await until(
      async () => JSON.stringify(await monacoCursor(page)),
      JSON.stringify({ line: lineOf(text, '"name"'), selected: true }),
    );
  });

  const DIAGNOSTIC_CASES = [
    {
      name: 'a field the form shows: the field gets the focus, Monaco selects the line',
      section: /Pagination/,
      pointer: '/sourceSpec/attributes/paginationParams/limitValue',
      value: 'abc',
      focus: 'field:/sourceSpec/attributes/paginationParams/limitValue',
    },
    {
      name: 'a value the form cannot show (method FETCH): Monaco gets the focus on the line',
      section: /URL/,
      pointer: '/sourceSpec/attributes/urlParams/method',
      value: 'FETCH',
      focus: 'monaco',
    },
  ];

  it.each(DIAGNOSTIC_CASES)('clicking a diagnostic: $name', async (c) => {
    await openExample(page, 'MailChimp Members');
    const doc = JSON.parse(await waitForMonaco(page, 'MailChimp Members source')) as JsonObject;
    setAt(doc, c.pointer, c.value);
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    // A JSON edit (the store action Monaco's typing calls): every diagnostic is listed from then on.
    await page.evaluate((t) => {
      type Hook = { store: { getState: () => { setText: (t: string) => void } } };
      (window as unknown as { __specStudio: Hook }).__specStudio.store.getState().setText(t);
    }, text);
    await waitForMonaco(page, `"${c.value}"`);
    await page
      .getByRole('list', { name: 'Problems' })
      .getByRole('button')
      .filter({ hasText: c.pointer })
      .first()
      .click();
    const focused = () =>
      page.evaluate(() =>
        document.activeElement?.closest('.monaco-editor') ? 'monaco' : (document.activeElement?.id ?? ''),
      );
    await until(focused, c.focus);
    const line = lineOf(text, `"${c.value}"`);
    expect(line).toBeGreaterThan(30);
    await until(
      async () => JSON.stringify(await monacoCursor(page)),
      JSON.stringify({ line, selected: true }),
    );
    // Still there a moment later: neither side took the focus back.
    await page.waitForTimeout(300);
    expect(await focused()).toBe(c.focus);
    const current = page.getByRole('navigation', { name: 'Sections' }).locator('[aria-current="true"]');
    expect(await current.textContent()).toMatch(c.section);
  });
});

describe('layout at 1280–1440 px', () => {
  /** Everything that must show in full: preview tabs inside the pane, section titles not cut. */
  const clipped = (p: Page) =>
    p.evaluate(() => {
      const out: string[] = [];
      const pane = document.querySelector('.pv-pane')?.getBoundingClientRect();
      for (const tab of document.querySelectorAll<HTMLElement>('[role="tab"]')) {
        const r = tab.getBoundingClientRect();
        const label = tab.textContent ?? '';
        if (!pane || r.width === 0 || r.left < pane.left - 0.5 || r.right > pane.right + 0.5)
          out.push(`tab ${label} outside the pane`);
        if (tab.scrollWidth > tab.clientWidth + 1) out.push(`tab ${label} cut`);
      }
      for (const title of document.querySelectorAll<HTMLElement>('.sf-nav-title')) {
        if (title.scrollWidth > title.clientWidth + 1 || title.scrollHeight > title.clientHeight + 1)
          out.push(`section ${title.textContent ?? ''} cut`);
      }
      if (document.documentElement.scrollWidth > window.innerWidth) out.push('page scrolls sideways');
      return out;
    });

  it.each([
    [1280, 800],
    [1440, 900],
  ])(
    'at %i px the eight preview tabs and every section title show in full (light and dark)',
    async (w, hgt) => {
      await openExample(page, 'MailChimp Members');
      await waitForMonaco(page, 'MailChimp Members source');
      await page.getByRole('tab', { name: /Samples/ }).click();
      const removeAll = page.getByRole('button', { name: 'Remove all' });
      if (await removeAll.isVisible()) await removeAll.click();
      await page.getByRole('button', { name: 'Load the example’s sample' }).click();
      await page.getByRole('tab', { name: /Records/ }).click();
      await page.getByText('4 records from 1 page').waitFor();
      await page.setViewportSize({ width: w, height: hgt });
      const toasts = page.getByRole('button', { name: 'Dismiss notification' });
      while ((await toasts.count()) > 0) await toasts.first().click();
      expect(await page.getByRole('tab').count()).toBe(8);
      await mkdir('/tmp/shots', { recursive: true });
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await page.waitForTimeout(300);
        expect(await clipped(page)).toEqual([]);
        await page.screenshot({ path: `/tmp/shots/editor-extra-${w}-${colorScheme}.png` });
      }
      // Every tab can be chosen with a plain click at this width.
      for (const name of ['Live run', 'Customer view', 'Schedule', 'Tree', 'Tests', 'Records']) {
        const tab = page.getByRole('tab', { name: new RegExp(name) });
        await tab.click();
        expect(await tab.getAttribute('aria-selected')).toBe('true');
      }
      await page.emulateMedia({ colorScheme: 'light' });
      await page.setViewportSize({ width: 1440, height: 900 });
    },
  );

  it('logged no console errors', () => {
    expect(h.consoleErrors).toEqual([]);
  });
});

/** Shows the Source section (where the Name field is). */
async function nameFieldSection(p: Page): Promise<void> {
  await p
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: /^Source/ })
    .click();
}

/** Sets the value at a JSON Pointer of plain object keys (test data only: no arrays, no escapes). */
function setAt(doc: JsonObject, pointer: string, value: JsonValue): void {
  const keys = pointer.split('/').slice(1);
  const last = keys.pop() ?? '';
  let node = doc;
  for (const k of keys) node = node[k] as JsonObject;
  node[last] = value;
}
