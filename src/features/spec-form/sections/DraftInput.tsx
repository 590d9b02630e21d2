import { useState } from 'react';

interface DraftInputProps {
  id: string;
  className: string;
  ariaLabel: string;
  placeholder: string;
  /** The text of the document's value. */
  value: string;
  readOnly: boolean;
  /** Writes the text typed (every keystroke). */
  onCommit: (text: string) => void;
  onFocus: (id: string) => void;
  onBlur: (id: string) => void;
}

/**
 * A text input for a value the document stores in another form than typed (an enum list, a numeric
 * default): while focused it shows what the user typed ("a, " stays "a, " although the list is
 * ["a"]), and the document's own text again once it loses focus.
 */
export function DraftInput(props: DraftInputProps) {
  const { id, value, onCommit } = props;
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      id={id}
      className={props.className}
      aria-label={props.ariaLabel}
      placeholder={props.placeholder}
      value={draft ?? value}
      readOnly={props.readOnly}
      spellCheck={false}
      onChange={(e) => {
        setDraft(e.target.value);
        onCommit(e.target.value);
      }}
      onFocus={() => props.onFocus(id)}
      onBlur={() => {
        setDraft(null);
        props.onBlur(id);
      }}
    />
  );
}
