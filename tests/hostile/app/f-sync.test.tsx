// @vitest-environment happy-dom
/**
 * Editor sync F1, F4, F5, F6 at the app tier (the form against the store's text). F2 and F3 need
 * real Monaco and are in tests/hostile/e2e/f-editor.test.ts (F1 is checked there too).
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getAt, locatePointer } from '@core';
import { ParseErrorBanner } from '../../../src/features/json-editor/ParseErrorBanner';
import { SpecForm } from '../../../src/features/spec-form/SpecForm';
import { resetStore, useSpecStore } from '../../../src/store';
import TEXT from '../../fixtures/hostile/persist/formatted.spec.txt?raw';

const U = '/sourceSpec/attributes/urlParams';
const P = '/sourceSpec/attributes/paginationParams';
const st = () => useSpecStore.getState();

/** The one changed range between two texts: [start, endInBefore, endInAfter). */
function changedRange(before: string, after: string): { start: number; end: number; inserted: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let tail = 0;
  while (
    tail < before.length - start &&
    tail < after.length - start &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  )
    tail++;
  return { start, end: before.length - tail, inserted: after.slice(start, after.length - tail) };
}

function setup(section: 'urlParams' | 'paginationParams' = 'urlParams') {
  st().loadDocument(TEXT, 'file');
  st().setActiveSection(section);
  return render(
    <>
      <ParseErrorBanner />
      <SpecForm />
    </>,
  );
}

beforeEach(() => {
  localStorage.clear();
  resetStore();
});
afterEach(() => {
  cleanup();
  resetStore();
});

describe('F1: invalid JSON typed in the editor', () => {
  it.each([
    ['unterminated object', (t: string) => t.slice(0, -3)],
    ['trailing comma', (t: string) => t.replace('"GET",', '"GET",,')],
    ['comment', (t: string) => t.replace('"x-vendor-note"', '// c\n\t"x-vendor-note"')],
  ])('F1: %s → form frozen on the last valid doc with a banner; the text is never replaced', (_n, bad) => {
    setup();
    const invalid = bad(TEXT);
    act(() => st().setText(invalid));
    expect(st().text).toBe(invalid);
    expect(screen.getByRole('alert').textContent).toMatch(/Invalid JSON at line \d+/);
    expect(screen.getByRole('status').textContent).toMatch(/read-only until the JSON is fixed/);
    const path = screen.getByLabelText('Path') as HTMLInputElement;
    expect(path.readOnly).toBe(true);
    expect(path.value).toBe('/v1/café/items');
    expect(st().text).toBe(invalid);
  });
});

describe('F4: form edit while the text has pending invalid changes', () => {
  it('F4: the form is read-only, a change event writes nothing, updateAt refuses; the text stays as typed', () => {
    setup();
    const invalid = TEXT.replace('"limit"', '"limit"  ,}');
    act(() => st().setText(invalid));
    const path = screen.getByLabelText('Path') as HTMLInputElement;
    fireEvent.change(path, { target: { value: '/overwritten' } });
    expect(st().text).toBe(invalid);
    expect(st().updateAt(`${U}/path`, '/overwritten')).toBe(false);
    expect(st().text).toBe(invalid);
    // Fixing the text unfreezes the form, which then shows the fixed document.
    act(() => st().setText(TEXT.replace('/v1/caf', '/v2/caf')));
    expect((screen.getByLabelText('Path') as HTMLInputElement).readOnly).toBe(false);
    expect((screen.getByLabelText('Path') as HTMLInputElement).value).toBe('/v2/café/items');
  });
});

describe('F5: a form edit changes only the touched range', () => {
  it.each([
    ['Path (a value with escaped unicode next to a big integer)', `${U}/path`, 'Path', '/v2/items'],
    ['Offset parameter (in an object with unusual key order)', `${P}/offSetName`, 'Offset parameter', 'skip'],
  ])('F5: %s', (_n, pointer, label, value) => {
    setup(pointer.startsWith(P) ? 'paginationParams' : 'urlParams');
    const loc = locatePointer(TEXT, pointer);
    expect(loc).not.toBeNull();
    fireEvent.change(screen.getByLabelText(label), { target: { value } });
    const after = st().text;
    const d = changedRange(TEXT, after);
    // Only the value's own token changed...
    expect(d.start).toBeGreaterThanOrEqual(loc?.offset ?? -1);
    expect(d.end).toBeLessThanOrEqual((loc?.offset ?? 0) + (loc?.length ?? 0));
    expect(getAt(st().doc, pointer)).toBe(value);
    // ...and everything the user wrote elsewhere is byte for byte the same.
    const untouched = [
      '"version": 1.0',
      'Caf\\u00e9 \\ud83d\\ude00',
      '"x-big": 9223372036854775807',
      '"x-ratio": 2.370',
      '[1.0, -0, 1e2]',
      '\n\t\t\t\t"type": "OFFSET",\n\t\t\t\t"limitValue"',
    ];
    for (const kept of untouched) expect(after).toContain(kept);
    expect(after.split('\n').length).toBe(TEXT.split('\n').length);
  });
});

describe('F6: switching sections or the pagination type keeps values', () => {
  it('F6: a value typed in one section is still there after visiting another', () => {
    setup();
    fireEvent.change(screen.getByLabelText('Path'), { target: { value: '/kept' } });
    fireEvent.click(screen.getByRole('button', { name: /Pagination/ }));
    expect(screen.queryByLabelText('Path')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /URL/ }));
    expect((screen.getByLabelText('Path') as HTMLInputElement).value).toBe('/kept');
    expect(getAt(st().doc, `${U}/path`)).toBe('/kept');
  });

  it('F6: pagination OFFSET → PAGE → OFFSET restores the offset fields exactly', () => {
    setup('paginationParams');
    const before = getAt(st().doc, P);
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'PAGE' } });
    expect(getAt(st().doc, `${P}/type`)).toBe('PAGE');
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'OFFSET' } });
    expect(getAt(st().doc, P)).toEqual(before);
    expect((screen.getByLabelText('Offset parameter') as HTMLInputElement).value).toBe('offset');
  });
});
