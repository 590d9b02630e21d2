/**
 * The app's translations, on Lingui (`@lingui/core`, with catalogues compiled at build time by
 * build/catalogPlugin.ts). Every language, English included, is one chunk loaded when needed (each
 * holds English for any gap), so no catalogue weighs on the first load: main.tsx awaits `initLocale()`
 * before the first render. The chosen language is remembered (localStorage) and set as `<html lang>`.
 *
 * - In React components: `const t = useT();` then `t('id', { values })`; the component re-renders when
 *   the language changes. Messages with markup: `<T id="…" components={{ 0: <code /> }} />`.
 * - Elsewhere (store actions, toasts): `import { t } from '../i18n'`, evaluated in the current language.
 * - Numbers, sizes, dates and lists: src/i18n/format.ts (Intl, for the chosen language).
 */
import { setupI18n, type Messages } from '@lingui/core';
import { useSyncExternalStore } from 'react';
import { isLaterId, isLocale, pickLocale, SOURCE_LOCALE, type Locale } from './locales';
import type { MessageId } from './messageIds';

export type { MessageId } from './messageIds';
export { LOCALES, LOCALE_NAMES, isLocale, pickLocale, type Locale } from './locales';

/** Values a message can take: strings and numbers (plurals need numbers). */
export type MessageValues = Record<string, string | number>;

export const i18n = setupI18n({
  locale: SOURCE_LOCALE,
  messages: { [SOURCE_LOCALE]: {} },
  // Between the first paint and the second part of the catalogue (a few milliseconds), a message of
  // that part is blank rather than its id; any other missing id shows as itself.
  missing: (_locale, id) => (isLaterId(id) ? '' : id),
});

type Catalog = () => Promise<{ default: Messages }>;

/** Each language's catalogue in two parts (src/i18n/locales.ts `isLaterId`): first screen, the rest. */
const LOADERS: Record<Locale, { first: Catalog; later: Catalog }> = {
  en: {
    first: () => import('virtual:spec-studio-catalog/en'),
    later: () => import('virtual:spec-studio-catalog/en/later'),
  },
  sv: {
    first: () => import('virtual:spec-studio-catalog/sv'),
    later: () => import('virtual:spec-studio-catalog/sv/later'),
  },
  fr: {
    first: () => import('virtual:spec-studio-catalog/fr'),
    later: () => import('virtual:spec-studio-catalog/fr/later'),
  },
  ko: {
    first: () => import('virtual:spec-studio-catalog/ko'),
    later: () => import('virtual:spec-studio-catalog/ko/later'),
  },
  'zh-Hant': {
    first: () => import('virtual:spec-studio-catalog/zh-Hant'),
    later: () => import('virtual:spec-studio-catalog/zh-Hant/later'),
  },
};

export const LOCALE_STORAGE_KEY = 'spec-studio:locale';

/**
 * Lingui decodes `\uXXXX` and `\xXX` escapes anywhere in a rendered message, values included: a value
 * that quotes a control character as `"\u0007"` would turn into the character itself. Each backslash of
 * a string value is written `\u005c`, which that single decoding pass turns back into a backslash.
 */
function literalValues(values: MessageValues | undefined): MessageValues | undefined {
  if (values === undefined) return undefined;
  let out: MessageValues | undefined;
  for (const [k, v] of Object.entries(values)) {
    if (typeof v !== 'string' || !v.includes('\\')) continue;
    out ??= { ...values };
    out[k] = v.replace(/\\/g, '\\u005c');
  }
  return out ?? values;
}

/** The message `id` in the current language, with `values` filled in (as written: see literalValues). */
export function t(id: MessageId, values?: MessageValues): string {
  return i18n._(id, literalValues(values));
}

/** Whether the catalogues have `id` (for ids built at run time, such as `diagnostics.<code>`). */
export function hasMessage(id: string): boolean {
  return Object.prototype.hasOwnProperty.call(i18n.messages, id);
}

/** `id` in the current language when a catalogue has it, else `fallback` (already written for people). */
/**
 * `fields` plus a text `key` worded each time it is read, in the language chosen then: for a result
 * whose text a toast shows (`notify(() => r.message)` then follows a language switch).
 */
