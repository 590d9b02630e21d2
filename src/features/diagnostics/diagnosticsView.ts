import type { Diagnostic, SectionId, Severity } from '@core';

export interface SectionRef {
  id: SectionId;
  pointer: string;
}

const isUnder = (p: string, base: string) => base === '' || p === base || p.startsWith(`${base}/`);

/**
 * The diagnostics to show in detail. After a text edit, all of them. On a pristine, freshly loaded
 * form, only those at or under a touched pointer, or on an ancestor of one (a "required" error on the
 * object holding a touched field) other than the root.
 */
export function visibleDiagnostics(
  diags: readonly Diagnostic[],
  touched: Readonly<Record<string, true>>,
  textEdited: boolean,
): Diagnostic[] {
  if (textEdited) return [...diags];
  const pointers = Object.keys(touched);
  if (pointers.length === 0) return [];
  return diags.filter((d) =>
    pointers.some((t) => isUnder(d.pointer, t) || (d.pointer !== '' && isUnder(t, d.pointer))),
  );
}

/** Counts per severity (the header shows these always). */
export function countBySeverity(diags: readonly Diagnostic[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diags) c[d.severity]++;
  return c;
}

/** The section whose pointer is the longest prefix of `pointer`; null when none contains it. */
export function sectionForPointer(pointer: string, sections: readonly SectionRef[]): SectionId | null {
  let best: SectionRef | null = null;
  for (const s of sections) {
    if (s.pointer === '' ? false : isUnder(pointer, s.pointer)) {
      if (!best || s.pointer.length > best.pointer.length) best = s;
    }
  }
  if (best) return best.id;
  return sections.find((s) => s.pointer === '')?.id ?? null;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then infos; stable within a severity. */
export function sortDiagnostics(diags: readonly Diagnostic[]): Diagnostic[] {
  return diags
    .map((d, i) => ({ d, i }))
    .sort((a, b) => ORDER[a.d.severity] - ORDER[b.d.severity] || a.i - b.i)
    .map((x) => x.d);
}

/**
 * Whether two lists hold the same findings in the same order (severity, pointer, message, code).
 * A fresh validation result equal to the one shown is not a change: the shown array is kept.
 */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Diagnostic;
    const y = b[i] as Diagnostic;
    if (x.severity !== y.severity || x.pointer !== y.pointer || x.message !== y.message || x.code !== y.code)
      return false;
  }
  return true;
}

/** Rows of the Problems list rendered at first, and added by each "Show N more". */
export const PROBLEMS_LIST_CAP = 200;

/** Number of lines of `text` (CRLF, LF or CR breaks); breaks found by `indexOf` (native scanning). */
export function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1))
    if (text.charCodeAt(i + 1) !== 10) n++;
  return n;
}
