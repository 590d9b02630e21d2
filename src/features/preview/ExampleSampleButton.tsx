import { useEffect, useState } from 'react';
import { useSpecStore } from '../../store';
import { addSamples } from './previewService';

/**
 * The built-in example a document came from, as the id of its files under public/examples/: the
 * doc id when it names one (`example:<id>`), else the spec's name as a slug without a trailing
 * "source" ("MailChimp Members source" → `mailchimp-members`). Null when not loaded from an example.
 */
export function exampleIdOf(origin: string, docId: string, doc: unknown): string | null {
  if (origin !== 'example') return null;
  const m = /^example[:-](.+)$/.exec(docId);
  if (m?.[1]) return m[1];
  const name =
    typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as { name?: unknown }).name : null;
  if (typeof name !== 'string') return null;
  const slug = name
    .toLowerCase()
    .replace(/\bsource\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || null;
}

/** URL of an example's sample response. */
export function exampleSampleUrl(id: string): string {
  return `${import.meta.env.BASE_URL}examples/${id}.sample.json`;
}

/** "Load the example's sample": shown when the document came from a built-in example that has one. */
export function ExampleSampleButton() {
  const origin = useSpecStore((s) => s.origin);
  const docId = useSpecStore((s) => s.docId);
  const name = useSpecStore((s) =>
    typeof s.doc === 'object' && s.doc !== null && !Array.isArray(s.doc) ? s.doc.name : null,
  );
  const id = exampleIdOf(origin, docId, { name });
  const [sample, setSample] = useState<{ id: string; text: string } | null>(null);

  useEffect(() => {
    if (!id || typeof fetch === 'undefined') return;
    let live = true;
    fetch(exampleSampleUrl(id))
      .then(async (res) => {
        const type = res.headers.get('content-type') ?? '';
        // A dev server answers unknown paths with index.html: only JSON counts.
        if (res.ok && !type.includes('html')) {
          const text = await res.text();
          if (live) setSample({ id, text });
        }
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [id]);

  if (!id || !sample || sample.id !== id) return null;
  return (
    <button
      type="button"
      className="pv-button"
      onClick={() => addSamples([{ name: `${id}.sample.json`, origin: 'example', source: sample.text }])}
    >
      Load the example’s sample
    </button>
  );
}
