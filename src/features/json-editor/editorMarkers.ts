import type { Diagnostic, ParseWarning } from '@core';
import type { EditorMarker } from '../../components/MonacoEditor';
import { t } from '../../i18n';
import { diagnosticText } from '../../i18n/diagnostics';
import { diagnosticLocator } from '../../workers/validateLocations';

/**
 * Turns core diagnostics (pointers) and parse warnings (positions) into editor markers (offsets)
 * for the given text. A pointer that cannot be found in the text marks the first character. The
 * locations the validate worker found in this very text are used as they are; others are looked up
 * (one parse of the text for all of them). Messages are in the current language (call again after a
 * switch).
 */
export function toEditorMarkers(
  text: string,
  diagnostics: Diagnostic[],
  warnings: ParseWarning[],
): EditorMarker[] {
  const out: EditorMarker[] = [];
  const locate = diagnosticLocator(diagnostics, text);
  for (const d of diagnostics) {
    const loc = locate(d);
    // An object or array is marked on its opening bracket only, not squiggled over its whole body.
    const container = loc !== null && (text[loc.offset] === '{' || text[loc.offset] === '[');
    out.push({
      offset: loc?.offset ?? 0,
      length: loc && !container ? Math.min(loc.length, 200) : 1,
      severity: d.severity,
      message: d.pointer
        ? t('app.editorMarkers.at', { message: diagnosticText(d), pointer: d.pointer })
        : diagnosticText(d),
      source: d.code ? `Spec Studio (${d.code})` : 'Spec Studio',
    });
  }
  for (const w of warnings) {
    out.push({
      offset: w.offset,
      length: w.length,
      severity: 'warning',
      message: diagnosticText(w),
      source: 'JSON',
    });
  }
  return out;
}

/** Whether two lists of parse warnings are equal in content (a re-parse yields a fresh array). */
export function sameWarnings(a: readonly ParseWarning[], b: readonly ParseWarning[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((w, i) => {
    const v = b[i];
    return v !== undefined && w.offset === v.offset && w.length === v.length && w.message === v.message;
  });
}
