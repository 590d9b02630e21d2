// @vitest-environment happy-dom
/**
 * App-tier parts of group A: A5 (JSONC is rejected by the importer and the store, as by Monaco:
 * see tests/hostile/e2e/a-inputs.test.ts for the markers), A8 (a 100 MB sample is refused by its
 * size before reading), A15 (a 1,000,000-row sample: the records table is capped, with a notice).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withTableHeight } from '../../app/preview.helpers';
import { readSpecFile } from '../../../src/features/import-export/fileImport';
import { PreviewPane } from '../../../src/features/preview/PreviewPane';
import { addSamples, setPreviewClient } from '../../../src/features/preview/previewService';
import { MAX_SAMPLE_BYTES, SamplesPanel } from '../../../src/features/preview/SamplesPanel';
import { resetStore, useSpecStore } from '../../../src/store';
import { createPreviewClient } from '../../../src/workers/previewClient';
import { MAX_TABLE_ROWS } from '../../../src/workers/previewProtocol';

const dir = join(process.cwd(), 'tests/fixtures/hostile/persist');
const st = () => useSpecStore.getState();

beforeEach(() => {
  localStorage.clear();
  resetStore();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  setPreviewClient(null);
});

describe('A5: JSONC (comments, trailing commas)', () => {
  const cases = JSON.parse(readFileSync(join(dir, 'jsonc.json'), 'utf8')) as { name: string; text: string }[];

  it.each(cases)(
    'A5: $name is rejected by the importer path with a location, as Monaco marks it',
    async (c) => {
      const file = new File([c.text], 'spec.jsonc.json', { type: 'application/json' });
      const read = await readSpecFile(file);
      expect(read.ok).toBe(true);
      st().loadDocument('{"name": "before"}', 'paste');
      act(() => st().setText(read.ok ? read.text : ''));
      expect(st().parseError).not.toBeNull();
      expect(st().parseError?.line).toBeGreaterThanOrEqual(1);
      // The last valid document stays; nothing is accepted with the comment silently dropped.
      expect(st().doc).toEqual({ name: 'before' });
    },
  );
});

describe('A8: a 100 MB sample file', () => {
  const huge = (name: string, size: number) => {
    const f = new File(['{"members": []}'], name, { type: 'application/json' });
    Object.defineProperty(f, 'size', { value: size });
    return f;
  };

  it.each([
    ['chosen with "Load files…"', 'input'],
    ['dropped on the panel', 'drop'],
  ])('A8: refused by File.size before any byte is read (%s), with a message', (_n, how) => {
    const read = vi.spyOn(Blob.prototype, 'text');
    const buf = vi.spyOn(Blob.prototype, 'arrayBuffer');
    const reader = vi.spyOn(FileReader.prototype, 'readAsText');
    const { container } = render(<SamplesPanel />);
    const file = huge('hundred-mb.json', 100 * 1024 * 1024);
    if (how === 'input')
      fireEvent.change(screen.getByLabelText('Sample files'), { target: { files: [file] } });
    else
      fireEvent.drop(container.querySelector('.pv-samples') as Element, {
        dataTransfer: { files: [file], types: ['Files'] },
      });
    expect(st().samplePages).toHaveLength(0);
    expect(read).not.toHaveBeenCalled();
    expect(buf).not.toHaveBeenCalled();
    expect(reader).not.toHaveBeenCalled();
    const toast = st().toasts.at(-1);
    expect(toast?.tone).toBe('error');
    expect(toast?.message).toMatch(/hundred-mb\.json” is 100 MB; sample files up to 60 MB/);
    expect(localStorage.length).toBe(0);
  });

  it('A8: files under the limit next to it are still loaded', () => {
    setPreviewClient(createPreviewClient(null));
    render(<SamplesPanel />);
    const ok = huge('ok.json', MAX_SAMPLE_BYTES);
    fireEvent.change(screen.getByLabelText('Sample files'), {
      target: { files: [huge('big.json', MAX_SAMPLE_BYTES + 1), ok] },
    });
    expect(st().samplePages.map((p) => p.name)).toEqual(['ok.json']);
  });
});

describe('A15: a 1,000,000-row sample', () => {
  withTableHeight();

  it('A15: the records table is capped with a "truncated" notice; rows are virtualised', async () => {
    const spec = readFileSync(join(process.cwd(), 'tests/fixtures/preview/mailchimp.spec.json'), 'utf8');
    st().loadDocument(spec, 'file');
    // The fallback client runs the same engine as the worker (happy-dom has no Worker).
    setPreviewClient(createPreviewClient(null));
    const rows = Array.from({ length: 1_000_000 }, (_, i) => (i % 3 === 2 ? 'null' : `{"id":${i}}`));
    const sample = `{"members":[${rows.join(',')}]}`;
    render(<PreviewPane />);
    act(() => void addSamples([{ name: 'million.json', origin: 'paste', source: sample }]));
    await waitFor(() => expect(st().previewResult?.records.records).toBe(1_000_000), { timeout: 60_000 });
    const r = st().previewResult?.records;
    expect(r?.truncated).toBe(true);
    expect(r?.rowCount).toBe(MAX_TABLE_ROWS);
    fireEvent.click(screen.getByRole('tab', { name: /Records/ }));
    expect(screen.getByText(/the table shows the first 200,000/)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Flattened records' });
    expect(table.querySelectorAll('tbody tr').length).toBeLessThan(200);
  }, 120_000);
});
