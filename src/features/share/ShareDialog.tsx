import { useEffect, useState } from 'react';
import { SHARE_URL_MAX_CHARS, type ShareLinkResult } from '@core';
import { Dialog } from '../../components/Dialog';
import { makeShareLink } from './shareLinkActions';
import './share.css';

export interface ShareDialogProps {
  onClose: () => void;
  /** Puts text on the clipboard (resolves false when the browser refused). */
  copy: (text: string) => Promise<boolean>;
  /** The file export, offered when the spec is too big for a link. */
  onDownload: () => void;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** Copy share link: makes the link, copies it, and shows it with what it holds and leaves out. */
export function ShareDialog({ onClose, copy, onDownload }: ShareDialogProps) {
  const [result, setResult] = useState<ShareLinkResult | null>(null);
  const [unreadable, setUnreadable] = useState(false);
  const [copied, setCopied] = useState<boolean | null>(null);

  useEffect(() => {
    let live = true;
    void makeShareLink(window.location.href).then(async ({ result: r, samplesUnreadable }) => {
      if (!live) return;
      setResult(r);
      setUnreadable(samplesUnreadable);
      if (r.ok) {
        const ok = await copy(r.url);
        if (live) setCopied(ok);
      }
    });
    return () => {
      live = false;
    };
  }, [copy]);

  const copyAgain = () => {
    if (result?.ok) void copy(result.url).then(setCopied);
  };

  return (
    <Dialog
      open
      title="Share link"
      onClose={onClose}
      wide
      footer={
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      }
    >
      {result === null && <p className="muted">Making the link…</p>}
      {result?.ok === true && (
        <div className="share-view">
          <p role="status">
            {copied === null
              ? 'Copying the link…'
              : copied
                ? 'The link was copied to the clipboard.'
                : 'The browser did not allow copying: select the link below and copy it.'}
          </p>
          <textarea
            className="share-link"
            aria-label="Share link"
            readOnly
            rows={3}
            value={result.url}
            onFocus={(e) => e.currentTarget.select()}
          />
          <ul className="share-notes">
            <li>
              {fmt(result.url.length)} of at most {fmt(SHARE_URL_MAX_CHARS)} characters (longer URLs break in
              common tools).
            </li>
            <li>
              The spec travels in the part after “#”, which browsers never send to a server: opening the link
              opens it in Spec Studio as a new document.
            </li>
            <li>
              {result.secretsRemoved > 0
                ? `${result.secretsRemoved} secret ${result.secretsRemoved === 1 ? 'value was' : 'values were'} blanked (password fields). `
                : ''}
              Run inputs are never included.
            </li>
            {result.samples === 'included' && <li>The sample pages are included.</li>}
            {unreadable && (
              <li className="share-omitted">
                The sample pages could not be read from this browser&apos;s storage and were left out.
              </li>
            )}
            {result.samples === 'omitted' && (
              <li className="share-omitted">
                The sample pages did not fit in {fmt(SHARE_URL_MAX_CHARS)} characters and were left out: share
                them as files.
              </li>
            )}
          </ul>
          <div>
            <button type="button" className="button" onClick={copyAgain}>
              Copy again
            </button>
          </div>
        </div>
      )}
      {result?.ok === false && (
        <div className="share-view">
          <p role="alert">{result.message}</p>
          {result.reason === 'too-large' && (
            <div>
              <button
                type="button"
                className="button"
                onClick={() => {
                  onDownload();
                  onClose();
                }}
              >
                Download the spec file
              </button>
            </div>
          )}
        </div>
      )}
    </Dialog>
  );
}
