/**
 * Monaco's own UI in the app's language (src/lib/monacoNls.ts, src/i18n/build/monacoNlsPlugin.ts):
 * the message arrays line up with Monaco's `localize(<index>, '<English>')` calls, every Swedish text
 * still matches Monaco's English (a Monaco upgrade that rewords one fails here), and the messages are
 * set only before Monaco evaluates, once. The JSON worker's messages (src/lib/jsonWorkerL10n.ts):
 * every translated text is still one of the language service's, and the real language service's
 * diagnostics come out worded in each language. The browser side: tests/e2e/monaco-nls.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectionSpecSchema } from '@core';
import type { Locale } from '../../src/i18n';
import {
  monacoEnglishMessages,
  monacoLanguageFile,
  monacoSourceDir,
  swedishMessages,
  unescapeJs,
} from '../../src/i18n/build/monacoNlsPlugin';
import {
  JSON_WORKER_MESSAGES,
  jsonWorkerLocale,
  jsonWorkerName,
  loadJsonWorkerMessages,
  localizeCompletions,
  localizeDiagnostics,
  localizeSymbols,
  translator,
  type JsonWorkerMessages,
} from '../../src/lib/jsonWorkerL10n';
import { MONACO_SV } from '../../src/lib/monacoNlsSv';

const ROOT = new URL('../../', import.meta.url).pathname;
const vsDir = monacoSourceDir(ROOT);
const english = monacoEnglishMessages(vsDir);

/** The indices at which Monaco words `text` (e.g. the find widget's "Find" label and placeholder). */
const indicesOf = (text: string): number[] => [...english].filter(([, en]) => en === text).map(([i]) => i);

describe('Monaco’s English and its language files', () => {
  it('reads every localize call, and the language files have an entry for each', () => {
    expect(english.size).toBeGreaterThan(2000);
    expect(english.get(indicesOf('Find / Replace')[0] ?? -1)).toBe('Find / Replace');
    for (const [file, code] of [
      ['fr', 'fr'],
      ['ko', 'ko'],
      ['zh-tw', 'zh-tw'],
    ] as const) {
      const { messages, language } = monacoLanguageFile(vsDir, file);
      expect(language).toBe(code);
      expect(messages.length).toBeGreaterThan(Math.max(...english.keys()));
    }
    const fr = monacoLanguageFile(vsDir, 'fr').messages;
    expect(indicesOf('Replace All').map((i) => fr[i])).toContain('Tout remplacer');
  });

  it('every Swedish text is one of Monaco’s English texts, set at each of its indices', () => {
    const { messages, missing } = swedishMessages(english);
    expect(missing).toEqual([]);
    expect(Object.keys(MONACO_SV).length).toBeGreaterThan(100);
    for (const [en, sv] of Object.entries(MONACO_SV)) {
      for (const i of indicesOf(en)) expect(messages[i]).toBe(sv);
    }
    // The rest stays empty (English).
    const unknown = indicesOf('Go to Next Problem in Files (Error, Warning, Info)');
    expect(unknown.length).toBeGreaterThan(0);
    for (const i of unknown) expect(messages[i]).toBeNull();
    // Each Swedish text keeps the English one's {0}, {1} arguments.
    const args = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    for (const [en, sv] of Object.entries(MONACO_SV)) expect(args(sv), en).toEqual(args(en));
  });

  it('reports English texts Monaco no longer has', () => {
    expect(swedishMessages(english, { 'Not a Monaco text': 'Ingen Monaco-text' }).missing).toEqual([
      'Not a Monaco text',
    ]);
  });
});

