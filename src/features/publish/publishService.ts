import { ADOBE, type AdobeCredentials, type LiveSend } from '@core';
import { currentLocale, t } from '../../i18n';
import { createFetchSend } from '../../workers/liveFetch';

/** What the partner typed: held in this module's memory only (never in the store, never stored). */
export interface AdobeForm extends AdobeCredentials {
  baseUrl: string;
}

let remembered: AdobeForm = {
  accessToken: '',
  apiKey: '',
  orgId: '',
  sandbox: '',
  baseUrl: ADOBE.platformUrl,
};

/** The credentials typed earlier in this page's life (lost on reload, by design). */
export const rememberedForm = (): AdobeForm => ({ ...remembered });

/** Keeps the credentials for the next time a dialog opens, in memory only. */
export function rememberForm(form: AdobeForm): void {
  remembered = { ...form };
}

/**
 * The credentials not given yet (what the core's `missingCredentials` checks: a blank value), named
 * in the chosen language as one list ("IMS access token, API key" in English).
 */
export function missingNames(form: AdobeCredentials): string {
  const names: string[] = [];
  if (form.accessToken.trim() === '') names.push(t('tools.adobe.missingAccessToken'));
  if (form.apiKey.trim() === '') names.push(t('tools.adobe.missingApiKey'));
  if (form.orgId.trim() === '') names.push(t('tools.adobe.missingOrgId'));
  if (form.sandbox.trim() === '') names.push(t('tools.adobe.missingSandbox'));
  const locale = currentLocale();
  const type = locale === 'ko' || locale === 'zh-Hant' ? 'conjunction' : 'unit';
  return new Intl.ListFormat(locale, { type }).format(names);
}

let testSend: LiveSend | null = null;

/** The sender of publishing: the local server's `/api/fetch`, run on the main thread (small bodies). */
export function publishSend(): LiveSend {
  return testSend ?? createFetchSend();
}

/** Tests: a fake sender instead of `/api/fetch` (null restores it), and forgets the credentials. */
export function setPublishSend(send: LiveSend | null): void {
  testSend = send;
  remembered = { accessToken: '', apiKey: '', orgId: '', sandbox: '', baseUrl: ADOBE.platformUrl };
}

/**
 * Makes sure the store knows whether `spec-studio serve` serves the app (the Live run asks too:
 * whichever asks first, the other reads the answer). Never throws.
 */
export { checkLiveServer as ensureServerChecked } from '../../store/liveServer';
