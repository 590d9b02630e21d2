import type { HttpRequest } from '@core';
import { t, useT } from '../../../i18n';
import { formatBytes, formatNumber } from '../../../i18n/format';
import type { LiveExchangeView } from '../../../store/liveTypes';
import { senderText } from '../coreText';
import { HeaderTable, RequestCard } from '../RequestCard';
import { LiveBody } from './LiveBody';

/** The `select` key of an exchange's kind in the messages (ICU keys take no hyphen). */
const kindKey = (kind: LiveExchangeView['kind']): string =>
  kind === 'token-refresh' ? 'token' : kind === 'connection-test' ? 'test' : 'request';

/** "Request 3 · page 2: 100 content items → 100 records"; a 429/503 the run retries says so. */
export function exchangeTitle(ex: LiveExchangeView): string {
  const counts = [
    ex.contentItems === undefined ? null : t('run.requests.contentItems', { count: ex.contentItems }),
    ex.records === undefined ? null : t('run.requests.records', { count: ex.records }),
  ].filter((x) => x !== null);
  return t('run.live.exchangeTitle', {
    kind: kindKey(ex.kind),
    n: ex.n,
    where: ex.kind === 'retry' ? 'retry' : ex.page === undefined ? 'none' : 'page',
    page: (ex.page ?? 0) + 1,
    counts: counts.join(' → '),
    hasCounts: counts.length > 0 ? 'yes' : 'no',
  });
}

const tone = (status: number | undefined): string =>
  status === undefined
    ? 'error'
    : status >= 200 && status < 300
      ? 'ok'
      : status === 429 || status === 503
        ? 'warning'
        : 'error';

/**
 * One request of a live run and what came back: the request (masked unless revealed), the status,
 * time, size, redirects, the response headers, and the body (a page as the JSON tree; an error body
 * as text, where the API’s own message is).
 */
export function ExchangeCard({ ex, real }: { ex: LiveExchangeView; real?: HttpRequest }) {
  const t = useT();
  const headers = Object.entries(ex.headers ?? {});
  const ms =
    ex.ms < 10
      ? formatNumber(ex.ms, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
      : formatNumber(Math.round(ex.ms));
  return (
    <div className="pv-live-exchange">
      <RequestCard title={exchangeTitle(ex)} request={real ?? ex.display} />
      <div
        className={`pv-live-response pv-live-${tone(ex.status)}`}
        aria-label={t('run.live.responseTo', { kind: kindKey(ex.kind), n: ex.n })}
      >
        <div className="pv-live-status">
          <span className="pv-live-code">{ex.status ?? t('run.live.noAnswer')}</span>
          <span className="pv-muted">
            {ex.bytes !== undefined
              ? t('run.live.timingSize', { ms, size: formatBytes(ex.bytes) })
              : t('run.live.timing', { ms })}
          </span>
          {ex.retryAfterMs !== undefined && (
            <span className="pv-muted">
              {t('run.live.sentAgain', { s: formatNumber(Math.round(ex.retryAfterMs / 100) / 10) })}
            </span>
          )}
        </div>
        {ex.error && (
          <p className="pv-live-errline">
            {senderText({ message: ex.error, code: ex.errorCode, params: ex.errorParams })}
          </p>
        )}
        {ex.redirects.length > 0 && (
          <ol className="pv-live-redirects" aria-label={t('run.live.redirects')}>
            {ex.redirects.map((r, i) => (
              <li key={i}>
                <code>{r.status}</code> → <code className="pv-url">{r.url}</code>
              </li>
            ))}
          </ol>
        )}
        {headers.length > 0 && (
          <details className="pv-live-headers">
            <summary>{t('run.live.responseHeaders', { count: headers.length })}</summary>
            <HeaderTable headers={headers} />
          </details>
        )}
        {ex.errorBody !== undefined && <pre className="pv-json pv-live-errbody">{ex.errorBody}</pre>}
        {ex.pageId !== undefined && <LiveBody pageId={ex.pageId} bytes={ex.bytes ?? 0} />}
      </div>
    </div>
  );
}
