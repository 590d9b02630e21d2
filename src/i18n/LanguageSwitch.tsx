import { LOCALE_NAMES, LOCALES, isLocale, setLocale, useLocale, useT } from './index';

/**
 * The language switch of the top bar: each language named in itself, the choice applied at once
 * (no reload; the spec, the undo history and every open panel stay) and remembered.
 */
export function LanguageSwitch() {
  const t = useT();
  const locale = useLocale();
  return (
    <label className="language-switch" title={t('common.language.label')}>
      <span aria-hidden="true" className="language-switch-icon">
        文A
      </span>
      <select
        aria-label={t('common.language.label')}
        value={locale}
        onChange={(e) => {
          if (isLocale(e.target.value)) void setLocale(e.target.value);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
