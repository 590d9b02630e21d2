/**
 * The message ids the app builds at run time for diagnostics (`diagnostics.<code>`): one per code the
 * core can emit (DIAGNOSTIC_CODES). `npm run i18n:check` requires a message for each and counts them
 * as used.
 */
import { DIAGNOSTIC_CODES } from '@core';

export function diagnosticMessageIds(): string[] {
  return DIAGNOSTIC_CODES.map((code) => `diagnostics.${code}`);
}
