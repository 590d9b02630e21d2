import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  nameField,
  openEditorPage,
  openExample,
  showSourceSection,
  until,
  waitForMonaco,
} from './editor.helpers';
import type { Harness } from './harness';

let h: Harness;
let page: Page;

beforeAll(async () => {
  ({ h, page } = await openEditorPage());
});

afterAll(async () => {
  await h?.close();
});

describe('editor shell: timing, library, tabs', () => {
  it('syncs each way within 100 ms', async () => {
    await openExample(page, 'MailChimp Members');
    await waitForMonaco(page, 'MailChimp Members source');
    const id = await nameField(page).evaluate((el) => el.id);
    const formToJson: number[] = [];
    for (let i = 0; i < 5; i++) {
      formToJson.push(
        await page.evaluate(
          ({ id, value }) =>
            new Promise<number>((resolve) => {
              const el = document.getElementById(id) as HTMLInputElement;
              const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
              const hook = (window as unknown as { __specStudio: { monacoValue: () => string } })
                .__specStudio;
              const t0 = performance.now();
              setter?.call(el, value);
              el.dispatchEvent(new Event('input', { bubbles: true }));
              const tick = () => {
                if (hook.monacoValue().includes(value)) resolve(performance.now() - t0);
                else if (performance.now() - t0 > 5000) resolve(Number.POSITIVE_INFINITY);
                else requestAnimationFrame(tick);
              };
              tick();
            }),
          { id, value: `Latency ${i}` },
        ),
      );
    }
    // JSON → form: type single characters at the end of the name value, as a user would.
    await page
      .locator('.monaco-editor .monaco-scrollable-element')
      .first()
      .click({ position: { x: 120, y: 12 } });
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const jsonToForm: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const value = `Latency 4${'x'.repeat(i)}`;
      await page.evaluate(
        ({ id, value }) => {
          const w = window as unknown as {
            __lat?: Promise<number>;
            __specStudio: { store: { subscribe: (f: (s: { text: string }) => void) => () => void } };
          };
          w.__lat = new Promise<number>((resolve) => {
            // t0: the moment the key reaches the page.
            let t0 = 0;
            const onKey = () => (t0 ||= performance.now());
            window.addEventListener('keydown', onKey, { capture: true, once: true });
            const giveUp = performance.now() + 5000;
            const tick = () => {
              const el = document.getElementById(id) as HTMLInputElement | null;
              if (t0 && el?.value === value) resolve(performance.now() - t0);
              else if (performance.now() > giveUp) resolve(Number.POSITIVE_INFINITY);
              else requestAnimationFrame(tick);
            };
            tick();
          });
        },
        { id, value },
      );
      await page.keyboard.press('x');
      jsonToForm.push(await page.evaluate(() => (window as unknown as { __lat: Promise<number> }).__lat));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const fmt = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(', ');
    console.log(
      `sync latency ms: form→JSON ${fmt(formToJson)} (median ${median(formToJson).toFixed(1)}); ` +
        `JSON→form ${fmt(jsonToForm)} (median ${median(jsonToForm).toFixed(1)})`,
    );
    expect(median(formToJson)).toBeLessThan(100);
    expect(median(jsonToForm)).toBeLessThan(100);
  });

  it('paste a spec, edit it, start a blank one: the edited spec reopens from the library', async () => {
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('menuitem', { name: 'Paste JSON…' }).click();
    await page
      .getByLabel('Connection spec JSON')
      .fill('{\n  "name": "Pasted spec",\n  "type": "generic-rest"\n}\n');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await waitForMonaco(page, 'Pasted spec');
    await showSourceSection(page);
    await nameField(page).fill('Pasted spec edited');
    await waitForMonaco(page, 'Pasted spec edited');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('menuitem', { name: 'Blank spec' }).click();
    await page.getByText('Your previous spec “Pasted spec edited” is in the library.').waitFor();
    await page.getByRole('button', { name: 'Library' }).click();
    await page.getByRole('button', { name: 'Open Pasted spec edited' }).click();
    const text = await waitForMonaco(page, 'Pasted spec edited');
    expect(JSON.parse(text)).toEqual({ name: 'Pasted spec edited', type: 'generic-rest' });
  });

  it('a second tab on the same spec is noticed in both tabs', async () => {
    await page.waitForTimeout(400);
    const second = await h.newPage();
    await second.goto(`${h.baseUrl}/?e2e`);
    await waitForMonaco(second);
    const banner = /also open in another tab/;
    await second.getByText(banner).waitFor();
    await page.getByText(banner).waitFor();
    await second.getByRole('button', { name: 'Keep mine as a copy' }).click();
    await until(() => second.getByText(banner).count(), 0);
    await second.close();
  });

  it('stays on 127.0.0.1 and logs no console errors', () => {
    expect(h.offOrigin).toEqual([]);
    expect(h.consoleErrors).toEqual([]);
  });
});
