import type { HttpRequest } from '@core';
import type { LiveExchangeView } from '../../../store/liveTypes';
import { formatBytes, plural } from '../format';
import { HeaderTable, RequestCard } from '../RequestCard';
import { LiveBody } from './LiveBody';

const KIND: Record<LiveExchangeView['kind'], string> = {
  page: 'Request',
  retry: 'Request',
  'token-refresh': 'Token refresh',
  'connection-test': 'Connection test',
};

/** "Request 3 · page 2: 100 content items → 100 records"; a 429/503 the run retries says so. */
export function exchangeTitle(ex: LiveExchangeView): string {
  const page =
    ex.kind === 'retry'
      ? ' · to be sent again (Retry-After)'
      : ex.page === undefined
        ? ''
        : ` · page ${ex.page + 1}`;
  const counts = [
    ex.contentItems === undefined ? null : plural(ex.contentItems, 'content item'),
    ex.records === undefined ? null : plural(ex.records, 'record'),
  ].filter((x) => x !== null);
  return `${KIND[ex.kind]} ${ex.n}${page}${counts.length > 0 ? `: ${counts.join(' → ')}` : ''}`;
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
 * as text, where the API's own message is).
 */
export function ExchangeCard({ ex, real }: { ex: LiveExchangeView; real?: HttpRequest }) {
  const headers = Object.entries(ex.headers ?? {});
  const ms = ex.ms < 10 ? ex.ms.toFixed(1) : Math.round(ex.ms).toLocaleString('en-US');
  return (
    <div className="pv-live-exchange">
      <RequestCard title={exchangeTitle(ex)} request={real ?? ex.display} />
      <div
        className={`pv-live-response pv-live-${tone(ex.status)}`}
        aria-label={`Response to ${KIND[ex.kind].toLowerCase()} ${ex.n}`}
      >
        <div className="pv-live-status">
          <span className="pv-live-code">{ex.status ?? 'no answer'}</span>
          <span className="pv-muted">
            {ms} ms{ex.bytes !== undefined ? ` · ${formatBytes(ex.bytes)}` : ''}
          </span>
          {ex.retryAfterMs !== undefined && (
            <span className="pv-muted">· sent again after {Math.round(ex.retryAfterMs / 100) / 10} s</span>
          )}
        </div>
        {ex.error && <p className="pv-live-errline">{ex.error}</p>}
        {ex.redirects.length > 0 && (
          <ol className="pv-live-redirects" aria-label="Redirects followed">
            {ex.redirects.map((r, i) => (
              <li key={i}>
                <code>{r.status}</code> → <code className="pv-url">{r.url}</code>
              </li>
            ))}
          </ol>
        )}
        {headers.length > 0 && (
          <details className="pv-live-headers">
            <summary>Response headers ({headers.length})</summary>
            <HeaderTable headers={headers} />
          </details>
        )}
        {ex.errorBody !== undefined && <pre className="pv-json pv-live-errbody">{ex.errorBody}</pre>}
        {ex.pageId !== undefined && <LiveBody pageId={ex.pageId} bytes={ex.bytes ?? 0} />}
      </div>
    </div>
  );
}
