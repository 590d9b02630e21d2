import { useEffect, useRef, useState } from 'react';
import {
  connectionSpecIdOf,
  missingCredentials,
  publishSteps,
  type PublishResult,
  type PublishStep,
} from '@core';
import { Dialog } from '../../components/Dialog';
import { t as tNow, useT } from '../../i18n';
import { T } from '../../i18n/T';
import { adobeLinkOf, recordAdobeLink, type AdobeLink } from '../../lib/library';
import { useSpecStore } from '../../store';
import { selectSpecName } from '../../store/selectors';
import { AdobeFields } from './AdobeFields';
import { PublishStepList } from './PublishStepList';
import { startProblemText } from './publishText';
import { missingNames, publishSend, rememberForm, rememberedForm, type AdobeForm } from './publishService';
import { ServerNote, useServerReady } from './ServerNote';

/** The steps before anything is sent (titled by PublishStepList from their ids). */
const planned = (): PublishStep[] => [
  { id: 'connection-spec', title: '', state: 'pending', message: '' },
  { id: 'flow-spec-get', title: '', state: 'pending', message: '' },
  { id: 'flow-spec-put', title: '', state: 'pending', message: '' },
];

/** The outcome in one sentence; a failure names the step (its own message is shown on it). */
function resultWords(r: PublishResult): string {
  if (r.ok && r.connectionSpecId !== null)
    return tNow('tools.publish.result.published', {
      id: r.connectionSpecId,
      method: r.method === 'POST' ? 'created' : 'updated',
    });
  if (r.ok) return r.message;
  const at = r.steps.findIndex((s) => s.state === 'failed');
  // could not start (a credential, the base URL, the spec): the core's reason
  if (at < 0) return startProblemText(r);
  return tNow('tools.publish.result.stopped', {
    step: at + 1,
    created: r.connectionSpecId !== null && r.method === 'POST' ? 'yes' : 'no',
  });
}

const when = (at: number) => new Date(at).toISOString().slice(0, 16).replace('T', ' ');

/** What step 1 will do: update the spec's own id (or the one it was last published as), or create one. */
function Target({
  specId,
  link,
  override,
  onOverride,
  disabled,
  next,
}: {
  specId: string | undefined;
  link: AdobeLink | null;
  override: boolean;
  onOverride: (v: boolean) => void;
  disabled: boolean;
  /** A publish has run: this is what the next one does. */
  next: boolean;
}) {
  const t = useT();
  const code = { 0: <code /> };
  if (specId)
    return (
      <div className="pub-target">
        <p>
          {override ? (
            next ? (
              <T id="tools.publish.target.nextCreateLeaving" values={{ id: specId }} components={code} />
            ) : (
              <T id="tools.publish.target.createLeaving" values={{ id: specId }} components={code} />
            )
          ) : next ? (
            <T id="tools.publish.target.nextUpdateOwn" values={{ id: specId }} components={code} />
          ) : (
            <T id="tools.publish.target.updateOwn" values={{ id: specId }} components={code} />
          )}
        </p>
        <label className="pub-check">
          <input
            type="checkbox"
            checked={override}
            disabled={disabled}
            onChange={(e) => onOverride(e.target.checked)}
          />
          {t('tools.publish.target.createInstead')}
        </label>
      </div>
    );
  return (
    <div className="pub-target">
      <p>
        {override && link ? (
          next ? (
            <T
              id="tools.publish.target.nextUpdateLinked"
              values={{ id: link.connectionSpecId }}
              components={code}
            />
          ) : (
            <T
              id="tools.publish.target.updateLinked"
              values={{ id: link.connectionSpecId }}
              components={code}
            />
          )
        ) : next ? (
          t('tools.publish.target.nextCreate')
        ) : (
          t('tools.publish.target.create')
        )}
      </p>
      {link && (
        <label className="pub-check">
          <input
            type="checkbox"
            checked={override}
            disabled={disabled}
            onChange={(e) => onOverride(e.target.checked)}
          />
          {link.how === 'opened' ? (
            <T
              id="tools.publish.target.updateInsteadOpened"
              values={{ id: link.connectionSpecId, when: when(link.at), sandbox: link.sandbox }}
              components={code}
            />
          ) : (
            <T
              id="tools.publish.target.updateInsteadPublished"
              values={{ id: link.connectionSpecId, when: when(link.at), sandbox: link.sandbox }}
              components={code}
            />
          )}
        </label>
      )}
    </div>
  );
}

/**
 * Publish to Adobe: credentials, then the three calls one by one, each with its result. Mounted
 * while open (each opening starts fresh, with the credentials typed earlier in this page's life).
 */
