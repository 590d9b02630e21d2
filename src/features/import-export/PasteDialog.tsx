import { useState } from 'react';
import { detectDocumentKind, parseJson } from '@core';
import { Dialog } from '../../components/Dialog';

/** A dialog to paste a spec; invalid JSON can still be opened (and fixed in the editor). */
export function PasteDialog({
  open,
  onClose,
  onSubmit,
}: {
  open: boolean;
  onClose: () => void;
  onSubmit: (text: string) => void;
}) {
  const [text, setText] = useState('');
  const parsed = text.trim() ? parseJson(text, { positions: false }) : null;
  const kind = parsed?.ok ? detectDocumentKind(parsed.value) : null;
  return (
    <Dialog
      open={open}
      title="Paste JSON"
      onClose={onClose}
      wide
      footer={
        <>
          {parsed && !parsed.ok && (
            <span className="muted small">
              Invalid JSON at line {parsed.error.line}: {parsed.error.message}
            </span>
          )}
          {kind && kind.kind !== 'connection-spec' && <span className="muted small">{kind.message}.</span>}
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={!text.trim()}
            onClick={() => {
              onSubmit(text);
              setText('');
            }}
          >
            Open
          </button>
        </>
      }
    >
      <label className="field-label" htmlFor="paste-json">
        Connection spec JSON
      </label>
      <textarea
        id="paste-json"
        className="paste-area"
        value={text}
        spellCheck={false}
        placeholder='{ "name": "…", "type": "generic-rest", … }'
        onChange={(e) => setText(e.target.value)}
      />
    </Dialog>
  );
}
