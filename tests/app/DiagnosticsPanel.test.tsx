// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '@core';
import { DiagnosticsCounts } from '../../src/features/diagnostics/DiagnosticsCounts';
import { DiagnosticsPanel } from '../../src/features/diagnostics/DiagnosticsPanel';
import { resetStore, useSpecStore } from '../../src/store';

const st = () => useSpecStore.getState();
const TEXT =
  '{\n  "name": "x",\n  "sourceSpec": {\n    "attributes": {\n      "paginationParams": { "type": "OFFSET" }\n    }\n  }\n}';
const DIAGS: Diagnostic[] = [
  {
    severity: 'error',
    pointer: '/sourceSpec/attributes/paginationParams',
    message: 'limitName is required for OFFSET',
  },
  { severity: 'warning', pointer: '/name', message: 'Name looks odd' },
];

beforeEach(() => {
  localStorage.clear();
  resetStore();
  st().loadDocument(TEXT, 'example');
  st().setDiagnostics(DIAGS, st().revision);
});
afterEach(cleanup);

describe('DiagnosticsPanel', () => {
  it('on a pristine form errors are listed at once; warnings wait for an edit', () => {
    render(
      <>
        <DiagnosticsCounts onActivate={() => {}} />
        <DiagnosticsPanel />
      </>,
    );
    expect(screen.getByRole('button', { name: 'Problems: 1 error, 1 warning' })).toBeTruthy();
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]?.textContent).toContain('limitName is required');
    expect(screen.getByRole('button', { name: 'Show all 2' })).toBeTruthy();
  });

  it('"only what I edited" never hides an error: an edit elsewhere keeps it listed', () => {
    render(<DiagnosticsPanel />);
    act(() => st().touch('/description'));
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('limitName is required'),
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Show all 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Show only what I edited' }));
    expect(screen.getByRole('button', { name: /limitName is required/ })).toBeTruthy();
  });

  it('with no errors, the empty text says what appears and when', () => {
    act(() => st().setDiagnostics([DIAGS[1]!], st().revision));
    render(<DiagnosticsPanel />);
    expect(screen.queryByRole('listitem')).toBeNull();
    expect(screen.getByText(/No errors\. 1 warning or advice appears here once you edit/)).toBeTruthy();
    act(() => st().setDiagnostics([], st().revision));
    expect(screen.getByText(/No problems found\. Errors, warnings and advice about the spec/)).toBeTruthy();
  });

  it('a touched field shows its warnings besides the errors; a text edit shows all', () => {
    render(<DiagnosticsPanel />);
    act(() => st().touch('/sourceSpec/attributes/paginationParams/type'));
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    act(() => st().setText(TEXT.replace('"x"', '"y"')));
    act(() => st().setDiagnostics(DIAGS, st().revision));
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it('shows pointer and line; clicking selects the section and reveals the place', () => {
    render(<DiagnosticsPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Show all 2' }));
    const item = screen.getByRole('button', { name: /limitName is required/ });
    expect(item.textContent).toContain('/sourceSpec/attributes/paginationParams');
    expect(item.textContent).toContain('line 5');
    fireEvent.click(item);
    expect(st().activeSection).toBe('paginationParams');
    expect(st().reveal).toMatchObject({
      pointer: '/sourceSpec/attributes/paginationParams',
      source: 'diagnostics',
    });
  });
});
