import { useState } from 'react';
import { getAt, parseJson, type JsonValue, type ParseError } from '@core';
import { useDoc, useFieldEvents, useFrozen, useWrite } from '../hooks/useSpecBindings';
import { fieldId } from '../model/fieldIds';
import { deepEqual } from '../model/json';
import { FieldDiagnostics } from '../templates/FieldDiagnostics';
import { PlaceholderInput } from '../widgets/PlaceholderInput';

interface JsonTextFieldProps {
  pointer: string;
  label: string;
  rows?: number;
  /** Offer `${` suggestions and undeclared-placeholder flags (request body). */
  placeholders?: boolean;
  /** Remove the key when the text is emptied (else an empty text is just a parse error). */
  removeWhenEmpty?: boolean;
}

const format = (v: JsonValue | undefined) => (v === undefined ? '' : JSON.stringify(v, null, 2));

/**
 * Free-form JSON edited as text (never an rjsf form: STYLE.md "Forms stay small"). The text is written
 * only when it parses, as one value at `pointer`; a parse error is shown with its line and column and
 * the document keeps the last good value. An outside change of the value replaces the text.
 */
export function JsonTextField({
  pointer,
  label,
  rows = 12,
  placeholders = false,
  removeWhenEmpty = true,
}: JsonTextFieldProps) {
  const doc = useDoc();
  const frozen = useFrozen();
  const write = useWrite();
  const events = useFieldEvents();
  const value = getAt(doc, pointer);
  const [state, setState] = useState<{ text: string; base: JsonValue | undefined; error: ParseError | null }>(
    () => ({
      text: format(value),
      base: value,
      error: null,
    }),
  );
  let current = state;
  if (!deepEqual(state.base, value)) {
    current = { text: format(value), base: value, error: null };
    setState(current);
  }

  const onChange = (text: string) => {
    if (text.trim() === '' && removeWhenEmpty) {
      setState({ text, base: undefined, error: null });
      if (value !== undefined) write(pointer, undefined);
      return;
    }
    const r = parseJson(text);
    if (!r.ok) {
      setState({ text, base: current.base, error: r.error });
      return;
    }
    setState({ text, base: r.value, error: null });
    if (!deepEqual(r.value, value)) write(pointer, r.value);
  };
  const id = fieldId(pointer);
  const errorId = `${id}__parse`;
  return (
    <div className="sf-field">
      <label htmlFor={id} className="sf-label">
        {label}
      </label>
      {placeholders ? (
        <PlaceholderInput
          id={id}
          value={current.text}
          multiline
          rows={rows}
          readOnly={frozen}
          ariaDescribedBy={current.error ? errorId : undefined}
          onChange={onChange}
          onFocus={events.onFocus}
          onBlur={events.onBlur}
        />
      ) : (
        <textarea
          id={id}
          className="form-control sf-input sf-code"
          rows={rows}
          spellCheck={false}
          value={current.text}
          readOnly={frozen}
          aria-invalid={current.error !== null}
          aria-describedby={current.error ? errorId : undefined}
          onChange={(e) => onChange(e.target.value)}
          onFocus={() => events.onFocus(id)}
          onBlur={() => events.onBlur(id)}
        />
      )}
      {current.error && (
        <p className="sf-diag sf-diag-error" id={errorId} role="alert">
          Not saved: line {current.error.line}, column {current.error.column}: {current.error.message}
        </p>
      )}
      <FieldDiagnostics pointer={pointer} />
    </div>
  );
}
