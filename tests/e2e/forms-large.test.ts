/**
 * Issue 8 (C9, D14) in a real browser: the user-inputs table of a spec with 2,000 user inputs renders
 * only the rows in view and an edit far down the list lands in the right key; the Customer view
 * shows 2,000 fields and leaves out a field marked `uiAttributes.hidden`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { monacoValue, openEditorPage, until, waitForMonaco } from './editor.helpers';
import type { Harness } from './harness';

let h: Harness;
let page: Page;
let dir: string;

/** A spec with 2,000 user inputs (`input_<i>`, description `Input-<i>`); input_5 is hidden. */
function bigSpec(): string {
  const properties: Record<string, unknown> = {};
  for (let i = 0; i < 2000; i++)
    properties[`input_${i}`] = { title: `Title ${i}`, description: `Input-${i}`, type: 'string' };
  properties['input_5'] = { title: 'Title 5', type: 'string', uiAttributes: { hidden: true } };
  const spec = {
    name: 'Large forms',
    type: 'generic-rest',
    providerId: '0ed90a81-07f4-4586-8190-b40eccef1c5a',
    version: '1.0',
    authSpec: [],
    sourceSpec: {
      attributes: {
        urlParams: { host: 'https://api.example.com', path: '/items', method: 'GET' },
        contentPath: { path: '$.items' },
        paginationParams: { type: 'NONE' },
      },
      spec: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties },
    },
  };
  return `${JSON.stringify(spec, null, 2)}\n`;
}

beforeAll(async () => {
  ({ h, page } = await openEditorPage());
  dir = await mkdtemp(join(tmpdir(), 'forms-large-'));
  const file = join(dir, 'large.json');
  await writeFile(file, bigSpec());
  await page.getByLabel('Open spec file').setInputFiles(file);
  await waitForMonaco(page, '"Large forms"');
}, 120_000);

afterAll(async () => {
  await h?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('2,000 user inputs', () => {
  it('the table renders the rows in view; an edit at row 1,998 rewrites only that value', async () => {
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: /^User inputs/ })
      .click();
    await page.getByText(/^2,000 parameters: only the rows in view are shown/).waitFor();
    expect(await page.locator('.sf-param').count()).toBeLessThan(60);
    const before = (await monacoValue(page)) ?? '';
    const scroller = page.locator('.sf-param-scroll');
    const target = page.getByLabel('Description of input_1998', { exact: true });
    for (let i = 0; i < 20 && !(await target.count()); i++) {
      await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await page.waitForTimeout(100);
    }
    await target.click();
    await page.keyboard.press('End');
    await page.keyboard.type('!');
    await until(
      () => monacoValue(page),
      before.replace('"description": "Input-1998"', '"description": "Input-1998!"'),
    );
  });

  it('the Customer view shows the 2,000 fields but not the hidden one', async () => {
    await page.getByRole('tab', { name: /Customer view/ }).click();
    const view = page.getByRole('region', { name: 'Customer view' });
    await view.getByLabel(/^Title 1999/).waitFor({ timeout: 30_000 });
    expect(await view.getByLabel(/^Title 4$/).count()).toBe(1);
    expect(await view.getByLabel(/^Title 5$/).count()).toBe(0);
    await view.getByLabel(/^Title 1999/).fill('typed');
    expect(await view.getByLabel(/^Title 1999/).inputValue()).toBe('typed');
  });
});
