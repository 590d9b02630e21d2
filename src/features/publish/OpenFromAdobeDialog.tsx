import { useState } from 'react';
import { missingCredentials, openFromAdobe, type PublishStep } from '@core';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n';
import { AdobeFields } from './AdobeFields';
import { PublishStepList } from './PublishStepList';
import { startProblemText } from './publishText';
import { missingNames, publishSend, rememberForm, rememberedForm, type AdobeForm } from './publishService';
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
  const t = useT();
  const ready = useServerReady(open);
  const [form, setForm] = useState<AdobeForm>(rememberedForm);
  const [id, setId] = useState('');
  const [step, setStep] = useState<PublishStep | null>(null);
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const [opening, setOpening] = useState('');

  const missing = missingCredentials(form);
  const blocked = !ready
    ? t('tools.open.blockedServer')
    : id.trim() === ''
      ? t('tools.open.blockedId')
      : missing.length > 0
        ? t('tools.open.blockedMissing', { names: missingNames(form) })
        : '';

  const run = async () => {
    setBusy(true);
    setFailure('');
    const wanted = id.trim();
    setOpening(wanted);
    setStep({
      id: 'connection-spec',
      title: 'Read connection spec ' + wanted,
      state: 'running',
      message: '',
    });
    const r = await openFromAdobe(wanted, { credentials: form, baseUrl: form.baseUrl }, publishSend());
    setBusy(false);
    setStep(r.step ?? null);
    if (!r.ok) return setFailure(startProblemText(r));
    const name = typeof r.spec.name === 'string' ? r.spec.name : wanted;
    onOpen({ text: r.text, connectionSpecId: wanted, sandbox: form.sandbox, name });
  };

  return (
    <Dialog
      open={open}
      title={t('tools.open.title')}
      onClose={onClose}
      wide
      footer={
        <>
          <span className="muted small">{blocked && !busy ? blocked : ''}</span>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {t('tools.dialog.cancel')}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy || blocked !== ''}
            onClick={() => void run()}
          >
            {busy ? t('tools.open.opening') : t('tools.open.open')}
          </button>
        </>
      }
    >
      <p className="pub-intro">{t('tools.open.intro')}</p>
      <ServerNote action="open" />
      <label className="pub-field pub-id">
        <span>{t('tools.open.idLabel')}</span>
        <input
          className="input"
          spellCheck={false}
          autoComplete="off"
          placeholder={t('tools.open.idPlaceholder', { id: 'f6c0de0c-0a42-4cd9-9139-8768bf2f1b55' })}
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
      {step && (
        <PublishStepList
          steps={[step]}
          label={t('tools.open.stepsLabel')}
          context={{ kind: 'open', openId: opening }}
        />
      )}
      {failure && !step && (
        <p className="pub-result pub-result-error" role="status">
          {failure}
        </p>
      )}
    </Dialog>
  );
}
