import { memo, useMemo, type ReactNode } from 'react';
import Form from '@rjsf/core';
import type { IChangeEvent } from '@rjsf/core';
import { getAt, joinPointer, type JsonObject, type JsonValue } from '@core';
import { useLocale, useT } from '../../../i18n';
import { BASE_FORM_PROPS, sectionFormValidator, type FormRecord } from '../../../lib/rjsf';
import type { PointerEdit } from '../../../store';
import { useDoc, useFieldEvents, useFrozen, useWriteMany } from '../hooks/useSpecBindings';
import { fieldId } from '../model/fieldIds';
import {
  buildFormSchema,
  changedKeys,
  formDataOf,
  fromFormValue,
  splitFields,
  type FieldSpec,
} from '../model/fields';
import { isObject, prop } from '../model/json';
import { translateRjsfString } from '../rjsfStrings';
import { localizedSchema } from '../schemaText';
import { FORM_TEMPLATES } from '../templates/templates';
import { FORM_WIDGETS } from '../widgets/widgets';
import { ForeignValues, Notice } from './Notice';

export interface RjsfSectionProps {
  /** Pointer of the object this form edits. */
  pointer: string;
  fields: readonly FieldSpec[];
  /** The core's schema of that object (titles and help). */
  coreSchema?: JsonObject;
  /**
   * Intercepts the write of one key (e.g. a variant switch): returns the writes to make instead (all
   * applied with the rest of the change as one undo step), or null for the plain write.
   */
  onWrite?: (key: string, value: JsonValue | undefined, slice: JsonValue | undefined) => PointerEdit[] | null;
  /** Shown when the value is not an object (e.g. legacy string contentPath). */
  nonObject?: (value: JsonValue) => ReactNode;
  label: string;
}

/**
 * One small rjsf form over a flat object: only the listed keys reach rjsf (unknown keys are never
 * rewritten), values the form cannot show are listed as "edit in JSON", and each user change writes
 * only the keys that changed, as one batch (one undo step). rjsf `onChange` calls without a field id
 * (echoes after external formData changes) write nothing.
 */
export const RjsfSection = memo(function RjsfSection(props: RjsfSectionProps) {
  const { pointer, fields, onWrite, label } = props;
  const t = useT();
  useLocale();
  // Memoised per schema and language: a new object only when the language changes.
  const coreSchema = localizedSchema(props.coreSchema);
  const doc = useDoc();
  const frozen = useFrozen();
  const writeMany = useWriteMany();
  const events = useFieldEvents();
  const slice = getAt(doc, pointer);
  const { editable, foreign } = useMemo(() => splitFields(fields, slice), [fields, slice]);
  const editableKeys = editable.map((f) => f.key).join('\n');
  const { schema, uiSchema } = useMemo(() => {
    const keys = new Set(editableKeys.split('\n'));
    const shown = fields.filter((f) => keys.has(f.key));
    const built = buildFormSchema(shown, coreSchema);
    for (const f of shown) {
      const ui = built.uiSchema[f.key] as Record<string, unknown> | undefined;
      if (ui && f.kind === 'lines') ui['ui:placeholder'] = t('form.field.onePerLine');
    }
    return built;
  }, [fields, editableKeys, coreSchema, t]);
  const coreProps = prop(coreSchema, 'properties');
  const titleOf = (spec: FieldSpec): string => {
    const title = prop(prop(coreProps, spec.key), 'title');
    return typeof title === 'string' ? title : spec.title;
  };
  const formData = useMemo(() => formDataOf(editable, slice), [editable, slice]);

  if (slice !== undefined && !isObject(slice)) {
    return (
      props.nonObject?.(slice) ?? (
        <Notice pointer={pointer}>
          {t('form.rjsfSection.notObject', { label, kind: Array.isArray(slice) ? 'list' : typeof slice })}
        </Notice>
      )
    );
  }

  const onChange = (e: IChangeEvent<FormRecord>, id?: string) => {
    if (id === undefined || frozen) return;
    const next = e.formData ?? {};
    const edits: PointerEdit[] = [];
    for (const key of changedKeys(editable, formData, next)) {
      const spec = editable.find((f) => f.key === key);
      if (!spec) continue;
      const formValue = next[key];
      const value = fromFormValue(
        spec,
        typeof formValue === 'string' || typeof formValue === 'boolean' ? formValue : undefined,
        prop(slice, key),
      );
      edits.push(...(onWrite?.(key, value, slice) ?? [{ pointer: joinPointer(pointer, key), value }]));
    }
    writeMany(edits);
  };

  return (
    <div className="sf-form">
      <Form<FormRecord>
        {...BASE_FORM_PROPS}
        idPrefix={fieldId(pointer)}
        schema={schema}
        uiSchema={uiSchema}
        formData={formData}
        validator={sectionFormValidator}
        templates={FORM_TEMPLATES}
        widgets={FORM_WIDGETS}
        translateString={translateRjsfString}
        readonly={frozen}
        onChange={onChange}
        onFocus={events.onFocus}
        onBlur={events.onBlur}
        aria-label={label}
      >
        <></>
      </Form>
      <ForeignValues pointer={pointer} items={foreign} titleOf={titleOf} />
    </div>
  );
});
