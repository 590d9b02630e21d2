/**
 * Every complete connection spec among Adobe's examples (../shared/reference/examples/, or the copies in
 * tests/fixtures/examples/ when shared/ is not beside the clone) and every built-in example opens through
 * the app's real import path (the file input behind Start → Open file…) without an error toast, banner
 * or dialog, and the download is equal in value (and in text) to the file opened.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { monacoValue, openEditorPage, openExample, until } from './editor.helpers';
import type { Harness } from './harness';

const ROOT = new URL('../../', import.meta.url).pathname;
const SHARED = join(ROOT, '../shared/reference/examples');
const FALLBACK = join(ROOT, 'tests/fixtures/examples');
const PUBLIC = join(ROOT, 'public/examples');

/** The complete connection specs among Adobe's examples (the rest are fragments or other resources). */
const COMPLETE = [
  'mailchimp-members.connection-spec.json',
  'mailchimp-members.connection-spec.update-request.json',
  'mailchimp-members.connection-spec.create-response.json',
  'mailchimp-members.connection-spec.update-response.json',
  'generic-rest-extension.connection-spec-template.json',
];
/** A GET response: the spec is `items[0]` (copied as its own file in the fallback folder). */
const LEGACY_GET = 'generic-rest-extension.connection-spec.get-response.legacy.json';
const LEGACY_ITEM = 'generic-rest-extension.connection-spec.get-response.legacy.items-0.json';

let h: Harness;
let page: Page;
/** Where items[0] of the GET response is written as a file of its own. */
const work = await mkdtemp(join(tmpdir(), 'spec-studio-examples-'));

/** The files to open: [label, path], from shared/ when it is there, else from the fallback copies. */
async function adobeFiles(): Promise<Array<[string, string]>> {
  const useShared = existsSync(join(SHARED, LEGACY_GET));
  const dir = useShared ? SHARED : FALLBACK;
  const files: Array<[string, string]> = COMPLETE.map((f) => [f, join(dir, f)]);
  if (useShared) {
    const response = JSON.parse(await readFile(join(SHARED, LEGACY_GET), 'utf8')) as { items: unknown[] };
    const item = join(work, LEGACY_ITEM);
    await writeFile(item, `${JSON.stringify(response.items[0], null, 2)}\n`);
    files.push([`${LEGACY_GET} items[0]`, item]);
  } else {
    files.push([`${LEGACY_GET} items[0]`, join(FALLBACK, LEGACY_ITEM)]);
  }
  return files;
}

const builtIns = async (): Promise<Array<[string, string]>> =>
  (await readdir(PUBLIC))
    // *.sample.json and *.inputs.json are an example's demo data, not examples of their own.
    .filter((f) => f.endsWith('.json') && !f.endsWith('.sample.json') && !f.endsWith('.inputs.json'))
    .sort()
    .map((f) => [f, join(PUBLIC, f)]);

async function dismissToasts(p: Page): Promise<void> {
  const buttons = p.getByRole('button', { name: 'Dismiss notification' });
  while ((await buttons.count()) > 0) await buttons.first().click();
}

/** No error surface anywhere: error toasts, banners, the crash screen, an open dialog, the parse banner. */
async function expectNoErrorShown(p: Page): Promise<void> {
  const shown = await p.evaluate(() => ({
    errorToasts: [...document.querySelectorAll('.toast-error, .toast-warning')].map((e) => e.textContent),
    banners: [...document.querySelectorAll('.banner')].map((e) => e.textContent),
    crash: document.querySelectorAll('.crash').length,
    dialogs: document.querySelectorAll('dialog[open]').length,
  }));
  expect(shown).toEqual({ errorToasts: [], banners: [], crash: 0, dialogs: 0 });
  expect(await p.getByText(/Invalid JSON at line/).count()).toBe(0);
}

/** Export → Download <name>.json, and the downloaded text. */
async function download(p: Page): Promise<string> {
  await p.getByRole('button', { name: 'Export' }).click();
  const pending = p.waitForEvent('download');
  await p.getByRole('menuitem', { name: /^Download / }).click();
  const file = await pending;
  expect(file.suggestedFilename()).toMatch(/\.json$/);
  return readFile((await file.path()) ?? '', 'utf8');
}

/** Start → Open file… with `path`; waits until the JSON view shows the file. */
async function importFile(p: Page, path: string, text: string): Promise<void> {
  const chooser = p.waitForEvent('filechooser');
  await p.getByRole('button', { name: 'Start' }).click();
  await p.getByRole('menuitem', { name: 'Open file…' }).click();
  await (await chooser).setFiles(path);
  await until(() => monacoValue(p), text);
  const name = basename(path);
  const toast = p.locator('.toast', { hasText: `Opened “${name}”.` });
  await toast.waitFor();
  expect(await toast.getAttribute('class')).toContain('toast-success');
}

beforeAll(async () => {
  ({ h, page } = await openEditorPage());
});

afterAll(async () => {
  await h?.close();
  await rm(work, { recursive: true, force: true });
});

describe('every complete example opens and exports equal in value', async () => {
  const files = [...(await adobeFiles()), ...(await builtIns())];

  it('covers the six Adobe specs and the four built-in examples', () => {
    expect(files).toHaveLength(10);
  });

  it.each(files)('%s', async (_label, path) => {
    const original = await readFile(path, 'utf8');
    await dismissToasts(page);
    await importFile(page, path, original);
    await expectNoErrorShown(page);
    // The form rendered the spec (the Source section shows its name).
    const name = (JSON.parse(original) as { name?: string }).name ?? '';
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: /^Source/ })
      .click();
    await until(() => page.getByLabel('Name', { exact: true }).inputValue(), name);
    const saved = await download(page);
    expect(JSON.parse(saved)).toEqual(JSON.parse(original));
    expect(saved).toBe(original);
  });
});

describe('built-in examples from the Start menu', async () => {
  const TITLES: Record<string, string> = {
    'acme-orders.json': 'Acme orders',
    'mailchimp-members.json': 'MailChimp Members',
    'pulse-events.json': 'Pulse events',
    'zendesk-users.json': 'Zendesk users',
  };
  const examples = await builtIns();

  it('every built-in example has a menu entry', () => {
    expect(examples.map(([f]) => f)).toEqual(Object.keys(TITLES));
  });

  it.each(examples)('%s opens as the file and downloads equal in value', async (file, path) => {
    const original = await readFile(path, 'utf8');
    await dismissToasts(page);
    await openExample(page, TITLES[file] ?? file);
    await until(() => monacoValue(page), original);
    await expectNoErrorShown(page);
    expect(JSON.parse(await download(page))).toEqual(JSON.parse(original));
  });

  it('logged no console errors and stayed on 127.0.0.1', () => {
    expect(h.consoleErrors).toEqual([]);
    expect(h.offOrigin).toEqual([]);
  });
});
