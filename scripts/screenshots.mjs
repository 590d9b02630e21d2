/**
 * `npm run screenshots`: the README's pictures, regenerated from the production build, never stale.
 * Serves the build with the real `spec-studio serve` (CLI from SPEC_STUDIO_BIN or dist-cli/; it also
 * answers the Live run) and drives headless Chromium (/usr/bin/chromium, playwright-core) through the
 * UI only (the production build has no test hook). A loopback fake API answers the live run.
 *
 * The build: SCREENSHOTS_DIST, else a fresh production build in node_modules/.cache/screenshots-dist.
 * Output: docs/screenshots/*.png, each under 200 KB (device scale factor 1, cropped to what matters);
 * a bigger one fails the script, naming it.
 *
 * Languages (issue 15): `--lang <locale>` (repeatable, or a comma list: `--lang fr,ko`) takes the app's
 * main pictures in those languages instead, light, at 1280 px: docs/screenshots/<name>-<locale>.png for
 * checklist, panes, requests, start-menu and live-run. `--all-languages` takes them in every language
 * and, for English, also in dark (<name>-dark-en.png); the English pictures without a suffix are the
 * default run's. Each scene is set up through the English UI (the labels below), then the language is
 * switched in the top bar (no reload) just before the picture, as a user would.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { membersSample, pause, ROOT } from './bench-ui-lib.mjs';
import { startPageApi, startServe } from './bench-ui-live.mjs';

const OUT = join(ROOT, 'docs/screenshots');
const MAX_BYTES = 200 * 1024;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BIN = process.env.SPEC_STUDIO_BIN ?? join(ROOT, 'dist-cli/spec-studio.mjs');
const HEIGHT = 800;
/** The app's languages (src/i18n/locales.ts). */
const LOCALES = ['en', 'sv', 'fr', 'ko', 'zh-Hant'];

/** `--lang a,b --lang c` / `--all-languages`: the languages asked for (none: the default English run). */
function parseLanguages(argv) {
  const langs = [];
  let all = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--all-languages') all = true;
    else if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg === '--lang' ? argv[++i] : arg.slice('--lang='.length);
      if (!value) throw new Error('--lang needs a locale: --lang fr (or --lang all)');
      for (const l of value.split(',').map((x) => x.trim())) {
        if (l === 'all') all = true;
        else if (LOCALES.includes(l)) langs.push(l);
        else throw new Error(`--lang ${l}: the languages are ${LOCALES.join(', ')}`);
      }
    } else throw new Error(`unknown option ${arg} (options: --lang <locale>, --all-languages)`);
  }
  if (all) return { langs: [...LOCALES], darkEnglish: true };
  return { langs: [...new Set(langs)], darkEnglish: false };
}

