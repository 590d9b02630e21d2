/**
 * Numbers, sizes, durations, dates and lists for people, in the chosen language (Intl). The spec's own
 * .NET date formats and everything written into a spec or an export stay as they are: these are only
 * for what the UI shows.
 */
import { currentLocale, t, type MessageId } from './index';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>(
  key: string,
  make: (locale: string) => T,
): T {
  const locale = currentLocale();
  const k = `${locale}\u0000${key}`;
  let f = cache.get(k) as T | undefined;
  if (!f) {
    f = make(locale);
    cache.set(k, f);
  }
  return f;
}

/** `12,345` / `12 345` / `12,345`: a count in the chosen language. */
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return cached(`n${JSON.stringify(options ?? {})}`, (l) => new Intl.NumberFormat(l, options)).format(n);
}

/**
 * `512 B`, `1.5 KB`, `12 KB`, `20 MB`: a size for people in binary units (1 KB = 1,024 bytes), with one
 * decimal below 10 and none from 10 up, unit names in the chosen language (`Ko`, `Mo` in French).
 */
export function formatBytes(n: number): string {
  const [id, value]: [MessageId, number] =
    n >= 1024 ** 3
      ? ['common.size.gigabytes', n / 1024 ** 3]
      : n >= 1024 ** 2
        ? ['common.size.megabytes', n / 1024 ** 2]
        : n >= 1024
          ? ['common.size.kilobytes', n / 1024]
          : ['common.size.bytes', n];
  const digits = id === 'common.size.bytes' || value >= 10 ? 0 : 1;
  return t(id, { n: formatNumber(value, { maximumFractionDigits: digits }) });
}

/** `250 ms`, `1.5 s`, `2 min` for a duration in milliseconds. */
export function formatDuration(ms: number): string {
  const [unit, value, digits] =
    ms >= 120_000
      ? ['minute', ms / 60_000, 0]
      : ms >= 1000
        ? ['second', ms / 1000, 1]
        : ['millisecond', ms, ms < 10 ? 1 : 0];
  return cached(
    `d${unit}${digits}`,
    (l) =>
      new Intl.NumberFormat(l, {
        style: 'unit',
        unit,
        unitDisplay: 'short',
        maximumFractionDigits: digits as number,
      }),
  ).format(value as number);
}

/** A date and time (a timestamp in ms or a Date), by default `medium` date and `short` time. */
export function formatDateTime(
  value: number | Date,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  return cached(`t${JSON.stringify(options)}`, (l) => new Intl.DateTimeFormat(l, options)).format(value);
}

/** `a, b and c` (`conjunction`) or `a, b or c` (`disjunction`) in the chosen language. */
export function formatList(
  items: readonly string[],
  type: 'conjunction' | 'disjunction' = 'conjunction',
): string {
  return cached(`l${type}`, (l) => new Intl.ListFormat(l, { type })).format(items);
}
