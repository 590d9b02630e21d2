import type { ReactNode } from 'react';
import {
  MAX_DIFF_ENTRIES,
  shortJson,
  type CaseDiff,
  type FieldChange,
  type RecordChange,
  type RequestChange,
} from '@core';

function More({ total, noun }: { total: number; noun: string }) {
  const more = total - MAX_DIFF_ENTRIES;
  if (more <= 0) return null;
  return (
    <li className="cs-more">
      … and {more} more {noun}
      {more === 1 ? '' : 's'} (the first {MAX_DIFF_ENTRIES} are listed)
    </li>
  );
}

function Fields({ fields }: { fields: FieldChange[] }) {
  return (
    <table className="cs-fields">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Expected</th>
          <th scope="col">Now</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => (
          <tr key={f.path}>
            <th scope="row">
              <code>{f.path}</code>
            </th>
            <td className="cs-old">
              <code>{shortJson(f.expected)}</code>
            </td>
            <td className="cs-new">
              <code>{shortJson(f.actual)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const MARKS = { changed: '~', added: '+', removed: '−' } as const;

/** One diff entry: its mark (~ + −), a title line and what changed. */
function Entry({ kind, title, children }: { kind: keyof typeof MARKS; title: string; children: ReactNode }) {
  return (
    <li className={`cs-entry cs-${kind}`}>
      <span className="cs-mark" aria-hidden="true">
        {MARKS[kind]}
      </span>
      <div>
        <p className="cs-entry-title">{title}</p>
        {children}
      </div>
    </li>
  );
}

const presence = (kind: 'added' | 'removed'): string =>
  kind === 'added' ? 'added (not expected)' : 'missing (expected)';

function RecordEntry({ c }: { c: RecordChange }) {
  if (c.kind === 'changed') {
    const at = c.index === c.actualIndex ? `${c.index + 1}` : `${c.index + 1} (now ${c.actualIndex + 1})`;
    const n = c.fields.length;
    return (
      <Entry kind="changed" title={`Record ${at} changed: ${n} field${n === 1 ? '' : 's'}`}>
        <Fields fields={c.fields} />
      </Entry>
    );
  }
  return (
    <Entry kind={c.kind} title={`Record ${c.index + 1} ${presence(c.kind)}`}>
      <code className="cs-value">{shortJson(c.record)}</code>
    </Entry>
  );
}

function RequestEntry({ c }: { c: RequestChange }) {
  const line = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
  if (c.kind === 'changed') {
    return (
      <Entry kind="changed" title={`Request ${c.index + 1} changed`}>
        <code className="cs-value cs-old">{line(c.expected)}</code>
        <code className="cs-value cs-new">{line(c.actual)}</code>
      </Entry>
    );
  }
  return (
    <Entry kind={c.kind} title={`Request ${c.index + 1} ${presence(c.kind)}`}>
      <code className="cs-value">{line(c.kind === 'added' ? c.actual : c.expected)}</code>
    </Entry>
  );
}

const counts = (list: Array<{ kind: string }>): string => {
  const n = (k: string) => list.filter((c) => c.kind === k).length;
  return `${n('changed')} changed, ${n('added')} added, ${n('removed')} removed`;
};

/** A failed case's diff: records added, removed and changed (changed fields highlighted), requests, stop. */
export function CaseDiffView({ diff, stopMessage }: { diff: CaseDiff; stopMessage: string }) {
  return (
    <div className="cs-diff" aria-label="Differences">
      {diff.records.length > 0 && (
        <section>
          <h4>Records: {counts(diff.records)}</h4>
          {diff.recordsByPosition && (
            <p className="pv-muted">Too many records to align: they are compared position by position.</p>
          )}
          <ul className="cs-entries">
            {diff.records.slice(0, MAX_DIFF_ENTRIES).map((c, i) => (
              <RecordEntry key={i} c={c} />
            ))}
            <More total={diff.records.length} noun="record" />
          </ul>
        </section>
      )}
      {diff.requests.length > 0 && (
        <section>
          <h4>Requests: {counts(diff.requests)}</h4>
          <ul className="cs-entries">
            {diff.requests.slice(0, MAX_DIFF_ENTRIES).map((c, i) => (
              <RequestEntry key={i} c={c} />
            ))}
            <More total={diff.requests.length} noun="request" />
          </ul>
        </section>
      )}
      {diff.stop && (
        <section>
          <h4>Stop</h4>
          <p className="cs-stop">
            expected <code className="cs-old">{diff.stop.expected}</code>, now{' '}
            <code className="cs-new">{diff.stop.actual}</code>
            {stopMessage && <span className="pv-muted"> ({stopMessage})</span>}
          </p>
        </section>
      )}
    </div>
  );
}
