/**
 * m) issue 12 item 5: form edits on a 5 MB spec. Opens MailChimp Members with a custom schema padded
 * to 5 MB, types 20 letters into the Name field (each its own undo step: 1.1 s apart), and reports
 * p95 keydown → the value shown, the longest main-thread task around the edits (autosave, checks and
 * re-render included) and the heap growth per edit (CDP: garbage collected, then Runtime.getHeapUsage,
 * before and after). BENCH_PROFILE=/path.cpuprofile saves a CPU profile of the edits (open it in
 * Chromium's DevTools, Performance tab).
 */
import { writeFileSync } from 'node:fs';
import { bigSchemaSpec, ms, pause, percentile, summary, tempFile, timedKey } from './bench-ui-lib.mjs';

/** Edits timed. */
const EDITS = 20;
/** Characters of the spec (the 5 MB). */
export const EDIT_SPEC_CHARS = 5_000_000;

/** MailChimp Members whose custom schema has as many properties as make it `chars` long. */
export function fiveMbSpec(chars = EDIT_SPEC_CHARS) {
  const per = bigSchemaSpec(1000).length - bigSchemaSpec(0).length;
  let n = Math.ceil((chars * 1000) / per);
  let text = bigSchemaSpec(n);
  while (text.length < chars) text = bigSchemaSpec((n += 100));
  return text;
}

/** Used heap after a full garbage collection (bytes). */
async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

export async function editStep(bench, report) {
  const page = await bench.newPage();
  await page.goto(`${bench.baseUrl}/`);
  await page.locator('.monaco-editor .view-lines').first().waitFor();
  const text = fiveMbSpec();
  const name = JSON.parse(text).name;
  const file = await tempFile('five-mb.json', text);
  await page.getByLabel('Open spec file').setInputFiles(file.path);
  await file.cleanup();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button').first().click();
  await page.waitForFunction((n) => window.__bench.tests.nameIs(n), name, { timeout: 120_000 });
  await pause(3000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await page.getByLabel('Name', { exact: true }).click();
  await page.keyboard.press('End');
  // One edit first: what the first edit allocates once (autosave copies, lazy caches) is not growth.
  await page.keyboard.type('_');
  await pause(3000);
  const heap0 = await heapAfterGc(cdp);
  if (process.env.BENCH_PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  const t0 = await page.evaluate(() => performance.now());
  let value = `${name}_`;
  const times = [];
  for (let i = 0; i < EDITS; i++) {
    const ch = String.fromCharCode(97 + (i % 26));
    value += ch;
    times.push(await timedKey(page, ch, 'nameIs', value));
    // Past the undo coalescing window: every letter is its own undo step, as separate edits are.
    await pause(1100);
  }
  await pause(2000);
  if (process.env.BENCH_PROFILE) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(process.env.BENCH_PROFILE, JSON.stringify(profile));
  }
  const long = await page.evaluate((t) => window.__bench.longSince(t).map((l) => l.duration), t0);
  const heap1 = await heapAfterGc(cdp);
  await cdp.detach();
  await page.context().close();
  const mb = (chars) => `${(chars / 1e6).toFixed(1)} MB`;
  const t = summary(times);
  const longest = Math.max(0, ...long);
  const growth = (heap1 - heap0) / EDITS;
  report(`m) ${mb(text.length)} spec: form edit → value shown, p50`, ms(t.p50), '', null);
  report(`   ${mb(text.length)} spec: form edit → value shown, p95`, ms(t.p95), '≤ 100 ms', t.p95 <= 100);
  report(
    `   ${mb(text.length)} spec: longest task around ${EDITS} edits (${long.length} over 50 ms, p95 ${ms(percentile(long.length ? long : [0], 95))})`,
    ms(longest),
    '≤ 200 ms',
    longest <= 200,
  );
  report(
    `   ${mb(text.length)} spec: heap growth per edit (after GC)`,
    `${(growth / 1e6).toFixed(2)} MB`,
    '≤ 1 MB',
    growth <= 1e6,
  );
}
