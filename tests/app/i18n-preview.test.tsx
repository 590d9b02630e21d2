// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { explainRecord, flatten, type JsonValue, type PathSpec } from '@core';
import { countsLine } from '../../src/features/preview/recordsText';
import { formatBytes } from '../../src/i18n/format';
import { PreviewPane } from '../../src/features/preview/PreviewPane';
import { explainSteps } from '../../src/features/preview/RecordExplainer';
import { addSamples } from '../../src/features/preview/previewService';
import { setLocale } from '../../src/i18n';
import { fixture, st, withMailchimpPreview, withTableHeight, recordsSummary } from './preview.helpers';

withTableHeight();
afterEach(async () => {
  await setLocale('en', false);
});

withMailchimpPreview();

const summary = recordsSummary;
const pages = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ pageId: `p${i}`, contentItems: 0, records: 0, explodeMissing: 0 }));

describe('preview in French', () => {
  it('counts, sizes and the empty samples list', async () => {
    await setLocale('fr', false);
    expect(countsLine(summary({ records: 1, contentItems: 1, pages: pages(1) }))).toBe(
      '1 enregistrement issu de 1 page',
    );
    expect(formatBytes(2048)).toBe('2 Ko');
    render(<PreviewPane />);
    expect(screen.getByRole('tab', { name: /Échantillons/ })).toBeTruthy();
    expect(screen.getByText(/^Aucune page d’échantillon pour l’instant/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Charger…' })).toBeTruthy();
  });

  it('explains a record step by step, with the spec’s keys as they are', async () => {
    await setLocale('fr', false);
    render(<PreviewPane />);
    act(() => {
      addSamples([{ name: 'members.json', origin: 'file', source: fixture('members.sample.json') }]);
    });
    await waitFor(() => expect(st().previewResult?.records.records).toBe(3));
    fireEvent.click(screen.getByRole('tab', { name: /Enreg/ }));
    const table = screen.getByRole('table', { name: 'Enregistrements aplatis' });
    fireEvent.click(within(table).getAllByRole('row')[2] as HTMLElement);
    const why = await screen.findByRole('region', { name: 'Pourquoi cet enregistrement' });
    await waitFor(() =>
      expect(why.textContent).toContain('enregistrement 2 sur 3 de la page 1 (members.json)'),
    );
    const steps = within(within(why).getByRole('list', { name: 'Étapes d’aplatissement' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(steps[0]).toMatch(
      /^1Correspondance\$\.members correspond au tableau situé à \/members ; l’élément de contenu 2 sur 3/,
    );
    expect(steps[1]).toMatch(
      /^2Enveloppél’élément est placé sous memberrègle contentPath\.overrideWrapperAttribute est défini$/,
    );
    expect(steps[2]).toContain('supprimé list_id, _links (skipAttributes)');
    expect(steps[3]).toContain('pas d’explodeEntityPath');
  });
});

const ps = (path: string, o: Partial<PathSpec> = {}): PathSpec =>
  ({ path, keepAttributes: [], skipAttributes: [], ...o }) as PathSpec;
const body: JsonValue = {
  members: [
    { id: 'a', list_id: 1, tags: [{ n: 1, x: 2 }, { n: 2 }], nested: [[1, 2]] },
    { id: 'b', tags: [], s: 'str' },
    { id: 'c', tags: 'nope' },
    { id: 'd' },
  ],
  scalars: [1, 'two', null, true],
  obj: { k: 1, k2: { z: 1 } },
  str: 'hello',
};
const configs: Array<[PathSpec, PathSpec | undefined]> = [
  [ps('$.members'), undefined],
  [ps('$.members', { skipAttributes: ['list_id', 'zzz'] }), undefined],
  [ps('$.members', { keepAttributes: ['id', 'tags', 'qq'], skipAttributes: ['tags'] }), undefined],
  [ps('$.members', { keepAttributes: ['nothere'] }), undefined],
  [ps('$.members', { overrideWrapperAttribute: 'member' }), ps('$.member.tags')],
  [ps('$.members'), ps('$.members.tags')],
  [ps('$.members'), ps('$.members.tags', { keepAttributes: ['n'], overrideWrapperAttribute: 'tag' })],
  [ps('$.members'), ps('$.members.tags', { skipAttributes: ['x'] })],
  [ps('$.members', { skipAttributes: ['tags'] }), ps('$.members.tags')],
  [ps('$.members', { keepAttributes: ['id'] }), ps('$.members.tags')],
  [ps('$.members'), ps('$.members.nested[0]')],
  [ps('$.members'), ps('$[')],
  [ps('$.members'), ps('$.wrong.tags')],
  [ps('$.scalars'), undefined],
  [ps('$.scalars', { skipAttributes: ['a'] }), undefined],
  [ps('$.obj'), undefined],
  [ps('$.obj', { skipAttributes: ['k'] }), undefined],
  [ps('$.str'), undefined],
  [ps('$..tags'), undefined],
  [ps('$.*'), undefined],
  [ps('$'), undefined],
  [ps('$.members[*]'), ps('$.items.tags')],
];

describe('the explainer’s steps, rendered by the app, are the core’s steps word for word in English', () => {
  it.each(configs.map((c, i) => [i, c] as const))('config %i', (_i, [contentPath, explodeEntityPath]) => {
    const config = { contentPath, explodeEntityPath };
    const { diagnostics } = flatten(config, [body]);
    let n = 0;
    for (let i = 0; i < 50; i++) {
      const e = explainRecord(config, body, i);
      if (!e) break;
      n++;
      const got = explainSteps(e, { contentPath, explodeEntityPath, diagnostics });
      expect(got).toEqual(e.steps);
    }
    expect(n).toBeGreaterThan(0);
  });
});
