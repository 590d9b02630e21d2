/**
 * Layout holds in every language (issue 15): the e2e build at 1280×800 with a real example (Zendesk
 * users, its sample page loaded), switched to each language through the top bar, then every main view
 * visited: the top bar, each form section, each preview tab, the Problems panel and the top bar's menus.
 * In each view, no section title, tab, button, menu item or label may be cut off or spill out:
 *
 * - truncated: the element (or a descendant) clips its text (`overflow` hidden/clip/auto/scroll or
 *   `text-overflow: ellipsis`) and its content is wider than its box (`scrollWidth > clientWidth + 1`);
 * - overflowing: its content is wider than its own box (it spills over its border or its neighbours);
 * - outside: its box leaves the viewport sideways (the top bar's and the tab strip's also vertically), or
 *   sticks out of an ancestor that clips (the tab strip scrolling, a pane cutting a button);
 * - broken word: a word split across two lines (not for Korean and Chinese, which break anywhere);
 * - wrapping: a tab, menu item, section or top-bar button whose words need a second line;
 * - overlap: two items of the top bar cover each other.
 *
 * Offenders are reported with the language, the view, a selector and the text. Data the user wrote (the
 * JSON editor, the records table, the spec's name in the top bar, which is ellipsed by design with its
 * full text in `title`) is not checked: only the app's own words are translated.
 *
 * `I18N_LAYOUT_LANGS=fr,ko` limits the languages, `I18N_LAYOUT_DEBUG=1` logs how many labels each view
 * checked; every offender found is also written to test-results/i18n-layout.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LOCALES, type Locale } from '../../src/i18n/locales';
import { startHarness, type Harness } from './harness';

const ROOT = new URL('../../', import.meta.url).pathname;
const WIDTH = 1280;
const HEIGHT = 800;
const ONLY = (process.env.I18N_LAYOUT_LANGS ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const LANGS: readonly Locale[] = ONLY.length > 0 ? LOCALES.filter((l) => ONLY.includes(l)) : LOCALES;

/**
 * What the checks look at: the brief's list (buttons, tabs, headings, menu items, labels), summaries and
 * legends, which title groups, and the rows that hold labels side by side (pane and panel headers, the
 * tab strip, toolbars, navigation), so a row too narrow for its counts and buttons shows up too.
 */
const ROWS = '.panel-header, .pane-header, [role=tablist], [role=toolbar], nav';
const CHECKED = [
  'button',
  '[role=tab]',
  'h1, h2, h3, h4, h5, h6',
  '[role=menuitem]',
  'label',
  'summary',
  'legend',
  ROWS,
].join(', ');
/**
 * Labels that must stay on one line: tabs, menu items and the top bar's buttons. The section list may
 * wrap a long name (English wraps “Catalog appearance” when it is the current, bold, section): there a
 * second line is only noted (logged and written to the JSON, never failing).
 */
const ONE_LINE = '[role=tab], [role=menuitem], header.topbar button';
const MAY_WRAP = '.sf-nav-item';

/**
 * User data, not the app's words: never checked (the JSON text, the records, the spec's name, a
 * problem's JSON pointer, which is ellipsed by design with the full path in its tooltip).
 */
const SKIPPED = '.monaco-editor, [role=table], [role=grid], .spec-title h1, option, .diagnostic-where';

export interface Offender {
  lang: Locale;
  view: string;
  selector: string;
  text: string;
  problem: string;
}

let h: Harness;
let page: Page;
const found: Offender[] = [];

/**
 * The offenders inside `root` (a CSS selector; the whole page when omitted): runs in the page.
 * `strictVertical` also requires each box to be inside the viewport vertically (top bar, tab strip).
 */
