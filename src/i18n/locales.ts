/**
 * The app's languages: English (the source of every message), Swedish, French, Korean and Traditional
 * Chinese, the languages of Adobe's Self-Serve Sources pages this project started from. Pure data and
 * functions (no DOM), shared by the app, the catalogue plugin and `scripts/i18n-check.mjs`.
 */
export const LOCALES = ['en', 'sv', 'fr', 'ko', 'zh-Hant'] as const;
export type Locale = (typeof LOCALES)[number];
export const SOURCE_LOCALE: Locale = 'en';

/** Each language named in itself (the language switch lists these, never translated). */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  sv: 'Svenska',
  fr: 'Français',
  ko: '한국어',
  'zh-Hant': '繁體中文',
};

/** The message areas: one JSON file per area and language under src/i18n/locales/<locale>/. */
export const AREAS = [
  'common',
  'app',
  'form',
  'schema',
  'preview',
  'run',
  'tools',
  'engine',
  'diagnostics',
] as const;
export type Area = (typeof AREAS)[number];

/**
 * Messages the first paint never shows: the preview pane (a lazy chunk that arrives after it), live
 * runs, test cases, the Adobe dialogs, the library and paste dialogs, the parameter tables and the
 * help of the form sections other than the first. Each language's catalogue is two chunks: the first
 * loaded before the first render, the rest right after the first paint (both before a language switch
 * applies), so the first paint carries only what it shows (bench:ui a).
 */
const LATER_PREFIXES = [
  'run.',
  'tools.',
  'preview.',
  'form.param.',
  'app.library.',
  'app.paste.',
  'app.fileImport.',
  'schema.',
];
/** Prefixes inside those that the first screen does show (title-bar counts, Problems, Changes). */
const FIRST_PREFIXES = [
  'tools.problems.',
  'tools.counts.',
  'tools.changes.',
  'tools.dialog.',
  'tools.share.',
  'run.pattern.',
  'run.computingPreview',
  'run.revealSecrets',
  'schema.metadata.',
];

/**
 * Whether message `id` is in the part of a catalogue loaded after the first paint. The build also
 * puts there the messages of the core's codes that only the preview gives (build/catalogPlugin.ts),
 * which the app always words through `tMaybe` (never blank, never an id).
 */
export function isLaterId(id: string): boolean {
  if (!LATER_PREFIXES.some((p) => id.startsWith(p)) || FIRST_PREFIXES.some((p) => id.startsWith(p)))
    return false;
  // The section list names every section: `schema.<section>.title` is on the first screen.
  return !/^schema\.[^.]+\.title$/.test(id);
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The first of the browser's languages (`navigator.languages`, most preferred first) that the app
 * speaks; English when none does. `zh-TW`, `zh-HK`, `zh-MO` and any `zh-Hant…` tag mean Traditional
 * Chinese; Simplified Chinese (`zh`, `zh-CN`, `zh-Hans`, `zh-SG`) is not offered, so it falls through to
 * the next preference. Regional variants match their language (`fr-CA` → French, `sv-FI` → Swedish).
 */
export function pickLocale(preferences: readonly string[] | undefined): Locale {
  for (const raw of preferences ?? []) {
    const tag = raw.trim().toLowerCase();
    if (tag === '') continue;
    const [language, ...rest] = tag.split(/[-_]/);
    if (language === 'zh') {
      if (rest.includes('hant') || rest.some((p) => p === 'tw' || p === 'hk' || p === 'mo')) return 'zh-Hant';
      continue;
    }
    const hit = LOCALES.find((l) => l.toLowerCase() === language);
    if (hit) return hit;
  }
  return SOURCE_LOCALE;
}
