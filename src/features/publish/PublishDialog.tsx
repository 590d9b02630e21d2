import { useEffect, useRef, useState } from 'react';
import {
  connectionSpecIdOf,
  missingCredentials,
  publishSteps,
  type PublishResult,
  type PublishStep,
} from '@core';
import { Dialog } from '../../components/Dialog';
import { adobeLinkOf, recordAdobeLink, type AdobeLink } from '../../lib/library';
import { useSpecStore } from '../../store';
import { selectSpecName } from '../../store/selectors';
import { AdobeFields } from './AdobeFields';
import { PublishStepList } from './PublishStepList';
import { publishSend, rememberForm, rememberedForm, type AdobeForm } from './publishService';
import { ServerNote, useServerReady } from './ServerNote';

/** The steps before anything is sent (the driver's own titles). */
const planned = (existingId: string | undefined): PublishStep[] => [
  {
    id: 'connection-spec',
    title: existingId ? `Update connection spec ${existingId}` : 'Create the connection spec',
    state: 'pending',
    message: '',
  },
  { id: 'flow-spec-get', title: 'Read the RestStorageToAEP flow spec', state: 'pending', message: '' },
  { id: 'flow-spec-put', title: 'Add the id to the flow spec', state: 'pending', message: '' },
];

/** The outcome in one sentence; a failure names the step (its own message is shown on it). */
function resultWords(r: PublishResult): string {
  if (r.ok) return r.message;
  const at = r.steps.findIndex((s) => s.state === 'failed');
  if (at < 0) return r.message;
  const created =
    r.connectionSpecId !== null && r.method === 'POST' ? ' The connection spec was created.' : '';
  return `Stopped at step ${at + 1}: nothing after it was sent.${created}`;
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
  const v = (words: string) =>
    next ? `Next publish ${words.charAt(0).toLowerCase()}${words.slice(1)}` : words;
  if (specId)
    return (
      <div className="pub-target">
        <p>
          {v(override ? 'Creates a new connection spec (POST), leaving ' : 'Updates connection spec ')}
          <code>{specId}</code>
          {override ? ' as it is.' : ' (PUT): the spec’s "id" field names it.'}
        </p>
        <label className="pub-check">
          <input
            type="checkbox"
            checked={override}
            disabled={disabled}
            onChange={(e) => onOverride(e.target.checked)}
          />
          Create a new connection spec instead
        </label>
      </div>
    );
  return (
    <div className="pub-target">
      <p>
        {override && link ? (
          <>
            {v('Updates connection spec ')}
            <code>{link.connectionSpecId}</code> (PUT).
          </>
        ) : (
          v(
            'Creates a new connection spec (POST). Its id is then added to this spec, so the next publish updates it.',
          )
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
          Update <code>{link.connectionSpecId}</code> instead ({link.how} {when(link.at)} UTC, sandbox{' '}
          {link.sandbox})
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
  const ready = useServerReady(open);
  const name = useSpecStore(selectSpecName);
  const doc = useSpecStore((s) => s.doc);
  const docId = useSpecStore((s) => s.docId);
  const parseError = useSpecStore((s) => s.parseError);
  const errors = useSpecStore((s) => s.diagnostics.filter((d) => d.severity === 'error').length);
  const [form, setForm] = useState<AdobeForm>(rememberedForm);
  const [override, setOverride] = useState(false);
  const [steps, setSteps] = useState<readonly PublishStep[] | null>(null);
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
    ? 'needs the local server'
    : parseError
      ? `fix the JSON first (line ${parseError.line})`
      : missing.length > 0
        ? `give the ${missing.join(', ')}`
        : '';

  const publish = async () => {
    const s = useSpecStore.getState();
    setBusy(true);
    setResult(null);
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
    if (r.ok) now.notify(`Published “${name}” to Adobe: connection spec ${r.connectionSpecId}.`, 'success');
  };

  const idWritten = result?.connectionSpecId != null && connectionSpecIdOf(doc) === result.connectionSpecId;

  return (
    <Dialog
      open={open}
      title="Publish to Adobe"
      onClose={onClose}
      wide
      footer={
        <>
          <span className="muted small">{blocked && !busy ? `Publish ${blocked}.` : ''}</span>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {result ? 'Close' : 'Cancel'}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy || blocked !== ''}
            onClick={() => void publish()}
          >
            {busy ? 'Publishing…' : result && !result.ok ? 'Publish again' : 'Publish'}
          </button>
        </>
      }
    >
      <p className="pub-intro">
        Sends <strong>{name}</strong> to Adobe Experience Platform’s Flow Service and adds it to the
        RestStorageToAEP flow spec, so a dataflow can use it.
        {errors > 0 && (
          <span className="pub-warn">
            {' '}
            The spec has {errors} error{errors === 1 ? '' : 's'}: Adobe will probably refuse it.
          </span>
        )}
      </p>
      <ServerNote action="Publishing" />
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
      <PublishStepList steps={steps ?? planned(existingId)} label="Publish steps" />
      {result && (
        <p
          ref={resultRef}
          className={`pub-result ${result.ok ? 'pub-result-ok' : 'pub-result-error'}`}
          role="status"
        >
          {resultWords(result)}
          {result.connectionSpecId !== null &&
            (idWritten
              ? ' Its id is in the spec ("id"), so the next publish updates it (PUT).'
              : ` Keep its id (${result.connectionSpecId}) in the spec as "id" to update it next time.`)}
        </p>
      )}
    </Dialog>
  );
}
