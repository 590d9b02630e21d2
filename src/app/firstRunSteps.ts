import { BLANK_SPEC, getAt, type JsonValue, type SectionId } from '@core';
import { t } from '../i18n';

/** Where a step's link goes: a form section, the preview's sample pages, or the Export menu. */
export type StepTarget = { section: SectionId } | { preview: 'samples' } | { menu: 'export' };

export interface ChecklistStep {
  id: 'name' | 'auth' | 'request' | 'records' | 'pagination' | 'sample' | 'export';
  /** In the current language: the steps are built at render time (see checklistSteps). */
  label: string;
  /** What "done" means, for the tooltip and screen readers. */
  hint: string;
  done: boolean;
  target: StepTarget;
}

export interface ChecklistInput {
  doc: JsonValue;
  /** Pointers the user edited in the form (the store's `touched`). */
  touched: Readonly<Record<string, true>>;
  samplePages: number;
  exported: boolean;
}

const A = '/sourceSpec/attributes';

const present = (v: JsonValue | undefined) =>
  v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
const same = (a: JsonValue | undefined, b: JsonValue | undefined) => JSON.stringify(a) === JSON.stringify(b);
const isUnder = (p: string, base: string) => p === base || p.startsWith(base + '/');

/**
 * The first-run checklist (Name → Authentication → Request → Records → Pagination → Sample → Export),
 * derived from the document. A spec step is done when its value is there and is the user's own: it
 * differs from the blank spec's placeholder, or the user edited it in the form (so a blank spec, which
 * is valid and has all of them, starts with nothing ticked, while an opened spec or example starts
 * ticked; a JSON edit ticks what it changes). Labels and hints are in the current language: call this
 * at render time (from a component that subscribes to the language, see `useT`).
 */
export function checklistSteps(input: ChecklistInput): ChecklistStep[] {
  const { doc, touched } = input;
  const edited = (pointer: string) =>
    Object.keys(touched).some((k) => isUnder(k, pointer) || isUnder(pointer, k));
  const own = (...pointers: string[]) =>
    pointers.some((p) => present(getAt(doc, p))) &&
    (pointers.some((p) => !same(getAt(doc, p), getAt(BLANK_SPEC, p))) || pointers.some(edited));
  return [
    {
      id: 'name',
      label: t('app.checklist.nameLabel'),
      hint: t('app.checklist.nameHint'),
      done: own('/name'),
      target: { section: 'metadata' },
    },
    {
      id: 'auth',
      label: t('app.checklist.authLabel'),
      hint: t('app.checklist.authHint'),
      done: own('/authSpec'),
      target: { section: 'authSpec' },
    },
    {
      id: 'request',
      label: t('app.checklist.requestLabel'),
      hint: t('app.checklist.requestHint'),
      done: own(A + '/urlParams/host', A + '/urlParams/path'),
      target: { section: 'urlParams' },
    },
    {
      id: 'records',
      label: t('app.checklist.recordsLabel'),
      hint: t('app.checklist.recordsHint'),
      done: own(A + '/contentPath/path'),
      target: { section: 'contentPath' },
    },
    {
      id: 'pagination',
      label: t('app.checklist.paginationLabel'),
      hint: t('app.checklist.paginationHint'),
      done: own(A + '/paginationParams/type'),
      target: { section: 'paginationParams' },
    },
    {
      id: 'sample',
      label: t('app.checklist.sampleLabel'),
      hint: t('app.checklist.sampleHint'),
      done: input.samplePages > 0,
      target: { preview: 'samples' },
    },
    {
      id: 'export',
      label: t('app.checklist.exportLabel'),
      hint: t('app.checklist.exportHint'),
      done: input.exported,
      target: { menu: 'export' },
    },
  ];
}