async function check(view: string, lang: Locale, root = 'body', strictVertical = false): Promise<Offender[]> {
  const raw = await page.evaluate(
    ({ root, checked, skipped, oneLine, mayWrap, rows, strictVertical, cjk }) => {
      const out: Array<{ selector: string; text: string; problem: string }> = [];
      const vw = document.documentElement.clientWidth;
      const vh = document.documentElement.clientHeight;
      const describe = (el: Element): string => {
        const parts: string[] = [];
        let e: Element | null = el;
        for (let i = 0; e && i < 3 && e !== document.body; i++, e = e.parentElement) {
          let s = e.tagName.toLowerCase();
          if (e.id) s += `#${e.id}`;
          const cls = [...e.classList].slice(0, 2);
          if (cls.length) s += `.${cls.join('.')}`;
          const role = e.getAttribute('role');
          if (role) s += `[role=${role}]`;
          parts.unshift(s);
        }
        return parts.join(' > ');
      };
      const textOf = (el: Element): string =>
        ((el as HTMLElement).innerText || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim();
      const visible = (el: Element): boolean => {
        const r = el.getBoundingClientRect();
        if (r.width < 1 || r.height < 1) return false;
        return el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
      };
      const clips = (cs: CSSStyleDeclaration): boolean =>
        cs.textOverflow === 'ellipsis' || ['hidden', 'clip', 'auto', 'scroll'].includes(cs.overflowX);
      const scope = document.querySelector(root);
      if (!scope) return [{ selector: root, text: '', problem: 'view not found' }];
      let seen = 0;
      for (const el of scope.querySelectorAll(checked)) {
        if (el.closest(skipped) || !visible(el)) continue;
        const text = textOf(el);
        if (!text) continue; // icon-only: nothing translated to overflow
        seen++;
        const selector = describe(el);
        const r = el.getBoundingClientRect();
        // Truncated: the element or a descendant clipping its text is narrower than its content.
        for (const e of [el, ...el.querySelectorAll('*')]) {
          const he = e as HTMLElement;
          if (!(he instanceof HTMLElement) || !visible(he)) continue;
          if (he.closest('select') || he.closest(skipped)) continue;
          const cs = getComputedStyle(he);
          if (!clips(cs)) continue;
          if (he.scrollWidth > he.clientWidth + 1) {
            out.push({
              selector: e === el ? selector : `${selector} … ${describe(e).split(' > ').pop()}`,
              text,
              problem: `truncated: ${he.scrollWidth}px of text in ${he.clientWidth}px`,
            });
            break;
          }
        }
        // Wrapping where a label must stay on one line (a tab or menu item grown to two lines).
        if (el.matches(oneLine) || el.matches(mayWrap)) {
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (!n.textContent?.trim()) continue;
            const range = document.createRange();
            range.selectNodeContents(n);
            const tops = new Set(
              [...range.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top / 4)),
            );
            if (tops.size > 1) {
              const note = el.matches(mayWrap) ? 'note: ' : '';
              out.push({ selector, text, problem: `${note}wraps onto ${tops.size} lines` });
              break;
            }
          }
        }
        // A word broken across two lines (a long Swedish or French compound squeezed into a narrow
        // box). Not checked for Korean and Chinese, which may break between any two syllables. A
        // soft hyphen (U+00AD) marks where a compound may break, with a hyphen: its parts count apart.
        if (!cjk && !el.matches(rows)) {
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          let broken = '';
          for (let n = walker.nextNode(); n && !broken; n = walker.nextNode()) {
            const str = n.textContent ?? '';
            for (const m of str.matchAll(/[^\s\-/·\u00ad]{4,}/g)) {
              // Broken when its first and last characters sit on different lines.
              const top = (at: number): number => {
                const range = document.createRange();
                range.setStart(n, at);
                range.setEnd(n, at + 1);
                // The last box: after a soft hyphen, Chromium also returns the hyphen drawn at the end
                // of the line before as a box of the next character.
                const box = [...range.getClientRects()].filter((x) => x.width > 0).at(-1);
                return box ? Math.round(box.top / 4) : NaN;
              };
              const first = top(m.index);
              const last = top(m.index + m[0].length - 1);
              if (first === first && last === last && first !== last) {
                broken = m[0];
                break;
              }
            }
          }
          if (broken) out.push({ selector, text, problem: `breaks the word “${broken}” across lines` });
        }
        // Overflowing: text wider than the element's own box, spilling over its border or neighbours.
        const own = getComputedStyle(el);
        const he = el as HTMLElement;
        if (
          !clips(own) &&
          own.display !== 'inline' &&
          he.scrollWidth > he.clientWidth + 1 &&
          he.clientWidth > 0
        )
          out.push({
            selector,
            text,
            problem: `overflows: ${he.scrollWidth}px of content in ${he.clientWidth}px`,
          });
        // Outside the viewport (sideways always; vertically where asked).
        if (r.left < -1 || r.right > vw + 1)
          out.push({
            selector,
            text,
            problem: `outside the viewport: x ${Math.round(r.left)}–${Math.round(r.right)} of ${vw}`,
          });
        else if (strictVertical && (r.top < -1 || r.bottom > vh + 1))
          out.push({
            selector,
            text,
            problem: `outside the viewport: y ${Math.round(r.top)}–${Math.round(r.bottom)} of ${vh}`,
          });
        // Sticking out of an ancestor that clips sideways (a pane, a scrolling tab strip).
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
          const cs = getComputedStyle(a);
          if (!['hidden', 'clip', 'auto', 'scroll'].includes(cs.overflowX)) continue;
          const ar = a.getBoundingClientRect();
          if (r.right > ar.right + 1 || r.left < ar.left - 1) {
            out.push({
              selector,
              text,
              problem: `cut by ${describe(a).split(' > ').pop()}: x ${Math.round(r.left)}–${Math.round(r.right)}, visible ${Math.round(ar.left)}–${Math.round(ar.right)}`,
            });
            break;
          }
        }
      }
      // A view where nothing matched: the view did not open, or the selectors went stale.
      if (seen === 0) out.push({ selector: root, text: '', problem: 'nothing to check in this view' });
      return { out, seen };
    },
    {
      root,
      checked: CHECKED,
      skipped: SKIPPED,
      oneLine: ONE_LINE,
      mayWrap: MAY_WRAP,
      rows: ROWS,
      strictVertical,
      cjk: lang === 'ko' || lang === 'zh-Hant',
    },
  );
  if (Array.isArray(raw)) return raw.map((o) => ({ lang, view, ...o }));
  if (process.env.I18N_LAYOUT_DEBUG) console.log(`[${lang}] ${view}: ${raw.seen} labels checked`);
  return raw.out.map((o) => ({ lang, view, ...o }));
}

