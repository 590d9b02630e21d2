// @vitest-environment happy-dom
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCatalogs } from '../../src/i18n/build/check';
import { compiledCatalog, messageShape } from '../../src/i18n/build/catalogs';
import { act, render } from '@testing-library/react';
import { createElement } from 'react';
import {
  currentLocale,
  initialLocale,
  loadRestOfCatalogue,
  LOCALE_STORAGE_KEY,
  pickLocale,
  setLocale,
  t,
  useT,
} from '../../src/i18n';
import { formatBytes, formatList, formatNumber } from '../../src/i18n/format';
import { AREAS, isLaterId, LOCALES } from '../../src/i18n/locales';
import { isLaterMessage } from '../../src/i18n/build/catalogPlugin';

afterEach(async () => {
  localStorage.clear();
  await setLocale('en', false);
});

// First in this file: Korean is not loaded yet (later tests load every part of it).
describe('a catalogue in two parts', () => {
  it('the first screen’s messages before the first render, the rest when the app has painted', async () => {
    await setLocale('ko', false, true);
    expect(currentLocale()).toBe('ko');
    expect(t('common.language.label')).toBe('언어');
    expect(isLaterId('run.core.test.noAuthSpec')).toBe(true);
    expect(t('run.core.test.noAuthSpec')).toBe(''); // not yet loaded: blank, never the id
    const seen: string[] = [];
    function Probe() {
      const tr = useT();
      seen.push(tr('run.core.test.noAuthSpec'));
      return null;
    }
    render(createElement(Probe));
    await act(async () => {
      await loadRestOfCatalogue();
    });
    expect(t('run.core.test.noAuthSpec')).toBe('이 사양에는 authSpec이 없으므로 테스트할 연결이 없습니다');
    expect(seen.at(-1)).toBe(t('run.core.test.noAuthSpec')); // re-rendered when the rest arrived
    expect(seen[0]).toBe('');
  });

  it('the first part holds the top bar, the first form section and the section list', () => {
    for (const id of [
      'app.topBar.library',
      'tools.counts.errors',
      'schema.metadata.name.title',
      'schema.exploreSpec.title',
    ])
      expect(isLaterId(id), id).toBe(false);
    for (const id of [
      'preview.tabs.records',
      'run.live.connectionTest',
      'tools.kit.title',
      'schema.exploreSpec.description',
    ])
      expect(isLaterId(id), id).toBe(true);
  });

  it('the preview’s diagnostics in the second part, the checks’ (and their details) in the first', () => {
    for (const id of [
      'diagnostics.jsonpath-invalid',
      'diagnostics.jsonpath-expected-root',
      'diagnostics.schema-type-or',
      'diagnostics.json-empty',
    ])
      expect(isLaterMessage(id), id).toBe(false);
    for (const id of [
      'diagnostics.request-at',
      'diagnostics.live-http-error',
      'diagnostics.outbound-refused',
      'diagnostics.content-path-budget',
      'preview.tabs.records',
    ])
      expect(isLaterMessage(id), id).toBe(true);
  });
});

describe('pickLocale: the first browser language the app speaks', () => {
  it.each([
    [['fr-CA', 'en'], 'fr'],
    [['sv-FI'], 'sv'],
    [['ko-KR', 'en-US'], 'ko'],
    [['zh-TW'], 'zh-Hant'],
    [['zh-HK'], 'zh-Hant'],
    [['zh-Hant-CN'], 'zh-Hant'],
    [['zh-CN', 'fr'], 'fr'],
    [['zh', 'zh-Hans'], 'en'],
    [['de-DE', 'nl'], 'en'],
    [['', ' EN-gb '], 'en'],
    [[], 'en'],
  ])('%j → %s', (prefs, want) => {
    expect(pickLocale(prefs)).toBe(want);
  });
});

describe('switching language', () => {
  it('loads the catalogue, sets <html lang>, remembers the choice; the last of two quick switches wins', async () => {
    await setLocale('sv');
    expect(currentLocale()).toBe('sv');
    expect(document.documentElement.lang).toBe('sv');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('sv');
    expect(t('common.language.label')).toBe('Språk');
    expect(initialLocale()).toBe('sv');
    await Promise.all([setLocale('ko'), setLocale('zh-Hant')]);
    expect(currentLocale()).toBe('zh-Hant');
    expect(t('common.language.label')).toBe('語言');
    localStorage.setItem(LOCALE_STORAGE_KEY, 'xx');
    expect(['en', 'sv', 'fr', 'ko', 'zh-Hant']).toContain(initialLocale());
  });
});

