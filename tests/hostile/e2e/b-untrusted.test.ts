/**
 * Group B in real Chromium under the production CSP: a hostile spec opened through the app's real
 * import path runs no script (B1, B2), never makes a request off 127.0.0.1 for remote `$ref`s or a
 * remote `$schema` (B4), and stays responsive while a long value is typed into a field whose schema
 * pattern is a ReDoS (B5).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from '../../e2e/harness';

const DIR = new URL('../../fixtures/hostile/ui/', import.meta.url).pathname;
let h: Harness;
let page: Page;
let tmp: string;

const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null);

/** Writes base.spec.json with `sourceSpec.spec` = schemas.json[name] (and extra root keys) to a file. */
async function specWith(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const base = JSON.parse(await readFile(join(DIR, 'base.spec.json'), 'utf8')) as Record<string, unknown>;
  const schemas = JSON.parse(await readFile(join(DIR, 'schemas.json'), 'utf8')) as Record<string, unknown>;
  (base['sourceSpec'] as Record<string, unknown>)['spec'] = schemas[name];
  const file = join(tmp, `${name}.json`);
  await writeFile(file, JSON.stringify({ ...extra, ...base }, null, 2));
  return file;
}

/** Start → Open file… with `file`, then the Customer view tab. */
async function openFile(file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('menuitem', { name: 'Open file…' }).click();
  await (await chooser).setFiles(file);
  await page.locator('.toast', { hasText: 'Opened' }).last().waitFor();
}

const customerView = async () => {
  await page.getByRole('tab', { name: /Customer view/ }).click();
  return page.getByRole('region', { name: 'Customer view' });
};

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'hostile-ui-'));
  h = await startHarness();
  page = await h.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${h.baseUrl}/?e2e`);
  await page.locator('.monaco-editor .view-lines').first().waitFor();
});

afterAll(async () => {
  await h?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('untrusted spec content in the browser', () => {
  it('B1: a spec full of <img onerror> and <script> opens, forms and customer view render it as text, nothing runs', async () => {
    await openFile(join(DIR, 'html.spec.json'));
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: /^Source/ })
      .click();
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe(
      '<img src=x onerror="window.__pwned=1">',
    );
    const view = await customerView();
    await view.getByText('<script>window.__pwned=4</script>').waitFor();
    await page.waitForTimeout(300);
    expect(await pwned()).toBeNull();
    expect(await page.locator('#root img, #root script').count()).toBe(0);
  });

  it('B1/B2: HTML enum labels and javascript: markdown links in the customer view stay text', async () => {
    await openFile(await specWith('b1-html'));
    let view = await customerView();
    await view
      .getByRole('option', { name: '<img src=x onerror="window.__pwned=6">' })
      .waitFor({ state: 'attached' });
    await openFile(await specWith('b2-markdown'));
    view = await customerView();
    await view.getByText(/^\[click me\]\(javascript:window\.__pwned=8\)/).waitFor();
    expect(await view.locator('a').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await pwned()).toBeNull();
  });

  it('B4: remote, file: and metadata-IP $refs and a remote $schema are never requested; reported unresolved', async () => {
    const before = h.requests.length;
    await openFile(await specWith('b4-remote', { $schema: 'https://schemas.invalid/connection-spec.json' }));
    const view = await customerView();
    const notes = view.getByRole('note', { name: 'Schema notices' });
    await notes.waitFor();
    const text = (await notes.textContent()) ?? '';
    expect(text).toContain('$ref "https://schemas.invalid/evil.json"');
    expect(text).toContain('$ref "file:///etc/passwd"');
    expect(text).toContain('$ref "http://169.254.169.254/latest/meta-data/"');
    await page.getByRole('tab', { name: /Requests/ }).click();
    await page.waitForTimeout(1_000);
    const after = h.requests.slice(before);
    expect(after.filter((u) => /schemas\.invalid|169\.254|^file:/.test(u))).toEqual([]);
    expect(h.offOrigin).toEqual([]);
  });

  it('B5: typing a 20,000-character value into a field with a ReDoS pattern keeps the page responsive', async () => {
    await openFile(await specWith('b5-redos'));
    const view = await customerView();
    await view
      .getByRole('note', { name: 'Schema notices' })
      .getByText(/uses a backreference/)
      .first()
      .waitFor();
    const field = view.getByLabel(/^List ID/);
    const long = 'a'.repeat(20_000) + '!';
    const started = Date.now();
    await field.fill(long);
    await view.getByLabel(/^Mode/).fill(long);
    // The main thread answers quickly afterwards: no backtracking is running.
    const lag = await page.evaluate(
      () =>
        new Promise<number>((r) => {
          const t = performance.now();
          setTimeout(() => r(performance.now() - t), 0);
        }),
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(lag).toBeLessThan(500);
    expect(await field.inputValue()).toBe(long);
  });

  it('B1–B5: no console error from any of it, no request off 127.0.0.1', () => {
    expect(h.consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    expect(h.offOrigin).toEqual([]);
  });
});
