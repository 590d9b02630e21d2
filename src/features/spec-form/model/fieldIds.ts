/** Prefix of every input id in the forms: `field:` + the JSON pointer the input edits. */
export const FIELD_ID_PREFIX = 'field:';

/** The DOM id of the input that edits `pointer`, e.g. `field:/sourceSpec/attributes/urlParams/path`. */
export function fieldId(pointer: string): string {
  return FIELD_ID_PREFIX + pointer;
}

/** The pointer an input id stands for, or null for ids that are not field ids. */
export function pointerFromFieldId(id: string): string | null {
  return id.startsWith(FIELD_ID_PREFIX) ? id.slice(FIELD_ID_PREFIX.length) : null;
}
