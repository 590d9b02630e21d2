import type { Diagnostic } from '@core';
import { t } from '../i18n';
import type { SpecState } from './types';

export const selectDoc = (s: SpecState) => s.doc;
export const selectText = (s: SpecState) => s.text;
export const selectParseError = (s: SpecState) => s.parseError;
export const selectDiagnostics = (s: SpecState) => s.diagnostics;
export const selectActiveSection = (s: SpecState) => s.activeSection;
export const selectFormFrozen = (s: SpecState) => s.parseError !== null;
export const selectTouched = (s: SpecState) => s.touched;
export const selectRevision = (s: SpecState) => s.revision;
export const selectReveal = (s: SpecState) => s.reveal;
export const selectCanUndo = (s: SpecState) => s.history.undo.length > 0;
export const selectCanRedo = (s: SpecState) => s.history.redo.length > 0;
export const selectDirty = (s: SpecState) => s.text !== s.loadedText;

/** Why this tab's edits are not reaching storage (see {@link unsavedReasonCode}). */
export type UnsavedReason = 'other-tab' | 'quota' | 'unavailable' | 'write-failed' | 'newer';

/**
 * Why this tab's edits are not reaching storage, or null when autosave works: another tab is the
 * writer of this document (saves held back), storage is full, blocked or refused the write, or the
 * stored session is from a newer version (never written over).
 */
export function unsavedReasonCode(s: Pick<SpecState, 'otherTab' | 'storageIssue'>): UnsavedReason | null {
  if (s.otherTab) return 'other-tab';
  switch (s.storageIssue?.kind) {
    case 'quota':
    case 'unavailable':
    case 'write-failed':
    case 'newer':
      return s.storageIssue.kind;
    default:
      return null;
  }
}

/** {@link unsavedReasonCode} in words, in the current language (e.g. "storage is full"), or null. */
export function unsavedReason(s: Pick<SpecState, 'otherTab' | 'storageIssue'>): string | null {
  switch (unsavedReasonCode(s)) {
    case 'other-tab':
      return t('engine.unsaved.otherTab');
    case 'quota':
      return t('engine.unsaved.quota');
    case 'unavailable':
      return t('engine.unsaved.unavailable');
    case 'write-failed':
      return t('engine.unsaved.writeFailed');
    case 'newer':
      return t('engine.unsaved.newer');
    default:
      return null;
  }
}

/** True when the document was edited and those edits are not saved (the tab then asks before closing). */
export const selectUnsaved = (s: SpecState) => selectDirty(s) && unsavedReasonCode(s) !== null;

/**
 * The title bar's save status in words, in the current language: the component re-renders on a
 * language change when it calls `useT()`, and zustand re-runs this selector on every render.
 */
export function selectSaveStatus(s: SpecState): string {
  if (!selectDirty(s)) return t('engine.saveStatus.unchanged');
  const reason = unsavedReason(s);
  return reason === null ? t('engine.saveStatus.autosaved') : t('engine.saveStatus.notSaved', { reason });
}

/** True when `pointer` is `base` or lies under it (`/a/b` is under `/a`, `/ab` is not). */
export function isUnder(pointer: string, base: string): boolean {
  return base === '' || pointer === base || pointer.startsWith(`${base}/`);
}

/** Diagnostics whose pointer is at or under `pointer`, in their original order. */
export function diagnosticsUnder(diags: readonly Diagnostic[], pointer: string): Diagnostic[] {
  return diags.filter((d) => isUnder(d.pointer, pointer));
}

/** The spec's display name: its `name` when it is a non-empty string, else "untitled-spec". */
export function specName(doc: unknown): string {
  if (typeof doc === 'object' && doc !== null && !Array.isArray(doc)) {
    const n = (doc as Record<string, unknown>).name;
    if (typeof n === 'string' && n.trim()) return n.trim();
  }
  return 'untitled-spec';
}

export const selectSpecName = (s: SpecState) => specName(s.doc);