describe('loadMonacoNls', () => {
  beforeEach(() => {
    globalThis._VSCODE_NLS_MESSAGES = undefined;
    globalThis._VSCODE_NLS_LANGUAGE = undefined;
  });
  afterEach(() => {
    globalThis._VSCODE_NLS_MESSAGES = undefined;
    globalThis._VSCODE_NLS_LANGUAGE = undefined;
  });

  /** Fresh i18n and monacoNls modules (a new page), the app in `locale`. */
  async function page(locale: Locale) {
    vi.resetModules();
    const i18n = await import('../../src/i18n');
    await i18n.setLocale(locale, false);
    return { setLocale: i18n.setLocale, nls: await import('../../src/lib/monacoNls') };
  }

  const findLabel = () => globalThis._VSCODE_NLS_MESSAGES?.[indicesOf('Find / Replace')[0] ?? -1];

  it('sets the current language’s messages before Monaco evaluates, then never again', async () => {
    const { nls, setLocale } = await page('fr');
    expect(nls.monacoLocale()).toBeNull();
    await nls.afterMonacoNls(async () => undefined)();
    expect(findLabel()).toBe('Rechercher/remplacer');
    expect(globalThis._VSCODE_NLS_LANGUAGE).toBe('fr');
    nls.monacoEvaluated();
    expect(nls.monacoLocale()).toBe('fr');
    // A switch afterwards changes nothing: the messages are loaded once per page.
    await setLocale('ko', false);
    await nls.loadMonacoNls();
    expect(findLabel()).toBe('Rechercher/remplacer');
    expect(nls.monacoLocale()).toBe('fr');
  });

  it('Swedish: ours; English: none', async () => {
    const { nls: sv } = await page('sv');
    await sv.loadMonacoNls();
    expect(findLabel()).toBe('Sök/ersätt');
    expect(globalThis._VSCODE_NLS_LANGUAGE).toBe('sv');

    globalThis._VSCODE_NLS_MESSAGES = undefined;
    const { nls: en } = await page('en');
    await en.loadMonacoNls();
    en.monacoEvaluated();
    expect(globalThis._VSCODE_NLS_MESSAGES).toBeUndefined();
    expect(en.monacoLocale()).toBe('en');
  });

  it('Monaco evaluated first (imported without afterMonacoNls): it stays English, unmixed', async () => {
    const { nls } = await page('zh-Hant');
    const load = nls.loadMonacoNls();
    nls.monacoEvaluated();
    await load;
    expect(globalThis._VSCODE_NLS_MESSAGES).toBeUndefined();
    expect(nls.monacoLocale()).toBe('en');
  });
});

/** Monaco's copy of the JSON language service (what the JSON worker runs). */
const serviceDir = join(vsDir, '..', 'external', 'vscode-json-languageservice', 'lib', 'esm');

/** Every English message of the language service's `t('…')` calls, with the file it is in. */
function serviceMessages(): Map<string, string> {
  const call = /(?<![\w$.])t\(\s*(?:'((?:[^'\\\n]|\\[\s\S])*)'|"((?:[^"\\\n]|\\[\s\S])*)")/g;
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js'))
        for (const m of readFileSync(path, 'utf8').matchAll(call))
          out.set(unescapeJs(m[1] ?? m[2] ?? ''), relative(serviceDir, path));
    }
  };
  walk(serviceDir);
  return out;
}

const workerLocales = Object.keys(JSON_WORKER_MESSAGES) as Exclude<Locale, 'en'>[];
const bundles = new Map<Locale, JsonWorkerMessages>();
const bundle = async (locale: Exclude<Locale, 'en'>): Promise<JsonWorkerMessages> => {
  const b = bundles.get(locale) ?? (await loadJsonWorkerMessages(locale));
  if (!b) throw new Error(`no JSON worker messages for ${locale}`);
  bundles.set(locale, b);
  return b;
};

