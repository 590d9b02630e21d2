/**
 * Issue 13 item 7 in Chromium: every visible form control of the app has an accessible name, as
 * Chromium's own accessibility tree computes it (CDP Accessibility.getFullAXTree), with a real spec and
 * its sample pages loaded, over every form section and every preview tab; every "required" checkbox
 * names its parameter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { openEditorPage, openExample, waitForMonaco } from './editor.helpers';
import type { Harness } from './harness';

let h: Harness;
let page: Page;
let cdp: CDPSession;

/** Roles of the controls a user operates: each needs a name. */
const CONTROL_ROLES = new Set([
  'button',
  'checkbox',
  'combobox',
  'listbox',
  'menuitem',
  'radio',
  'searchbox',
  'slider',
  'spinbutton',
  'switch',
  'tab',
  'textbox',
  'link',
]);

interface AXNode {
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  backendDOMNodeId?: number;
}

/** The visible controls without a name, each described by its tag, id, class and nearby text. */
async function unnamedControls(where: string): Promise<string[]> {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
  const out: string[] = [];
  for (const n of nodes) {
    const role = n.role?.value ?? '';
    if (n.ignored || !CONTROL_ROLES.has(role) || (n.name?.value ?? '').trim() !== '') continue;
    if (n.backendDOMNodeId === undefined) continue;
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: n.backendDOMNodeId })) as {
      object: { objectId?: string };
    };
    if (!object.objectId) continue;
    const { result } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      returnByValue: true,
      functionDeclaration: `function () {
        const r = this.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return null;
        const around = (this.closest('[aria-label], section, form, fieldset, div')?.textContent ?? '').slice(0, 60);
        return this.tagName.toLowerCase() + '#' + this.id + '.' + String(this.className).slice(0, 40) + ' near "' + around + '"';
      }`,
    })) as { result: { value: string | null } };
    if (result.value) out.push(`${where}: ${role} ${result.value}`);
  }
  return out;
}

beforeAll(async () => {
  ({ h, page } = await openEditorPage());
  cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  await cdp.send('DOM.enable');
  await openExample(page, 'Zendesk');
  await waitForMonaco(page, 'Zendesk');
  await page.getByRole('button', { name: 'Load the example’s sample' }).click();
  await page.getByRole('tab', { name: /^Samples/ }).waitFor();
});

afterAll(async () => {
  await h?.close();
});

describe('accessible names (item 7)', () => {
  it('every visible control has a name, over every form section and preview tab', async () => {
    const problems: string[] = [];
    const nav = page.getByRole('navigation', { name: 'Sections' });
    const sections = await nav.getByRole('button').allTextContents();
    expect(sections.length).toBeGreaterThan(10);
    for (let i = 0; i < sections.length; i++) {
      await nav.getByRole('button').nth(i).click();
      problems.push(...(await unnamedControls(`section ${sections[i]}`)));
    }
    const tabs = page.getByRole('tablist').first().getByRole('tab');
    const names = await tabs.allTextContents();
    expect(names.length).toBeGreaterThan(5);
    for (let i = 0; i < names.length; i++) {
      await tabs.nth(i).click();
      await page.waitForTimeout(200);
      problems.push(...(await unnamedControls(`preview tab ${names[i]}`)));
    }
    expect(problems).toEqual([]);
  });

  it('the check itself finds a visible input without a name', async () => {
    await page.evaluate(() => {
      const el = document.createElement('input');
      el.id = 'a5-probe';
      document.querySelector('.form-pane')?.prepend(el);
    });
    expect(await unnamedControls('probe')).toEqual([expect.stringMatching(/^probe: textbox input#a5-probe/)]);
    await page.evaluate(() => document.getElementById('a5-probe')?.remove());
    expect(await unnamedControls('probe')).toEqual([]);
  });

  it('every "required" checkbox of the auth parameters names its parameter', async () => {
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await nav.getByRole('button', { name: /^Authentication/ }).click();
    const required = page.locator('.form-pane').getByRole('checkbox', { name: /required/ });
    expect(await required.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual([
      'host is required',
      'accessToken is required',
    ]);
  });
});