/** The top bar: every item inside it and inside the viewport, and no two of its items overlapping. */
async function checkTopBar(lang: Locale): Promise<Offender[]> {
  const own = await check('top bar', lang, 'header.topbar', true);
  const overlaps = await page.evaluate(() => {
    const out: Array<{ selector: string; text: string; problem: string }> = [];
    const bar = document.querySelector('header.topbar');
    if (!bar) return [{ selector: 'header.topbar', text: '', problem: 'no top bar' }];
    if (bar.scrollWidth > bar.clientWidth + 1)
      out.push({
        selector: 'header.topbar',
        text: '',
        problem: `overflows: ${bar.scrollWidth}px of items in ${bar.clientWidth}px`,
      });
    const label = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.trim().split(/\s+/).join('.')}` : ''}`;
    const groups = [bar, ...bar.querySelectorAll('nav.toolbar, .spec-title, .brand')];
    for (const g of groups) {
      const kids = [...g.children].filter((k) => {
        const r = k.getBoundingClientRect();
        return r.width >= 1 && r.height >= 1 && k.checkVisibility();
      });
      for (let i = 0; i < kids.length; i++) {
        for (let j = i + 1; j < kids.length; j++) {
          const a = (kids[i] as Element).getBoundingClientRect();
          const b = (kids[j] as Element).getBoundingClientRect();
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const hgt = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > 1 && hgt > 1)
            out.push({
              selector: `${label(kids[i] as Element)} × ${label(kids[j] as Element)}`,
              text: `${((kids[i] as HTMLElement).innerText || '').trim()} × ${((kids[j] as HTMLElement).innerText || '').trim()}`.replace(
                /\s+/g,
                ' ',
              ),
              problem: `overlap: ${Math.round(w)}×${Math.round(hgt)}px`,
            });
        }
      }
    }
    return out;
  });
  return [...own, ...overlaps.map((o) => ({ lang, view: 'top bar', ...o }))];
}

