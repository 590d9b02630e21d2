import { useState } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import { useT } from '../../../i18n';
import type { FormRecord } from '../../../lib/rjsf';

const OTHER = '__other__';

/**
 * A string that is usually one of a few known values (`ui:options.choices`, labelled by
 * `choiceLabels`) but may be any other: a select of the known values plus "Other…", which shows a
 * text input for the free string. Choosing "Other…" writes nothing until something is typed; a value
 * that is not a known one (legacy `oAuth2-refresh-code`) shows as "Other…" with its text.
 */
export function ChoiceWidget(props: WidgetProps<FormRecord>) {
  const { id, value, readonly, disabled, onChange, onFocus, onBlur, options } = props;
  const t = useT();
  const choices = Array.isArray(options['choices']) ? (options['choices'] as string[]) : [];
  const labels = Array.isArray(options['choiceLabels']) ? (options['choiceLabels'] as string[]) : [];
  const current = typeof value === 'string' ? value : '';
  const known = choices.includes(current);
  const [otherAsked, setOtherAsked] = useState(false);
  const other = otherAsked || (current !== '' && !known);
  const selected = other ? OTHER : current;
  return (
    <div className="sf-choice">
      <select
        id={id}
        className="form-control sf-input"
        value={selected}
        disabled={readonly || disabled}
        aria-describedby={`${id}__description`}
        onChange={(e) => {
          if (e.target.value === OTHER) {
            setOtherAsked(true);
            return;
          }
          setOtherAsked(false);
          onChange(e.target.value === '' ? options.emptyValue : e.target.value);
        }}
        onFocus={() => onFocus(id, current)}
        onBlur={() => onBlur(id, current)}
      >
        {current === '' && !other && <option value="">—</option>}
        {choices.map((c, i) => (
          <option key={c} value={c}>
            {labels[i] ?? c}
          </option>
        ))}
        <option value={OTHER}>{t('form.choice.other')}</option>
      </select>
      {other && (
        <input
          id={id + '#other'}
          className="form-control sf-input"
          aria-label={t('form.choice.otherLabel', { label: props.label || t('form.choice.value') })}
          value={current}
          readOnly={readonly || disabled}
          spellCheck={false}
          onChange={(e) => onChange(e.target.value === '' ? options.emptyValue : e.target.value)}
          onFocus={() => onFocus(id, current)}
          onBlur={() => onBlur(id, current)}
        />
      )}
    </div>
  );
}
