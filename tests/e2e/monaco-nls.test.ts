/**
 * Monaco's own UI (find widget, right-click menu) in the app's language (src/lib/monacoNls.ts), in
 * the e2e build. One page load per language, each in a fresh browser context whose `locale` picks the
 * app's language (as a first visit does):
 *
 * - French, Korean, Traditional Chinese: Monaco's own translations (its fr / ko / zh-tw files);
 *   Swedish: ours (src/lib/monacoNlsSv.ts); English: Monaco's English, with no Monaco language chunk
 *   requested. Each language requests its own chunk only.
 * - After Monaco has loaded, a switch does not reword Monaco's menus: the JSON view says so (a note,
 *   dismissible) and they stay in the language they loaded in.
 * - The JSON worker's messages (squiggles' hovers) follow Monaco's language (src/lib/jsonWorkerL10n.ts):
 *   checked in French, where the worker loads its French chunk only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Locale } from '../../src/i18n/locales';
import { typeInJson } from './editor.helpers';
import { CHROMIUM, CHROMIUM_ARGS, startHarness, type Harness } from './harness';

let h: Harness;
let browser: Browser;
const contexts: BrowserContext[] = [];

interface Visit {
  page: Page;
  requests: string[];
  errors: string[];
}

/** A fresh context with the browser's language `browserLocale`, on the app, Monaco ready. */
async function visit(browserLocale: string, appLocale: Locale): Promise<Visit> {
  const context = await browser.newContext({ locale: browserLocale, viewport: { width: 1280, height: 800 } });
  contexts.push(context);
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${h.baseUrl}/?e2e`);
  await page.waitForFunction((l) => document.documentElement.lang === l, appLocale, { timeout: 10_000 });
  await page.locator('.monaco-editor .view-lines').first().waitFor();
  return { page, requests, errors };
}

/** The Monaco language chunks requested (monaco-nls-<locale>-<hash>.js), by locale. */
const nlsChunks = (requests: string[]): string[] =>
  requests.flatMap((u) => {
    const m = /\/assets\/monaco-nls-(sv|fr|ko|zh-Hant)-[\w-]{6,}\.js$/.exec(new URL(u).pathname);
    return m?.[1] ? [m[1]] : [];
  });

/** The JSON worker's message chunks requested (jsonWorkerL10n<Locale>-<hash>.js). */
const workerChunks = (requests: string[]): string[] =>
  requests.flatMap((u) => {
    const m = /\/assets\/jsonWorkerL10n(Sv|Fr|Ko|ZhHant)-[\w-]{6,}\.js$/.exec(new URL(u).pathname);
    return m?.[1] ? [m[1]] : [];
  });

/** The text of the hover Monaco shows over the first token `token` of the JSON view (then closed). */
async function hoverText(page: Page, token: string, includes: string): Promise<string> {
  const hover = page.locator('.monaco-hover-content', { hasText: includes }).first();
  // A hover opened before the JSON worker has checked the text keeps what it showed: hover again.
  const until = Date.now() + 15_000;
  for (;;) {
    await page.locator('.monaco-editor .view-line span span', { hasText: token }).first().hover();
    const shown = await hover.waitFor({ timeout: 2_000 }).then(
      () => true,
      () => false,
    );
    if (shown) break;
    if (Date.now() > until) throw new Error(`no hover over ${token} says "${includes}"`);
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');
  }
  const text = await hover.innerText();
  await page.mouse.move(0, 0);
  await page.keyboard.press('Escape');
  return text;
}

/** Clicks into the JSON editor's text. */
async function focusEditor(page: Page): Promise<void> {
  await page
    .locator('.monaco-editor .view-lines')
    .first()
    .click({ position: { x: 60, y: 10 } });
}

/** Opens the find widget (Ctrl+F in the editor); returns its find box's placeholder and close button's name. */
async function openFind(page: Page): Promise<{ placeholder: string; close: string }> {
  await focusEditor(page);
  await page.keyboard.press('Control+F');
  const widget = page.locator('.monaco-editor .find-widget.visible').first();
  await widget.waitFor();
  const placeholder = (await widget.locator('.find-part textarea').first().getAttribute('placeholder')) ?? '';
  const close = (await widget.locator('.codicon-widget-close').first().getAttribute('aria-label')) ?? '';
  await page.keyboard.press('Escape');
  await widget.waitFor({ state: 'hidden' });
  return { placeholder, close };
}

/** The labels of the editor's right-click menu (then closed). */
async function contextMenu(page: Page): Promise<string[]> {
  await page
    .locator('.monaco-editor .view-lines')
    .first()
    .click({ button: 'right', position: { x: 60, y: 10 } });
  const labels = page.locator('.monaco-menu .action-label');
  await labels.first().waitFor();
  const texts = (await labels.allInnerTexts()).map((s) => s.trim()).filter((s) => s !== '');
  // Drawn in Monaco's theme colours (not see-through over the JSON).
  const background = await page
    .locator('.monaco-menu')
    .first()
    .evaluate((m) => (m.parentElement ? getComputedStyle(m.parentElement).backgroundColor : ''));
  expect(background).not.toBe('rgba(0, 0, 0, 0)');
  await page.keyboard.press('Escape');
  await page.locator('.monaco-menu').first().waitFor({ state: 'detached' });
  return texts;
}

beforeAll(async () => {
  h = await startHarness();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close().catch(() => {});
  await h?.close();
});

describe('Monaco’s own UI speaks the language the app loaded in', () => {
  it('French: find widget and right-click menu from Monaco’s French; only its chunk loads', async () => {
    const { page, requests, errors } = await visit('fr-FR', 'fr');
    const find = await openFind(page);
    expect(find.placeholder).toBe('Rechercher');
    expect(find.close).toMatch(/^Fermer/);
    const menu = await contextMenu(page);
    expect(menu).toEqual(expect.arrayContaining(['Couper', 'Copier', 'Coller', 'Palette de commandes']));
    expect(menu).not.toContain('Cut');
    expect(nlsChunks(requests)).toEqual(['fr']);
    expect(await page.locator('[data-testid="monaco-language-note"]').count()).toBe(0);

    // The JSON worker's checks: a wrong-typed value and a missing comma, worded in French.
    await typeInJson(page, '{ "name": 12345, "description": "d" "x": 1 }');
    expect(await hoverText(page, '12345', 'Type incorrect')).toContain('Type incorrect. Attendu : "string".');
    expect(await hoverText(page, '"x"', 'Virgule')).toContain('Virgule attendue');
    // The schema's own help over a key: the form's French text (src/lib/monaco.ts setSchema).
    expect(await hoverText(page, '"name"', 'Nom de la')).toContain('Nom de la spécification');
    expect(workerChunks(requests)).toEqual(['Fr']);
    expect(errors).toEqual([]);
  });

  it.each([
    ['ko-KR', 'ko', '찾기', '잘라내기'],
    ['zh-TW', 'zh-Hant', '尋找', '剪下'],
  ] as const)('%s: Monaco’s %s find box and menu', async (browserLocale, locale, findText, cut) => {
    const { page, requests, errors } = await visit(browserLocale, locale);
    expect((await openFind(page)).placeholder).toBe(findText);
    expect(await contextMenu(page)).toContain(cut);
    expect(nlsChunks(requests)).toEqual([locale]);
    expect(errors).toEqual([]);
  });

  it('Swedish: our own translations where a user looks, English elsewhere', async () => {
    const { page, requests, errors } = await visit('sv-SE', 'sv');
    const find = await openFind(page);
    expect(find.placeholder).toBe('Sök');
    expect(find.close).toMatch(/^Stäng/);
    const menu = await contextMenu(page);
    expect(menu).toEqual(expect.arrayContaining(['Klipp ut', 'Kopiera', 'Klistra in', 'Kommandopalett']));
    expect(nlsChunks(requests)).toEqual(['sv']);
    expect(errors).toEqual([]);
  });

  it('English: Monaco’s English, no language chunk; a later switch says the menus stay English', async () => {
    const { page, requests, errors } = await visit('en-US', 'en');
    const find = await openFind(page);
    expect(find.placeholder).toBe('Find');
    expect(find.close).toMatch(/^Close/);
    expect(await contextMenu(page)).toEqual(expect.arrayContaining(['Cut', 'Copy', 'Paste']));
    expect(await page.locator('[data-testid="monaco-language-note"]').count()).toBe(0);

    // Switch to French after Monaco has loaded: the app's words change, Monaco's stay English (and
    // no Monaco language chunk is fetched), and the JSON view says so until dismissed.
    await page.locator('header.topbar .language-switch select').selectOption('fr');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    const note = page.locator('[data-testid="monaco-language-note"]');
    await note.waitFor();
    expect(await note.innerText()).toContain('anglais');
    expect(await note.innerText()).toMatch(/^Les menus propres à l’éditeur JSON/);
    expect((await openFind(page)).placeholder).toBe('Find');
    expect(await contextMenu(page)).toContain('Cut');
    expect(nlsChunks(requests)).toEqual([]);

    // Dismissed, the note stays away for French; a switch to Korean brings it back (in Korean).
    await page.locator('.banner', { has: note }).getByRole('button').click();
    await note.waitFor({ state: 'detached' });
    await page.locator('header.topbar .language-switch select').selectOption('ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    await note.waitFor();
    expect(await note.innerText()).toContain('영어');
    // Back to English, the language Monaco is in: no note.
    await page.locator('header.topbar .language-switch select').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await note.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });
});