describe('the JSON worker’s messages', () => {
  const source = serviceMessages();

  it('every key is one of the language service’s messages, with the same arguments', async () => {
    expect(source.size).toBeGreaterThan(100);
    expect(source.get('Missing property "{0}".')).toBe('parser/jsonParser.js');
    expect(source.get("Unable to load schema from '{0}': {1}.")).toBe('services/jsonSchemaService.js');
    const args = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    expect(workerLocales.sort()).toEqual(['fr', 'ko', 'sv', 'zh-Hant']);
    for (const locale of workerLocales) {
      const b = await bundle(locale);
      for (const [en, to] of Object.entries(b)) {
        expect(source.has(en), `${locale}: ${JSON.stringify(en)} is no longer in the language service`).toBe(
          true,
        );
        expect(typeof to).toBe('string');
        expect(to.trim(), `${locale}: ${en}`).not.toBe('');
        expect(args(to), `${locale}: ${en}`).toEqual(args(en));
      }
    }
  });

  it('every message a user can meet is translated (not the meta-schema’s keyword descriptions)', async () => {
    const shown = [...source].filter(([, file]) => file !== 'services/configuration.js').map(([en]) => en);
    expect(shown.length).toBeGreaterThan(60);
    for (const locale of workerLocales) {
      const b = await bundle(locale);
      const missing = shown.filter((en) => !Object.hasOwn(b, en));
      expect(missing, locale).toEqual([]);
    }
  });

  it('the worker’s name carries the language; unknown names are English', () => {
    for (const l of ['en', 'sv', 'fr', 'ko', 'zh-Hant'] as const)
      expect(jsonWorkerLocale(jsonWorkerName(l))).toBe(l);
    expect(jsonWorkerLocale('')).toBe('en');
    expect(jsonWorkerLocale('spec-studio-json:de')).toBe('en');
    expect(jsonWorkerLocale('spec-studio-json:toString')).toBe('en');
  });

  it('translates templates with arguments, most specific first; anything else as it is', async () => {
    const fr = translator(await bundle('fr'));
    expect(fr('Missing property "name".')).toBe('Propriété "name" manquante.');
    expect(fr('Incorrect type. Expected "string".')).toBe('Type incorrect. Attendu : "string".');
    expect(fr('Incorrect type. Expected one of string, number.')).toBe(
      'Type incorrect. Attendu : l’un de string, number.',
    );
    expect(fr('Array has too many items according to schema. Expected 2 or fewer.')).toBe(
      'Le tableau a trop d’éléments selon le schéma. Attendu : 2 ou moins.',
    );
    expect(fr('Expected comma')).toBe('Virgule attendue');
    expect(fr('A text of the schema.')).toBe('A text of the schema.');
    // Arguments in another order (Korean puts {1} first).
    expect(translator(await bundle('ko'))('Object is missing property a required by property b.')).toBe(
      '개체에 b 속성에 필요한 a 속성이 없습니다.',
    );
    expect(translator(null)('Expected comma')).toBe('Expected comma');
  });

  it('the real language service’s diagnostics, completions and outline, worded in each language', async () => {
    // Untyped JavaScript of Monaco's: the little it is used for here.
    type Doc = { readonly uri: string };
    interface Service {
      configure(settings: object): void;
      parseJSONDocument(doc: Doc): unknown;
      doValidation(doc: Doc, json: unknown): Promise<{ message: string }[]>;
    }
    const load = (file: string) => import(/* @vite-ignore */ pathToFileURL(join(serviceDir, file)).href);
    const { getLanguageService } = (await load('jsonLanguageService.js')) as {
      getLanguageService: (params: object) => Service;
    };
    const { TextDocument } = (await load('jsonLanguageTypes.js')) as {
      TextDocument: { create: (uri: string, language: string, version: number, text: string) => Doc };
    };
    const service = getLanguageService({});
    const uri = 'inmemory://spec-studio/connection-spec.json';
    service.configure({
      validate: true,
      schemas: [
        { uri: 'inmemory://spec-studio/schema.json', fileMatch: [uri], schema: connectionSpecSchema },
      ],
    });
    const check = (text: string) => {
      const doc = TextDocument.create(uri, 'json', 1, text);
      return service.doValidation(doc, service.parseJSONDocument(doc));
    };
    const english = (await check('{ "name": 5 "x": 1 }')).map((d) => d.message);
    expect(english).toEqual(expect.arrayContaining(['Expected comma', 'Incorrect type. Expected "string".']));
    const expected: Record<Exclude<Locale, 'en'>, string[]> = {
      fr: ['Virgule attendue', 'Type incorrect. Attendu : "string".'],
      sv: ['Kommatecken förväntas', 'Fel typ. Förväntade "string".'],
      ko: ['쉼표가 필요합니다', '잘못된 형식입니다. "string"이(가) 필요합니다.'],
      'zh-Hant': ['應為逗號', '類型不正確。應為 "string"。'],
    };
    for (const locale of workerLocales) {
      const t = translator(await bundle(locale));
      const worded = localizeDiagnostics(await check('{ "name": 5 "x": 1 }'), t).map((d) => d.message);
      expect(worded, locale).toEqual(expect.arrayContaining(expected[locale]));
      // Every diagnostic the language service gave is worded (none left in English).
      for (const m of worded) expect(english, `${locale}: ${m}`).not.toContain(m);
    }
    // Its own completion and outline labels; a schema's texts stay as they are.
    const t = translator(await bundle('fr'));
    const list = localizeCompletions(
      {
        items: [
          { detail: 'New object' },
          { labelDetails: { description: 'Default value' } },
          { detail: 'Expected comma' },
        ],
      },
      t,
    );
    expect(list.items.map((i) => i.detail ?? i.labelDetails?.description)).toEqual([
      'Nouvel objet',
      'Valeur par défaut',
      'Expected comma',
    ]);
    expect(localizeSymbols([{ name: 'a', children: [{ name: '<empty>' }] }], t)).toEqual([
      { name: 'a', children: [{ name: '<vide>' }] },
    ]);
  });
});
