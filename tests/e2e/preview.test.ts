import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';

let h: Harness;
let page: Page;
const FIXTURES = new URL('../fixtures/preview/', import.meta.url).pathname;
const EXAMPLES = new URL('../../public/examples/', import.meta.url).pathname;

async function openExample(title: string): Promise<void> {
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('menuitem', { name: new RegExp(`^Example: ${title}`) }).click();
  await page
    .getByRole('heading', { name: new RegExp(title, 'i') })
    .first()
    .waitFor();
}

/** Replaces the whole Monaco text by typing one line (no auto-closing surprises). */
async function typeInJson(text: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

const tab = (name: RegExp) => page.getByRole('tab', { name }).click();
const upToDate = () => page.getByText(/up to date/).waitFor();
const headers = () =>
  page.getByRole('table', { name: 'Flattened records' }).locator('.pv-th-label').allTextContents();
const loadSamples = (...files: string[]) =>
  page.getByLabel('Sample files').setInputFiles(files.map((f) => FIXTURES + f));
const removeAllSamples = async () => {
  await tab(/Samples/);
  const button = page.getByRole('button', { name: 'Remove all' });
  if (await button.isVisible()) await button.click();
};

beforeAll(async () => {
  h = await startHarness();
  page = await h.newPage();
  await page.goto(`${h.baseUrl}/?e2e`);
  await page.locator('.monaco-editor .view-lines').first().waitFor();
});

afterAll(async () => {
  await h?.close();
});

describe('preview (real Chromium, worker)', () => {
  it('MailChimp example + a members sample → the expected rows and columns', async () => {
    await openExample('MailChimp Members');
    await tab(/Samples/);
    await loadSamples('members.sample.json');
    await tab(/Records/);
    await upToDate();
    // The heavy work runs in the preview worker, not on the main thread.
    expect(page.workers().some((w) => w.url().includes('preview.worker'))).toBe(true);
    expect(await page.getByText('3 records from 1 page').count()).toBe(1);
    expect(await headers()).toEqual([
      'member.id',
      'member.email_address',
      'member.status',
      'member.merge_fields.FNAME',
      'member.merge_fields.AGE',
      'member.tags',
    ]);
    const rows = page.getByRole('table', { name: 'Flattened records' }).getByRole('row');
    expect(await rows.count()).toBe(4);
    expect(await rows.nth(2).getByRole('cell').allTextContents()).toEqual([
      '2',
      'm1',
      'u1@example.com',
      'subscribed',
      'U1',
      'null',
      '[{"id":1,"name":"t"}]',
    ]);
  });

  it('a skipAttributes change in the JSON changes the columns', async () => {
    const spec = JSON.parse(await readFile(`${EXAMPLES}mailchimp-members.json`, 'utf8'));
    spec.sourceSpec.attributes.contentPath.skipAttributes.push('tags', 'merge_fields');
    await typeInJson(JSON.stringify(spec));
    await tab(/Records/);
    await page.getByText(/up to date/).waitFor();
    await expect
      .poll(headers, { timeout: 10_000 })
      .toEqual(['member.id', 'member.email_address', 'member.status']);
  });

  it('a sample that is not JSON shows its error with a location, and the rest still works', async () => {
    await tab(/Samples/);
    await page
      .getByLabel('Paste a response of your API')
      .fill('{\n  "members": [\n    {"id": "x",,}\n  ]\n}');
    await page.getByRole('button', { name: 'Add page' }).click();
    const error = page.getByRole('alert').filter({ hasText: /^page 2: line 3, column \d+: / });
    await error.waitFor();
    await tab(/Records/);
    await upToDate();
    expect(await page.getByText('3 records from 1 page').count()).toBe(1);
    const name = page.getByLabel('Name', { exact: true });
    await name.fill('Renamed source');
    const json = async () =>
      ((await page.locator('.monaco-editor .view-lines').first().textContent()) ?? '').replace(
        /\u00a0/g,
        ' ',
      );
    await expect.poll(json).toContain('"name":"Renamed source"');
  });

  it('three sample pages → three requests with offsets 0, n, 2n and the stop reason', async () => {
    await openExample('MailChimp Members');
    await removeAllSamples();
    await loadSamples('members.p1.json', 'members.p2.json', 'members.p3.json');
    await tab(/Requests/);
    await page.getByLabel(/^listId/).fill('L1');
    await page.getByLabel(/^domain/).fill('us6');
    await page.getByLabel(/^accessToken/).fill('s3cret');
    const urls = page.getByRole('list', { name: 'Simulated requests' }).locator('.pv-url');
    // Inputs still empty show as ‹name› (issue 8 D10): wait for three requests without any.
    const missing = page.locator('.pv-missing');
    await expect
      .poll(async () => [await urls.count(), await missing.count()], { timeout: 10_000 })
      .toEqual([3, 0]);
    const offsets = (await urls.allTextContents()).map((u) => new URL(u).searchParams.get('offset'));
    expect(offsets).toEqual(['0', '100', '200']);
    const stop = page.getByRole('status', { name: 'Stop reason' });
    // The example stops on a short page (p3 has 50 < 100 members): real MailChimp has no $.hasMore.
    expect(await stop.textContent()).toContain('short-page');
    expect(await page.getByText('Bearer ••••').count()).toBe(3);
    expect(await page.getByText('Bearer s3cret').count()).toBe(0);
  });

  it('an explode example → one row per sub-array element', async () => {
    await openExample('Acme orders');
    await removeAllSamples();
    await page.getByRole('button', { name: 'Load the example’s sample' }).click();
    await tab(/Records/);
    await upToDate();
    const rows = page.getByRole('table', { name: 'Flattened records' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(4);
    expect(await headers()).toContain('order.lineItem.sku');
    const at = (await headers()).indexOf('order.lineItem.sku') + 1;
    const cells = await rows.evaluateAll(
      (rs, i) => rs.slice(1).map((r) => r.querySelectorAll('[role=cell]')[i]?.textContent),
      at,
    );
    const ids = await rows.evaluateAll((rs) =>
      rs.slice(1).map((r) => r.querySelectorAll('[role=cell]')[1]?.textContent),
    );
    expect(cells).toEqual(['A-1', 'B-2', 'C-3']);
    expect(ids).toEqual(['o-1001', 'o-1001', 'o-1002']);
    expect(h.consoleErrors).toEqual([]);
    expect(h.offOrigin).toEqual([]);
  });
  it('select a record → the explainer shows the steps, with the rule of each', async () => {
    // Still the Acme orders example with its sample: order o-1001 has two line items.
    await tab(/Records/);
    await upToDate();
    const rows = page.getByRole('table', { name: 'Flattened records' }).getByRole('row');
    await rows.nth(2).click();
    const why = page.getByRole('region', { name: 'Why this record' });
    await why.getByText(/record 2 of 3 from page 1/).waitFor();
    const steps = why.getByRole('list', { name: 'Flattening steps' }).getByRole('listitem');
    expect(await steps.count()).toBe(4);
    const texts = await steps.allTextContents();
    expect(texts[0]).toMatch(/^1Matched\$\.orders matched the array at \/orders; content item 1 of 2/);
    expect(texts[1]).toContain('placed under order');
    expect(texts[2]).toMatch(/removed _links \(skipAttributes\)|kept whole|nothing removed/);
    expect(texts[3]).toMatch(/element 1 of 2 of the array at \/order\/lineItems, placed under lineItem/);
    expect(await page.getByRole('region', { name: 'Record 2' }).textContent()).toContain('"lineItem"');
  });

  it('customer view: the values a customer enters change the simulated URL', async () => {
    await tab(/Customer view/);
    const view = page.getByRole('region', { name: 'Customer view' });
    await view.getByLabel(/^host/).fill('https://shop.example.com');
    await view.getByLabel(/^username/).fill('ann');
    await view.getByLabel(/^password/).fill('pw');
    expect(await view.getByLabel(/^password/).getAttribute('type')).toBe('password');
    await view.getByLabel(/^Store ID/).fill('S-42');
    const first = view.getByRole('status', { name: 'First request' });
    await expect
      .poll(() => first.textContent(), { timeout: 10_000 })
      .toContain('GET https://shop.example.com/v2/stores/S-42/orders?status=any');
    await tab(/Requests/);
    const urls = page.getByRole('list', { name: 'Simulated requests' }).locator('.pv-url');
    await expect.poll(() => urls.first().textContent()).toContain('/v2/stores/S-42/orders');
    expect(
      await page
        .getByLabel(/^Store ID|^storeId/)
        .first()
        .inputValue(),
    ).toBe('S-42');
    expect(h.consoleErrors).toEqual([]);
    expect(h.offOrigin).toEqual([]);
  });
});
