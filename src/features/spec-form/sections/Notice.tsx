import type { ReactNode } from 'react';
import { joinPointer, type JsonValue } from '@core';
import { useSpecStore } from '../../../store';
import { FORM_FIELD_MAX_CHARS, fieldChars, type FieldSpec } from '../model/fields';

/** A notice about a value the form cannot edit, with a button that shows it in the JSON view. */
export function Notice({ pointer, children }: { pointer: string; children: ReactNode }) {
  const revealPointer = useSpecStore((s) => s.revealPointer);
  return (
    <div className="sf-notice" role="note">
      <span>{children}</span>
      <button type="button" className="sf-link" onClick={() => revealPointer(pointer, 'form')}>
        Show in JSON
      </button>
    </div>
  );
}

/** Short, one-line preview of a JSON value for notices (never stringifies more than it shows). */
export function preview(value: JsonValue): string {
  const s = JSON.stringify(typeof value === 'string' ? value.slice(0, 80) : value);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** Values of known keys the form cannot represent (e.g. method "PUT"): listed, never coerced. */
export function ForeignValues({
  pointer,
  items,
}: {
  pointer: string;
  items: Array<{ spec: FieldSpec; value: JsonValue }>;
}) {
  if (items.length === 0) return null;
  return (
    <div className="sf-foreign">
      {items.map(({ spec, value }) => {
        const chars = fieldChars(value);
        return (
          <Notice key={spec.key} pointer={joinPointer(pointer, spec.key)}>
            {chars > FORM_FIELD_MAX_CHARS ? (
              <>
                <strong>{spec.title}</strong>: {chars.toLocaleString('en')} characters, more than a form field
                shows ({FORM_FIELD_MAX_CHARS.toLocaleString('en')}): edit it in the JSON view.
              </>
            ) : (
              <>
                <strong>{spec.title}</strong>: <code>{preview(value)}</code> cannot be shown in this form —
                edit in JSON.
              </>
            )}
          </Notice>
        );
      })}
    </div>
  );
}
