/**
 * Reading a core code's params into message values: the few helpers every "<family>Text" module of
 * the app (share links, publishing, the submission kit) words its codes with.
 */
import type { DiagnosticParams } from '@core';
import { formatNumber } from './format';

/** Param `k` as text: a string as it is, a number as digits, anything else (absent, a list) ''. */
export function paramText(p: DiagnosticParams | undefined, k: string): string {
  const v = p?.[k];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** Param `k` as a number for people (`formatNumber` in the chosen language), else as {@link paramText}. */
export function paramNumber(p: DiagnosticParams | undefined, k: string): string {
  const v = p?.[k];
  return typeof v === 'number' ? formatNumber(v) : paramText(p, k);
}

/** Param `k` as a number for a plural (0 when it is not one). */
export function paramCount(p: DiagnosticParams | undefined, k: string): number {
  const v = p?.[k];
  return typeof v === 'number' ? v : 0;
}

/** A kebab-case code as an ICU select key (`no-host` → `noHost`: select keys take no `-`). */
export const selectKey = (code: string): string =>
  code.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
