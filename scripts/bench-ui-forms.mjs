/**
 * The form steps of scripts/bench-ui.mjs (issue 8, C9): keystroke latency where a form is expensive.
 *   g) the user-inputs table of a spec with 2,000 user inputs (form → JSON and JSON → form),
 *   h) the auth parameters of the same spec (its `sourceSpec.spec` has 2,000 properties),
 *   i) the pagination section of a spec whose custom schema has 2,000 properties,
 *   j) the Customer view of the 2,000-input spec (all 2,000 fields rendered; keystroke → shown).
 * Each takes a page (app loaded) and `report(name, value, target, pass)`.
 */
import {
  bigInputsSpec,
  bigSchemaSpec,
  KEYS,
  ms,
  pause,
  summary,
  tempFile,
  timedKey,
} from './bench-ui-lib.mjs';

/** Opens a spec through "Open spec file"; done when the first section's Name field shows `specName`. */
async function openSpec(page, name, text, specName) {
  const file = await tempFile(name, text);
  await page.getByLabel('Open spec file').setInputFiles(file.path);
  await file.cleanup();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button').first().click();
  await page.waitForFunction((n) => window.__bench.tests.nameIs(n), specName, { timeout: 60_000 });
  await pause(500);
}

const section = (page, title) =>
  page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: title }).click();

/** Types KEYS into the focused form input whose value is `start`; p50/p95 of keystroke → JSON shown. */
async function formToJson(page, report, label, start) {
  await page.keyboard.press('End');
  await pause(1000);
  let value = start;
  const times = [];
  for (const ch of KEYS) {
    value += ch;
    times.push(await timedKey(page, ch, 'jsonShows', `"${value}"`));
    await pause(150);
  }
  const f = summary(times);
  report(`${label} form keystroke → JSON shown, p50`, ms(f.p50), '', null);
  report(`${label.replace(/\S/g, ' ')} form keystroke → JSON shown, p95`, ms(f.p95), '≤ 50 ms', f.p95 <= 50);
  return value;
}

/** Types KEYS into the JSON string `"value"` (cursor before its closing quote); → form input `aria` shows. */
async function jsonToForm(page, report, label, value, aria) {
  await page
    .locator('.monaco-editor .view-line', { hasText: `"${value}"` })
    .first()
    .click();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await pause(1000);
  const times = [];
  for (const ch of KEYS) {
    value += ch;
    times.push(await timedKey(page, ch, 'inputIs', [aria, value]));
    await pause(150);
  }
  const j = summary(times);
  const pad = label.replace(/\S/g, ' ');
  report(`${pad} JSON keystroke → form shown, p50`, ms(j.p50), '', null);
  report(`${pad} JSON keystroke → form shown, p95`, ms(j.p95), '≤ 100 ms', j.p95 <= 100);
}

/** j) The Customer view of the 2,000-input spec: rendered at all, then keystroke → shown. */
async function customerStep(page, report) {
  await page.getByRole('tab', { name: /Customer view/ }).click();
  const last = page.locator('.pv-customer label', { hasText: /^Title 1998/ });
  const tooLarge = page.locator('.pv-customer', { hasText: /too large for the form view/ });
  const t0 = Date.now();
  await last.or(tooLarge).first().waitFor({ timeout: 60_000 });
  const rendered = await last.count();
  report(
    'j) Customer view, 2,000 inputs: every field rendered',
    rendered ? `${Date.now() - t0} ms` : 'no (cap)',
    'rendered',
    rendered > 0,
  );
  if (!rendered) return;
  await page
    .locator('.pv-customer label', { hasText: /^Title 3$/ })
    .first()
    .click();
  await pause(1000);
  let value = '';
  const times = [];
  for (const ch of KEYS) {
    value += ch;
    times.push(await timedKey(page, ch, 'labelledIs', ['Title 3', value]));
    await pause(150);
  }
  const c = summary(times);
  report('   Customer view keystroke → shown, p50', ms(c.p50), '', null);
  report('   Customer view keystroke → shown, p95', ms(c.p95), '≤ 50 ms', c.p95 <= 50);
  await page.getByRole('tab', { name: /Samples/ }).click();
}

/** g), h), i), j): see the file comment. */
export async function formSteps(page, report, only) {
  if (/[ghj]/.test(only)) await openSpec(page, 'bench-inputs.json', bigInputsSpec(2000), 'Bench inputs');
  if (only.includes('g')) {
    await section(page, /^User inputs/);
    const aria = 'Description of input_3';
    await page.getByLabel(aria, { exact: true }).click();
    const value = await formToJson(page, report, 'g) 2,000 user inputs:', 'Input-3');
    await jsonToForm(page, report, 'g) 2,000 user inputs:', value, aria);
  }
  if (only.includes('h')) {
    await section(page, /^Authentication/);
    await page.getByLabel('Title of domain', { exact: true }).first().click();
    await formToJson(page, report, 'h) auth params, 2,000 user inputs:', 'AuthDomain');
  }
  if (only.includes('j')) await customerStep(page, report);
  if (only.includes('i')) {
    await openSpec(page, 'bench-schema.json', bigSchemaSpec(2000), 'Bench');
    await section(page, /^Pagination/);
    await page.getByLabel('Page size parameter', { exact: true }).click();
    await formToJson(page, report, 'i) pagination, 2,000-property schema:', 'count');
  }
}
