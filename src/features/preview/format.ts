import { formatNumber } from '../../i18n/format';

/** "1,234": a count with the chosen language's separators (src/i18n/format.ts). */
export function formatCount(n: number): string {
  return formatNumber(n);
}
