/** Shared setup of the preview's app tests: the MailChimp fixture spec loaded, previews on the main thread. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { setPreviewClient } from '../../src/features/preview/previewService';
import { resetStore, useSpecStore } from '../../src/store';
import { createPreviewClient } from '../../src/workers/previewClient';
import type { RecordsSummary } from '../../src/store/previewTypes';

/** A file of tests/fixtures/preview as text. */
export const fixture = (name: string) =>
  readFileSync(join(process.cwd(), 'tests/fixtures/preview', name), 'utf8');
export const st = () => useSpecStore.getState();

/** Before each test: a fresh store, a main-thread preview client, the MailChimp spec; after: cleanup. */
export function withMailchimpPreview(): void {
  beforeEach(() => {
    resetStore();
    setPreviewClient(createPreviewClient(null));
    st().loadDocument(fixture('mailchimp.spec.json'), 'file');
  });
  afterEach(() => {
    cleanup();
    setPreviewClient(null);
  });
}

/**
 * happy-dom lays nothing out: for the tests of this file (or describe block), the records table's
 * scroller gets a height, so the virtualizer renders rows.
 */
export function withTableHeight(height = 400): void {
  const saved = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('pv-table') ? height : 0;
      },
    });
  });
  afterAll(() => {
    if (saved) Object.defineProperty(HTMLElement.prototype, 'clientHeight', saved);
  });
}

/** A records summary of the preview: empty, with `over` set. */
export const recordsSummary = (over: Partial<RecordsSummary>): RecordsSummary => ({
  columns: [],
  totalRows: 0,
  rowCount: 0,
  truncated: false,
  firstRows: [],
  records: 0,
  contentItems: 0,
  explodeMissing: 0,
  explodeName: null,
  pages: [],
  diagnostics: [],
  ...over,
});
