import { t } from '../../i18n';
import { diagnosticText } from '../../i18n/diagnostics';
import { formatNumber } from '../../i18n/format';
import type { RecordsSummary } from '../../store/previewTypes';

/**
 * The counts line of the records tab: "1,234 records from 3 pages; 12 records had no activity
 * entries", plus the table's cap when it was reached.
 */
export function countsLine(r: RecordsSummary): string {
  const parts = [t('preview.records.counts', { records: r.records, pages: r.pages.length })];
  if (r.contentItems !== r.records)
    parts.push(t('preview.records.beforeExploding', { count: r.contentItems }));
  const skipped = r.diagnostics.find((d) => d.code === 'explode-skipped');
  if (skipped && r.explodeMissing > 0) parts.push(diagnosticText(skipped));
  else if (r.explodeName !== null && r.explodeMissing > 0) {
    parts.push(t('preview.records.explodeMissing', { count: r.explodeMissing, name: r.explodeName }));
  }
  if (r.truncated) parts.push(t('preview.records.truncated', { count: formatNumber(r.rowCount) }));
  return parts.join(t('preview.records.partSeparator'));
}

/**
 * Why the records tab has no records: a refused `match()`/`search()` pattern or a stopped contentPath
 * says so (issue 12 item 11: never a bare "0 records" that looks like a plain no-match).
 */
export function noRecordsLine(r: Pick<RecordsSummary, 'diagnostics'>): string {
  const codes = new Set(r.diagnostics.map((d) => d.code));
  if (codes.has('content-path-regex-refused')) return t('preview.records.noneRegexRefused');
  if (codes.has('content-path-budget')) return t('preview.records.noneBudget');
  return t('preview.records.noneMatched');
}