describe('Intl formatting follows the language', () => {
  it('numbers, sizes and lists', async () => {
    expect(formatNumber(12345)).toBe('12,345');
    expect(formatBytes(1_200_000)).toBe('1.1 MB');
    expect(formatBytes(12_345)).toBe('12 KB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatList(['a', 'b', 'c'], 'disjunction')).toBe('a, b, or c');
    await setLocale('fr', false);
    expect(formatNumber(12345)).toBe('12\u202f345');
    expect(formatBytes(1_200_000)).toBe('1,1 Mo');
    expect(formatList(['a', 'b', 'c'], 'disjunction')).toBe('a, b ou c');
  });
});

describe('messages compile to data', () => {
  it('arguments, plurals and element tags are read from ICU', () => {
    expect(messageShape('{count, plural, one {# record} other {# records in {name}}}')).toEqual({
      args: ['count', 'name'],
      tags: [],
    });
    expect(messageShape('Press <0>Ctrl+S</0> to save {name}<1/>')).toEqual({
      args: ['name'],
      tags: ['0', '1'],
    });
  });
});

describe('i18n:check', () => {
  let root = '';
  afterEach(() => root && rmSync(root, { recursive: true, force: true }));

  function fixture(catalogs: Record<string, Record<string, Record<string, string>>>, code: string): string {
    root = mkdtempSync(join(tmpdir(), 'i18n-check-'));
    mkdirSync(join(root, 'src', 'app'), { recursive: true });
    writeFileSync(join(root, 'src', 'app', 'x.tsx'), code);
    for (const locale of LOCALES) {
      const dir = join(root, 'src', 'i18n', 'locales', locale);
      mkdirSync(dir, { recursive: true });
      for (const area of AREAS)
        writeFileSync(join(dir, `${area}.json`), JSON.stringify(catalogs[locale]?.[area] ?? {}));
    }
    return root;
  }

  const all = (app: Record<string, string>) => Object.fromEntries(LOCALES.map((l) => [l, { app }]));

  it('passes a complete, used, well-formed set', () => {
    const r = fixture(all({ 'app.a': 'Hello {name}' }), "t('app.a', { name })");
    expect(checkCatalogs(r, [])).toMatchObject({ problems: [] });
    expect(compiledCatalog(r, 'fr')['app.a']).toEqual(['Hello ', ['name']]);
  });

  it('names each problem with its file and id', () => {
    const cats = all({ 'app.a': 'Hello {name}', 'app.unused': 'x', 'wrong.prefix': 'y' });
    cats.sv = { app: { 'app.a': 'Hej {namn}', 'app.unused': 'x', 'wrong.prefix': 'y', 'app.extra': 'z' } };
    cats.fr = { app: { 'app.unused': 'x', 'wrong.prefix': 'y' } };
    cats.ko = { app: { 'app.a': '안녕 {name', 'app.unused': 'x', 'wrong.prefix': 'y' } };
    const r = fixture(cats, "t('app.a'); t('wrong.prefix');");
    const problems = checkCatalogs(r, ['app.dynamic']).problems.map(
      (p) => `${p.file} ${p.id ?? ''}: ${p.message}`,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/en\/app\.json app\.unused: no code uses this id/),
        expect.stringMatching(/en\/app\.json wrong\.prefix: an id of app\.json starts with "app\."/),
        expect.stringMatching(/app\.dynamic: the app builds this id at run time but English has no message/),
        expect.stringMatching(
          /sv\/app\.json app\.a: placeholders differ from English: English has \{name\}, sv has \{namn\}/,
        ),
        expect.stringMatching(/sv\/app\.json app\.extra: English has no such id/),
        expect.stringMatching(/fr\/app\.json app\.a: missing: fr has no message/),
        expect.stringMatching(/ko\/app\.json app\.a: not a valid ICU message/),
      ]),
    );
  });
});

describe('values are inserted as written', () => {
  it('a backslash escape in a value is not decoded', async () => {
    const v = 'a\\u0041\\x41\\\\n "\\u0007"';
    for (const locale of ['en', 'fr'] as const) {
      await setLocale(locale, false);
      expect(t('diagnostics.json-unexpected', { found: v })).toContain(v);
    }
  });
});
