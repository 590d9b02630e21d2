import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildKit,
  checkKit,
  findCategory,
  KIT_CATEGORIES,
  kitFileName,
  loadRegexEngine,
  parseJson,
  screenSvg,
  sourceKeyPrefix,
  sourceProblem,
  suggestKit,
  suggestSource,
  type KitInput,
} from '../../src/core/index';

const MAILCHIMP = readFileSync(
  new URL('../../public/examples/mailchimp-members.json', import.meta.url),
  'utf8',
);
const ICON =
  '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="10" fill="#ffe01b"/></svg>\n';

const input = (over: Partial<KitInput> = {}): KitInput => ({
  specText: MAILCHIMP,
  source: 'mailchimp-members',
  label: 'MailChimp Members',
  description: 'Members of a MailChimp audience.',
  category: 'marketingAutomation',
  icon: ICON,
  ...over,
});

beforeAll(async () => {
  await loadRegexEngine();
});

describe('source names', () => {
  it.each([
    ['mailchimp-members', null],
    ['acme2', null],
    ['a1', null],
    ['x'.repeat(64), null],
    ['', /empty/],
    ['a', /at least 2/],
    ['x'.repeat(65), /65 characters; at most 64/],
    ['MailChimp', /upper-case "M"/],
    ['mail_chimp', /"_"/],
    ['mail chimp', /" "/],
    ['../etc', /"\."/],
    ['a/b', /"\/"/],
    ['ünïcode', /"ü"/],
    ['-lead', /start or end/],
    ['trail-', /start or end/],
    ['dou--ble', /--/],
  ])('%j → %s', (slug, problem) => {
    const got = sourceProblem(slug);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toMatch(problem);
  });

  it('keys follow the source name', () => {
    expect(sourceKeyPrefix('mailchimp-members')).toBe('mailchimpMembers');
    expect(sourceKeyPrefix('acme-2-orders')).toBe('acme2Orders');
  });

  it('suggests a source from the label key, else from the name', () => {
    expect(suggestSource(parseJson(MAILCHIMP).ok ? JSON.parse(MAILCHIMP) : null)).toBe('mailchimp-members');
    expect(suggestSource({ name: 'Acme Orders source' })).toBe('acme-orders');
    expect(suggestSource({ name: 'Café  Crème!!' })).toBe('cafe-creme');
    expect(suggestSource({})).toBe('');
  });

  it('suggests the dialog values from a spec', () => {
    expect(suggestKit(JSON.parse(MAILCHIMP))).toEqual({
      source: 'mailchimp-members',
      label: 'MailChimp Members',
      description: 'MailChimp Members source using generic-rest and SDK',
      category: '',
    });
    const doc = { sourceSpec: { attributes: { uiAttributes: { category: { key: 'customer success' } } } } };
    expect(suggestKit(doc).category).toBe('customerSuccess');
  });
});

describe('categories', () => {
  it('lists the ten categories of Adobe artifact list with camelCase keys', () => {
    expect(KIT_CATEGORIES.map((c) => c.key)).toEqual([
      'advertising',
      'analytics',
      'consentAndPreferences',
      'crm',
      'customerSuccess',
      'database',
      'ecommerce',
      'marketingAutomation',
      'payments',
      'protocols',
    ]);
  });
  it.each([
    ['marketingAutomation', 'marketingAutomation'],
    ['Marketing Automation', 'marketingAutomation'],
    ['marketing automation', 'marketingAutomation'],
    ['e-Commerce', 'ecommerce'],
    ['CRM', 'crm'],
    ['consent and preferences', 'consentAndPreferences'],
    ['cloudStorage', undefined],
    ['streaming', undefined],
    ['', undefined],
  ])('%j → %s', (text, key) => {
    expect(findCategory(text)?.key).toBe(key);
  });
});

describe('screenSvg accepts a clean icon', () => {
  it.each([
    ['plain', ICON],
    [
      'fragment links',
      '<svg xmlns="http://www.w3.org/2000/svg"><defs><path id="x" d="M0 0"/></defs><use href="#x"/></svg>',
    ],
    [
      'xlink fragment',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="#x"/></svg>',
    ],
    [
      'gradient url(#id) in attribute and style',
      '<svg xmlns="http://www.w3.org/2000/svg"><linearGradient id="g"/><rect fill="url(#g)" style="stroke: url( \'#g\' )"/><style>rect { fill: url(#g) }</style></svg>',
    ],
    [
      'Inkscape metadata in other namespaces',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"><sodipodi:namedview id="n"/><metadata/></svg>',
    ],
    ['a UTF-8 BOM', '\uFEFF<svg xmlns="http://www.w3.org/2000/svg"/>'],
  ])('%s', (_, svg) => {
    const r = screenSvg(svg);
    expect(r).toEqual({ ok: true, svg: svg.replace(/^\uFEFF/, '') });
  });

  it('reads bytes as UTF-8 and drops a BOM', () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><title>é</title></svg>'),
    ]);
    expect(screenSvg(bytes)).toEqual({
      ok: true,
      svg: '<svg xmlns="http://www.w3.org/2000/svg"><title>é</title></svg>',
    });
  });
});

