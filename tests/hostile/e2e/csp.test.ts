/**
 * The strict Content-Security-Policy of the production build (index.html's meta tag): the app is
 * exercised end to end (every built-in example, a form edit, typing in Monaco, each preview tab with
 * the example's sample) while every CSP violation is recorded, from the console and from a
 * `securitypolicyviolation` listener installed before any script of the page runs. Any violation fails.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST, startHarness, type Harness } from '../../e2e/harness';

let h: Harness;
let page: Page;
const violations: string[] = [];
const EXAMPLES = ['MailChimp Members', 'Zendesk users', 'Acme orders', 'Pulse events'];

/** Violations seen by the in-page listener (kept on window by the init script). */
const pageViolations = () =>
  page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);

beforeAll(async () => {
  h = await startHarness();
  await h.context.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations.push(
        `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  h.context.on('page', (p) =>
    p.on('console', (msg) => {
      if (/Content[- ]Security[- ]Policy/i.test(msg.text())) violations.push(msg.text());
    }),
  );
  page = await h.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${h.baseUrl}/?e2e`);
  await page.locator('.monaco-editor .view-lines').first().waitFor();
});

afterAll(async () => {
  await h?.close();
});

describe('CSP: the strict policy holds while the app is used', () => {
  it('CSP: no script in the build generates code at run time (no eval, no new Function)', async () => {
    const dir = join(DIST, 'assets');
    const scripts = (await readdir(dir)).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(3);
    for (const file of scripts) {
      const code = await readFile(join(dir, file), 'utf8');
      // A method named `eval` (re2js's prefilter: `p.eval(input, pos)`, `eval(e,t){…}`) is not the global.
      const globalEval = /(?:(?<![.\w$])|(?<=\b(?:globalThis|window|self)\.))eval\s*\((?![\w$,\s]*\)\s*\{)/;
      const hit = /\bnew Function\s*\(/.exec(code)?.[0] ?? globalEval.exec(code)?.[0] ?? null;
      expect({ file, hit }).toEqual({
        file,
        hit: null,
      });
    }
  });

  it('CSP: the built page carries the strict policy (no unsafe-eval, no unsafe-inline scripts)', async () => {
    const html = await readFile(join(DIST, 'index.html'), 'utf8');
    // The policy is injected by vite.config.ts, which writes attribute quotes as &#39;.
    const raw = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const csp = raw.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-eval');
    for (const d of ["object-src 'none'", "base-uri 'none'", "form-action 'none'", "connect-src 'self'"])
      expect(csp).toContain(d);
    const seen = await page.evaluate(() =>
      document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
    );
    expect(seen).toBe(csp);
  });

  it.each(EXAMPLES)(
    'CSP: example %s loads, is edited in the form and in Monaco, and previews',
    async (title) => {
      await page.getByRole('button', { name: 'Start' }).click();
      await page.getByRole('menuitem', { name: new RegExp(`^Example: ${title}`) }).click();
      await page
        .getByRole('heading', { name: new RegExp(title, 'i') })
        .first()
        .waitFor();
      // The preview with the example's sample, every tab.
      await page.getByRole('tab', { name: /Samples/ }).click();
      const remove = page.getByRole('button', { name: 'Remove all' });
      if (await remove.isVisible()) await remove.click();
      await page.getByRole('button', { name: 'Load the example’s sample' }).click();
      for (const tab of [/Records/, /Requests/, /Schedule/, /Customer view/, /Samples/]) {
        await page.getByRole('tab', { name: tab }).click();
        await page.waitForTimeout(150);
      }
      await page.getByRole('tab', { name: /Records/ }).click();
      await page.getByText(/up to date/).waitFor();
      // A form edit: the spec's name (Source section).
      await page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('button', { name: /^Source/ })
        .click();
      const name = page.getByLabel('Name', { exact: true });
      await name.fill(`${title} (CSP run)`);
      // Typing in Monaco (an edit at the end of the text, then undone).
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.type(' ');
      await page.keyboard.press('ControlOrMeta+Z');
      expect(await pageViolations()).toEqual([]);
      expect(violations).toEqual([]);
    },
  );

  it('CSP: no violation and no request off 127.0.0.1 over the whole session', async () => {
    expect(await pageViolations()).toEqual([]);
    expect(violations).toEqual([]);
    expect(h.offOrigin).toEqual([]);
    expect(h.consoleErrors.filter((e) => /Content[- ]Security[- ]Policy|unsafe-eval/i.test(e))).toEqual([]);
  });

  it('CSP: the policy is enforced and the recorder sees it (injected inline script and string timer refused)', async () => {
    await page.evaluate(() => {
      const el = document.createElement('script');
      el.textContent = 'window.__inlineRan = true';
      document.body.append(el);
      // A string timer is eval-like: refused without 'unsafe-eval'.
      (setTimeout as unknown as (code: string, ms: number) => number)('window.__evalRan = true', 0);
    });
    await page.waitForTimeout(200);
    const ran = await page.evaluate(() => {
      const w = window as unknown as { __inlineRan?: boolean; __evalRan?: boolean };
      return [w.__inlineRan === true, w.__evalRan === true];
    });
    expect(ran).toEqual([false, false]);
    const seen = (await pageViolations()).join('\n');
    expect(seen).toMatch(/script-src/);
    expect(seen).toMatch(/eval/);
  });
});
