/**
 * Regression cases in the app (issue 14 §1): save a case from the preview, edit the spec so the records
 * change, see the case fail with the diff in the Tests tab, accept the new output, see it pass; a reload
 * keeps the case (IndexedDB, by document id).
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openExample, typeInJson, waitForMonaco } from './editor.helpers';
import { startHarness, type Harness } from './harness';

let h: Harness;
let page: Page;
const FIXTURES = new URL('../fixtures/preview/', import.meta.url).pathname;
const EXAMPLES = new URL('../../public/examples/', import.meta.url).pathname;

const tab = (name: RegExp) => page.getByRole('tab', { name }).click();
const badge = () => page.locator('.cs-case .cs-badge').first();

beforeAll(async () => {
  h = await startHarness();
  page = await h.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${h.baseUrl}/?e2e`);
  await waitForMonaco(page);
});

afterAll(async () => {
  await h?.close();
});

describe('regression cases (real Chromium, worker, IndexedDB)', () => {
  it('save a case, edit the spec, see it fail with the diff, accept, see it pass; reload keeps it', async () => {
    await openExample(page, 'MailChimp Members');
    await tab(/Samples/);
    await page.getByLabel('Sample files').setInputFiles([`${FIXTURES}members.sample.json`]);
    await tab(/Requests/);
    await page.getByText(/up to date/).waitFor();
    await page.getByRole('button', { name: 'Save as test case' }).click();
    await page.getByText(/Saved test case “Case 1: 1 page”/).waitFor();

    await tab(/Tests/);
    await expect.poll(() => badge().textContent(), { timeout: 10_000 }).toBe('pass');
    await page.getByText('1 case: 1 passed, 0 failed').waitFor();
    // The cases run in their own worker, never on the main thread.
    expect(page.workers().some((w) => w.url().includes('cases.worker'))).toBe(true);

    // Skip a field: every record loses it, so the case fails with that field named.
    const spec = JSON.parse(await readFile(`${EXAMPLES}mailchimp-members.json`, 'utf8'));
    spec.sourceSpec.attributes.contentPath.skipAttributes.push('status');
    await typeInJson(page, JSON.stringify(spec));
    await tab(/Tests/);
    await expect.poll(() => badge().textContent(), { timeout: 10_000 }).toBe('fail');
    await page.getByText('1 case: 0 passed, 1 failed').waitFor();
    const diff = page.getByLabel('Differences');
    await diff.getByText(/Records: 3 changed, 0 added, 0 removed/).waitFor();
    expect(await diff.getByText('Record 1 changed: 1 field').count()).toBe(1);
    const row = diff.locator('.cs-fields tbody tr').first();
    expect(await row.locator('th').textContent()).toBe('member.status');
    expect(await row.locator('.cs-old').textContent()).toBe('"subscribed"');
    expect(await row.locator('.cs-new').textContent()).toBe('(absent)');
    // Polish check: the Tests tab with a failing case, light and dark, at 1280 px.
    await page.screenshot({ path: '/tmp/a6-tests-fail-light.png' });
    await page.locator('.pv-pane').screenshot({ path: '/tmp/a6-tests-pane-light.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: '/tmp/a6-tests-fail-dark.png' });
    await page.locator('.pv-pane').screenshot({ path: '/tmp/a6-tests-pane-dark.png' });
    await page.emulateMedia({ colorScheme: 'light' });

    await page.getByRole('button', { name: 'Accept new output' }).click();
    await expect.poll(() => badge().textContent(), { timeout: 10_000 }).toBe('pass');
    await page.getByText('1 case: 1 passed, 0 failed').waitFor();
    expect(await page.getByLabel('Differences').count()).toBe(0);

    // The case (with the accepted output) is stored with the document: a reload restores it.
    await page.waitForTimeout(300);
    await page.reload();
    await waitForMonaco(page);
    await tab(/Tests/);
    await page.getByRole('textbox', { name: 'Case name' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Case name' }).inputValue()).toBe('Case 1: 1 page');
    await expect.poll(() => badge().textContent(), { timeout: 10_000 }).toBe('pass');

    // A page size change alters the requests: the diff names the request and its old and new URL.
    spec.sourceSpec.attributes.paginationParams.limitValue = '2';
    await typeInJson(page, JSON.stringify(spec));
    await tab(/Tests/);
    await expect.poll(() => badge().textContent(), { timeout: 10_000 }).toBe('fail');
    await diff.getByText(/Requests: 1 changed, 0 added, 0 removed/).waitFor();
    expect(await diff.locator('.cs-new').first().textContent()).toMatch(/count=2/);
    await page.locator('.pv-pane').screenshot({ path: '/tmp/a6-tests-requests-light.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('.pv-pane').screenshot({ path: '/tmp/a6-tests-requests-dark.png' });
    await page.emulateMedia({ colorScheme: 'light' });
    expect(h.offOrigin).toEqual([]);
  });
});
