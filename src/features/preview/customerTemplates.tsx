import type { DescriptionFieldProps, TemplatesType, UnsupportedFieldProps } from '@rjsf/utils';
import { useT } from '../../i18n';
import type { FormRecord } from '../../lib/rjsf';

/**
 * A description from the user’s schema as plain text: never markdown, never HTML (BAD-INPUTS B1, B2).
 * rjsf’s default would switch to markdown-to-jsx when a uiSchema enables it; this one never does.
 */
function PlainDescription({ id, description }: DescriptionFieldProps<FormRecord>) {
  if (!description) return null;
  return (
    <div id={id} className="field-description">
      {typeof description === 'string' ? description : null}
    </div>
  );
}

/** A field rjsf cannot render, named as plain text (rjsf’s default renders its message as markdown). */
function PlainUnsupported({ fieldPathId, reason, schema }: UnsupportedFieldProps<FormRecord>) {
  const t = useT();
  // `reason` is rjsf’s own words (its translateString: src/features/spec-form/rjsfStrings.ts).
  return (
    <p className="pv-cv-notice" role="note">
      {typeof schema.type === 'string'
        ? t('run.customer.unsupportedFieldTyped', { id: fieldPathId.$id, reason, type: schema.type })
        : t('run.customer.unsupportedField', { id: fieldPathId.$id, reason })}
    </p>
  );
}

/** Templates of the customer view’s forms: user text is only ever rendered as text. */
export const CUSTOMER_TEMPLATES: Partial<TemplatesType<FormRecord>> = {
  DescriptionFieldTemplate: PlainDescription,
  UnsupportedFieldTemplate: PlainUnsupported,
};
