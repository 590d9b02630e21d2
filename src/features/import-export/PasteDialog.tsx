import { useState } from 'react';
import { documentKindText, parseErrorText } from '../../i18n/diagnostics';
import { detectDocumentKind, parseJson, type JsonValue } from '@core';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n';

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
  const t = useT();
  const [text, setText] = useState('');
  const parsed = text.trim() ? parseJson(text, { positions: false }) : null;
  const kindText = parsed?.ok ? kindNote(parsed.value) : null;
  return (
    <Dialog
      open={open}
      title={t('app.paste.title')}
      onClose={onClose}
      wide
      footer={
        <>
          {parsed && !parsed.ok && (
            <span className="muted small">
              {t('app.paste.invalid', {
                line: String(parsed.error.line),
                message: parseErrorText(parsed.error),
              })}
            </span>
          )}
          {kindText !== null && (
            <span className="muted small">{t('app.paste.kind', { message: kindText })}</span>
          )}
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {t('app.paste.cancel')}
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
            {t('app.paste.open')}
          </button>
        </>
      }
    >
      <label className="field-label" htmlFor="paste-json">
        {t('app.paste.label')}
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

/** What a pasted document is when it is not a connection spec, in the chosen language; else null. */
function kindNote(value: JsonValue): string | null {
  const kind = detectDocumentKind(value);
  return kind.kind === 'connection-spec' ? null : documentKindText(kind, value);
}
