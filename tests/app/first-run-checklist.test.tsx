// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BLANK_SPEC } from '@core';
import { ChecklistReopenButton, FirstRunChecklist } from '../../src/app/FirstRunChecklist';
import { CHECKLIST_DISMISSED_KEY } from '../../src/app/firstRun';
import { checklistSteps } from '../../src/app/firstRunSteps';
import { markExported } from '../../src/lib/library';
import { resetStore, useSpecStore } from '../../src/store';

const st = () => useSpecStore.getState();
const blankText = `${JSON.stringify(BLANK_SPEC, null, 2)}\n`;
const ticked = () =>
  screen
    .getAllByRole('link', { name: /: (done|to do)\./ })
    .map(
      (b) => `${b.textContent?.replace(/^[✓\d]/, '')}:${/: done\./.test(b.getAttribute('aria-label') ?? '')}`,
    );

beforeEach(() => {
  localStorage.clear();
  resetStore();
});
afterEach(cleanup);

describe('checklistSteps', () => {
  const base = { touched: {}, samplePages: 0, exported: false };
  it('a blank spec starts with nothing done; its placeholders are not the user’s values', () => {
    expect(checklistSteps({ ...base, doc: BLANK_SPEC }).map((s) => s.done)).toEqual(Array(7).fill(false));
  });
  it('a value of the user’s own, an edit of the same value, samples and an export tick their steps', () => {
    const doc = structuredClone(BLANK_SPEC) as Record<string, unknown>;
    doc['name'] = 'Zendesk';
    const steps = checklistSteps({
      ...base,
      doc: doc as typeof BLANK_SPEC,
      touched: { '/sourceSpec/attributes/paginationParams/type': true },
      samplePages: 2,
      exported: true,
    });
    expect(Object.fromEntries(steps.map((s) => [s.id, s.done]))).toEqual({
      name: true,
      auth: false,
      request: false,
      records: false,
      pagination: true,
      sample: true,
      export: true,
    });
  });
  it('a missing value is never done, even when edited', () => {
    const doc = structuredClone(BLANK_SPEC) as Record<string, unknown>;
    delete doc['authSpec'];
    const steps = checklistSteps({ ...base, doc: doc as typeof BLANK_SPEC, touched: { '/authSpec': true } });
    expect(steps.find((s) => s.id === 'auth')?.done).toBe(false);
  });
});

describe('FirstRunChecklist', () => {
  it('ticks steps from the store; each step goes to its place; dismissed is remembered and undone', () => {
    act(() => st().loadDocument(blankText, 'blank'));
    render(
      <>
        <ChecklistReopenButton />
        <FirstRunChecklist />
      </>,
    );
    expect(screen.getByTestId('checklist-progress').textContent).toBe('0 of 7 done');
    act(() => st().setText(blankText.replace('"My source"', '"Zendesk users"')));
    expect(ticked()).toEqual([
      'Name:true',
      'Authentication:false',
      'Request:false',
      'Records:false',
      'Pagination:false',
      'Sample:false',
      'Export:false',
    ]);
    fireEvent.click(screen.getByRole('link', { name: /^Pagination: to do/ }));
    expect(st().activeSection).toBe('paginationParams');
    fireEvent.click(screen.getByRole('link', { name: /^Sample: to do/ }));
    expect(st().previewTab).toBe('samples');
    act(() => {
      markExported(st().docId);
      st().notify('Downloaded x.json.', 'success');
    });
    expect(screen.getByRole('link', { name: /^Export: done/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Checklist$/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Hide the checklist' }));
    expect(screen.queryByRole('region', { name: 'Getting started checklist' })).toBeNull();
    expect(localStorage.getItem(CHECKLIST_DISMISSED_KEY)).toBe('1');
    fireEvent.click(screen.getByRole('button', { name: /^Checklist$/ }));
    expect(screen.getByRole('region', { name: 'Getting started checklist' })).toBeTruthy();
  });

  it('stays dismissed across a reload (a new render with the remembered key)', () => {
    localStorage.setItem(CHECKLIST_DISMISSED_KEY, '1');
    render(<FirstRunChecklist />);
    expect(screen.queryByRole('region', { name: 'Getting started checklist' })).toBeNull();
  });
});
