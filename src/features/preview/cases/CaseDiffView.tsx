import type { ReactNode } from 'react';
import {
  MAX_DIFF_ENTRIES,
  shortJson,
  type CaseDiff,
  type FieldChange,
  type RecordChange,
  type RequestChange,
} from '@core';
import { useT } from '../../../i18n';
import { formatNumber } from '../../../i18n/format';
import { T } from '../../../i18n/T';

function More({ total, noun }: { total: number; noun: 'record' | 'request' }) {
  const t = useT();
  const more = total - MAX_DIFF_ENTRIES;
  if (more <= 0) return null;
  return (
    <li className="cs-more">
      {noun === 'record'
        ? t('run.cases.moreRecords', { count: more, listed: MAX_DIFF_ENTRIES })
        : t('run.cases.moreRequests', { count: more, listed: MAX_DIFF_ENTRIES })}
    </li>
  );
}

function Fields({ fields }: { fields: FieldChange[] }) {
  const t = useT();
  return (
    <table className="cs-fields">
      <thead>
        <tr>
          <th scope="col">{t('run.cases.field')}</th>
          <th scope="col">{t('run.cases.expected')}</th>
          <th scope="col">{t('run.cases.now')}</th>
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

function RecordEntry({ c }: { c: RecordChange }) {
  const t = useT();
  if (c.kind === 'changed') {
    const n = c.index + 1;
    const count = c.fields.length;
    return (
      <Entry
        kind="changed"
        title={
          c.index === c.actualIndex
            ? t('run.cases.recordChanged', { n, count })
            : t('run.cases.recordMovedChanged', { n, now: c.actualIndex + 1, count })
        }
      >
        <Fields fields={c.fields} />
      </Entry>
    );
  }
  return (
    <Entry kind={c.kind} title={t('run.cases.recordPresence', { n: c.index + 1, kind: c.kind })}>
      <code className="cs-value">{shortJson(c.record)}</code>
    </Entry>
  );
}

function RequestEntry({ c }: { c: RequestChange }) {
  const t = useT();
  const line = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
  if (c.kind === 'changed') {
    return (
      <Entry kind="changed" title={t('run.cases.requestChanged', { n: c.index + 1 })}>
        <code className="cs-value cs-old">{line(c.expected)}</code>
        <code className="cs-value cs-new">{line(c.actual)}</code>
      </Entry>
    );
  }
  return (
    <Entry kind={c.kind} title={t('run.cases.requestPresence', { n: c.index + 1, kind: c.kind })}>
      <code className="cs-value">{line(c.kind === 'added' ? c.actual : c.expected)}</code>
    </Entry>
  );
}

const counts = (list: Array<{ kind: string }>): { changed: string; added: string; removed: string } => {
  const n = (k: string) => formatNumber(list.filter((c) => c.kind === k).length);
  return { changed: n('changed'), added: n('added'), removed: n('removed') };
};

/** A failed case’s diff: records added, removed and changed (changed fields highlighted), requests, stop. */
export function CaseDiffView({ diff, stopMessage }: { diff: CaseDiff; stopMessage: string }) {
  const t = useT();
  return (
    <div className="cs-diff" aria-label={t('run.cases.differences')}>
      {diff.records.length > 0 && (
        <section>
          <h4>{t('run.cases.recordsHeading', counts(diff.records))}</h4>
          {diff.recordsByPosition && <p className="pv-muted">{t('run.cases.byPosition')}</p>}
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
          <h4>{t('run.cases.requestsHeading', counts(diff.requests))}</h4>
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
          <h4>{t('run.cases.stop')}</h4>
          <p className="cs-stop">
            <T
              id="run.cases.stopChanged"
              values={{
                expected: <code className="cs-old">{diff.stop.expected}</code>,
                actual: <code className="cs-new">{diff.stop.actual}</code>,
              }}
            />
            {stopMessage && <span className="pv-muted"> ({stopMessage})</span>}
          </p>
        </section>
      )}
    </div>
  );
}
