/** A case diff as readable text lines (the CLI prints them; the app shows the same entries). */
import type { JsonValue } from '../types';
import type { CaseDiff, FieldChange, RecordChange, RequestChange } from './runCase';

/** Entries listed per part of a diff; the rest are counted ("… and 12 more records"). */
export const MAX_DIFF_ENTRIES = 20;
/** Longest value shown in a diff line (characters); longer values end with `…`. */
export const MAX_DIFF_VALUE = 120;

/** A JSON value on one line, clipped to {@link MAX_DIFF_VALUE} characters. */
export function shortJson(value: JsonValue | undefined): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > MAX_DIFF_VALUE ? `${text.slice(0, MAX_DIFF_VALUE - 1)}…` : text;
}

/** `path: "a" → "b"` (absent on either side said so). */
export function fieldText(f: FieldChange): string {
  if (f.expected === undefined) return `${f.path}: added ${shortJson(f.actual)}`;
  if (f.actual === undefined) return `${f.path}: removed (was ${shortJson(f.expected)})`;
  return `${f.path}: ${shortJson(f.expected)} → ${shortJson(f.actual)}`;
}

/** One records-diff entry as a line: `~ record 2: id: 1 → 2`, `+ record 5: {...}`, `- record 3: {...}`. */
export function recordChangeText(c: RecordChange): string {
  if (c.kind === 'added') return `+ record ${c.index + 1} (new): ${shortJson(c.record)}`;
  if (c.kind === 'removed') return `- record ${c.index + 1} (missing): ${shortJson(c.record)}`;
  const at = c.index === c.actualIndex ? `${c.index + 1}` : `${c.index + 1} (now ${c.actualIndex + 1})`;
  return `~ record ${at}: ${c.fields.map(fieldText).join('; ')}`;
}

/** One requests-diff entry as a line. */
export function requestChangeText(c: RequestChange): string {
  if (c.kind === 'added') return `+ request ${c.index + 1} (new): ${c.actual.method} ${c.actual.url}`;
  if (c.kind === 'removed')
    return `- request ${c.index + 1} (missing): ${c.expected.method} ${c.expected.url}`;
  return `~ request ${c.index + 1}: ${c.expected.method} ${c.expected.url} → ${c.actual.method} ${c.actual.url}`;
}

const counts = (changes: Array<{ kind: string }>): string => {
  const n = (k: string) => changes.filter((c) => c.kind === k).length;
  return `${n('changed')} changed, ${n('added')} added, ${n('removed')} removed`;
};

function listed<T>(items: T[], line: (x: T) => string, noun: string): string[] {
  const out = items.slice(0, MAX_DIFF_ENTRIES).map((x) => `    ${line(x)}`);
  const more = items.length - MAX_DIFF_ENTRIES;
  if (more > 0) out.push(`    … and ${more} more ${noun}${more === 1 ? '' : 's'}`);
  return out;
}

/** The diff of a failed case as lines indented by two spaces (empty for a pass). */
export function diffLines(diff: CaseDiff): string[] {
  const out: string[] = [];
  if (diff.records.length > 0) {
    out.push(`  records: ${counts(diff.records)}`);
    if (diff.recordsByPosition) out.push('    (too many records to align: compared position by position)');
    out.push(...listed(diff.records, recordChangeText, 'record'));
  }
  if (diff.requests.length > 0) {
    out.push(`  requests: ${counts(diff.requests)}`);
    out.push(...listed(diff.requests, requestChangeText, 'request'));
  }
  if (diff.stop) {
    out.push(
      `  stop: expected ${diff.stop.expected}, got ${diff.stop.actual}${diff.stop.message ? ` (${diff.stop.message})` : ''}`,
    );
  }
  return out;
}
