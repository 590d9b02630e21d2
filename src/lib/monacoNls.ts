// The virtual modules' types, for any program that imports this file (the tests' too).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./monacoNlsVirtual.d.ts" />
/**
 * Monaco's own UI (right-click menu, find widget, hovers, command palette) in the app's language.
 *
 * Monaco 0.57 words its UI from `globalThis._VSCODE_NLS_MESSAGES` (vs/nls.js looks a message up each
 * time it is worded, falling back to English), and most of what a user sees is worded once, when its
 * module is evaluated (the find widget's labels, every action's title in the right-click menu). So
 * the messages must be in place before Monaco's modules evaluate: a lazy import of anything that
 * imports Monaco goes through `afterMonacoNls` (MonacoEditor.tsx does), which first loads the current
 * language's messages (one lazy chunk per language: Monaco's own fr / ko / zh-tw, our own Swedish,
 * src/lib/monacoNlsSv.ts; nothing for English).
 *
 * Monaco's texts are then fixed for the page's life. Setting the messages later would only reach the
 * texts worded later (a mix of two languages), so once Monaco has evaluated (src/lib/monaco.ts calls
 * `monacoEvaluated`) they are never changed: a language switch, or a Monaco chunk that got in first
 * without `afterMonacoNls`, leaves them as they are. `monacoLocale()` says which language they are
 * in, so the JSON view can tell the user (MonacoEditor.tsx).
 */
import { currentLocale, type Locale } from '../i18n';

type NlsData = { default: { messages: (string | undefined)[]; language: string } };

/** Each language's Monaco messages (a data chunk: src/i18n/build/monacoNlsPlugin.ts); English: none. */
const LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<NlsData>> = {
  sv: () => import('virtual:spec-studio-monaco-nls/monaco-nls-sv'),
  fr: () => import('virtual:spec-studio-monaco-nls/monaco-nls-fr'),
  ko: () => import('virtual:spec-studio-monaco-nls/monaco-nls-ko'),
  'zh-Hant': () => import('virtual:spec-studio-monaco-nls/monaco-nls-zh-Hant'),
};

/** The language Monaco's messages are set for (null: not yet decided). */
let applied: Locale | null = null;
/** Monaco's modules have evaluated: its messages can no longer change. */
let evaluated = false;
let loading: Promise<void> | null = null;

/**
 * Loads and sets Monaco's messages for the current language, once per page (later calls return the
 * first load). Never rejects: if the chunk cannot load (a stale tab after an upgrade), or Monaco
 * evaluated meanwhile, Monaco stays as it is (English).
 */
export function loadMonacoNls(): Promise<void> {
  if (loading) return loading;
  const locale = currentLocale();
  const data: Promise<NlsData | null> = locale === 'en' ? Promise.resolve(null) : LOADERS[locale]();
  loading = data.then(
    (d) => {
      if (evaluated || applied !== null) return;
      if (d) {
        globalThis._VSCODE_NLS_MESSAGES = d.default.messages;
        globalThis._VSCODE_NLS_LANGUAGE = d.default.language;
      }
      applied = locale;
    },
    () => undefined,
  );
  return loading;
}

/**
 * `load` (a lazy import of a module that imports Monaco) once Monaco's messages are in, for
 * `React.lazy`: `lazy(afterMonacoNls(() => import('./X')))`.
 */
export function afterMonacoNls<T>(load: () => Promise<T>): () => Promise<T> {
  return () => loadMonacoNls().then(load);
}

/** Called by src/lib/monaco.ts once Monaco's modules have evaluated: its messages are now fixed. */
export function monacoEvaluated(): void {
  evaluated = true;
  applied ??= 'en';
}

/** The language Monaco's own UI is in (null until Monaco has loaded). */
export function monacoLocale(): Locale | null {
  return evaluated ? applied : null;
}

/** The app languages for which the note "Monaco stays in …" was dismissed (once per language). */
const dismissed = new Set<Locale>();
export const monacoNoteDismissed = (appLocale: Locale): boolean => dismissed.has(appLocale);
export function dismissMonacoNote(appLocale: Locale): void {
  dismissed.add(appLocale);
}
