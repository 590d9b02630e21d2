/**
 * The local server's log lines (stdout, one per `/api/fetch` and one per refused request). They show
 * what was asked and what came back, never a secret: URLs are the masked display form, passed again
 * through the door's `maskForLog`, and text a caller controls is quoted with escapes.
 */
import { quoteText } from '@core';

/**
 * `text` as is when it is printable ASCII without spaces (the mask `••••` and the missing-input marks
 * `‹›` allowed), else quoted with escapes (one line).
 */
export function printable(text: string): string {
  return /^[\x21-\x7e\u2022\u2039\u203a]+$/.test(text) ? text : quoteText(text);
}

/** A byte count for people: `512 B`, `12.3 kB`, `4.2 MB` (SI units). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} kB`;
  return `${(n / 1_000_000).toFixed(1)} MB`;
}

/** A duration: `140 ms`, `3.2 s` past 10 s. */
export function formatMs(ms: number): string {
  return ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** What came back from one `/api/fetch`: a status and its size, or the door's error. */
export type FetchOutcome =
  { status: number; bytes: number; ms: number } | { error: string; message: string; ms: number };

/** `GET https://api.example.test/x?token=•••• → 200 12.3 kB 140 ms` (`maskedUrl` already masked). */
export function fetchLine(method: string, maskedUrl: string, outcome: FetchOutcome): string {
  const what =
    'status' in outcome
      ? `${outcome.status} ${formatBytes(outcome.bytes)}`
      : `${outcome.error}: ${printableLine(outcome.message)}`;
  return `${printable(method)} ${printable(maskedUrl)} → ${what} ${formatMs(outcome.ms)}`;
}

/** A message (already masked) kept on one line: controls escaped, spaces kept. */
function printableLine(text: string): string {
  return /^[\x20-\x7e\u2022\u2026\u2039\u203a]*$/.test(text) ? text : quoteText(text).slice(1, -1);
}

/** `403 foreign Host "evil.test:80" GET "/api/status"`: one refused request. */
export function refusedLine(
  status: number,
  why: string,
  method: string | undefined,
  url: string | undefined,
): string {
  return `${status} ${why} ${printable(method ?? '?')} ${quoteText(shorten(url ?? ''))}`;
}

function shorten(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
