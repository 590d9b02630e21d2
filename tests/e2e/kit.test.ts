/**
 * Export → Submission kit in the built app, served by `spec-studio serve`: the MailChimp example
 * becomes a zip with exactly the five artifacts (read back from the real download), a hostile icon
 * is refused with its reason and never shown, an accepted one is shown as an <img> only (a data:
 * URL, which the CSP allows), and the build serves the schema file. KIT_SHOTS=dir keeps screenshots
 * of the dialog in light and dark.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { connectionSpecSchemaText } from '../../src/core/index';
import { monacoValue, openExample, waitForMonaco } from './editor.helpers';
import { startHarness, type Harness } from './harness';

const ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" rx="10" fill="#ffe01b"/><circle cx="24" cy="24" r="11" fill="#241c15"/></svg>\n';
const SHOTS = process.env.KIT_SHOTS;

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness({ serve: true });
  page = await h.newPage();
  await page.goto(`${h.baseUrl}/?e2e`);
  await waitForMonaco(page);
});

afterAll(async () => {
  await h?.close();
});

const dialog = () => page.getByRole('dialog', { name: 'Submission kit' });
const setIcon = (name: string, text: string) =>
  dialog()
    .getByLabel('Icon')
    .setInputFiles({ name, mimeType: 'image/svg+xml', buffer: Buffer.from(text) });

async function shoot(name: string): Promise<void> {
  if (!SHOTS) return;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await dialog().screenshot({ path: join(SHOTS, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('Submission kit', () => {
  it('builds the MailChimp kit in the browser: five entries, the spec as exported', async () => {
    await openExample(page, 'MailChimp');
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: /Submission kit \(\.zip\)/ }).click();
    await expect.poll(() => dialog().isVisible()).toBe(true);
    expect(await dialog().getByLabel('Source name').inputValue()).toBe('mailchimp-members');
    expect(await dialog().getByLabel('Label').inputValue()).toBe('MailChimp Members');
    expect(await dialog().getByLabel('Description').inputValue()).toBe(
      'MailChimp Members source using generic-rest and SDK',
    );
    const download = dialog().getByRole('button', { name: 'Download kit' });
    expect(await download.isDisabled()).toBe(true);
    expect(await dialog().locator('.kit-reason').innerText()).toBe('✗ Choose a category');
    await dialog().getByLabel('Category').selectOption('marketingAutomation');
    expect(await dialog().locator('.kit-reason').innerText()).toBe(
      '✗ Choose the SVG icon (Adobe requires one)',
    );

    // A hostile icon: refused with its reason, not shown, the download still blocked.
    await setIcon(
      'evil.svg',
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>',
    );
    await expect
      .poll(() => dialog().getByRole('alert').innerText())
      .toMatch(/evil\.svg refused: .*event handler/);
    expect(await dialog().locator('img').count()).toBe(0);
    expect(await download.isDisabled()).toBe(true);
    await shoot('kit-refused');

    // A clean icon: shown as an image of a data: URL, never as inline SVG.
    await setIcon('mailchimp.svg', ICON);
    await expect.poll(() => dialog().locator('img').count()).toBe(1);
    const src = await dialog().locator('img').getAttribute('src');
    expect(src).toBe(`data:image/svg+xml;base64,${Buffer.from(ICON).toString('base64')}`);
    expect(await dialog().locator('.kit-icon svg, .kit-checks svg').count()).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('dialog svg circle').length)).toBe(0);
    await expect
      .poll(() =>
        dialog()
          .locator('img')
          .evaluate((i: HTMLImageElement) => i.naturalWidth),
      )
      .toBeGreaterThan(0);
    expect(await download.isDisabled()).toBe(false);
    const marks = await dialog()
      .locator('.kit-mark')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(marks).toEqual(['passed', 'passed', 'passed', 'passed', 'passed', 'passed', 'advice']);
    await shoot('kit-ready');

    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toBe('mailchimp-members-submission-kit.zip');
    const zip = unzipSync(await readFile((await file.path()) as string));
    const base = 'Sources/mailchimp-members/Artifacts/mailchimp-members';
    expect(Object.keys(zip)).toEqual([
      `${base}-category.txt`,
      `${base}-description.txt`,
      `${base}-icon.svg`,
      `${base}-label.txt`,
      `${base}-connectionSpec.json`,
    ]);
    const text = (suffix: string) => strFromU8(zip[`${base}${suffix}`] ?? new Uint8Array());
    expect(text('-connectionSpec.json')).toBe(await monacoValue(page));
    expect(text('-category.txt')).toBe('marketingAutomation');
    expect(text('-label.txt')).toBe('MailChimp Members');
    expect(text('-icon.svg')).toBe(ICON);
    await expect.poll(() => dialog().isVisible()).toBe(false);
    expect(h.consoleErrors).toEqual([]);
    expect(h.offOrigin).toEqual([]);
  });

  it('exports the verification flow: Postman collection + environment, and the shell script', async () => {
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await page.getByRole('button', { name: 'Export' }).click();
    if (SHOTS) await page.getByRole('menu').screenshot({ path: join(SHOTS, 'export-menu.png') });
    await page.getByRole('menuitem', { name: /Postman collection/ }).click();
    await expect.poll(() => downloads.length, { timeout: 10_000 }).toBe(2);
    expect(downloads.map((d) => d.suggestedFilename())).toEqual([
      'mailchimp-members.postman_collection.json',
      'mailchimp-members.postman_environment.json',
    ]);
    const collection = JSON.parse(await readFile((await downloads[0]?.path()) as string, 'utf8')) as {
      info: { schema: string };
      item: unknown[];
    };
    expect(collection.info.schema).toBe(
      'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    );
    expect(collection.item.length).toBeGreaterThan(5);
    const env = JSON.parse(await readFile((await downloads[1]?.path()) as string, 'utf8')) as {
      values: Array<{ key: string; value: string; type?: string }>;
    };
    const secrets = env.values.filter((v) => v.type === 'secret');
    expect(secrets.map((v) => v.key)).toContain('authorizationToken');
    expect(secrets.every((v) => v.value === '')).toBe(true);

    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: /Shell script \(bash \+ curl\)/ }).click();
    await expect.poll(() => downloads.length, { timeout: 10_000 }).toBe(3);
    expect(downloads[2]?.suggestedFilename()).toBe('mailchimp-members-flow.sh');
    const script = await readFile((await downloads[2]?.path()) as string, 'utf8');
    expect(script.startsWith('#!')).toBe(true);
    expect(script).toContain('ADOBE_ACCESS_TOKEN');
    expect(h.consoleErrors).toEqual([]);
    expect(h.offOrigin).toEqual([]);
  });

  it('serves the connection-spec JSON Schema at /schema/connection-spec.schema.json', async () => {
    const res = await fetch(`${h.baseUrl}/schema/connection-spec.schema.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.text()).toBe(connectionSpecSchemaText());
  });
});
