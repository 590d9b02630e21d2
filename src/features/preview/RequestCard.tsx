import type { HttpRequest } from '@core';

export interface RequestCardProps {
  title: string;
  request: HttpRequest;
  /** "answered by page 2 (p2.json): 100 items → 100 records". */
  note?: string;
  tone?: 'next';
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
        <code className="pv-url">{request.url}</code>
      </div>
      {headers.length > 0 && (
        <table className="pv-headers">
          <tbody>
            {headers.map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td>
                  <code>{v}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {request.body !== undefined && <pre className="pv-json pv-req-body">{request.body}</pre>}
    </article>
  );
}
