import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
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

/** URL of an example's demo run inputs (`{ "values": { name: value } }`), beside its sample. */
export function exampleInputsUrl(id: string): string {
  return `${import.meta.env.BASE_URL}examples/${id}.inputs.json`;
}

/** The demo values of an inputs file, as strings; an unreadable file gives none. */
export function readDemoInputs(text: string): Record<string, string> {
  try {
    const parsed = JSON.parse(text) as { values?: unknown };
    const values = parsed.values;
    if (typeof values !== 'object' || values === null || Array.isArray(values)) return {};
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) if (typeof v === 'string') out[k] = v;
    return out;
  } catch {
    return {};
  }
}

async function fetchJsonText(url: string): Promise<string | null> {
  const res = await fetch(url);
  const type = res.headers.get('content-type') ?? '';
  // A dev server answers unknown paths with index.html: only JSON counts.
  return res.ok && !type.includes('html') ? res.text() : null;
}

/**
 * "Load the example's sample": shown when the document came from a built-in example that has one.
 * It also fills the run inputs the user left empty with the example's demo values, so the simulated
 * run of a built-in example works at once (the values are visibly fake; like any run input they are
 * stored with the document, except secret ones).
 */
export function ExampleSampleButton() {
  const t = useT();
  const origin = useSpecStore((s) => s.origin);
  const docId = useSpecStore((s) => s.docId);
  const name = useSpecStore((s) =>
    typeof s.doc === 'object' && s.doc !== null && !Array.isArray(s.doc) ? s.doc.name : null,
  );
  const id = exampleIdOf(origin, docId, { name });
  const [sample, setSample] = useState<{ id: string; text: string; inputs: Record<string, string> } | null>(
    null,
  );

  useEffect(() => {
    if (!id || typeof fetch === 'undefined') return;
    let live = true;
    Promise.all([fetchJsonText(exampleSampleUrl(id)), fetchJsonText(exampleInputsUrl(id)).catch(() => null)])
      .then(([text, inputs]) => {
        if (live && text !== null) setSample({ id, text, inputs: inputs ? readDemoInputs(inputs) : {} });
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
      onClick={() => {
        addSamples([{ name: `${id}.sample.json`, origin: 'example', source: sample.text }]);
        const { runInputs, setRunInputs } = useSpecStore.getState();
        const values = { ...runInputs.values };
        for (const [k, v] of Object.entries(sample.inputs)) if (!values[k]) values[k] = v;
        setRunInputs({ values });
      }}
    >
      {t('preview.samples.loadExample')}
    </button>
  );
}
