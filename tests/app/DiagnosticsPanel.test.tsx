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
  it('on a pristine form the header counts show but the list waits for an edit', () => {
    render(
      <>
        <DiagnosticsCounts onActivate={() => {}} />
        <DiagnosticsPanel />
      </>,
    );
    expect(screen.getByRole('button', { name: 'Problems: 1 error, 1 warning' })).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Problems' })).toBeNull();
    expect(screen.getByText(/2 findings appear here once you edit/)).toBeTruthy();
  });

  it('a touched field shows its findings; a text edit shows all', () => {
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
