import { describe, expect, it } from 'vitest';
import { SECTIONS, type Diagnostic, type JsonValue } from '@core';
import {
  accepts,
  fromFormValue,
  toFormValue,
  type FieldSpec,
} from '../../src/features/spec-form/model/fields';
import {
  completePlaceholder,
  declarationWrite,
  declaredParams,
  openPlaceholderAt,
  undeclaredParams,
} from '../../src/features/spec-form/model/placeholders';
import { countBySection, sectionOf } from '../../src/features/spec-form/model/sectionDiagnostics';
import { PAGINATION_FIELDS } from '../../src/features/spec-form/model/sectionFields';
import { planVariantSwitch } from '../../src/features/spec-form/model/variants';

const f = (kind: FieldSpec['kind'], extra: Partial<FieldSpec> = {}): FieldSpec => ({
  key: 'k',
  title: 'K',
  kind,
  ...extra,
});
const method = f('enum', { options: ['GET', 'POST'] });

describe('field codecs', () => {
  it.each<[string, FieldSpec, JsonValue | undefined, boolean]>([
    ['enum value', method, 'GET', true],
    ['enum outside options (PUT)', method, 'PUT', false],
    ['numeric string', f('numberish'), '100', true],
    ['fraction', f('numberish'), 1.5, false],
    ['string list', f('lines'), ['a', 'b'], true],
    ['list with a number', f('lines'), ['a', 1], false],
    ['{ key }', f('uiString'), { key: 'x' }, true],
    ['{ key, text }', f('uiString'), { key: 'x', text: 'y' }, false],
    ['boolean as string', f('boolean'), 'True', false],
    ['absent', f('text'), undefined, true],
  ])('accepts: %s', (_name, spec, value, expected) => {
    expect(accepts(spec, value)).toBe(expected);
  });

  it.each<[string, FieldSpec, string | boolean | undefined, JsonValue | undefined, JsonValue | undefined]>([
    ['integer stays integer', f('numberish'), '250', 100, 250],
    ['numeric string stays string', f('numberish'), '250', '100', '250'],
    ['lines split', f('lines'), 'a\nb', undefined, ['a', 'b']],
    ['{ text } stays { text }', f('uiString'), 'Hi', { text: 'Old' }, { text: 'Hi' }],
    ['new ui string is { key }', f('uiString'), 'k1', undefined, { key: 'k1' }],
    ['cleared optional field is removed', f('text'), undefined, 'x', undefined],
    ['cleared required field is ""', f('text', { required: true }), undefined, 'x', ''],
    [
      'standard schedule removes type',
      f('enum', { options: ['STANDARD', 'ADVANCE'], absentAs: 'STANDARD' }),
      'STANDARD',
      'ADVANCE',
      undefined,
    ],
  ])('fromFormValue: %s', (_name, spec, form, previous, expected) => {
    expect(fromFormValue(spec, form, previous)).toEqual(expected);
  });

  it('round-trips lines with a trailing newline while typing', () => {
    const spec = f('lines');
    expect(toFormValue(spec, fromFormValue(spec, 'a\n', undefined))).toBe('a\n');
  });
});

describe('planVariantSwitch', () => {
  const offset = { name: 'OFFSET', fields: PAGINATION_FIELDS['OFFSET'] ?? [] };
  const page = { name: 'PAGE', fields: PAGINATION_FIELDS['PAGE'] ?? [] };
  it('stashes and removes fields the target does not use, keeps shared ones, restores stashed ones', () => {
    const slice = { type: 'OFFSET', limitName: 'count', offSetName: 'offset' };
    const plan = planVariantSwitch(slice, offset, page, { PAGE: { pageParamName: 'p', limitName: 'zzz' } });
    expect(plan.writes).toEqual([
      ['offSetName', undefined],
      ['pageParamName', 'p'],
    ]);
    expect(plan.stash['OFFSET']).toEqual({ offSetName: 'offset' });
  });
});

describe('placeholder helpers', () => {
  it.each<[string, number, { start: number; partial: string } | null]>([
    ['/a/${', 5, { start: 3, partial: '' }],
    ['/a/${li', 7, { start: 3, partial: 'li' }],
    ['/a/${li}', 8, null],
    ['/a/$', 4, null],
  ])('openPlaceholderAt(%j, %i)', (text, caret, expected) => {
    expect(openPlaceholderAt(text, caret)).toEqual(expected);
  });

  it('completes the open placeholder and replaces the rest of the partial name', () => {
    expect(completePlaceholder('/a/${li}/b', 6, 'listId')).toEqual({ text: '/a/${listId}/b', caret: 12 });
  });

  it('finds declared names in user inputs and every auth spec, and flags the others', () => {
    const doc: JsonValue = {
      authSpec: [{ spec: { properties: { domain: {} } } }, { spec: { properties: { token: {} } } }],
      sourceSpec: { spec: { properties: { listId: {} } } },
    };
    const declared = declaredParams(doc, { userInputs: '/sourceSpec/spec', authSpec: '/authSpec' });
    expect(declared).toEqual(['listId', 'domain', 'token']);
    expect(undeclaredParams('https://${domain}/${x}/${x}/{SCHEDULE_QUERY}/${listId}', declared)).toEqual([
      'x',
    ]);
  });

  it.each<[string, JsonValue, string]>([
    ['no user-input spec', {}, '/sourceSpec/spec'],
    ['spec without properties', { sourceSpec: { spec: { type: 'object' } } }, '/sourceSpec/spec/properties'],
    ['with properties', { sourceSpec: { spec: { properties: {} } } }, '/sourceSpec/spec/properties/x'],
  ])('declarationWrite: %s', (_name, doc, pointer) => {
    expect(declarationWrite(doc, '/sourceSpec/spec', 'x')?.pointer).toBe(pointer);
  });
});

describe('section badges', () => {
  it('counts each diagnostic once, in the most specific section', () => {
    const d = (pointer: string, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({
      pointer,
      severity,
      message: 'm',
    });
    const counts = countBySection(
      [
        d('/name'),
        d('/sourceSpec/attributes/urlParams/path'),
        d('/sourceSpec/attributes/urlParams', 'warning'),
        d('/sourceSpec/spec/properties/x'),
      ],
      SECTIONS,
    );
    expect(counts['metadata']).toEqual({ errors: 1, warnings: 0 });
    expect(counts['urlParams']).toEqual({ errors: 1, warnings: 1 });
    expect(counts['userInputs']).toEqual({ errors: 1, warnings: 0 });
    expect(sectionOf('/sourceSpec/attributes/urlParamsX', SECTIONS)).toBe('metadata');
  });
});
