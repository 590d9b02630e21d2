import { secretValuePointers, type JsonValue } from '@core';
import { t } from '../../i18n';

export { secretValuePointers };

/** The suffix of an export confirmation when the spec carries secret values; '' otherwise. */
export function secretNote(doc: JsonValue): string {
  const found = secretValuePointers(doc);
  if (found.length === 0) return '';
  const listed = `${found.slice(0, 3).join(', ')}${found.length > 3 ? ', …' : ''}`;
  return t('app.exportMenu.secretNote', { count: found.length, listed });
}
