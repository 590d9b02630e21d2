/** Built-in example specs, served from public/examples/ (each with a `<id>.sample.json` response). */
export interface ExampleInfo {
  id: string;
  title: string;
  hint: string;
}

export const EXAMPLES: readonly ExampleInfo[] = [
  { id: 'mailchimp-members', title: 'MailChimp Members', hint: 'OFFSET' },
  { id: 'zendesk-users', title: 'Zendesk users', hint: 'CONTINUATION_TOKEN · ADVANCE' },
  { id: 'acme-orders', title: 'Acme orders', hint: 'PAGE' },
  { id: 'pulse-events', title: 'Pulse events', hint: 'POINTER' },
];

/** URL of an example spec (or of its sample response). */
export function exampleUrl(id: string, sample = false): string {
  return `${import.meta.env.BASE_URL}examples/${id}${sample ? '.sample' : ''}.json`;
}

/** Fetches an example's text from the app's own origin. Errors are values. */
export async function fetchExample(
  id: string,
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  try {
    const res = await fetch(exampleUrl(id));
    if (!res.ok) return { ok: false, message: `Example “${id}” could not be loaded (HTTP ${res.status}).` };
    return { ok: true, text: await res.text() };
  } catch {
    return { ok: false, message: `Example “${id}” could not be loaded.` };
  }
}
