/** Shared check of the i18n prose tests: a text worded from a code reads exactly the core's English. */
import { expect } from 'vitest';
import { setLocale } from '../../src/i18n';

/** `render()` equals `english` in English and differs from it in French (the catalogue, not a fallback). */
export async function same(render: () => string, english: string): Promise<void> {
  await setLocale('en', false);
  expect(render()).toBe(english);
  await setLocale('fr', false);
  expect(render()).not.toBe(english);
  await setLocale('en', false);
}
