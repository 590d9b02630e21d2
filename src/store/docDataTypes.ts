/**
 * What is stored per document in IndexedDB beside its text (src/lib/idb.ts, store `samples`, key: the
 * library document id). Written by the document-data module (issue 13), read by share links (issue 14).
 */
import type { RunInputs, SamplePage } from './previewTypes';

export const STORED_SAMPLES_VERSION = 1;

export interface StoredSamplePage {
  /** The page as the samples panel lists it (status and parse results are recomputed on restore). */
  meta: SamplePage;
  /** The page's exact text (a string, or the file's Blob as opened). */
  source: string | Blob;
}

export interface StoredSamples {
  version: typeof STORED_SAMPLES_VERSION;
  pages: StoredSamplePage[];
  /**
   * The run inputs; values of secret fields (password format) are left out unless the document opted
   * in to keeping its secrets (`persistSecrets`).
   */
  runInputs: RunInputs;
}
