import type { FormRecord } from '../../../lib/rjsf';
import type { FieldTemplateProps, ObjectFieldTemplateProps, TemplatesType } from '@rjsf/utils';
import { pointerFromFieldId } from '../model/fieldIds';
import { FieldDiagnostics } from './FieldDiagnostics';

/**
 * One field: label, input, help from the schema description, then the store's diagnostics for its
 * pointer (rjsf's own validation is off). The root object renders its children only.
 */
function FieldTemplate(props: FieldTemplateProps<FormRecord>) {
  const { id, label, children, rawDescription, hidden, required, displayLabel, schema } = props;
  if (hidden) return <div hidden>{children}</div>;
  if (schema.type === 'object') return children;
  const pointer = pointerFromFieldId(id);
  const isCheckbox = schema.type === 'boolean';
  return (
    <div className="sf-field">
      {displayLabel && !isCheckbox && (
        <label htmlFor={id} className="sf-label">
          {label}
          {required ? <span aria-hidden="true"> *</span> : null}
        </label>
      )}
      {children}
      {rawDescription && !isCheckbox && (
        <p className="sf-help" id={`${id}__description`}>
          {rawDescription}
        </p>
      )}
      {pointer !== null && <FieldDiagnostics pointer={pointer} />}
    </div>
  );
}

/** The section's fields in a compact grid, without a title (the section header has it). */
function ObjectFieldTemplate(props: ObjectFieldTemplateProps<FormRecord>) {
  return <div className="sf-grid">{props.properties.map((p) => (p.hidden ? null : p.content))}</div>;
}

/** Templates every section form registers. */
export const FORM_TEMPLATES: Partial<TemplatesType<FormRecord>> = {
  FieldTemplate,
  ObjectFieldTemplate,
};
