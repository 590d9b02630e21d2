import { Component, lazy, Suspense, useState, type ReactNode } from 'react';
import { parseErrorText } from '../../../i18n/diagnostics';
import { getAt, parseJson, type JsonValue, type ParseError } from '@core';
import { useT } from '../../../i18n';
import { afterMonacoNls } from '../../../lib/monacoNls';
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

// Monaco stays out of the form's bundle: loaded only when a user turns the code editor on, after
// Monaco's own messages, in case this loads Monaco before the JSON view (src/lib/monacoNls.ts).
const JsonFieldEditor = lazy(afterMonacoNls(() => import('./JsonFieldEditor')));

/** Shows `fallback` (the plain textarea) if the code editor's chunk fails to load or render. */
class TextareaFallback extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
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
  const t = useT();
  const doc = useDoc();
  const frozen = useFrozen();
  const write = useWrite();
  const events = useFieldEvents();
  const value = getAt(doc, pointer);
  const [code, setCode] = useState(false);
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
  const textarea = (
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
  );
  return (
    <div className="sf-field">
      <div className="sf-label-row">
        <label htmlFor={id} className="sf-label">
          {label}
        </label>
        {!placeholders && (
          <button
            type="button"
            className="sf-button sf-button-quiet"
            aria-pressed={code}
            title={t('form.json.codeEditorHint')}
            onClick={() => setCode((c) => !c)}
          >
            {t('form.json.codeEditor')}
          </button>
        )}
      </div>
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
      ) : code ? (
        <TextareaFallback fallback={textarea}>
          <Suspense fallback={textarea}>
            {/* `monaco-component`: Monaco's theme colours reach its right-click menu (a shadow root). */}
            <div className="monaco-component">
              <JsonFieldEditor
                pointer={pointer}
                value={current.text}
                onChange={onChange}
                ariaLabel={label}
                rows={rows}
                readOnly={frozen}
                onFocus={() => events.onFocus(id)}
                onBlur={() => events.onBlur(id)}
              />
            </div>
          </Suspense>
        </TextareaFallback>
      ) : (
        textarea
      )}
      {current.error && (
        <p className="sf-diag sf-diag-error" id={errorId} role="alert">
          {t('form.json.notSaved', {
            line: String(current.error.line),
            column: String(current.error.column),
            message: parseErrorText(current.error),
          })}
        </p>
      )}
      <FieldDiagnostics pointer={pointer} />
    </div>
  );
}
