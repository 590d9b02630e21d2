import type { Diagnostic, SectionId, SectionInfo } from '@core';

/** Whether `pointer` is `base` or lies under it (`/a/b` is under `/a`, `/ab` is not). */
export function isAtOrUnder(pointer: string, base: string): boolean {
  return pointer === base || pointer.startsWith(base + '/') || base === '';
}

export interface SectionCounts {
  errors: number;
  warnings: number;
}

/**
 * Counts errors and warnings per section. A diagnostic belongs to the most specific section holding its
 * pointer, so the metadata section (pointer "") only gets what no other section claims.
 */
export function countBySection(
  diagnostics: readonly Diagnostic[],
  sections: readonly SectionInfo[],
): Record<string, SectionCounts> {
  const counts: Record<string, SectionCounts> = {};
  for (const s of sections) counts[s.id] = { errors: 0, warnings: 0 };
  for (const d of diagnostics) {
    const owner = sectionOf(d.pointer, sections);
    const c = owner ? counts[owner] : undefined;
    if (!c) continue;
    if (d.severity === 'error') c.errors++;
    else if (d.severity === 'warning') c.warnings++;
  }
  return counts;
}

/** The most specific section whose pointer holds `pointer`, or undefined. */
export function sectionOf(pointer: string, sections: readonly SectionInfo[]): SectionId | undefined {
  let best: SectionInfo | undefined;
  for (const s of sections) {
    if (isAtOrUnder(pointer, s.pointer) && (!best || s.pointer.length > best.pointer.length)) best = s;
  }
  return best?.id;
}
