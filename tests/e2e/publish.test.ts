/**
 * Publish to Adobe and Open from Adobe (issue 11 §3) in real Chromium, through the real
 * `spec-studio serve` (`/api/fetch`, --allow-private-hosts) against the fake Flow Service
 * (tests/server/fakeFlowService.ts) on 127.0.0.1: the base URL is set to the fake in the dialog.
 * Plus the disabled state under `vite preview`. Screenshots of the steps, light and dark, go to
 * test-results/publish-*.png.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  FAKE_ADOBE_CREDENTIALS as CREDS,
  FLOW_SPEC_ID,
  startFakeFlowService,
  type FakeFlowService,
} from '../server/fakeFlowService';
import { monacoValue, openExample, until, waitForMonaco } from './editor.helpers';
import { startHarness, type Harness } from './harness';

const NEW_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const SHOTS = new URL('../../test-results/', import.meta.url).pathname;

let h: Harness;
let flow: FakeFlowService;
let page: Page;

type Hook = { __specStudio: { store: { getState(): { doc: Record<string, unknown>; text: string } } } };
const doc = (p: Page) => p.evaluate(() => (window as unknown as Hook).__specStudio.store.getState().doc);
const dialog = (name: string) => page.getByRole('dialog', { name });
const startItem = async (name: string) => {
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('menuitem', { name: new RegExp(`^${name}`) }).click();
};
const steps = () =>
  dialog('Publish to Adobe').getByRole('list', { name: 'Publish steps' }).getByRole('listitem');
const stepTexts = async () => (await steps().allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());

/** Fills the credentials (and the base URL, under Advanced) of the open dialog. */
async function fillCredentials(d: Locator, token: string = CREDS.accessToken): Promise<void> {
  await d.getByLabel('IMS access token').fill(token);
  await d.getByLabel('API key').fill(CREDS.apiKey);
  await d.getByLabel('Org id').fill(CREDS.orgId);
  await d.getByLabel('Sandbox').fill(CREDS.sandbox);
  const base = d.getByLabel('Base URL');
  if (!(await base.isVisible())) await d.getByText('Advanced').click();
  await base.fill(flow.baseUrl);
}

async function publishAndWait(): Promise<string> {
  const d = dialog('Publish to Adobe');
  await d.getByRole('button', { name: /^Publish( again)?$/ }).click();
  const result = d.locator('.pub-result');
  await result.waitFor();
  return (await result.innerText()).trim();
}

