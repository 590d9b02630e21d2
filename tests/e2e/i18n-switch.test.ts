/**
 * Choosing and switching the language (issue 15), in the e2e build:
 *
 * (a) a first visit picks the language from the browser's (`fr-CA` → French, `zh-TW` → Traditional
 *     Chinese, `de-DE` → English, which the app speaks when it speaks none of the browser's) and sets
 *     `<html lang>`;
 * (b) switching in the top bar changes the words without reloading the page (the same document: its
 *     `performance.timeOrigin` and a marker left on `window` survive), keeps an edit typed just before,
 *     keeps undo working, and is remembered after a reload;
 * (c) the languages load lazily: a first visit in English requests no other language's chunk, and
 *     choosing one requests it then.
 *
 * Each case gets a fresh browser context with the Playwright `locale` (it sets `navigator.languages`
 * and Accept-Language), served by the shared harness's `vite preview`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { LOCALES, type Locale } from '../../src/i18n/locales';
import { CHROMIUM, CHROMIUM_ARGS, startHarness, type Harness } from './harness';

const ROOT = new URL('../../', import.meta.url).pathname;

/** `common.language.label` in `locale`, as its catalogue writes it: the switch's accessible name. */
const languageLabel = (locale: Locale): string =>
  (
    JSON.parse(readFileSync(join(ROOT, 'src/i18n/locales', locale, 'common.json'), 'utf8')) as Record<
      string,
      string
    >
  )['common.language.label'] as string;

/** The language whose catalogue chunk `url` is (assets/<locale>-<hash>.js), else null. */
const chunkLocale = (url: string): string | null => {
  const name = new URL(url).pathname.split('/assets/')[1] ?? '';
  // Longest first: `zh-Hant-<hash>.js` must not read as some shorter name.
  const byLength = [...LOCALES].sort((x, y) => y.length - x.length);
  return byLength.find((l) => new RegExp(`^${l}-[\\w-]{6,}\\.js$`).test(name)) ?? null;
};

let h: Harness;
let browser: Browser;
const contexts: BrowserContext[] = [];

interface Visit {
  page: Page;
  requests: string[];
  errors: string[];
}

/** A fresh context (empty storage) with the browser's language `locale`, on the app. */
async function visit(locale: string): Promise<Visit> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
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
  await page.locator('header.topbar .language-switch select').waitFor();
  return { page, requests, errors };
}

const htmlLang = (p: Page) => p.evaluate(() => document.documentElement.lang);
const switchValue = (p: Page) => p.locator('header.topbar .language-switch select').inputValue();
const switchName = (p: Page) => p.locator('header.topbar .language-switch select').getAttribute('aria-label');

async function choose(p: Page, locale: Locale): Promise<void> {
  await p.locator('header.topbar .language-switch select').selectOption(locale);
  await p.waitForFunction((l) => document.documentElement.lang === l, locale);
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

describe('first visit: the browser’s languages pick the app’s', () => {
  it.each([
    ['fr-CA', 'fr'],
    ['zh-TW', 'zh-Hant'],
    ['de-DE', 'en'],
  ] as const)('%s → %s', async (browserLocale, expected) => {
    const { page, errors } = await visit(browserLocale);
    expect((await page.evaluate(() => navigator.languages))[0]).toBe(browserLocale);
    await page.waitForFunction((l) => document.documentElement.lang === l, expected, { timeout: 10_000 });
    expect(await htmlLang(page)).toBe(expected);
    expect(await switchValue(page)).toBe(expected);
    // The words are that language's: the switch's own name comes from its catalogue.
    expect(await switchName(page)).toBe(languageLabel(expected));
    // Nothing remembered yet: the choice came from the browser, not from storage.
    expect(await page.evaluate(() => localStorage.getItem('spec-studio:locale'))).toBeNull();
    expect(errors).toEqual([]);
  });
});

describe('switching in the top bar', () => {
  it('changes the words without a reload, keeps the edit and undo, and is remembered', async () => {
    const { page, errors } = await visit('en-US');
    await page.locator('.monaco-editor .view-lines').first().waitFor();
    expect(await htmlLang(page)).toBe('en');
    await page.evaluate(() => {
      (window as unknown as { __i18nMarker?: string }).__i18nMarker = 'same document';
    });
    const origin = await page.evaluate(() => performance.timeOrigin);

    // An edit typed just before the switch: the spec's name, in the form.
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: /^Source/ })
      .click();
    const name = page.getByLabel('Name', { exact: true });
    const before = await name.inputValue();
    await name.fill('Språkbyte utan omladdning');
    await name.blur();
    await page.locator('.spec-title h1').filter({ hasText: 'Språkbyte utan omladdning' }).waitFor();

    await choose(page, 'sv');
    expect(await switchValue(page)).toBe('sv');
    expect(await switchName(page)).toBe(languageLabel('sv'));
    // The same document: no reload happened.
    expect(await page.evaluate(() => performance.timeOrigin)).toBe(origin);
    expect(await page.evaluate(() => (window as unknown as { __i18nMarker?: string }).__i18nMarker)).toBe(
      'same document',
    );
    // The edit is still there, in the form, the top bar and the JSON.
    expect(await page.locator('.spec-title h1').innerText()).toBe('Språkbyte utan omladdning');
    const json = await page.evaluate(() => {
      const hook = (window as unknown as { __specStudio?: { monacoValue?: () => string } }).__specStudio;
      return hook?.monacoValue?.() ?? '';
    });
    expect(json).toContain('"Språkbyte utan omladdning"');

    // Undo (the top bar's first icon button) still undoes the edit made before the switch.
    const undo = page.locator('header.topbar nav.toolbar > button.icon-button').first();
    await expect.poll(() => undo.isEnabled()).toBe(true);
    await undo.click();
    await expect.poll(() => page.locator('.spec-title h1').innerText()).toBe(before);

    // A second switch, then a reload: the last choice is remembered.
    await choose(page, 'ko');
    expect(await page.evaluate(() => localStorage.getItem('spec-studio:locale'))).toBe('ko');
    await page.reload();
    await page.locator('header.topbar .language-switch select').waitFor();
    await page.waitForFunction(() => document.documentElement.lang === 'ko', undefined, { timeout: 10_000 });
    expect(await switchValue(page)).toBe('ko');
    expect(await switchName(page)).toBe(languageLabel('ko'));
    expect(await page.evaluate(() => performance.timeOrigin)).not.toBe(origin);
    expect(errors).toEqual([]);
  });
});

describe('languages load lazily', () => {
  it('a first visit in English requests no other language; choosing French requests French only', async () => {
    const { page, requests, errors } = await visit('en-US');
    await page.locator('.monaco-editor .view-lines').first().waitFor();
    await page.waitForLoadState('networkidle');
    const loaded = () => requests.map(chunkLocale).filter((l): l is string => l !== null);
    expect(loaded().filter((l) => l !== 'en')).toEqual([]);
    await choose(page, 'fr');
    await page.waitForLoadState('networkidle');
    expect(loaded().filter((l) => l !== 'en')).toEqual(['fr']);
    expect(errors).toEqual([]);
  });
});