export function worded<T extends object, K extends string>(
  fields: T,
  key: K,
  words: () => string,
): T & { readonly [P in K]: string } {
  return Object.defineProperty({ ...fields }, key, { get: words, enumerable: true }) as T & {
    readonly [P in K]: string;
  };
}

export function tMaybe(id: string, values: MessageValues | undefined, fallback: string): string {
  return hasMessage(id) ? i18n._(id, literalValues(values)) : fallback;
}

export function currentLocale(): Locale {
  const l = i18n.locale;
  return isLocale(l) ? l : SOURCE_LOCALE;
}

function subscribe(onChange: () => void): () => void {
  return i18n.on('change', onChange);
}

/** Moves when messages arrive (the second part of a catalogue) or the language changes. */
let version = 0;
i18n.on('change', () => {
  version++;
});
const snapshot = (): string => `${currentLocale()}#${version}`;

/** Changes whenever the language changes or more of its messages arrive (for caches of worded text). */
export function messagesVersion(): string {
  return snapshot();
}

/** The current language; the calling component re-renders when it changes or more messages load. */
export function useLocale(): Locale {
  useSyncExternalStore(subscribe, snapshot, snapshot);
  return currentLocale();
}

/** `t`, for components: calling it subscribes the component to language changes. */
export function useT(): typeof t {
  useLocale();
  return t;
}

let wanted = 0;
/** The parts of each language's catalogue loaded so far (or loading). */
const loaded = new Map<Locale, { first?: Promise<void>; later?: Promise<void> }>();

function reflect(locale: Locale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

function loadPart(locale: Locale, part: 'first' | 'later'): Promise<void> {
  const parts = loaded.get(locale) ?? {};
  loaded.set(locale, parts);
  const done = parts[part];
  if (done) return done;
  const p = LOADERS[locale][part]().then(
    ({ default: messages }) => i18n.load(locale, messages),
    (error: unknown) => {
      delete parts[part]; // a later call tries again
      throw error;
    },
  );
  parts[part] = p;
  return p;
}

/**
 * Switch to `locale`: loads its catalogue if needed, then activates it (every `useT` component
 * re-renders; nothing reloads). When calls overlap, the last one wins. `remember` stores the choice.
 * `laterAfterPaint` (start-up only): activate once the first part is in; the rest loads when the app
 * calls `loadRestOfCatalogue` (after its first paint). Otherwise both parts are in before the switch.
 */
export async function setLocale(locale: Locale, remember = true, laterAfterPaint = false): Promise<void> {
  const ticket = ++wanted;
  if (remember) {
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // storage full or blocked: the choice holds for this visit
    }
  }
  if (laterAfterPaint) await loadPart(locale, 'first');
  else await Promise.all([loadPart(locale, 'first'), loadPart(locale, 'later')]);
  if (ticket !== wanted) return;
  i18n.activate(locale);
  reflect(locale);
}

/**
 * Loads the rest of the current language's catalogue (what the first paint does not show): the app
 * calls it once it has painted. Components showing those messages re-render when they arrive.
 */
export function loadRestOfCatalogue(): Promise<void> {
  return loadPart(currentLocale(), 'later').catch(() => undefined);
}

/** The remembered language, else the first of the browser's languages the app speaks, else English. */
export function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(LOCALE_STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage blocked: fall back to the browser's languages
  }
  return typeof navigator === 'undefined'
    ? SOURCE_LOCALE
    : pickLocale(navigator.languages ?? [navigator.language]);
}

/**
 * At start-up, before the first render: load and activate the initial language (`laterAfterPaint`:
 * only the part of the catalogue the first screen shows; the app then calls `loadRestOfCatalogue`). If its chunk
 * fails to load (a stale tab after an upgrade), English is tried; the app renders either way.
 */
export async function initLocale(laterAfterPaint = false): Promise<Locale> {
  const locale = initialLocale();
  try {
    await setLocale(locale, false, laterAfterPaint);
  } catch {
    if (locale !== SOURCE_LOCALE) await setLocale(SOURCE_LOCALE, false).catch(() => undefined);
  }
  return currentLocale();
}
