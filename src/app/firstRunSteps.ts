import { BLANK_SPEC, getAt, type JsonValue, type SectionId } from '@core';

/** Where a step's link goes: a form section, the preview's sample pages, or the Export menu. */
export type StepTarget = { section: SectionId } | { preview: 'samples' } | { menu: 'export' };

export interface ChecklistStep {
  id: 'name' | 'auth' | 'request' | 'records' | 'pagination' | 'sample' | 'export';
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
const isUnder = (p: string, base: string) => p === base || p.startsWith(`${base}/`);

/**
 * The first-run checklist (Name → Authentication → Request → Records → Pagination → Sample → Export),
 * derived from the document. A spec step is done when its value is there and is the user's own: it
 * differs from the blank spec's placeholder, or the user edited it in the form (so a blank spec, which
 * is valid and has all of them, starts with nothing ticked, while an opened spec or example starts
 * ticked; a JSON edit ticks what it changes).
 */
export function checklistSteps(input: ChecklistInput): ChecklistStep[] {
  const { doc, touched } = input;
  const edited = (pointer: string) =>
    Object.keys(touched).some((t) => isUnder(t, pointer) || isUnder(pointer, t));
  const own = (...pointers: string[]) =>
    pointers.some((p) => present(getAt(doc, p))) &&
    (pointers.some((p) => !same(getAt(doc, p), getAt(BLANK_SPEC, p))) || pointers.some(edited));
  return [
    {
      id: 'name',
      label: 'Name',
      hint: 'Give the source a name',
      done: own('/name'),
      target: { section: 'metadata' },
    },
    {
      id: 'auth',
      label: 'Authentication',
      hint: 'Declare how the source authenticates (an auth spec)',
      done: own('/authSpec'),
      target: { section: 'authSpec' },
    },
    {
      id: 'request',
      label: 'Request',
      hint: 'Set the base URL and request path',
      done: own(`${A}/urlParams/host`, `${A}/urlParams/path`),
      target: { section: 'urlParams' },
    },
    {
      id: 'records',
      label: 'Records',
      hint: 'Say where the records are in a response (contentPath)',
      done: own(`${A}/contentPath/path`),
      target: { section: 'contentPath' },
    },
    {
      id: 'pagination',
      label: 'Pagination',
      hint: 'Choose how the API pages (pagination type)',
      done: own(`${A}/paginationParams/type`),
      target: { section: 'paginationParams' },
    },
    {
      id: 'sample',
      label: 'Sample',
      hint: 'Add a sample page: a real response of the API',
      done: input.samplePages > 0,
      target: { preview: 'samples' },
    },
    {
      id: 'export',
      label: 'Export',
      hint: 'Export the spec (download or copy the JSON)',
      done: input.exported,
      target: { menu: 'export' },
    },
  ];
}
