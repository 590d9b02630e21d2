// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectionSpecSchema, type Diagnostic } from '@core';
import type { EditorMarker } from '../../src/components/MonacoEditor';
import { DiagnosticsPanel } from '../../src/features/diagnostics/DiagnosticsPanel';
import { PROBLEMS_LIST_CAP, sameDiagnostics } from '../../src/features/diagnostics/diagnosticsView';
import {
  useDiagnosticsSync,
  validatePause,
  VALIDATE_DEBOUNCE_MAX_MS,
  VALIDATE_DEBOUNCE_MS,
  VALIDATE_PAUSE_PER_MS,
} from '../../src/features/diagnostics/useDiagnosticsSync';
import JsonEditorPane from '../../src/features/json-editor/JsonEditorPane';
import { findJsonOnlyKeys } from '../../src/features/json-editor/jsonOnlyKeys';
import { resetStore, useSpecStore } from '../../src/store';
import { createValidateClient } from '../../src/workers/validateClient';

// Issue 8 C9: what a validation result costs on each keystroke of a spec with thousands of findings.

/** Every markers array the editor was given (Monaco itself is replaced: it needs a real browser). */
const placed: EditorMarker[][] = [];
vi.mock('../../src/components/MonacoEditor', () => ({
  default: (props: { markers: EditorMarker[] }) => {
    if (placed.at(-1) !== props.markers) placed.push(props.markers);
    return null;
  },
}));

const st = () => useSpecStore.getState();

/** A small spec with findings (its input `a` has no type); `name` varies. */
const specText = (name: string) =>
  JSON.stringify({ name, sourceSpec: { spec: { properties: { a: { description: 'x' } } } } }, null, 2);

beforeEach(() => {
  localStorage.clear();
  resetStore();
  placed.length = 0;
});
afterEach(cleanup);

function Synced({ enabled = true }: { enabled?: boolean }) {
  useDiagnosticsSync(enabled);
  return <JsonEditorPane />;
}

const settled = () => waitFor(() => expect(st().diagnosticsRevision).toBe(st().revision), { timeout: 5000 });

describe('validation results on the keystroke path', () => {
  it('a result equal in content keeps the shown array and the editor markers (not re-placed)', async () => {
    st().loadDocument(specText('one'), 'paste');
    render(<Synced />);
    await settled();
    const first = st().diagnostics;
    expect(first.length).toBeGreaterThan(0);
    const markers = placed.at(-1);
    // A keystroke in a field that no finding is about: a new revision, the same findings.
    act(() => {
      st().updateAt('/name', 'one!');
    });
    await settled();
    expect(st().diagnostics).toBe(first);
    expect(placed.at(-1)).toBe(markers);
    // A change of findings is shown (and placed) at once.
    act(() => {
      st().updateAt('/sourceSpec/spec/properties/a', 7);
    });
    await settled();
    expect(sameDiagnostics(st().diagnostics, first)).toBe(false);
    expect(placed.at(-1)).not.toBe(markers);
  });

  it('parse warnings equal in content (a fresh array after each parse) keep the markers', async () => {
    const text = (v: string) => `{ "a": 1, "a": 2, "name": "${v}" }`;
    st().loadDocument(text('x'), 'paste');
    render(<Synced />);
    await settled();
    expect(st().parseWarnings.length).toBeGreaterThan(0);
    const warnings = st().parseWarnings;
    const markers = placed.at(-1);
    act(() => st().setText(text('xy')));
    await settled();
    expect(st().parseWarnings).not.toBe(warnings);
    expect(placed.at(-1)).toBe(markers);
  });

  it('after loading another document, equal findings are still placed again (new text)', async () => {
    st().loadDocument(specText('one'), 'paste');
    render(<Synced />);
    await settled();
    const first = st().diagnostics;
    const markers = placed.at(-1);
    act(() => st().loadDocument(`\n\n${specText('one')}`, 'paste'));
    await settled();
    expect(sameDiagnostics(st().diagnostics, first)).toBe(true);
    expect(st().diagnostics).not.toBe(first);
    expect(placed.at(-1)).not.toBe(markers);
  });

  it('starts nothing until enabled (after the first paint), then validates at once', async () => {
    st().loadDocument(specText('one'), 'paste');
    const view = render(<Synced enabled={false} />);
    await new Promise((r) => setTimeout(r, 300));
    expect(st().diagnosticsRevision).not.toBe(st().revision);
    view.rerender(<Synced enabled />);
    await settled();
    expect(st().diagnostics.length).toBeGreaterThan(0);
  });
});

