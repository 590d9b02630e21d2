/**
 * Every message id, read from the English catalogues (the source language), so that `t('…')` with an
 * id no catalogue has fails the type check. Dynamic ids (a diagnostic's code) go through `tMaybe`.
 */
type Keys<T> = Extract<keyof T, string>;

export type MessageId =
  | Keys<typeof import('./locales/en/common.json')>
  | Keys<typeof import('./locales/en/app.json')>
  | Keys<typeof import('./locales/en/form.json')>
  | Keys<typeof import('./locales/en/schema.json')>
  | Keys<typeof import('./locales/en/preview.json')>
  | Keys<typeof import('./locales/en/run.json')>
  | Keys<typeof import('./locales/en/tools.json')>
  | Keys<typeof import('./locales/en/engine.json')>
  | Keys<typeof import('./locales/en/diagnostics.json')>;