async function shoot(name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${SHOTS}publish-${name}-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Every place a secret could leak to on the page side: the page's text, storage, the server log. */
async function leaks(): Promise<string[]> {
  const pageText = await page.evaluate(
    () => `${document.body.innerText}\n${document.body.innerHTML}\n${JSON.stringify({ ...localStorage })}`,
  );
  const where = [pageText, h.serverLog.join('')];
  return [CREDS.accessToken, CREDS.apiKey].filter((s) => where.some((w) => w.includes(s)));
}

beforeAll(async () => {
  flow = await startFakeFlowService({ connectionSpecIds: [NEW_ID] });
  h = await startHarness({ serve: true });
  page = await h.newPage();
  await page.goto(`${h.baseUrl}/?e2e`);
  await waitForMonaco(page);
  await openExample(page, 'MailChimp Members');
  await waitForMonaco(page, 'MailChimp');
}, 90_000);

afterAll(async () => {
  await h?.close();
  await flow?.close();
});

describe('Publish to Adobe through spec-studio serve', () => {
  it('happy path: POST, flow spec GET + PUT, each step shown; the new id goes into the spec', async () => {
    const text = await monacoValue(page);
    await startItem('Publish to Adobe');
    const d = dialog('Publish to Adobe');
    await d.waitFor();
    await expect(d.getByRole('button', { name: 'Publish' }).isDisabled()).resolves.toBe(true);
    await expect(d.getByLabel('IMS access token').getAttribute('type')).resolves.toBe('password');
    await expect(d.getByLabel('API key').getAttribute('type')).resolves.toBe('password');
    await fillCredentials(d);
    const result = await publishAndWait();
    expect(result).toMatch(new RegExp(`^Published: connection spec ${NEW_ID} \\(created\\)`));
    expect(result).toContain('Its id is in the spec');
    const shown = await stepTexts();
    expect(shown[0]).toMatch(/^✓ Create the connection spec 200 · done/);
    expect(shown[0]).toContain(`200 created: id ${NEW_ID}`);
    expect(shown[1]).toMatch(/^✓ Read the RestStorageToAEP flow spec 200 · done/);
    expect(shown[2]).toMatch(/^✓ Add the id to the flow spec 200 · done/);
    // what the fake received: the spec as the user had it, then the flow spec with the id appended
    const got = flow.requests.map((r) => `${r.method} ${r.path} ${r.status}`);
    expect(got).toEqual([
      'POST /data/foundation/flowservice/connectionSpecs 200',
      `GET /data/foundation/flowservice/flowSpecs/${FLOW_SPEC_ID} 200`,
      `PUT /data/foundation/flowservice/flowSpecs/${FLOW_SPEC_ID} 200`,
    ]);
    expect(flow.requests[0]?.body).toBe(text);
    expect(flow.requests[0]?.headers.authorization).toBe(`Bearer ${CREDS.accessToken}`);
    expect(flow.requests[0]?.headers['x-sandbox-name']).toBe(CREDS.sandbox);
    const ids = flow.state.flowSpec.sourceConnectionSpecIds as string[];
    expect(ids.filter((x) => x === NEW_ID)).toHaveLength(1);
    // the id is kept with the document: in the spec (so the next publish is a PUT)
    expect((await doc(page)).id).toBe(NEW_ID);
    expect(await d.getByText(`Next publish updates connection spec ${NEW_ID} (PUT)`).count()).toBe(1);
    await shoot('done');
    // the request line and headers are shown masked
    await steps().first().locator('summary').click();
    const headers = await steps().first().locator('pre').innerText();
    expect(headers).toContain('Authorization: Bearer ••••');
    expect(headers).toContain('x-api-key: ••••');
    expect(headers).toContain(`x-gw-ims-org-id: ${CREDS.orgId}`);
    expect(await leaks()).toEqual([]);
  }, 60_000);

  it('publishing again is a PUT of that id, and the flow spec step is skipped: already there', async () => {
    const before = flow.requests.length;
    const result = await publishAndWait();
    expect(result).toMatch(new RegExp(`^Published: connection spec ${NEW_ID} \\(updated\\)`));
    expect(
      flow.requests.slice(before).map((r) => `${r.method} ${r.path.split('/').slice(4).join('/')}`),
    ).toEqual([`PUT connectionSpecs/${NEW_ID}`, `GET flowSpecs/${FLOW_SPEC_ID}`]);
    const shown = await stepTexts();
    expect(shown[0]).toMatch(new RegExp(`^✓ Update connection spec ${NEW_ID} 200 · done`));
    expect(shown[2]).toMatch(/^✓ Add the id to the flow spec skipped/);
    expect(shown[2]).toContain(`already there: ${NEW_ID} is in sourceConnectionSpecIds`);
    expect(flow.state.flowSpecPuts).toBe(1);
  }, 60_000);

  it("a 400 stops at step 1 with Adobe's error message; nothing else is sent", async () => {
    flow.failNext(`/connectionSpecs/${NEW_ID}`, 400, {
      type: 'https://ns.adobe.com/aep/errors/FLOW-1103-400',
      title: 'Invalid request',
      status: 400,
      report: { detailed: 'sourceSpec.attributes.urlParams.path is required.' },
    });
    const before = flow.requests.length;
    const result = await publishAndWait();
    expect(result).toBe('Stopped at step 1: nothing after it was sent.');
    expect(flow.requests.length - before).toBe(1);
    const shown = await stepTexts();
    expect(shown[0]).toMatch(/^✗ Update connection spec .* 400 · failed/);
    expect(shown[0]).toContain('400 Invalid request: sourceSpec.attributes.urlParams.path is required.');
    expect(shown[0]).toContain('What to check: Adobe refused the spec');
    expect(shown[1]).toMatch(/not sent$/);
    expect(shown[2]).toMatch(/not sent$/);
    await shoot('400');
  }, 60_000);

  it('a 401 (wrong token) stops with the gateway message', async () => {
    const d = dialog('Publish to Adobe');
    await d.getByLabel('IMS access token').fill('expired-token-0000');
    const result = await publishAndWait();
    expect(result).toMatch(/^Stopped at step 1/);
    expect((await stepTexts())[0]).toContain('401 Oauth token is not valid [401013]');
    expect(await stepTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('What to check: check the IMS access token')]),
    );
    await d.getByLabel('IMS access token').fill(CREDS.accessToken);
    await d.locator('.dialog-footer').getByRole('button', { name: 'Close' }).click();
    expect(await leaks()).toEqual([]);
  }, 60_000);
});

