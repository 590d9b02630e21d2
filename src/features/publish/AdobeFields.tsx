import './publish.css';
import { ADOBE } from '@core';
import { T } from '../../i18n/T';
import { useT, t as tNow } from '../../i18n';
import type { AdobeForm } from './publishService';

export interface AdobeFieldsProps {
  value: AdobeForm;
  onChange: (next: AdobeForm) => void;
  disabled?: boolean;
}

/** The fields, their labels and placeholders looked up in the chosen language (call at render). */
const fields = (): Array<{ key: keyof AdobeForm; label: string; secret: boolean; placeholder: string }> => [
  {
    key: 'accessToken',
    label: tNow('tools.adobe.accessToken'),
    secret: true,
    placeholder: 'eyJhbGciOi…',
  },
  {
    key: 'apiKey',
    label: tNow('tools.adobe.apiKey'),
    secret: true,
    placeholder: tNow('tools.adobe.apiKeyPlaceholder'),
  },
  { key: 'orgId', label: tNow('tools.adobe.orgId'), secret: false, placeholder: '…@AdobeOrg' },
  { key: 'sandbox', label: tNow('tools.adobe.sandbox'), secret: false, placeholder: 'prod' },
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
  const t = useT();
  const set = (key: keyof AdobeForm, v: string) => onChange({ ...value, [key]: v });
  return (
    <fieldset className="pub-fields" disabled={disabled}>
      <legend className="field-label">Adobe Experience Platform</legend>
      <div className="pub-grid">
        {fields().map((f) => (
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
        <summary>{t('tools.adobe.advanced')}</summary>
        <label className="pub-field">
          <span>{t('tools.adobe.baseUrl')}</span>
          <input
            className="input"
            type="url"
            spellCheck={false}
            value={value.baseUrl}
            onChange={(e) => set('baseUrl', e.target.value)}
          />
        </label>
        <p className="muted small">
          <T
            id="tools.adobe.baseUrlNote"
            values={{ url: ADOBE.platformUrl, path: '{base}/data/foundation/flowservice' }}
            components={{ 0: <code /> }}
          />
        </p>
      </details>
      <p className="muted small pub-note">{t('tools.adobe.memoryNote')}</p>
    </fieldset>
  );
}
