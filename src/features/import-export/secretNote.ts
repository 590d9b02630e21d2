import { secretValuePointers, type JsonValue } from '@core';

export { secretValuePointers };

/** The suffix of an export confirmation when the spec carries secret values; '' otherwise. */
export function secretNote(doc: JsonValue): string {
  const found = secretValuePointers(doc);
  if (found.length === 0) return '';
  return ` Warning: it contains ${found.length === 1 ? 'a secret value' : `${found.length} secret values`} (${found.slice(0, 3).join(', ')}${found.length > 3 ? ', …' : ''}); remove them before sharing the file.`;
}
