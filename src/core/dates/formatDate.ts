/**
 * .NET custom date-time formats rendered in UTC (SEMANTICS.md §6), the format check the
 * validator reports, and the instant parser the CLI uses for `--window-start`/`--window-end`.
 */
import { tokenizeDateFormat, type FormatToken } from './formatTokens';

/** The format used when a schedule parameter declares none. */
export const DEFAULT_DATE_FORMAT = 'yyyy-MM-ddTHH:mm:ssZ';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Tokens of SEMANTICS §6's table: rendered without a warning. */
const DOCUMENTED = new Set(['yyyy', 'MM', 'dd', 'HH', 'mm', 'ss', 'K', 'zzz', ...fractions('f')]);

function fractions(letter: string): string[] {
  return [1, 2, 3, 4, 5, 6, 7].map((n) => letter.repeat(n));
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Renders one field token, or returns null when the core cannot render it. */
function renderField(token: { letter: string; count: number }, d: Date): string | null {
  const { letter, count } = token;
  const year = d.getUTCFullYear();
  const hours = d.getUTCHours();
  switch (letter) {
    case 'y':
      if (count <= 2) return count === 1 ? String(year % 100) : pad(year % 100, 2);
      return pad(year, count);
    case 'M': {
      const month = d.getUTCMonth();
      if (count >= 4) return MONTHS[month] as string;
      if (count === 3) return (MONTHS[month] as string).slice(0, 3);
      return pad(month + 1, count);
    }
    case 'd': {
      if (count >= 4) return DAYS[d.getUTCDay()] as string;
      if (count === 3) return (DAYS[d.getUTCDay()] as string).slice(0, 3);
      return pad(d.getUTCDate(), count);
    }
    case 'H':
      return pad(hours, Math.min(count, 2));
    case 'h':
      return pad(hours % 12 === 0 ? 12 : hours % 12, Math.min(count, 2));
    case 'm':
      return pad(d.getUTCMinutes(), Math.min(count, 2));
    case 's':
      return pad(d.getUTCSeconds(), Math.min(count, 2));
    case 'f':
    case 'F': {
      if (count > 7) return null;
      const digits = (pad(d.getUTCMilliseconds(), 3) + '0000').slice(0, count);
      return letter === 'f' ? digits : digits.replace(/0+$/, '');
    }
    case 't':
      return (hours < 12 ? 'AM' : 'PM').slice(0, Math.min(count, 2));
    case 'K':
      return 'Z';
    case 'z':
      return count === 1 ? '+0' : count === 2 ? '+00' : '+00:00';
    default:
      return null;
  }
}

function isRenderable(token: FormatToken): boolean {
  if (token.kind === 'bad') return false;
  if (token.kind === 'literal') return true;
  return renderField(token, new Date(0)) !== null;
}

/**
 * Renders `instant` (a `Date` or epoch milliseconds) in UTC with a .NET custom format:
 * `yyyy MM dd HH mm ss f…fffffff K zzz` (SEMANTICS §6), `'…'`/`"…"` literals, `\c` escapes,
 * any other character verbatim; also `y yy M MMM MMMM d ddd dddd H h hh m s F…FFFFFFF t tt z zz`
 * per .NET rules (English names). Fraction digits past the third are zeros (JS dates hold
 * milliseconds). As in .NET, an `F` run that renders nothing also drops a `.` just before it.
 * Throws `RangeError` naming the token for what the core cannot render (`g`, eight or more
 * `f`, an unterminated quote, an invalid date): call `checkDateFormat` first.
 */
export function formatDate(instant: Date | number, format: string): string {
  const d = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(d.getTime())) throw new RangeError(`cannot format an invalid date`);
  let out = '';
  for (const token of tokenizeDateFormat(format)) {
    if (token.kind === 'literal') {
      out += token.text;
      continue;
    }
    if (token.kind === 'bad') throw new RangeError(`${token.message} (\`${token.text}\`)`);
    const text = renderField(token, d);
    if (text === null) throw new RangeError(`date format token \`${token.text}\` is not supported`);
    if (text === '' && token.letter === 'F' && out.endsWith('.')) out = out.slice(0, -1);
    out += text;
  }
  return out;
}

