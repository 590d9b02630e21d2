import type { ReactNode } from 'react';
import { joinPointer, type JsonValue } from '@core';
import { useT } from '../../../i18n';
import { formatNumber } from '../../../i18n/format';
import { T } from '../../../i18n/T';
import { useSpecStore } from '../../../store';
import { FORM_FIELD_MAX_CHARS, fieldChars, type FieldSpec } from '../model/fields';

/** A notice about a value the form cannot edit, with a button that shows it in the JSON view. */
export function Notice({ pointer, children }: { pointer: string; children: ReactNode }) {
  const t = useT();
  const revealPointer = useSpecStore((s) => s.revealPointer);
  return (
    <div className="sf-notice" role="note">
      <span>{children}</span>
      <button type="button" className="sf-link" onClick={() => revealPointer(pointer, 'form')}>
        {t('form.notice.showInJson')}
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
  titleOf = (spec) => spec.title,
}: {
  pointer: string;
  items: Array<{ spec: FieldSpec; value: JsonValue }>;
  /** The field's name as the form labels it (default: the field spec's title). */
  titleOf?: (spec: FieldSpec) => string;
}) {
  if (items.length === 0) return null;
  return (
    <div className="sf-foreign">
      {items.map(({ spec, value }) => {
        const chars = fieldChars(value);
        return (
          <Notice key={spec.key} pointer={joinPointer(pointer, spec.key)}>
            {chars > FORM_FIELD_MAX_CHARS ? (
              <T
                id="form.notice.tooLong"
                values={{
                  title: titleOf(spec),
                  chars: formatNumber(chars),
                  max: formatNumber(FORM_FIELD_MAX_CHARS),
                }}
                components={{ 0: <strong /> }}
              />
            ) : (
              <T
                id="form.notice.foreign"
                values={{ title: titleOf(spec), value: preview(value) }}
                components={{ 0: <strong />, 1: <code /> }}
              />
            )}
          </Notice>
        );
      })}
    </div>
  );
}
