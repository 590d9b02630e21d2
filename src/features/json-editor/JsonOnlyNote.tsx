import { useMemo } from 'react';
import { connectionSpecSchema } from '@core';
import { useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { useSpecStore } from '../../store';
import { useSettledDoc } from '../../store/useSettledDoc';
import { findJsonOnlyKeys } from './jsonOnlyKeys';

/**
 * The note follows the document once typing pauses this long: its walk of the whole document took
 * ~50 ms per keystroke on a spec with 2,000 user inputs (bench:ui step g).
 */
export const JSON_ONLY_NOTE_DELAY_MS = 300;

/** "This spec has fields shown only in JSON", with the first few of them, when there are any. */
export function JsonOnlyNote() {
  const t = useT();
  const doc = useSettledDoc(JSON_ONLY_NOTE_DELAY_MS);
  const keys = useMemo(() => findJsonOnlyKeys(doc, connectionSpecSchema), [doc]);
  const revealPointer = useSpecStore((s) => s.revealPointer);
  if (keys.length === 0) return null;
  return (
    <details className="note">
      <summary>
        <strong>{t('app.jsonOnly.title')}</strong>{' '}
        <span className="muted">
          {t('app.jsonOnly.kept', {
            count: keys.length === 50 ? `${formatNumber(50)}+` : formatNumber(keys.length),
          })}
        </span>
      </summary>
      <ul className="note-list">
        {keys.slice(0, 12).map((k) => (
          <li key={k}>
            <button type="button" className="link-button" onClick={() => revealPointer(k, 'diagnostics')}>
              <code>{k}</code>
            </button>
          </li>
        ))}
        {keys.length > 12 && <li className="muted">{t('app.jsonOnly.more', { count: keys.length - 12 })}</li>}
      </ul>
    </details>
  );
}