/** The production build to serve: SCREENSHOTS_DIST, else a fresh one in node_modules/.cache. */
function productionBuild() {
  if (process.env.SCREENSHOTS_DIST) return process.env.SCREENSHOTS_DIST;
  const dist = join(ROOT, 'node_modules/.cache/screenshots-dist');
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(
    process.execPath,
    [vite, 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) throw new Error('vite build failed');
  return dist;
}

const example = (file) => readFileSync(join(ROOT, 'public/examples', file));

/** The Zendesk example re-aimed at Microsoft Graph's /users: a real page of 40 users and ~50 fields. */
function graphSpec() {
  const doc = JSON.parse(example('zendesk-users.json').toString('utf8'));
  doc.name = 'Microsoft Graph users';
  const attrs = doc.sourceSpec.attributes;
  attrs.urlParams = { host: '${host}', path: '/v1.0/users', method: 'GET' };
  attrs.contentPath = { path: '$.value', skipAttributes: [], overrideWrapperAttribute: 'user' };
  attrs.paginationParams = { type: 'NONE' };
  return Buffer.from(JSON.stringify(doc, null, 2));
}

/** The NONE live-run fixture reading `$.members` from GET <host>/members. */
function membersSpec() {
  const doc = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/live/none.json'), 'utf8'));
  doc.name = 'Members (live run)';
  doc.sourceSpec.attributes.urlParams.path = '/members';
  doc.sourceSpec.attributes.contentPath = { path: '$.members', overrideWrapperAttribute: 'member' };
  return Buffer.from(JSON.stringify(doc, null, 2));
}

/** A fresh page (empty storage) at `width`, in `scheme`, on the app. */
/** The checklist hidden, the Zendesk example with its sample page, the Records tab showing (English labels). */
async function zendeskPanes(page) {
  await page.getByRole('button', { name: 'Hide the checklist' }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('menuitem', { name: /^Example: Zendesk/ }).click();
  await page.getByRole('tab', { name: /^Samples/ }).click();
  await page.getByRole('button', { name: 'Load the example’s sample' }).click();
  await page.getByRole('tab', { name: /^Records/ }).click();
  await page.locator('[aria-label="Flattened records"] [role=cell]').first().waitFor();
}

async function openApp(browser, baseUrl, width, scheme) {
  const context = await browser.newContext({
    viewport: { width, height: HEIGHT },
    deviceScaleFactor: 1,
    colorScheme: scheme,
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  await page.goto(`${baseUrl}/`);
  await page.locator('.monaco-editor .view-lines').first().waitFor();
  return { page, close: () => context.close() };
}

async function openSpec(page, name, buffer) {
  await page.getByLabel('Open spec file').setInputFiles({ name, mimeType: 'application/json', buffer });
  await page
    .locator('.spec-title h1')
    .filter({ hasText: JSON.parse(buffer.toString('utf8')).name })
    .waitFor();
}

async function addSample(page, name, buffer) {
  await page.getByRole('tab', { name: /^Samples/ }).click();
  await page.getByLabel('Sample files').setInputFiles({ name, mimeType: 'application/json', buffer });
  await page.getByRole('tab', { name: /^Records/ }).click();
  await page.locator('[aria-label="Flattened records"] [role=cell]').first().waitFor();
}

/** Saves a PNG of `page` (clipped to `clip` when given) as docs/screenshots/<name>.png. */
async function shot(page, name, clip) {
  // No toast (they fade by themselves; a picture keeps them) and no hover left by the last click.
  for (const b of await page.getByRole('button', { name: 'Dismiss notification' }).all()) await b.click();
  await page.mouse.move(0, HEIGHT - 1);
  await pause(400); // transitions and the last layout settle
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, ...(clip ? { clip } : {}), animations: 'disabled' });
  const bytes = statSync(path).size;
  console.log(`  ${name}.png ${Math.round(bytes / 1024)} KB`);
  return { name, bytes };
}

/** The box of a region of the page, for a clip. */
async function boxOf(locator, pad = 0) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('region not visible');
  return {
    x: Math.max(0, b.x - pad),
    y: Math.max(0, b.y - pad),
    width: b.width + 2 * pad,
    height: b.height + 2 * pad,
  };
}

/** Switches the app's language in the top bar (no reload) and waits for it to apply. */
async function switchLanguage(page, locale) {
  await page.locator('header.topbar .language-switch select').selectOption(locale);
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
  await pause(150);
}

/** `fn` with the page in `locale`, then back to English (the scenes are driven by English labels). */
async function inLanguage(page, locale, fn) {
  // Toasts say what happened in the language of that moment: close them while the labels are English.
  for (const b of await page.getByRole('button', { name: 'Dismiss notification' }).all()) await b.click();
  await switchLanguage(page, locale);
  try {
    return await fn();
  } finally {
    await switchLanguage(page, 'en');
  }
}

/**
 * The main pictures in `locale` (light, or dark for English with --all-languages), 1280 px:
 * <name>-<locale>.png, or <name>-dark-<locale>.png in dark.
 */
async function languageShots(browser, baseUrl, api, locale, scheme) {
  const width = 1280;
  const suffix = scheme === 'dark' ? `dark-${locale}` : locale;
  const made = [];
  const a = await openApp(browser, baseUrl, width, scheme);
  try {
    // First run: a blank spec, the checklist with its first step (a name) done.
    await a.page.getByRole('button', { name: 'Start' }).click();
    await a.page.getByRole('menuitem', { name: /blank/i }).first().click();
    const name = a.page.getByLabel('Name', { exact: true });
    await name.fill('Acme orders');
    await name.blur();
    await a.page.getByRole('region', { name: 'Getting started checklist' }).waitFor();
    await inLanguage(a.page, locale, async () => {
      made.push(await shot(a.page, `checklist-${suffix}`, { x: 0, y: 0, width, height: 300 }));
    });

    // The three panes with a real example and its sample page.
    await zendeskPanes(a.page);
    await inLanguage(a.page, locale, async () => {
      made.push(await shot(a.page, `panes-${suffix}`));
      // The Start menu open (the longest menu of the top bar), the top bar and what the menu covers.
      await a.page.locator('header.topbar button[aria-haspopup=menu]').first().click();
      await a.page.locator('[role=menu]').first().waitFor();
      await pause(200);
      const menu = await boxOf(a.page.locator('[role=menu]').first(), 8);
      const path = join(OUT, `start-menu-${suffix}.png`);
      await a.page.screenshot({
        path,
        clip: { x: 0, y: 0, width, height: Math.min(HEIGHT, Math.ceil(menu.y + menu.height)) },
        animations: 'disabled',
      });
      const bytes = statSync(path).size;
      console.log(`  start-menu-${suffix}.png ${Math.round(bytes / 1024)} KB`);
      made.push({ name: `start-menu-${suffix}`, bytes });
      await a.page.keyboard.press('Escape');
    });
    await a.page.getByRole('tab', { name: /^Requests/ }).click();
    const inputs = a.page.locator('.preview-pane details[open] > summary', { hasText: /^Run inputs/ });
    if ((await inputs.count()) > 0) await inputs.first().click();
    await a.page.getByText(/stop/i).first().waitFor();
    await inLanguage(a.page, locale, async () => {
      made.push(await shot(a.page, `requests-${suffix}`, await boxOf(a.page.locator('.preview-pane'))));
    });
  } finally {
    await a.close();
  }

  // A live run through `spec-studio serve` against the loopback API, with its stop reason.
  const c = await openApp(browser, baseUrl, width, scheme);
  try {
    await c.page.getByRole('button', { name: 'Hide the checklist' }).click();
    await openSpec(c.page, 'live-members.json', membersSpec());
    await c.page.getByRole('tab', { name: /Live run/ }).click();
    await c.page.getByRole('form', { name: 'Run inputs' }).getByLabel(/^host/).fill(api.origin);
    await c.page.getByRole('button', { name: 'Run', exact: true }).click();
    await c.page.getByRole('status', { name: 'Live stop reason' }).waitFor({ timeout: 60_000 });
    await inLanguage(c.page, locale, async () => {
      made.push(await shot(c.page, `live-run-${suffix}`, await boxOf(c.page.locator('.preview-pane'))));
    });
  } finally {
    await c.close();
  }
  return made;
}

async function main() {
  const { langs, darkEnglish } = parseLanguages(process.argv.slice(2));
  if (!existsSync(BIN))
    throw new Error(`no CLI at ${BIN}: build it (vite build --config vite.cli.config.ts)`);
  const dist = productionBuild();
  mkdirSync(OUT, { recursive: true });
  const serve = await startServe(dist);
  const api = await startPageApi(Buffer.from(membersSample(25, 25 * 400)));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  const made = [];
  try {
    if (langs.length > 0) {
      for (const locale of langs) {
        console.log(`${locale}:`);
        made.push(...(await languageShots(browser, serve.baseUrl, api, locale, 'light')));
      }
      if (darkEnglish) made.push(...(await languageShots(browser, serve.baseUrl, api, 'en', 'dark')));
    } else {
      for (const width of [1280, 1440]) {
        for (const scheme of ['light', 'dark']) {
          // First run: a blank spec, the checklist with its first step (a name) done.
          const a = await openApp(browser, serve.baseUrl, width, scheme);
          await a.page.getByRole('button', { name: 'Start' }).click();
          await a.page.getByRole('menuitem', { name: /blank/i }).first().click();
          const name = a.page.getByLabel('Name', { exact: true });
          await name.fill('Acme orders');
          await name.blur();
          await a.page.getByRole('region', { name: 'Getting started checklist' }).waitFor();
          made.push(await shot(a.page, `checklist-${width}-${scheme}`, { x: 0, y: 0, width, height: 300 }));

          // The three panes with a real example and its sample page (the records table in the preview).
          if (width === 1280) {
            await zendeskPanes(a.page);
            made.push(await shot(a.page, `panes-${scheme}`));
            if (scheme === 'light') {
              await a.page.getByRole('tab', { name: /^Requests/ }).click();
              // The run inputs folded away, so the requests and their stop reason show.
              const inputs = a.page.locator('.preview-pane details[open] > summary', {
                hasText: /^Run inputs/,
              });
              if ((await inputs.count()) > 0) await inputs.first().click();
              await a.page.getByText(/stop/i).first().waitFor();
              made.push(await shot(a.page, 'requests', await boxOf(a.page.locator('.preview-pane'))));
            }
          }
          await a.close();

          // The records table of a real 50-column page (Microsoft Graph users), full width.
          const b = await openApp(browser, serve.baseUrl, width, scheme);
          await b.page.getByRole('button', { name: 'Hide the checklist' }).click();
          await openSpec(b.page, 'graph-users.json', graphSpec());
          await addSample(
            b.page,
            'graph-users.page1.json',
            readFileSync(join(ROOT, 'tests/fixtures/preview/graph-users.page1.json')),
          );
          const full = b.page.getByRole('button', { name: /full width/i });
          if ((await full.count()) > 0) await full.first().click();
          made.push(await shot(b.page, `records-full-width-${width}-${scheme}`));
          await b.close();
        }
      }

      // A live run through `spec-studio serve` against a loopback API, with its stop reason.
      const c = await openApp(browser, serve.baseUrl, 1280, 'light');
      await c.page.getByRole('button', { name: 'Hide the checklist' }).click();
      await openSpec(c.page, 'live-members.json', membersSpec());
      await c.page.getByRole('tab', { name: /Live run/ }).click();
      await c.page.getByRole('form', { name: 'Run inputs' }).getByLabel(/^host/).fill(api.origin);
      await c.page.getByRole('button', { name: 'Run', exact: true }).click();
      await c.page.getByRole('status', { name: 'Live stop reason' }).waitFor({ timeout: 60_000 });
      made.push(await shot(c.page, 'live-run', await boxOf(c.page.locator('.preview-pane'))));
      await c.close();
    }
  } finally {
    await browser.close();
    api.close();
    serve.close();
  }
  const big = made.filter((m) => m.bytes > MAX_BYTES);
  if (big.length > 0) {
    console.error(
      `Over 200 KB: ${big.map((m) => `${m.name}.png (${Math.round(m.bytes / 1024)} KB)`).join(', ')}`,
    );
    process.exitCode = 1;
  }
}

await main();