/** The face each CJK language must be drawn in (src/app/i18n.css; Debian's fonts-noto-cjk). */
const CJK_FACE: Partial<Record<Locale, string>> = { ko: 'Noto Sans CJK KR', 'zh-Hant': 'Noto Sans CJK TC' };

/**
 * The fonts Chromium really drew a line of text in the page's language with (DevTools protocol), the text
 * put in the top bar for the measure: the font stack asked for, and the system fonts that answered.
 */
async function fontsUsed(text: string): Promise<{ stack: string; drawn: string[] }> {
  await page.evaluate((t) => {
    const span = document.createElement('span');
    span.id = 'i18n-font-probe';
    span.textContent = t;
    document.querySelector('header.topbar')?.append(span);
  }, text);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: '#i18n-font-probe',
    });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const stack = await page.evaluate(
      () => getComputedStyle(document.getElementById('i18n-font-probe') as Element).fontFamily,
    );
    return { stack, drawn: fonts.map((f) => f.familyName) };
  } finally {
    await cdp.detach().catch(() => {});
    await page.evaluate(() => document.getElementById('i18n-font-probe')?.remove());
  }
}

/** Lets React re-render and the layout settle (two frames). */
const settle = () =>
  page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );

async function switchTo(lang: Locale): Promise<void> {
  await page.locator('header.topbar .language-switch select').selectOption(lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await settle();
}

/** Every view of the app in the current language; the offenders found. */
async function visitAll(lang: Locale): Promise<Offender[]> {
  const out: Offender[] = [];
  out.push(...(await checkTopBar(lang)));
  // Everything on screen at once (the checklist, the pane headers, the banners).
  out.push(...(await check('whole page', lang)));

  // The form: each section in turn (the nav and the section shown).
  const sections = page.locator('nav.sf-nav button.sf-nav-item');
  const n = await sections.count();
  for (let i = 0; i < n; i++) {
    const item = sections.nth(i);
    const title = ((await item.innerText()) || `#${i + 1}`).split('\n')[0]?.trim() ?? `#${i + 1}`;
    await item.click();
    await settle();
    out.push(...(await check(`form section “${title}”`, lang, '.form-pane')));
  }

  // The preview: each tab in turn (the tab strip must hold every tab inside the viewport).
  const tabs = page.locator('.pv-tabs [role=tab]');
  const m = await tabs.count();
  for (let i = 0; i < m; i++) {
    const tab = tabs.nth(i);
    const title = ((await tab.innerText()) || `#${i + 1}`).replace(/\s+/g, ' ').trim();
    await tab.click();
    await settle();
    out.push(...(await check(`preview tab “${title}”`, lang, '.pv-tabs', true)));
    out.push(...(await check(`preview tab “${title}”`, lang, '.preview-pane')));
  }

  // The Problems panel.
  out.push(...(await check('Problems panel', lang, '#problems')));

  // The top bar's menus, one at a time.
  const menus = page.locator('header.topbar button[aria-haspopup=menu]');
  const k = await menus.count();
  for (let i = 0; i < k; i++) {
    const button = menus.nth(i);
    if (await button.isDisabled()) continue;
    const title = ((await button.innerText()) || `#${i + 1}`).replace(/[▾\s]+/g, ' ').trim();
    await button.click();
    await page.locator('[role=menu]').first().waitFor();
    await settle();
    out.push(...(await check(`menu “${title}”`, lang, '[role=menu]', true)));
    await page.keyboard.press('Escape');
    await page
      .locator('[role=menu]')
      .first()
      .waitFor({ state: 'detached', timeout: 5_000 })
      .catch(() => {});
  }
  // Dedupe: the same element seen from two views counts once.
  const seen = new Set<string>();
  return out.filter((o) => {
    const key = `${o.selector}|${o.text}|${o.problem.split(':')[0]}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

beforeAll(async () => {
  h = await startHarness();
  page = await h.newPage();
  await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  await page.goto(`${h.baseUrl}/?e2e`);
  await page.locator('.monaco-editor .view-lines').first().waitFor();
  // A real example with its sample page, loaded in English (the labels the other tests use).
  await page.locator('header.topbar .language-switch select').selectOption('en');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('menuitem', { name: /^Example: Zendesk/ }).click();
  await page
    .locator('.spec-title h1')
    .filter({ hasText: /Zendesk/i })
    .waitFor();
  await page.getByRole('tab', { name: /^Samples/ }).click();
  await page.getByRole('button', { name: 'Load the example’s sample' }).click();
  await page.getByRole('tab', { name: /^Records/ }).click();
  await page.locator('[aria-label="Flattened records"] [role=cell]').first().waitFor();
  for (const b of await page.getByRole('button', { name: 'Dismiss notification' }).all()) await b.click();
});

afterAll(async () => {
  await h?.close();
  await mkdir(join(ROOT, 'test-results'), { recursive: true });
  await writeFile(join(ROOT, 'test-results/i18n-layout.json'), `${JSON.stringify(found, null, 2)}\n`);
});

describe('the checks themselves', () => {
  it('see a label cut by an ellipsis, a strip pushed out of the viewport and top-bar items overlapping', async () => {
    await switchTo('en');
    const style = await page.addStyleTag({
      content: `.sf-nav-item { max-width: 30px }
        .pv-tab:first-child { max-width: 24px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap }
        .pv-tab:nth-child(n + 2) { max-width: 40px; white-space: normal; overflow: visible }
        .pv-tabs { margin-left: 1400px } header.topbar nav.toolbar { margin-left: -200px }`,
    });
    await settle();
    const tabs = await check('self-test', 'en', '.pv-tabs', true);
    expect(tabs.some((o) => o.problem.startsWith('truncated'))).toBe(true);
    expect(tabs.some((o) => o.problem.startsWith('outside the viewport'))).toBe(true);
    const nav = await check('self-test', 'en', 'nav.sf-nav');
    expect(nav.some((o) => o.problem.startsWith('note: wraps onto'))).toBe(true);
    expect(tabs.some((o) => o.problem.startsWith('wraps onto'))).toBe(true);
    const bar = await checkTopBar('en');
    expect(bar.some((o) => o.problem.startsWith('overlap'))).toBe(true);
    await style.evaluate((e) => (e as Element).remove());
    await settle();
    expect(await check('self-test', 'en', '.pv-tabs', true)).toEqual([]);
  });
});

describe('every language at 1280×800: no label truncated, outside the viewport or overlapping', () => {
  it.each(LANGS)('%s', async (lang) => {
    await switchTo(lang);
    const offenders = await visitAll(lang);
    found.push(...offenders);
    for (const o of offenders)
      console.log(`[${o.lang}] ${o.view} · ${o.selector} · “${o.text}” · ${o.problem}`);
    // Korean and Chinese: the language's own CJK face first, and really drawn with it.
    const face = CJK_FACE[lang];
    if (face) {
      const { stack, drawn } = await fontsUsed(lang === 'ko' ? '연결 사양' : '連線規格');
      expect.soft(stack.replace(/["']/g, '').split(',')[0]?.trim(), `font stack: ${stack}`).toBe(face);
      expect.soft(drawn, `drawn with: ${drawn.join(', ')}`).toContain(face);
    }
    expect(offenders.filter((o) => !o.problem.startsWith('note:'))).toEqual([]);
    // The page really is in `lang` (the switch took) and stayed 1280 wide.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
  });
});