describe('checkKit and buildKit', () => {
  it('passes the MailChimp example, with advice about its missing category', () => {
    const checks = checkKit(input());
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['spec', 'pass'],
      ['source', 'pass'],
      ['label', 'pass'],
      ['description', 'pass'],
      ['category', 'pass'],
      ['icon', 'pass'],
      ['uiAttributes', 'warn'],
    ]);
    expect(checks[6]?.message).toBe('No uiAttributes.category: add { "key": "marketingAutomation" }');
  });

  it.each<[string, Partial<KitInput>, string, RegExp]>([
    ['bad slug', { source: 'Mail_Chimp' }, 'source', /upper-case "M"/],
    ['empty label', { label: '  ' }, 'label', /The label is empty/],
    ['two-line label', { label: 'a\nb' }, 'label', /one line/],
    ['empty description', { description: '' }, 'description', /description is empty/],
    [
      'unknown category',
      { category: 'games' },
      'category',
      /Unknown category "games": use one of advertising, /,
    ],
    ['no icon', { icon: null }, 'icon', /Choose the SVG icon/],
    [
      'refused icon',
      { icon: '<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>' },
      'icon',
      /event handler/,
    ],
    ['invalid JSON', { specText: '{"name": ' }, 'spec', /not valid JSON \(line 1/],
    ['a fragment', { specText: '{"paginationParams": {"type": "NONE"}}' }, 'spec', /paginationParams/],
    ['Adobe GET wrapper', { specText: `{"items": [${MAILCHIMP}]}` }, 'spec', /bare spec/],
    [
      'spec with errors',
      { specText: MAILCHIMP.replace('"providerId"', '"providerIdX"') },
      'spec',
      /The spec has \d+ errors? \(first: /,
    ],
    [
      'category differs from the spec',
      { specText: MAILCHIMP.replace('"isSource": true,', '"isSource": true, "category": {"key": "crm"},') },
      'uiAttributes',
      /uiAttributes.category is "crm" but the kit's category is marketingAutomation/,
    ],
    [
      'uiAttributes without label',
      { specText: MAILCHIMP.replace('"label": {', '"labelX": {') },
      'uiAttributes',
      /uiAttributes.label has neither "key" nor "text"/,
    ],
  ])('refuses %s', (_, over, id, message) => {
    const r = buildKit(input(over));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failed.map((c) => c.id)).toEqual([id]);
    expect(r.failed[0]?.message).toMatch(message);
  });

  it('advises when a key does not follow the source name, without blocking', () => {
    const r = buildKit(input({ source: 'mailchimp' }));
    expect(r.ok).toBe(true);
    const ui = r.checks.find((c) => c.id === 'uiAttributes');
    expect(ui?.status).toBe('warn');
    expect(ui?.message).toContain(
      'uiAttributes.label.key is "mailchimpMembersLabel"; for source "mailchimp" expect "mailchimpLabel"',
    );
  });

  it('uses given diagnostics instead of validating again', () => {
    const checks = checkKit(input(), {
      diagnostics: [{ severity: 'error', pointer: '/name', message: 'boom' }],
    });
    expect(checks[0]).toEqual({
      id: 'spec',
      status: 'fail',
      message: 'The spec has 1 error (first: /name: boom)',
    });
  });

  it('builds exactly the five artifacts, zipped, deterministic', () => {
    const r = buildKit(
      input({
        label: '  MailChimp Members \r\n',
        description: 'Line one\r\nLine two',
        category: 'Marketing Automation',
      }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.failed));
    const base = 'Sources/mailchimp-members/Artifacts/mailchimp-members';
    expect(r.files.map((f) => f.path)).toEqual([
      `${base}-category.txt`,
      `${base}-description.txt`,
      `${base}-icon.svg`,
      `${base}-label.txt`,
      `${base}-connectionSpec.json`,
    ]);
    const unzipped = unzipSync(r.zip);
    expect(Object.keys(unzipped)).toEqual(r.files.map((f) => f.path));
    const read = (suffix: string) => strFromU8(unzipped[`${base}${suffix}`] ?? new Uint8Array());
    expect(read('-category.txt')).toBe('marketingAutomation');
    expect(read('-label.txt')).toBe('MailChimp Members');
    expect(read('-description.txt')).toBe('Line one\nLine two');
    expect(read('-icon.svg')).toBe(ICON);
    expect(read('-connectionSpec.json')).toBe(MAILCHIMP);
    const again = buildKit(
      input({
        label: '  MailChimp Members \r\n',
        description: 'Line one\r\nLine two',
        category: 'Marketing Automation',
      }),
    );
    expect(again.ok && Buffer.from(again.zip).equals(Buffer.from(r.zip))).toBe(true);
    expect(kitFileName('mailchimp-members')).toBe('mailchimp-members-submission-kit.zip');
  });

  it('keeps non-ASCII text exact in every file', () => {
    const spec = MAILCHIMP.replace('"MailChimp Members source"', '"Ünïcödé 源 source"');
    const r = buildKit(input({ specText: spec, label: 'Éclair 源', description: 'Déjà vu ✓' }));
    if (!r.ok) throw new Error(JSON.stringify(r.failed));
    const files = unzipSync(r.zip);
    const base = 'Sources/mailchimp-members/Artifacts/mailchimp-members';
    expect(strFromU8(files[`${base}-connectionSpec.json`] ?? new Uint8Array())).toBe(spec);
    expect(strFromU8(files[`${base}-label.txt`] ?? new Uint8Array())).toBe('Éclair 源');
  });
});

describe('a $schema key for editors', () => {
  it('does not block the kit but says it goes to Adobe', () => {
    const specText = MAILCHIMP.replace('{', '{\n  "$schema": "./connection-spec.schema.json",');
    const r = buildKit(input({ specText }));
    expect(r.ok).toBe(true);
    expect(r.checks[0]).toEqual({
      id: 'spec',
      status: 'warn',
      message:
        'The spec has no errors, but a "$schema" key (for editors): remove it, Adobe gets the spec as it is',
    });
  });
});
