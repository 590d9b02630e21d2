/**
 * Adobe's catalog categories for a source (FORMAT.md §4.1): the `create.md` artifact list, with the
 * camelCase keys the artifact file holds (`marketingAutomation`) and the labels Adobe shows.
 */
export interface KitCategory {
  /** What `{source}-category.txt` and `uiAttributes.category.key` hold. */
  key: string;
  label: string;
}

/** The ten categories of Adobe's artifact list, in its order. */
export const KIT_CATEGORIES: readonly KitCategory[] = [
  { key: 'advertising', label: 'Advertising' },
  { key: 'analytics', label: 'Analytics' },
  { key: 'consentAndPreferences', label: 'Consent and Preferences' },
  { key: 'crm', label: 'CRM' },
  { key: 'customerSuccess', label: 'Customer Success' },
  { key: 'database', label: 'Database' },
  { key: 'ecommerce', label: 'e-Commerce' },
  { key: 'marketingAutomation', label: 'Marketing Automation' },
  { key: 'payments', label: 'Payments' },
  { key: 'protocols', label: 'Protocols' },
];

function squash(s: string): string {
  return s.toLowerCase().replace(/[\s_-]/g, '');
}

/**
 * The category `text` names: its key (`marketingAutomation`) or label (`Marketing Automation`), also
 * as Adobe's sourcespec.md writes them (`marketing automation`, `customer success`), ignoring case,
 * spaces, `-` and `_`. `undefined` for anything else (including the legacy `cloudStorage` and
 * `streaming`, which are not batch SDK categories).
 */
export function findCategory(text: string): KitCategory | undefined {
  const s = squash(text);
  if (s === '') return undefined;
  return KIT_CATEGORIES.find((c) => squash(c.key) === s || squash(c.label) === s);
}
