// @vitest-environment happy-dom
/**
 * Each document's original (issue 14 §3): set from the text as loaded, kept per document in IndexedDB
 * (secrets blanked unless opted in), inherited by a copy, and reset by an export of the spec.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChangesButton } from '../../src/features/changes/ChangesButton';
import { LIVE_COUNT_MAX_CHARS } from '../../src/features/changes/useChangeSummary';
import { ExportMenu } from '../../src/features/import-export/ExportMenu';
import { baselineOf, ensureBaseline, resetBaselinesForTests, setBaseline } from '../../src/lib/baseline';
import { idbGet } from '../../src/lib/idb';
import { resetStore, useSpecStore } from '../../src/store';

const st = () => useSpecStore.getState();
const SECRET_SPEC = JSON.stringify({
  name: 'S',
  authSpec: [
    { name: 'B', spec: { properties: { pw: { type: 'string', format: 'password', default: 'hunter2' } } } },
  ],
});

beforeEach(() => {
  localStorage.clear();
  resetStore();
  resetBaselinesForTests();
});
afterEach(cleanup);

describe('baselines', () => {
  it('takes the loaded text when none is stored, and stores it with secrets blanked', async () => {
    await ensureBaseline('d1', { text: SECRET_SPEC, persistSecrets: false });
    expect(baselineOf('d1')).toBe(SECRET_SPEC);
    const stored = await idbGet<{ text: string }>('baselines', 'd1');
    expect(stored.ok && stored.value?.text).toBe(SECRET_SPEC.replace('"hunter2"', '""'));
  });

  it('prefers the stored original over the loaded text, and a copy inherits its source', async () => {
    await setBaseline('d2', '{"name":"orig"}', { name: 'orig' }, false);
    resetBaselinesForTests();
    await ensureBaseline('d2', { text: '{"name":"as reloaded"}', persistSecrets: false });
    expect(baselineOf('d2')).toBe('{"name":"orig"}');
    await ensureBaseline('d3', { text: '', persistSecrets: false }, 'd2');
    expect(baselineOf('d3')).toBe('{"name":"orig"}');
  });

  it('counts changes in the top bar and an export (Copy JSON) makes the text the new original', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: vi.fn(() => Promise.resolve()) },
    });
    st().loadDocument('{\n  "name": "A"\n}', 'paste');
    render(
      <>
        <ExportMenu />
        <ChangesButton />
      </>,
    );
    await waitFor(() => expect(baselineOf(st().docId)).toBe('{\n  "name": "A"\n}'));
    act(() => void st().updateAt('/name', 'B'));
    await waitFor(() => screen.getByRole('button', { name: 'Changes since the original: 1' }), {
      timeout: 2000,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('menuitem', { name: /Copy JSON/ }));
      await Promise.resolve();
    });
    await waitFor(() => expect(baselineOf(st().docId)).toBe(st().text));
    await waitFor(() => screen.getByRole('button', { name: 'Changes since the original: 0' }), {
      timeout: 2000,
    });
  });

  it('says the count is off above the live-count limit', async () => {
    const big = JSON.stringify({ name: 'Big', description: 'x'.repeat(LIVE_COUNT_MAX_CHARS) });
    st().loadDocument(big, 'paste');
    render(<ChangesButton />);
    await waitFor(() =>
      screen.getByRole('button', {
        name: /Changes since the original: not counted while editing a spec over 1 million characters/,
      }),
    );
  });
});
