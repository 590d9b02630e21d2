import type { RecordsSummary } from '../../store/previewTypes';
import { formatCount, plural } from './format';

/**
 * The counts line of the records tab: "1,234 records from 3 pages; 12 records had no activity
 * entries", plus the table's cap when it was reached.
 */
export function countsLine(r: RecordsSummary): string {
  const parts = [`${plural(r.records, 'record')} from ${plural(r.pages.length, 'page')}`];
  if (r.contentItems !== r.records) parts.push(`${plural(r.contentItems, 'content item')} before exploding`);
  const skipped = r.diagnostics.find((d) => d.code === 'explode-skipped');
  if (skipped && r.explodeMissing > 0) parts.push(skipped.message);
  else if (r.explodeName !== null && r.explodeMissing > 0) {
    parts.push(
      `${plural(r.explodeMissing, 'record')} had no ${r.explodeName} entries (kept once, unexploded)`,
    );
  }
  if (r.truncated) parts.push(`the table shows the first ${formatCount(r.rowCount)}`);
  return parts.join('; ');
}

/**
 * Why the records tab has no records: a refused `match()`/`search()` pattern or a stopped contentPath
 * says so (issue 12 item 11: never a bare "0 records" that looks like a plain no-match).
 */
export function noRecordsLine(r: Pick<RecordsSummary, 'diagnostics'>): string {
  const codes = new Set(r.diagnostics.map((d) => d.code));
  if (codes.has('content-path-regex-refused'))
    return 'No records: a match()/search() pattern in contentPath was refused, so its filter kept nothing (see the finding above).';
  if (codes.has('content-path-budget'))
    return 'No records: contentPath was stopped before it finished (see the finding above).';
  return 'No records: contentPath matched nothing in the sample pages.';
}
