import './publish.css';
import { ADOBE } from '@core';
import type { AdobeForm } from './publishService';

export interface AdobeFieldsProps {
  value: AdobeForm;
  onChange: (next: AdobeForm) => void;
  disabled?: boolean;
}

const FIELDS: Array<{ key: keyof AdobeForm; label: string; secret: boolean; placeholder: string }> = [
  { key: 'accessToken', label: 'IMS access token', secret: true, placeholder: 'eyJhbGciOi…' },
  {
    key: 'apiKey',
    label: 'API key',
    secret: true,
    placeholder: 'Developer Console client id',
  },
  { key: 'orgId', label: 'Org id', secret: false, placeholder: '…@AdobeOrg' },
  { key: 'sandbox', label: 'Sandbox', secret: false, placeholder: 'prod' },
];

/**
 * Uncontrolled inputs, filled once through the `value` property: a controlled React input mirrors
 * its value into the `value` attribute, which would put the token into the page's markup.
 */
const initially =
  (text: string) =>
  (el: HTMLInputElement | null): void => {
    if (el && el.dataset.filled !== '1') {
      el.value = text;
      el.dataset.filled = '1';
    }
  };

/**
 * The Flow Service credentials (memory only: the token and key are password inputs, never
 * autosaved) and, under Advanced, the base URL.
 */
export function AdobeFields({ value, onChange, disabled }: AdobeFieldsProps) {
  const set = (key: keyof AdobeForm, v: string) => onChange({ ...value, [key]: v });
  return (
    <fieldset className="pub-fields" disabled={disabled}>
      <legend className="field-label">Adobe Experience Platform</legend>
      <div className="pub-grid">
        {FIELDS.map((f) => (
          <label key={f.key} className="pub-field">
            <span>{f.label}</span>
            <input
              className="input"
              type={f.secret ? 'password' : 'text'}
              autoComplete="off"
              spellCheck={false}
              placeholder={f.placeholder}
              ref={initially(value[f.key])}
              onChange={(e) => set(f.key, e.target.value)}
            />
          </label>
        ))}
      </div>
      <details className="pub-advanced" open={value.baseUrl !== ADOBE.platformUrl}>
        <summary>Advanced</summary>
        <label className="pub-field">
          <span>Base URL</span>
          <input
            className="input"
            type="url"
            spellCheck={false}
            value={value.baseUrl}
            onChange={(e) => set('baseUrl', e.target.value)}
          />
        </label>
        <p className="muted small">
          Default {ADOBE.platformUrl}. Calls go to <code>{'{base}'}/data/foundation/flowservice</code>.
        </p>
      </details>
      <p className="muted small pub-note">
        Kept in this page’s memory only: never saved, never exported, masked (••••) wherever a request is
        shown.
      </p>
    </fieldset>
  );
}
