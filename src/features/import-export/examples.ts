import { t, worded } from '../../i18n';

/** Built-in example specs, served from public/examples/ (each with a `<id>.sample.json` response). */
export interface ExampleInfo {
  id: string;
  /** The menu's label, in the current language (read at render time). */
  readonly title: string;
  /** The pagination type (a spec value, not translated). */
  hint: string;
}

export const EXAMPLES: readonly ExampleInfo[] = [
  {
    id: 'mailchimp-members',
    get title() {
      return t('app.examples.mailchimpMembers');
    },
    hint: 'OFFSET',
  },
  {
    id: 'zendesk-users',
    get title() {
      return t('app.examples.zendeskUsers');
    },
    hint: 'CONTINUATION_TOKEN · ADVANCE',
  },
  {
    id: 'acme-orders',
    get title() {
      return t('app.examples.acmeOrders');
    },
    hint: 'PAGE',
  },
  {
    id: 'pulse-events',
    get title() {
      return t('app.examples.pulseEvents');
    },
    hint: 'POINTER',
  },
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
    const status = res.status;
    if (!res.ok)
      return worded({ ok: false as const }, 'message', () =>
        t('app.examples.loadFailedHttp', { id, status }),
      );
    return { ok: true, text: await res.text() };
  } catch {
    return worded({ ok: false as const }, 'message', () => t('app.examples.loadFailed', { id }));
  }
}