describe('Problems list cap', () => {
  const many = (n: number): Diagnostic[] =>
    Array.from({ length: n }, (_, i) => ({
      severity: 'warning',
      pointer: `/x${i}`,
      message: `Finding ${i}`,
    }));

  it(`renders the first ${PROBLEMS_LIST_CAP} rows, says how many more, and shows them on request`, () => {
    const n = PROBLEMS_LIST_CAP * 2 + 50;
    st().loadDocument('{}', 'paste');
    st().setText('{ }'); // a text edit: every finding is listed
    st().setDiagnostics(many(n), st().revision);
    const { container } = render(<DiagnosticsPanel />);
    // Plain DOM queries: role queries over hundreds of rows are slow.
    const rows = () => container.querySelectorAll('ul[aria-label="Problems"] > li').length;
    const more = () => container.querySelector('.diagnostics-more button') as HTMLButtonElement;
    expect(rows()).toBe(PROBLEMS_LIST_CAP);
    expect(screen.getByText(/Showing the first 200 of 450 problems\./)).toBeTruthy();
    expect(more().textContent).toBe('Show 200 more');
    fireEvent.click(more());
    expect(rows()).toBe(PROBLEMS_LIST_CAP * 2);
    expect(more().textContent).toBe('Show 50 more');
    fireEvent.click(more());
    expect(rows()).toBe(n);
    expect(screen.queryByText(/Showing the first/)).toBeNull();
    // Header counts still count every finding.
    expect(screen.getByTitle('Warnings').textContent).toBe('450 warnings');
  });
});

describe('validation pause while typing', () => {
  it('is the debounce for fast validations and grows with a slow one, up to its cap', () => {
    expect(validatePause(0)).toBe(VALIDATE_DEBOUNCE_MS);
    expect(validatePause(10)).toBe(VALIDATE_DEBOUNCE_MS);
    expect(validatePause(100)).toBe(100 * VALIDATE_PAUSE_PER_MS);
    expect(validatePause(60_000)).toBe(VALIDATE_DEBOUNCE_MAX_MS);
  });

  it('the client reports how long a validation took', async () => {
    const client = createValidateClient(null);
    expect(client.lastMs()).toBe(0);
    await client.validate({ name: 'x' }, 1);
    expect(client.lastMs()).toBeGreaterThan(0);
  });
});

describe('the JSON-only walk, memoised per schema', () => {
  it('answers each document on its own (nothing remembered from one leaks into the next)', () => {
    const inputs = (n: number, extra: boolean) => ({
      name: 'x',
      sourceSpec: {
        spec: {
          properties: Object.fromEntries(
            Array.from({ length: n }, (_, i) => [`in_${i}`, { type: 'string', ...(extra ? { zz: 1 } : {}) }]),
          ),
        },
      },
      ...(extra ? { oddTop: true } : {}),
    });
    const plain = findJsonOnlyKeys(inputs(2000, false), connectionSpecSchema);
    const odd = findJsonOnlyKeys(inputs(3, true), connectionSpecSchema);
    expect(findJsonOnlyKeys(inputs(2000, false), connectionSpecSchema)).toEqual(plain);
    expect(odd).toContain('/oddTop');
    expect(findJsonOnlyKeys(inputs(3, true), connectionSpecSchema)).toEqual(odd);
    expect(plain).not.toContain('/oddTop');
  });
});
