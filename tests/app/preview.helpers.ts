/** Shared setup of the preview's app tests: the MailChimp fixture spec loaded, previews on the main thread. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { setPreviewClient } from '../../src/features/preview/previewService';
import { resetStore, useSpecStore } from '../../src/store';
import { createPreviewClient } from '../../src/workers/previewClient';

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
