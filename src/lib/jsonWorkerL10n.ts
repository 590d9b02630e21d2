/**
 * Monaco's JSON language worker (./jsonWorker.ts) in the language of Monaco's own UI.
 *
 * The JSON language service words its diagnostics ("Expected comma", "Missing property \"{0}\".")
 * and a few completion and outline labels through `@vscode/l10n`'s `t(message, ...args)`. Monaco's
 * bundled copy of that module (monaco-editor/esm/external/@vscode/l10n/dist/browser.js) has no
 * `config()` any more: its message bundle was tree-shaken away, so `t()` always returns the English
 * with its `{0}` arguments filled in. The worker therefore words its results again on their way out:
 * each English template becomes a pattern (`Missing property "(.*)".`), and a message that matches
 * one is rewritten with the language's template and the same arguments.
 *
 * One small chunk per language (jsonWorkerL10n{Sv,Fr,Ko,ZhHant}.ts, keys: the English exactly as the
 * language service writes it), loaded by the worker only; nothing for English. The worker learns its
 * language from its name (`jsonWorkerName`, set by src/lib/monaco.ts from `monacoLocale()`), so it
 * matches Monaco's UI even after the app's language changed. Not translated: the JSON Schema
 * meta-schema's keyword descriptions (vscode-json-languageservice's configuration.js), shown only
 * when editing a JSON Schema document, never the connection spec.
 */
import type { Locale } from '../i18n/locales';

/** English template → translation, for one language. */
export type JsonWorkerMessages = Readonly<Record<string, string>>;

/** Each language's messages (a lazy chunk of the worker); English: none. */
export const JSON_WORKER_MESSAGES: Record<
  Exclude<Locale, 'en'>,
  () => Promise<{ default: JsonWorkerMessages }>
> = {
  sv: () => import('./jsonWorkerL10nSv'),
  fr: () => import('./jsonWorkerL10nFr'),
  ko: () => import('./jsonWorkerL10nKo'),
  'zh-Hant': () => import('./jsonWorkerL10nZhHant'),
};

const NAME_PREFIX = 'spec-studio-json:';

/** The JSON worker's name (its `Worker` option) for a language: how the worker learns it. */
export const jsonWorkerName = (locale: Locale): string => `${NAME_PREFIX}${locale}`;

/** The language a worker named `name` speaks (English for any other name). */
export function jsonWorkerLocale(name: string): Locale {
  const locale = name.startsWith(NAME_PREFIX) ? name.slice(NAME_PREFIX.length) : 'en';
  return Object.hasOwn(JSON_WORKER_MESSAGES, locale) ? (locale as Locale) : 'en';
}

/** The language's messages; null for English, or if the chunk cannot load (English then). */
export function loadJsonWorkerMessages(locale: Locale): Promise<JsonWorkerMessages | null> {
  if (locale === 'en') return Promise.resolve(null);
  return JSON_WORKER_MESSAGES[locale]().then(
    (m) => m.default,
    () => null,
  );
}

/** `{0}`, `{1}`, … of a template (global: for split and replace only). */
const ARG = /\{(\d+)\}/g;
const HAS_ARG = /\{\d+\}/;

/** A function that words a language service message in the bundle's language (or returns it as is). */
export type Translate = (message: string) => string;

/**
 * The translator for one bundle: an exact match first, then the templates with arguments, longest
 * literal text first (the most specific), each anchored at both ends.
 */
export function translator(messages: JsonWorkerMessages | null): Translate {
  if (!messages) return (m) => m;
  const patterns = Object.entries(messages)
    .filter(([en]) => HAS_ARG.test(en))
    .map(([en, to]) => {
      const indices: number[] = [];
      const source = en
        .split(ARG)
        .map((part, i) => {
          if (i % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          indices.push(Number(part));
          return '([\\s\\S]*?)';
        })
        .join('');
      return { re: new RegExp(`^${source}$`), indices, to, literal: en.replace(ARG, '').length };
    })
    .sort((a, b) => b.literal - a.literal);
  return (message) => {
    if (Object.hasOwn(messages, message)) return messages[message] ?? message;
    for (const p of patterns) {
      const m = p.re.exec(message);
      if (!m) continue;
      const args = new Map<number, string>();
      p.indices.forEach((index, i) => args.set(index, m[i + 1] ?? ''));
      return p.to.replace(ARG, (whole, n: string) => args.get(Number(n)) ?? whole);
    }
    return message;
  };
}

interface Diagnostic {
  message: string;
}
/** The language service's diagnostics, worded by `translate` (new objects; the rest as is). */
export const localizeDiagnostics = <D extends Diagnostic>(diagnostics: D[], translate: Translate): D[] =>
  diagnostics.map((d) => ({ ...d, message: translate(d.message) }));

/** The only completion texts of the language service's own ("Default value", "New object", …). */
const COMPLETION_TEXTS = ['Default value', 'New object', 'New array'];

interface CompletionItem {
  detail?: string;
  labelDetails?: { description?: string };
}
/** A completion list's own labels worded by `translate` (a schema's texts are left alone). */
export function localizeCompletions<L extends { items: CompletionItem[] } | null>(
  list: L,
  translate: Translate,
): L {
  if (!list) return list;
  const own = (s: string | undefined) => (s !== undefined && COMPLETION_TEXTS.includes(s) ? translate(s) : s);
  for (const item of list.items) {
    if (item.detail !== undefined) item.detail = own(item.detail);
    if (item.labelDetails?.description !== undefined)
      item.labelDetails.description = own(item.labelDetails.description);
  }
  return list;
}

interface DocumentSymbol {
  name: string;
  children?: DocumentSymbol[];
}
/** The outline's "<empty>" (a key or value with no text) worded by `translate`. */
export function localizeSymbols<S extends DocumentSymbol>(symbols: S[], translate: Translate): S[] {
  const walk = (list: DocumentSymbol[]) => {
    for (const s of list) {
      if (s.name === '<empty>') s.name = translate(s.name);
      if (s.children) walk(s.children);
    }
  };
  walk(symbols);
  return symbols;
}
