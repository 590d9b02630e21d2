import { useEffect, useState } from 'react';
import { SHARE_URL_MAX_CHARS, type ShareLinkResult } from '@core';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { makeShareLink } from './shareLinkActions';
import { shareEncodeText } from './shareText';
import './share.css';

export interface ShareDialogProps {
  onClose: () => void;
  /** Puts text on the clipboard (resolves false when the browser refused). */
  copy: (text: string) => Promise<boolean>;
  /** The file export, offered when the spec is too big for a link. */
  onDownload: () => void;
}

/** Copy share link: makes the link, copies it, and shows it with what it holds and leaves out. */
export function ShareDialog({ onClose, copy, onDownload }: ShareDialogProps) {
  const t = useT();
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
      title={t('tools.share.title')}
      onClose={onClose}
      wide
      footer={
        <button type="button" className="button" onClick={onClose}>
          {t('tools.dialog.close')}
        </button>
      }
    >
      {result === null && <p className="muted">{t('tools.share.making')}</p>}
      {result?.ok === true && (
        <div className="share-view">
          <p role="status">
            {copied === null
              ? t('tools.share.copying')
              : copied
                ? t('tools.share.copied')
                : t('tools.share.copyRefused')}
          </p>
          <textarea
            className="share-link"
            aria-label={t('tools.share.title')}
            readOnly
            rows={3}
            value={result.url}
            onFocus={(e) => e.currentTarget.select()}
          />
          <ul className="share-notes">
            <li>
              {t('tools.share.length', {
                length: formatNumber(result.url.length),
                max: formatNumber(SHARE_URL_MAX_CHARS),
              })}
            </li>
            <li>{t('tools.share.fragment')}</li>
            <li>{t('tools.share.secrets', { count: result.secretsRemoved })}</li>
            {result.samples === 'included' && <li>{t('tools.share.samplesIncluded')}</li>}
            {unreadable && <li className="share-omitted">{t('tools.share.samplesUnreadable')}</li>}
            {result.samples === 'omitted' && (
              <li className="share-omitted">
                {t('tools.share.samplesOmitted', { max: formatNumber(SHARE_URL_MAX_CHARS) })}
              </li>
            )}
          </ul>
          <div>
            <button type="button" className="button" onClick={copyAgain}>
              {t('tools.share.copyAgain')}
            </button>
          </div>
        </div>
      )}
      {result?.ok === false && (
        <div className="share-view">
          <p role="alert">
            {result.reason === 'too-large'
              ? t('tools.share.tooLarge', {
                  length: formatNumber(result.length),
                  max: formatNumber(SHARE_URL_MAX_CHARS),
                })
              : shareEncodeText(result)}
          </p>
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
                {t('tools.share.download')}
              </button>
            </div>
          )}
        </div>
      )}
    </Dialog>
  );
}
