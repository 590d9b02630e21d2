import { Fragment, useEffect, useState } from 'react';
import type { ExplainStep } from '@core';
import { useSpecStore } from '../../store';
import type { ExplainResult } from '../../workers/previewProtocol';
import { previewClient } from './previewService';

/** A step's text with its `backticked` parts shown as code (the text itself is never HTML). */
export function CodeText({ text }: { text: string }) {
  const parts = text.split('`');
  return (
    <>{parts.map((p, i) => (i % 2 === 1 ? <code key={i}>{p}</code> : <Fragment key={i}>{p}</Fragment>))}</>
  );
}

function Step({ step, n }: { step: ExplainStep; n: number }) {
  return (
    <li className={`pv-xstep pv-xstep-${step.id}`}>
      <span className="pv-xstep-num" aria-hidden="true">
        {n}
      </span>
      <div>
        <h4>{step.title}</h4>
        <p>
          <CodeText text={step.text} />
        </p>
        <p className="pv-xstep-rule">
          <span className="pv-xstep-why">rule</span> <CodeText text={step.rule} />
        </p>
      </div>
    </li>
  );
}

/**
 * The steps that made the selected record (SEMANTICS §4): matched → wrapped → keep/skip →
 * exploded, each with the rule that applied. Computed by the worker for the record's own page.
 */
export function RecordExplainer({ tableId, index }: { tableId: number; index: number }) {
  const [state, setState] = useState<{ key: string; value: ExplainResult | null } | null>(null);
  const pages = useSpecStore((s) => s.samplePages);
  const key = `${tableId}:${index}`;
  useEffect(() => {
    let live = true;
    void previewClient()
      .explain(tableId, index)
      .then((value) => live && setState({ key, value }))
      .catch(() => live && setState({ key, value: null }));
    return () => {
      live = false;
    };
  }, [tableId, index, key]);
  const r = state?.key === key ? state.value : undefined;
  const page = r ? pages.find((p) => p.id === r.pageId) : undefined;
  const pageNo = page ? pages.indexOf(page) + 1 : null;
  return (
    <section className="pv-explain" aria-label="Why this record">
      <h3>Why this record</h3>
      {r === undefined && <p className="pv-muted">explaining…</p>}
      {r === null && <p className="pv-muted">This record is no longer in the preview.</p>}
      {r && (
        <>
          <p className="pv-muted pv-explain-where">
            record {r.explanation.recordIndex + 1} of {r.explanation.recordCount} from page{' '}
            {pageNo ?? r.pageIndex + 1}
            {page ? ` (${page.name})` : ''}
          </p>
          <ol className="pv-xsteps" aria-label="Flattening steps">
            {r.explanation.steps.map((s, i) => (
              <Step key={s.id} step={s} n={i + 1} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
