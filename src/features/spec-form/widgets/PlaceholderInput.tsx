import { useRef, useState, type ChangeEvent, type KeyboardEvent, type Ref } from 'react';
import { useT } from '../../../i18n';
import { T } from '../../../i18n/T';
import { useDeclaredParams } from '../hooks/useSpecBindings';
import { completePlaceholder, openPlaceholderAt, undeclaredParams } from '../model/placeholders';

export interface PlaceholderInputProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  onFocus?: (id: string) => void;
  onBlur?: (id: string) => void;
  readOnly?: boolean;
  multiline?: boolean;
  rows?: number;
  ariaLabel?: string;
  ariaDescribedBy?: string;
  /** Also list undeclared `${x}` with a "Declare as user input" button (default true). */
  flagUndeclared?: boolean;
}

type Field = HTMLInputElement | HTMLTextAreaElement;

/**
 * A text field for values that may hold `${param}` placeholders (host, path, query, header, body).
 * Typing `${` opens a list of the declared parameters; an undeclared `${x}` is flagged below the field
 * with a one-click "Declare as user input".
 */
export function PlaceholderInput(props: PlaceholderInputProps) {
  const { id, value, onChange, readOnly = false, multiline = false, flagUndeclared = true } = props;
  const t = useT();
  const { declared, declare } = useDeclaredParams();
  const ref = useRef<Field>(null);
  const [query, setQuery] = useState<{ partial: string; caret: number } | null>(null);
  const [active, setActive] = useState(0);
  const suggestions = query
    ? declared.filter((n) => n.toLowerCase().startsWith(query.partial.toLowerCase()))
    : [];
  const open = !readOnly && suggestions.length > 0;
  const listId = id + '__suggestions';

  const track = (el: Field) => {
    const caret = el.selectionStart ?? el.value.length;
    const o = openPlaceholderAt(el.value, caret);
    setQuery(o ? { partial: o.partial, caret } : null);
    setActive(0);
  };
  const pick = (name: string) => {
    if (!query) return;
    const next = completePlaceholder(value, query.caret, name);
    onChange(next.text);
    setQuery(null);
    requestAnimationFrame(() => ref.current?.setSelectionRange(next.caret, next.caret));
  };
  const handleChange = (e: ChangeEvent<Field>) => {
    onChange(e.target.value);
    track(e.target);
  };
  const handleKey = (e: KeyboardEvent<Field>) => {
    if (!open) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + suggestions.length) % suggestions.length);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      const name = suggestions[active];
      if (name !== undefined) {
        e.preventDefault();
        pick(name);
      }
    } else if (e.key === 'Escape') {
      setQuery(null);
    }
  };
  const common = {
    id,
    className: 'form-control sf-input',
    value,
    readOnly,
    role: 'combobox',
    'aria-label': props.ariaLabel,
    'aria-describedby': props.ariaDescribedBy,
    'aria-autocomplete': 'list' as const,
    'aria-expanded': open,
    'aria-controls': open ? listId : undefined,
    'aria-activedescendant': open ? listId + '-' + String(active) : undefined,
    onChange: handleChange,
    onKeyDown: handleKey,
    onFocus: () => props.onFocus?.(id),
    onBlur: () => {
      setQuery(null);
      props.onBlur?.(id);
    },
  };
  const missing = flagUndeclared ? undeclaredParams(value, declared) : [];

  return (
    <div>
      <div className="sf-placeholder">
        {multiline ? (
          <textarea
            {...common}
            ref={ref as Ref<HTMLTextAreaElement>}
            rows={props.rows ?? 6}
            spellCheck={false}
          />
        ) : (
          <input {...common} ref={ref as Ref<HTMLInputElement>} type="text" spellCheck={false} />
        )}
        {open && (
          <ul
            className="sf-suggestions"
            role="listbox"
            id={listId}
            aria-label={t('form.placeholder.declared')}
          >
            {suggestions.map((name, i) => (
              <li
                key={name}
                id={listId + '-' + String(i)}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(name);
                }}
              >
                {'${'}
                {name}
                {'}'}
              </li>
            ))}
          </ul>
        )}
      </div>
      {missing.map((name) => (
        <p key={name} className="sf-undeclared" role="alert">
          <T
            id="form.placeholder.undeclared"
            values={{ placeholder: '${' + name + '}' }}
            components={{ 0: <code /> }}
          />
          {!readOnly && (
            <button type="button" className="sf-link" onClick={() => declare(name)}>
              {t('form.placeholder.declare')}
            </button>
          )}
        </p>
      ))}
    </div>
  );
}
