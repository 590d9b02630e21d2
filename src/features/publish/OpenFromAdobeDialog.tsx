import { useState } from 'react';
import { missingCredentials, openFromAdobe, type PublishStep } from '@core';
import { Dialog } from '../../components/Dialog';
import { AdobeFields } from './AdobeFields';
import { PublishStepList } from './PublishStepList';
import { publishSend, rememberForm, rememberedForm, type AdobeForm } from './publishService';
import { ServerNote, useServerReady } from './ServerNote';

/** What was opened: the spec's text (server-set fields kept), its id and the sandbox it came from. */
export interface OpenedFromAdobe {
  text: string;
  connectionSpecId: string;
  sandbox: string;
  name: string;
}

/**
 * Open from Adobe: a connection spec id and the same credentials → `GET /connectionSpecs/{id}`.
 * The caller opens the spec as a new document (the current one goes to the library first). Mounted
 * while open, so each opening starts fresh.
 */
export function OpenFromAdobeDialog({
  open,
  onClose,
  onOpen,
}: {
  open: boolean;
  onClose: () => void;
  onOpen: (opened: OpenedFromAdobe) => void;
}) {
  const ready = useServerReady(open);
  const [form, setForm] = useState<AdobeForm>(rememberedForm);
  const [id, setId] = useState('');
  const [step, setStep] = useState<PublishStep | null>(null);
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);

  const missing = missingCredentials(form);
  const blocked = !ready
    ? 'needs the local server'
    : id.trim() === ''
      ? 'needs a connection spec id'
      : missing.length > 0
        ? `needs the ${missing.join(', ')}`
        : '';

  const run = async () => {
    setBusy(true);
    setFailure('');
    const wanted = id.trim();
    setStep({
      id: 'connection-spec',
      title: `Read connection spec ${wanted}`,
      state: 'running',
      message: '',
    });
    const r = await openFromAdobe(wanted, { credentials: form, baseUrl: form.baseUrl }, publishSend());
    setBusy(false);
    setStep(r.step ?? null);
    if (!r.ok) return setFailure(r.message);
    const name = typeof r.spec.name === 'string' ? r.spec.name : wanted;
    onOpen({ text: r.text, connectionSpecId: wanted, sandbox: form.sandbox, name });
  };

  return (
    <Dialog
      open={open}
      title="Open from Adobe"
      onClose={onClose}
      wide
      footer={
        <>
          <span className="muted small">{blocked && !busy ? `Open ${blocked}.` : ''}</span>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy || blocked !== ''}
            onClick={() => void run()}
          >
            {busy ? 'Opening…' : 'Open'}
          </button>
        </>
      }
    >
      <p className="pub-intro">
        Reads a connection spec from Adobe Experience Platform by its id and opens it as a new document (your
        current spec is kept in the library). Its id and Adobe’s fields stay in it, so Publish to Adobe then
        updates it.
      </p>
      <ServerNote action="Opening from Adobe" />
      <label className="pub-field pub-id">
        <span>Connection spec id</span>
        <input
          className="input"
          spellCheck={false}
          autoComplete="off"
          placeholder="e.g. f6c0de0c-0a42-4cd9-9139-8768bf2f1b55"
          value={id}
          disabled={busy}
          onChange={(e) => setId(e.target.value)}
        />
      </label>
      <AdobeFields
        value={form}
        onChange={(next) => {
          setForm(next);
          rememberForm(next);
        }}
        disabled={busy}
      />
      {step && <PublishStepList steps={[step]} label="Open from Adobe steps" />}
      {failure && !step && (
        <p className="pub-result pub-result-error" role="status">
          {failure}
        </p>
      )}
    </Dialog>
  );
}
