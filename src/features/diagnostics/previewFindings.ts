import type { Diagnostic } from '@core';
import type { PreviewResult } from '../../store/previewTypes';

/**
 * The preview's findings for the Problems list: what flattening the sample pages found (contentPath
 * matched nothing, explode vs skip, …) and the pagination paths that match nothing in any page. Only
 * when the preview has sample pages; a finding `validate` already reports (same code and pointer) is
 * left out, as are exact repeats.
 */
export function previewFindings(
  result: PreviewResult | null,
  validated: readonly Diagnostic[],
): Diagnostic[] {
  if (!result || result.pageIds.length === 0) return [];
  const seen = new Set(validated.map((d) => `${d.code ?? ''}|${d.pointer}`));
  const out: Diagnostic[] = [];
  const messages = new Set<string>();
  for (const d of [...result.records.diagnostics, ...(result.sampleDiagnostics ?? [])]) {
    const key = `${d.severity}|${d.pointer}|${d.message}`;
    if (seen.has(`${d.code ?? ''}|${d.pointer}`) || messages.has(key)) continue;
    messages.add(key);
    out.push(d);
  }
  return out;
}
