// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseJson } from '@core';
import { DiagnosticsCounts } from '../../src/features/diagnostics/DiagnosticsCounts';
import { DiagnosticsPanel } from '../../src/features/diagnostics/DiagnosticsPanel';
import { resetStore, useSpecStore } from '../../src/store';

// Issue 12 item 2: parse warnings (duplicate keys, integers beyond 2^53, 1e400, -0) belong in
// Problems and in the title-bar counts, not only as squiggles in the JSON view.
const st = () => useSpecStore.getState();
const TEXT = `{
  "name": "first",
  "big": 9007199254740993,
  "huge": 1e400,
  "neg": -0,
  "negFraction": -0.0,
  "fine": -0.5,
  "name": "last"
}
`;

beforeEach(() => {
  localStorage.clear();
  resetStore();
  st().loadDocument(TEXT, 'paste');
  st().setDiagnostics([], st().revision);
});
afterEach(cleanup);

describe('parse warnings in Problems', () => {
  it('-0 is a parse warning (and -0.5 is not)', () => {
    const r = parseJson(TEXT);
    expect(r.warnings.map((w) => w.pointer)).toEqual(['/big', '/huge', '/neg', '/negFraction', '/name']);
    expect(r.warnings.find((w) => w.pointer === '/neg')?.message).toMatch(/negative zero/);
  });

  it('are listed in Problems with their line, and counted in the header and the title bar', () => {
    render(
      <>
        <DiagnosticsCounts onActivate={() => {}} />
        <DiagnosticsPanel />
      </>,
    );
    expect(screen.getByRole('button', { name: 'Problems: 0 errors, 5 warnings' })).toBeTruthy();
    expect(screen.getByTitle('5 warnings').textContent).toBe('▲ 5');
    const list = screen.getByRole('list', { name: 'JSON text problems' });
    const rows = within(list).getAllByRole('button');
    expect(rows).toHaveLength(5);
    expect(list.textContent).toContain('duplicate key "name": only its last value is kept');
    expect(list.textContent).toMatch(/integer 9007199254740993 is beyond 2\^53.*line 3/);
    expect(list.textContent).toMatch(/number 1e400 is out of range.*line 4/);
    expect(list.textContent).toMatch(/number -0 is negative zero.*line 5/);
    expect(screen.queryByText('No problems found.')).toBeNull();
  });

  it('go away when the text is fixed', () => {
    render(<DiagnosticsCounts onActivate={() => {}} />);
    act(() => st().setText('{"name": "x"}'));
    expect(screen.getByRole('button', { name: 'Problems: 0 errors, 0 warnings' })).toBeTruthy();
  });
});