/** One finding of {@link checkDateFormat}; `kind` says which message it is (for translations). */
export interface DateFormatFinding {
  severity: 'error' | 'warning';
  token: string;
  message: string;
  kind: 'unsupported' | 'undocumented' | 'quote' | 'backslash' | 'percent';
}

/**
 * Checks a .NET custom date format before it is used. Returns one finding per distinct token:
 * a `warning` for every field outside SEMANTICS §6's table (rendered per .NET rules, but
 * Adobe's documentation shows only the table's tokens), an `error` for a token the core cannot
 * render (`g`, eight or more `f`/`F`, unterminated quotes, a trailing `\` or `%`).
 * An empty array means the format is fine.
 */
export function checkDateFormat(format: string): DateFormatFinding[] {
  const findings: DateFormatFinding[] = [];
  const seen = new Set<string>();
  for (const token of tokenizeDateFormat(format)) {
    if (token.kind === 'literal' || seen.has(token.text)) continue;
    seen.add(token.text);
    if (!isRenderable(token)) {
      const why =
        token.kind === 'bad' ? token.message : `date format token \`${token.text}\` is not supported`;
      const kind =
        token.kind !== 'bad'
          ? 'unsupported'
          : token.text === '\\'
            ? 'backslash'
            : token.text.startsWith('%')
              ? 'percent'
              : 'quote';
      findings.push({ severity: 'error', token: token.text, message: why, kind });
    } else if (!DOCUMENTED.has(token.text)) {
      findings.push({
        severity: 'warning',
        token: token.text,
        kind: 'undocumented',
        message: `date format token \`${token.text}\` is outside the documented set (yyyy MM dd HH mm ss f…fffffff K zzz); rendered per .NET rules`,
      });
    }
  }
  return findings;
}

/** 9999-12-31T23:59:59Z: the last instant the ISO form can write; later epoch numbers are refused. */
const MAX_EPOCH_MS = 253402300799000;

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?([Zz]|[+-]\d{2}(?::?\d{2})?))?$/;

/**
 * Reads an instant typed by a person or passed to the CLI: ISO 8601 with a zone
 * (`2026-01-02T03:04:05Z`, `…+02:00`, `…+0200`, fraction optional), a date alone
 * (`2026-01-02`, read as UTC midnight), or epoch **seconds** (`1767322800`, decimals allowed).
 * Returns epoch milliseconds, or `null` for anything else (no zone, impossible dates such as
 * `2026-02-30`, out-of-range fields, epoch numbers beyond 9999-12-31 or before -9999-12-31, which
 * are most likely milliseconds given where seconds are expected: `1767409445000`).
 */
export function parseInstant(text: string): number | null {
  const s = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(s)) {
    const ms = Math.round(Number(s) * 1000);
    // Past year 9999 a number is far more likely epoch milliseconds than seconds: refused, not guessed.
    return Number.isFinite(ms) && Math.abs(ms) <= MAX_EPOCH_MS ? ms : null;
  }
  const m = ISO.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi, sec, frac, zone] = m;
  if (h !== undefined && zone === undefined) return null;
  const fields = [
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h ?? 0),
    Number(mi ?? 0),
    Number(sec ?? 0),
  ] as const;
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  const base = Date.UTC(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], ms);
  const check = new Date(base);
  if (
    check.getUTCFullYear() !== fields[0] ||
    check.getUTCMonth() !== fields[1] ||
    check.getUTCDate() !== fields[2] ||
    check.getUTCHours() !== fields[3] ||
    check.getUTCMinutes() !== fields[4] ||
    check.getUTCSeconds() !== fields[5]
  ) {
    return null;
  }
  const result = base - zoneOffsetMs(zone);
  return Number.isFinite(result) ? result : null;
}

function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 23 || minutes > 59) return Number.NaN;
  return sign * (hours * 60 + minutes) * 60_000;
}