export function PublishDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const ready = useServerReady(open);
  const name = useSpecStore(selectSpecName);
  const doc = useSpecStore((s) => s.doc);
  const docId = useSpecStore((s) => s.docId);
  const parseError = useSpecStore((s) => s.parseError);
  const errors = useSpecStore((s) => s.diagnostics.filter((d) => d.severity === 'error').length);
  const [form, setForm] = useState<AdobeForm>(rememberedForm);
  const [override, setOverride] = useState(false);
  const [steps, setSteps] = useState<readonly PublishStep[] | null>(null);
  /** The target of the steps shown (what step 1 did), kept while the next one is chosen. */
  const [ran, setRan] = useState<{ existingId?: string } | null>(null);
  const [result, setResult] = useState<PublishResult | null>(null);
  const [busy, setBusy] = useState(false);
  const alive = useRef(true);
  const resultRef = useRef<HTMLParagraphElement>(null);
  const specId = connectionSpecIdOf(doc);
  const [link, setLink] = useState<AdobeLink | null>(() => adobeLinkOf(docId));

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const existingId = specId
    ? override
      ? undefined
      : specId
    : override && link
      ? link.connectionSpecId
      : undefined;
  const missing = missingCredentials(form);
  const blocked = !ready
    ? t('tools.publish.blockedServer')
    : parseError
      ? t('tools.publish.blockedJson', { line: parseError.line })
      : missing.length > 0
        ? t('tools.publish.blockedMissing', { names: missingNames(form) })
        : '';

  const publish = async () => {
    const s = useSpecStore.getState();
    setBusy(true);
    setResult(null);
    setRan(existingId ? { existingId } : {});
    const r = await publishSteps(
      s.text,
      { credentials: form, baseUrl: form.baseUrl, ...(existingId ? { existingId } : {}) },
      publishSend(),
      (next) => {
        if (alive.current) setSteps(next);
      },
    );
    setBusy(false);
    if (r.steps.length === 0) setSteps(null);
    setResult(r);
    requestAnimationFrame(() => resultRef.current?.scrollIntoView({ block: 'nearest' }));
    if (r.connectionSpecId === null) return;
    const published: AdobeLink = {
      connectionSpecId: r.connectionSpecId,
      sandbox: form.sandbox,
      how: 'published',
      at: Date.now(),
    };
    recordAdobeLink(s.docId, published);
    if (alive.current) setLink(published);
    const now = useSpecStore.getState();
    if (now.docId === s.docId && connectionSpecIdOf(now.doc) !== r.connectionSpecId)
      now.updateAt('/id', r.connectionSpecId);
    const id = r.connectionSpecId;
    if (r.ok) now.notify(() => tNow('tools.publish.toast', { name, id }), 'success');
  };

  // the steps of a run are titled as they ran; the planned ones by what the next run does
  const stepTarget = steps && ran ? ran.existingId : existingId;
  const idWritten = result?.connectionSpecId != null && connectionSpecIdOf(doc) === result.connectionSpecId;

  return (
    <Dialog
      open={open}
      title={t('tools.publish.title')}
      onClose={onClose}
      wide
      footer={
        <>
          <span className="muted small">{blocked && !busy ? blocked : ''}</span>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {result ? t('tools.dialog.close') : t('tools.dialog.cancel')}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy || blocked !== ''}
            onClick={() => void publish()}
          >
            {busy
              ? t('tools.publish.publishing')
              : result && !result.ok
                ? t('tools.publish.again')
                : t('tools.publish.publish')}
          </button>
        </>
      }
    >
      <p className="pub-intro">
        <T id="tools.publish.intro" values={{ name }} components={{ 0: <strong /> }} />
        {errors > 0 && <span className="pub-warn"> {t('tools.publish.introErrors', { count: errors })}</span>}
      </p>
      <ServerNote action="publish" />
      <AdobeFields
        value={form}
        onChange={(next) => {
          setForm(next);
          rememberForm(next);
        }}
        disabled={busy}
      />
      <Target
        specId={specId}
        link={link}
        override={override}
        onOverride={setOverride}
        disabled={busy}
        next={result !== null}
      />
      <PublishStepList
        steps={steps ?? planned()}
        label={t('tools.publish.stepsLabel')}
        context={{ kind: 'publish', ...(stepTarget ? { existingId: stepTarget } : {}) }}
      />
      {result && (
        <p
          ref={resultRef}
          className={'pub-result ' + (result.ok ? 'pub-result-ok' : 'pub-result-error')}
          role="status"
        >
          {resultWords(result)}
          {result.connectionSpecId !== null && ' '}
          {result.connectionSpecId !== null &&
            (idWritten
              ? t('tools.publish.result.idWritten')
              : t('tools.publish.result.keepId', { id: result.connectionSpecId }))}
        </p>
      )}
    </Dialog>
  );
}
