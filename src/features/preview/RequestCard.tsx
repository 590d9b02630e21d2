import type { ReactNode } from 'react';
import type { HttpRequest } from '@core';
import { t } from '../../i18n';

export interface RequestCardProps {
  title: string;
  request: HttpRequest;
  /** "answered by page 2 (p2.json): 100 items → 100 records". */
  note?: string;
  tone?: 'next';
}

/** A run input without a value, as the core shows it in a simulated request (`‹listId›`). */
const MARKER = /(‹[^›\n]{1,200}›)/;

/** `text` with each missing-input marker highlighted (the simulation still runs without it). */
function marked(text: string): ReactNode {
  const parts = text.split(MARKER);
  if (parts.length === 1) return text;
  return parts.map((part, i) =>
    i % 2 === 1 ? (
      <mark key={i} className="pv-missing" title={t('run.requests.missingValue')}>
        {part}
      </mark>
    ) : (
      part
    ),
  );
}

/** Request or response headers in order, name and value (missing-input markers highlighted). */
export function HeaderTable({ headers }: { headers: Array<[string, string]> }) {
  return (
    <table className="pv-headers">
      <tbody>
        {headers.map(([k, v]) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td>
              <code>{marked(v)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One HTTP request of the simulated run: method, full URL, headers in order, body. */
export function RequestCard({ title, request, note, tone }: RequestCardProps) {
  const headers = Object.entries(request.headers);
  return (
    <article className={`pv-request${tone ? ` pv-request-${tone}` : ''}`} aria-label={title}>
      <header className="pv-request-head">
        <span className="pv-request-title">{title}</span>
        {note && <span className="pv-muted">{note}</span>}
      </header>
      <div className="pv-request-line">
        <span className={`pv-method pv-method-${request.method.toLowerCase()}`}>{request.method}</span>
        <code className="pv-url">{marked(request.url)}</code>
      </div>
      {headers.length > 0 && <HeaderTable headers={headers} />}
      {request.body !== undefined && <pre className="pv-json pv-req-body">{marked(request.body)}</pre>}
    </article>
  );
}
