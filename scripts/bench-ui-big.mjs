/**
 * l) issue 12 item 3: diagnostics on big specs. (1) MailChimp Members with 3,000 user inputs padded to
 * 1 MB (each input is declared but unused: one finding each, ~3,000 in all): types 10 letters into the
 * spec's name in the JSON view and reports p50 / p95 keydown → the letter on screen, and the
 * longest main-thread task over the typing and the re-validation after it (markers and Problems
 * rebuilt). (2) 100,000 user inputs: time from opening the file until Problems has left "checking…"
 * and counts the findings, then until "Show all" lists them.
 */
import { bigInputsSpec, ms, pause, summary, tempFile, timedKey } from './bench-ui-lib.mjs';

/** Characters of the first spec (the 1 MB) and its user inputs (one finding each). */
export const BIG_DIAG_CHARS = 1_000_000;
export const BIG_DIAG_INPUTS = 3000;
/** User inputs of the second spec. */
export const HUGE_INPUTS = 100_000;
/** Bound on opening the 100,000-input spec → Problems counts its findings (ms). */
export const HUGE_PROBLEMS_MS = 15_000;

/** `bigInputsSpec(inputs)` whose descriptions are padded (no spaces) so the text is about `chars` long. */
export function bigDiagnosticsSpec(inputs = BIG_DIAG_INPUTS, chars = BIG_DIAG_CHARS) {
  const base = bigInputsSpec(inputs);
  const pad = 'x'.repeat(Math.max(0, Math.ceil((chars - base.length) / inputs)));
  return base.replace(/"description": "Input-(\d+)"/g, `"description": "Input-$1-${pad}"`);
}

/** Resolves when Problems no longer says "checking…" and counts at least `min` warnings. */
const problemsCounted = (page, min, timeout) =>
  page.evaluate(
    ([n, max]) =>
      window.__bench.visible(() => {
        const panel = document.querySelector('.diagnostics');
        if (!panel || panel.textContent.includes('checking…')) return false;
        const w = panel.querySelector('.count[title="Warnings"]')?.textContent ?? '';
        return Number(w.replace(/[^0-9]/g, '')) >= n;
      }, max),
    [min, timeout],
  );

async function openSpec(page, name, text) {
  const file = await tempFile(name, text);
  await page.getByLabel('Open spec file').setInputFiles(file.path);
  await file.cleanup();
}

export async function bigSpecStep(bench, report) {
  const page = await bench.newPage();
  await page.goto(`${bench.baseUrl}/`);
  await page.locator('.monaco-editor .view-lines').first().waitFor();
  const text = bigDiagnosticsSpec();
  await openSpec(page, 'big-diagnostics.json', text);
  await problemsCounted(page, BIG_DIAG_INPUTS - 1, 60_000);
  await page.locator('.monaco-editor .view-line', { hasText: '"Bench inputs"' }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await pause(1500);
  const t0 = await page.evaluate(() => performance.now());
  const times = [];
  let typed = 'inputs'; // (Monaco renders the space before it as U+00A0)
  for (const ch of 'qwertyuiopasdfghjklz') {
    typed += ch;
    // The name's line ends with `",`: the letters go before the closing quote.
    times.push(await timedKey(page, ch, 'jsonShows', `${typed}"`));
    await pause(150);
  }
  await problemsCounted(page, BIG_DIAG_INPUTS - 1, 60_000);
  await pause(1500);
  const long = await page.evaluate((t) => window.__bench.longSince(t).map((l) => l.duration), t0);
  await page.context().close();
  const mb = `${(text.length / 1e6).toFixed(1)} MB`;
  const t = summary(times);
  const longest = Math.max(0, ...long);
  report(`l) ${mb} spec, ~${BIG_DIAG_INPUTS} findings: JSON keystroke → shown, p50`, ms(t.p50), '', null);
  report(
    `   ${mb} spec, ~${BIG_DIAG_INPUTS} findings: JSON keystroke → shown, p95`,
    ms(t.p95),
    '≤ 50 ms',
    t.p95 <= 50,
  );
  report(
    `   ${mb} spec: longest task, 20 keystrokes + re-check (${long.length} over 50 ms)`,
    ms(longest),
    '≤ 200 ms',
    longest <= 200,
  );

  const huge = await bench.newPage();
  await huge.goto(`${bench.baseUrl}/`);
  await huge.locator('.monaco-editor .view-lines').first().waitFor();
  const hugeText = bigInputsSpec(HUGE_INPUTS);
  const h0 = await huge.evaluate(() => performance.now());
  await openSpec(huge, 'huge-inputs.json', hugeText);
  let counted = null;
  let listed = null;
  try {
    counted = (await problemsCounted(huge, HUGE_INPUTS - 1, HUGE_PROBLEMS_MS * 8)) - h0;
    await huge.getByRole('button', { name: /^Show all/ }).click();
    await huge
      .getByRole('list', { name: 'Problems' })
      .getByRole('button')
      .first()
      .waitFor({ timeout: 60_000 });
    listed = (await huge.evaluate(() => performance.now())) - h0;
  } catch (err) {
    console.error(`  l) 100,000 inputs: ${err instanceof Error ? err.message : String(err)}`);
  }
  await huge.context().close();
  const show = (x) => (x === null ? 'timeout' : ms(x));
  report(
    `   ${HUGE_INPUTS.toLocaleString('en')} inputs: open → Problems counts them (no "checking…")`,
    show(counted),
    `≤ ${HUGE_PROBLEMS_MS / 1000} s`,
    counted !== null && counted <= HUGE_PROBLEMS_MS,
  );
  report(
    `   ${HUGE_INPUTS.toLocaleString('en')} inputs: open → "Show all" lists them`,
    show(listed),
    '',
    null,
  );
}
