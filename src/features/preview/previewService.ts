import { useSpecStore } from '../../store';
import type { SampleOrigin, SamplePage } from '../../store/previewTypes';
import { createPreviewClient, type PreviewClient } from '../../workers/previewClient';

let client: PreviewClient | null = null;
let pageSeq = 0;
/**
 * The text or file of each sample page, by page id: kept on this side so a document's pages can be
 * stored with it (docSamples.ts). Never in the store: samples can be tens of MB.
 */
const sources = new Map<string, string | Blob>();

/** The text or file a page was added from (undefined: no such page). */
export function sampleSourceOf(id: string): string | Blob | undefined {
  return sources.get(id);
}

/** Replaces the kept source of a page by an equal one (a long text by its Blob, to store it cheaply). */
export function replaceSampleSource(id: string, source: string | Blob): void {
  if (sources.has(id)) sources.set(id, source);
}

/** The app's one preview client (created on first use). */
export function previewClient(): PreviewClient {
  client ??= createPreviewClient();
  return client;
}

/** Replaces the preview client (tests) and disposes the previous one; null: back to the default. */
export function setPreviewClient(next: PreviewClient | null): void {
  client?.dispose();
  client = next;
}

/** A sample page to add: its name, where it came from, and its text or file. */
export interface SampleSource {
  name: string;
  origin: SampleOrigin;
  source: string | Blob;
  /** The text is an envelope `{"headers": {...}, "body": ...}`. */
  envelope?: boolean;
  /** The page's id (a live page's is given by the live run); default a new one. */
  id?: string;
  /**
   * Response headers of the page (a live page's as received, a restored page's as edited): they win
   * over the headers of an envelope.
   */
  headers?: Array<[string, string]>;
  /** A live page the user kept (a restored one). */
  kept?: boolean;
}

/**
 * Adds pages at the end of the sample list and parses each off the main thread. A page that does
 * not parse keeps its error (with line and column) and never affects the other pages.
 */
export function addSamples(list: SampleSource[]): string[] {
  const store = useSpecStore.getState();
  const pages: SamplePage[] = list.map((s) => ({
    id: s.id ?? `page-${++pageSeq}-${Date.now().toString(36)}`,
    name: s.name,
    origin: s.origin,
    size: typeof s.source === 'string' ? s.source.length : s.source.size,
    status: 'parsing',
    ...(s.envelope ? { envelope: true } : {}),
    ...(s.headers ? { headers: s.headers } : {}),
    ...(s.kept ? { kept: true } : {}),
  }));
  store.addSamplePages(pages);
  pages.forEach((page, i) => {
    const given = list[i];
    const source = given?.source ?? '';
    sources.set(page.id, source);
    previewClient()
      .parseSample(page.id, source, page.envelope === true)
      .then((r) => {
        if (!r) return;
        const update = useSpecStore.getState().updateSamplePage;
        if (r.ok) {
          // Stored as values (worded when shown, in the language chosen then); the client's
          // words only for a result without them.
          const { size, shape, headerCount, parseWarnings } = r;
          const words = shape ? { shape, headerCount } : { summary: r.summary };
          const warned = parseWarnings ? { parseWarnings } : { warnings: r.warnings };
          const headers = r.headers && !given?.headers ? { headers: Object.entries(r.headers) } : {};
          update(page.id, { status: 'ok', size, ...words, ...warned, ...headers });
        } else
          update(page.id, {
            status: 'error',
            size: r.size,
            error: r.error,
            problem: r.problem,
          });
      })
      .catch((err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        useSpecStore.getState().updateSamplePage(page.id, {
          status: 'error',
          error: { message, offset: 0, line: 1, column: 1, length: 0 },
        });
      });
  });
  return pages.map((p) => p.id);
}

/** Removes a page from the list and from the worker. */
export function removeSample(id: string): void {
  useSpecStore.getState().removeSamplePage(id);
  previewClient().dropSample(id);
  sources.delete(id);
}

/** Removes every page. */
export function clearSamples(): void {
  for (const p of useSpecStore.getState().samplePages) previewClient().dropSample(p.id);
  sources.clear();
  useSpecStore.getState().clearSamplePages();
}