describe('Open from Adobe', () => {
  it('opens the spec by id as a new document (credentials still in memory), keeping the current one', async () => {
    // change the current spec so there is something to keep
    await page.evaluate(() =>
      (
        window as unknown as {
          __specStudio: { store: { getState(): { updateAt(p: string, v: string): boolean } } };
        }
      ).__specStudio.store
        .getState()
        .updateAt('/description', 'kept in the library'),
    );
    await startItem('Open from Adobe');
    const d = dialog('Open from Adobe');
    await d.waitFor();
    // typed earlier in this page's life: still in memory, never in storage
    await expect(d.getByLabel('IMS access token').inputValue()).resolves.toBe(CREDS.accessToken);
    await expect(d.getByLabel('Base URL').inputValue()).resolves.toBe(flow.baseUrl);
    await d.getByLabel('Connection spec id').fill(NEW_ID);
    const before = flow.requests.length;
    await shoot('open-dialog');
    await d.getByRole('button', { name: 'Open' }).click();
    await d.waitFor({ state: 'detached' });
    expect(flow.requests.slice(before).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `GET /data/foundation/flowservice/connectionSpecs/${NEW_ID} 200`,
    ]);
    await until(async () => (await doc(page)).id, NEW_ID);
    const opened = await doc(page);
    expect(opened.name).toBe((JSON.parse(flow.requests[0]?.body ?? '{}') as { name: string }).name);
    expect(opened.description).not.toBe('kept in the library');
    expect(typeof opened.createdAt).toBe('number');
    // Adobe's server-set fields (id, audit fields) are kept and never flagged
    await page.waitForTimeout(800);
    const pointers = await page.evaluate(() =>
      (
        window as unknown as {
          __specStudio: { store: { getState(): { diagnostics: Array<{ pointer: string }> } } };
        }
      ).__specStudio.store
        .getState()
        .diagnostics.map((d) => d.pointer),
    );
    expect(
      pointers.filter((x) => /^\/(id|createdAt|updatedAt|createdBy|updatedBy|imsOrgId|sandboxName)$/.test(x)),
    ).toEqual([]);
    const toasts = await page.locator('.toasts').innerText();
    expect(toasts).toContain('from Adobe');
    expect(toasts).toMatch(/previous spec .* is in the library/);
    expect(toasts).toContain(`It came from Adobe (sandbox ${CREDS.sandbox}, id ${NEW_ID})`);
    // the opened spec publishes as a PUT of its id
    await startItem('Publish to Adobe');
    await expect(
      dialog('Publish to Adobe').getByText(`Updates connection spec ${NEW_ID}`).count(),
    ).resolves.toBe(1);
    await dialog('Publish to Adobe').getByRole('button', { name: 'Cancel' }).click();
    expect(await leaks()).toEqual([]);
    expect(h.offOrigin).toEqual([]);
  }, 60_000);

  it('an unknown id shows the 404 with Adobe’s message and opens nothing', async () => {
    const text = await monacoValue(page);
    await startItem('Open from Adobe');
    const d = dialog('Open from Adobe');
    await d.getByLabel('Connection spec id').fill('no-such-id');
    await d.getByRole('button', { name: 'Open' }).click();
    const step = d.getByRole('listitem');
    await until(async () => /failed/.test(await step.innerText()), true);
    expect((await step.innerText()).replace(/\s+/g, ' ')).toContain(
      '404 Resource not found: Connection spec no-such-id does not exist.',
    );
    await d.getByRole('button', { name: 'Cancel' }).click();
    expect(await monacoValue(page)).toBe(text);
  }, 60_000);
});

describe('without spec-studio serve', () => {
  it('the dialog says how to start the server and Publish stays disabled', async () => {
    const preview = await startHarness();
    try {
      const p = await preview.newPage();
      await p.goto(`${preview.baseUrl}/?e2e`);
      await p.getByRole('button', { name: 'Start' }).click();
      await p.getByRole('menuitem', { name: /^Publish to Adobe/ }).click();
      const d = p.getByRole('dialog', { name: 'Publish to Adobe' });
      await d.getByRole('note').waitFor();
      expect(await d.getByRole('note').innerText()).toContain('run npm start');
      await d.getByLabel('IMS access token').fill('x');
      await d.getByLabel('API key').fill('x');
      await d.getByLabel('Org id').fill('x');
      await d.getByLabel('Sandbox').fill('x');
      expect(await d.getByRole('button', { name: 'Publish' }).isDisabled()).toBe(true);
      expect(await d.locator('.dialog-footer').innerText()).toContain('Publish needs the local server.');
    } finally {
      await preview.close();
    }
  }, 60_000);
});
