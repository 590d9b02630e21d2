/**
 * The in-browser steps of scripts/bench-ui.mjs. Each takes a page (the app loaded) and a
 * `report(name, value, target, pass)` callback. Everything goes through the UI: the spec through
 * "Open spec file", samples through the Samples panel's file input, edits as key presses.
 */
import {
  bigSchemaSpec,
  KEYS,
  membersSample,
  ms,
  pause,
  summary,
  tempFile,
  timedKey,
} from './bench-ui-lib.mjs';

/** c) Form keystroke → JSON shown and JSON keystroke → form shown, on a 2,000-property custom schema. */
export async function editorSteps(page, report) {
  const spec = await tempFile('bench-2000.json', bigSchemaSpec(2000));
  await page.getByLabel('Open spec file').setInputFiles(spec.path);
  await spec.cleanup();
  await page.locator('.monaco-editor .view-line', { hasText: '"Bench"' }).first().waitFor();
  const name = page.getByLabel('Name', { exact: true });
  await name.click();
  await page.keyboard.press('End');
  await pause(1000);
  let value = 'Bench';
  const formToJson = [];
  for (const ch of KEYS) {
    value += ch;
    formToJson.push(await timedKey(page, ch, 'jsonShows', `"${value}"`));
    await pause(150);
  }
  const f = summary(formToJson);
  report('c) form keystroke → JSON shown, p50', ms(f.p50), '', null);
  report('   form keystroke → JSON shown, p95', ms(f.p95), '≤ 50 ms', f.p95 <= 50);

  await page
    .locator('.monaco-editor .view-line', { hasText: `"${value}"` })
    .first()
    .click();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await pause(1000);
  const jsonToForm = [];
  for (const ch of KEYS) {
    value += ch;
    jsonToForm.push(await timedKey(page, ch, 'nameIs', value));
    await pause(150);
  }
  const j = summary(jsonToForm);
  report('   JSON keystroke → form shown, p50', ms(j.p50), '', null);
  report('   JSON keystroke → form shown, p95', ms(j.p95), '≤ 100 ms', j.p95 <= 100);
}

const longSince = (page, t) => page.evaluate((since) => window.__bench.longSince(since), t);
const worst = (tasks) => Math.max(0, ...tasks.map((l) => l.duration));
const cellShown = (page, text, timeout) =>
  page.evaluate(([t, max]) => window.__bench.visible(() => window.__bench.hasCell(t), max), [text, timeout]);

/** d) 50 MB sample, e) scrolling its 200,000 rows, f) preview refresh after a spec edit (1 MB sample). */
export async function sampleSteps(page, report, only) {
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('menuitem', { name: /^Example: MailChimp Members/ }).click();
  await page.getByRole('tab', { name: /Samples/ }).click();
  const table = page.getByRole('table', { name: 'Flattened records' });
  if (/[de]/.test(only)) {
    const ROWS = 200_000;
    const big = await tempFile('members-50mb.json', membersSample(ROWS, 50 * 1024 * 1024));
    const t0 = await page.evaluate(() => performance.now());
    await page.getByLabel('Sample files').setInputFiles(big.path);
    await page.getByRole('tab', { name: /Records/ }).click();
    const first = (await cellShown(page, 'm0', 60_000)) - t0;
    await page.getByText(/up to date/).waitFor({ timeout: 60_000 });
    await pause(1000);
    await big.cleanup();
    const tasks = await longSince(page, t0);
    report('d) 50 MB sample (200,000 records) → first rows visible', ms(first), '≤ 3000 ms', first <= 3000);
    report(
      `   longest main-thread task (${tasks.length} long tasks)`,
      ms(worst(tasks)),
      '≤ 100 ms',
      worst(tasks) <= 100,
    );

    // e) A wheel fling (60 notches of 120 px, one per frame), then jumps to the middle and to the
    // end as a scrollbar drag makes them (those rows are fetched from the worker).
    const t1 = await page.evaluate(() => performance.now());
    await table.hover();
    for (let i = 0; i < 60; i++) {
      await page.mouse.wheel(0, 120);
      await pause(16);
    }
    for (const [at, id] of [
      [0.5, `m${ROWS / 2}`],
      [1, `m${ROWS - 1}`],
    ]) {
      await table.evaluate((el, f) => el.scrollTo(0, f * el.scrollHeight), at);
      await cellShown(page, id, 10_000);
    }
    await pause(500);
    const scroll = await longSince(page, t1);
    report(
      `e) scroll 200,000 rows: longest task (${scroll.length} long tasks)`,
      ms(worst(scroll)),
      'no task ≥ 50 ms',
      scroll.length === 0,
    );
    await page.getByRole('tab', { name: /Samples/ }).click();
    await page.getByRole('button', { name: 'Remove all' }).click();
  }
  if (!only.includes('f')) return;
  const small = await tempFile('members-1mb.json', membersSample(4000, 1024 * 1024));
  await page.getByLabel('Sample files').setInputFiles(small.path);
  await page.getByRole('tab', { name: /Records/ }).click();
  await page.getByText('4,000 records from 1 page').waitFor({ timeout: 20_000 });
  await small.cleanup();
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: /^Records/ })
    .click();
  await page.getByLabel('Wrapper name').click();
  await page.keyboard.press('End');
  await pause(1000);
  const refresh = [];
  for (let i = 0; i < 20; i++) {
    const add = i % 2 === 0;
    refresh.push(
      await timedKey(page, add ? 'x' : 'Backspace', 'columnShown', add ? 'memberx.id' : 'member.id'),
    );
    await pause(300);
  }
  const r = summary(refresh);
  report('f) 1 MB sample: spec edit → preview refreshed, p50', ms(r.p50), '', null);
  report('   1 MB sample: spec edit → preview refreshed, p95', ms(r.p95), '≤ 200 ms', r.p95 <= 200);
}
