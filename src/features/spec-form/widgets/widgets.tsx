import type { FormRecord } from '../../../lib/rjsf';
import type { RegistryWidgetsType, WidgetProps } from '@rjsf/utils';
import { ChoiceWidget } from './ChoiceWidget';
import { PlaceholderInput } from './PlaceholderInput';

type Props = WidgetProps<FormRecord>;

/** rjsf adapter of PlaceholderInput (host, path). */
function PlaceholderWidget({ id, value, readonly, disabled, onChange, onFocus, onBlur, options }: Props) {
  const text = typeof value === 'string' ? value : '';
  return (
    <PlaceholderInput
      id={id}
      value={text}
      readOnly={readonly || disabled}
      ariaDescribedBy={`${id}__description`}
      onChange={(v) => onChange(v === '' ? options.emptyValue : v)}
      onFocus={() => onFocus(id, text)}
      onBlur={() => onBlur(id, text)}
    />
  );
}

/**
 * A select whose option values are the enum values themselves (rjsf's own SelectWidget uses indexes,
 * see SETUP-NOTES). An absent value shows as an empty first option.
 */
function SelectWidget({ id, value, readonly, disabled, onChange, onFocus, onBlur, options }: Props) {
  const current = typeof value === 'string' ? value : '';
  return (
    <select
      id={id}
      className="form-control sf-input"
      value={current}
      disabled={readonly || disabled}
      aria-describedby={`${id}__description`}
      onChange={(e) => onChange(e.target.value === '' ? options.emptyValue : e.target.value)}
      onFocus={() => onFocus(id, current)}
      onBlur={() => onBlur(id, current)}
    >
      {current === '' && <option value="">—</option>}
      {(options.enumOptions ?? []).map((o) => (
        <option key={String(o.value)} value={String(o.value)}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** Widgets every section form registers. */
export const FORM_WIDGETS: RegistryWidgetsType<FormRecord> = {
  placeholder: PlaceholderWidget,
  choice: ChoiceWidget,
  SelectWidget,
};
