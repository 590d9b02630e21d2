import { useState } from 'react';

interface KeyInputProps {
  id: string;
  value: string;
  ariaLabel: string;
  readOnly: boolean;
  /** Tries the rename; returns an error message when it is refused (duplicate, empty). */
  onRename: (next: string) => string | null;
  onFocus?: () => void;
  onBlur?: () => void;
}

/**
 * The name cell of a key/value or parameter table. Every keystroke renames the key in place; a name
 * that cannot be used yet (empty, duplicate) stays a local draft with its reason shown, until fixed
 * or abandoned on blur.
 */
export function KeyInput({ id, value, ariaLabel, readOnly, onRename, onFocus, onBlur }: KeyInputProps) {
  const [draft, setDraft] = useState<{ text: string; error: string } | null>(null);
  return (
    <>
      <input
        id={id}
        className="form-control sf-input"
        aria-label={ariaLabel}
        aria-invalid={draft !== null}
        value={draft?.text ?? value}
        readOnly={readOnly}
        spellCheck={false}
        onChange={(e) => {
          const text = e.target.value;
          const error = onRename(text);
          setDraft(error === null ? null : { text, error });
        }}
        onFocus={onFocus}
        onBlur={() => {
          setDraft(null);
          onBlur?.();
        }}
      />
      {draft && <span className="sf-diag sf-diag-error">{draft.error}</span>}
    </>
  );
}
