import { Fragment, useEffect, useState } from 'react';
import type {
  Diagnostic,
  ExplodeExplanation,
  KeyFilterExplanation,
  PathSpec,
  RecordExplanation,
} from '@core';
import { t, useT } from '../../i18n';
import { diagnosticText } from '../../i18n/diagnostics';
import { formatNumber } from '../../i18n/format';
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

/** One step as shown: title, what happened and the rule (`backticks` mark code). */
interface StepText {
  id: string;
  title: string;
  text: string;
  rule: string;
}

/** What the steps are read against: the spec's paths that made the table, and its findings. */
export interface ExplainSpecs {
  contentPath: PathSpec;
  explodeEntityPath: PathSpec | undefined;
  diagnostics: readonly Diagnostic[];
}

const code = (s: string) => `\`${s}\``;
const keys = (list: string[]) => list.map(code).join(', ');
const ptr = (p: string) => (p === '' ? t('preview.explain.root') : code(p));
const n = (v: number) => formatNumber(v);
const kindOf = (v: unknown): string =>
  v === undefined ? 'nothing' : v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;

/** What keep/skip did, for the item (`what` = item) or an exploded element (`element`). */
function filterText(
  spec: PathSpec,
  f: KeyFilterExplanation,
  what: 'item' | 'element',
): Pick<StepText, 'text' | 'rule'> {
  if (spec.keepAttributes.length === 0 && spec.skipAttributes.length === 0)
    return { text: t('preview.explain.keptWhole', { what }), rule: t('preview.explain.ruleNoFilter') };
  if (!f.object)
    return { text: t('preview.explain.notObject', { what }), rule: t('preview.explain.ruleObjectsOnly') };
  const parts: string[] = [];
  if (f.removedByKeep.length) parts.push(t('preview.explain.removedByKeep', { keys: keys(f.removedByKeep) }));
  if (f.removedBySkip.length) parts.push(t('preview.explain.removedBySkip', { keys: keys(f.removedBySkip) }));
  if (parts.length === 0) parts.push(t('preview.explain.nothingRemoved'));
  const absent = [...f.keepAbsent, ...f.skipAbsent.filter((k) => !f.keepAbsent.includes(k))];
  if (absent.length) parts.push(t('preview.explain.absent', { keys: keys(absent), what }));
  const rule =
    spec.keepAttributes.length > 0 ? t('preview.explain.ruleKeepThenSkip') : t('preview.explain.ruleSkip');
  const kept = f.kept.length
    ? t('preview.explain.kept', { keys: keys(f.kept) })
    : t('preview.explain.keptNone');
  return { text: [kept, ...parts].join(t('preview.records.partSeparator')), rule };
}

function matchedStep(e: RecordExplanation): StepText {
  const m = e.match;
  const base = {
    path: code(m.path),
    at: ptr(m.matchPointer),
    several: m.matchCount > 1 ? 'yes' : 'no',
    match: n(m.matchIndex + 1),
    matches: n(m.matchCount),
    item: n(m.itemIndex + 1),
    items: n(m.itemCount),
  };
  const title = t('preview.explain.matched');
  if (m.elementIndex !== null)
    return {
      id: 'matched',
      title,
      text: t('preview.explain.matchedElement', {
        ...base,
        element: n(m.elementIndex),
        itemAt: ptr(m.itemPointer),
      }),
      rule: t('preview.explain.ruleArrayMatch', { several: base.several }),
    };
  // A match that is not an array is the item itself: an object (keep/skip saw one) or a scalar.
  const kind = e.filter.object ? 'object' : kindOf(e.record[e.wrapper.name]);
  return {
    id: 'matched',
    title,
    text: t('preview.explain.matchedValue', { ...base, kind }),
    rule:
      kind === 'object'
        ? t('preview.explain.ruleObjectMatch', { several: base.several })
        : t('preview.explain.ruleValueMatch', { several: base.several }),
  };
}

function wrappedStep(e: RecordExplanation): StepText {
  const { name, rule } = e.wrapper;
  const path = code(e.match.path);
  return {
    id: 'wrapped',
    title: t('preview.explain.wrapped'),
    text: t('preview.explain.placedUnder', { name: code(name) }),
    rule:
      rule === 'override'
        ? t('preview.explain.ruleWrapperOverride')
        : rule === 'last-name-segment'
          ? t('preview.explain.ruleWrapperLastName', { path })
          : t('preview.explain.ruleWrapperDefault', { path }),
  };
}

function explodedStep(x: ExplodeExplanation | null, specs: ExplainSpecs): StepText {
  const title = t('preview.explain.exploded');
  const step = (text: string, rule: string): StepText => ({ id: 'exploded', title, text, rule });
  const spec = specs.explodeEntityPath;
  const counted = t('preview.explain.ruleCounted');
  if (!x || !spec) return step(t('preview.explain.noExplode'), t('preview.explain.ruleNoExplode'));
  const path = code(x.path);
  switch (x.outcome) {
    case 'invalid':
      return step(t('preview.explain.explodeInvalid', { path }), t('preview.explain.ruleExplodeInvalid'));
    case 'missing': {
      // keep/skip removed the key the path names: the same finding the records tab shows.
      const conflict = specs.diagnostics.find((d) => d.code === 'explode-skipped');
      if (conflict)
        return step(t('preview.explain.onceConflict', { conflict: diagnosticText(conflict) }), counted);
      return step(
        t('preview.explain.onceMissing', { path }),
        t('preview.explain.ruleExplodeMissing', { counted }),
      );
    }
    case 'empty':
      return step(t('preview.explain.onceEmpty', { at: ptr(x.pointer ?? '') }), counted);
    case 'not-array':
      return step(t('preview.explain.onceNotArray', { at: ptr(x.pointer), kind: x.valueType }), counted);
    case 'exploded': {
      const values = {
        element: n(x.elementIndex),
        elements: n(x.elementCount),
        at: ptr(x.pointer),
        key: code(x.key),
      };
      let text =
        x.keyRule === 'array-slot'
          ? t('preview.explain.explodedSlot', values)
          : t('preview.explain.explodedUnder', values);
      if (spec.keepAttributes.length || spec.skipAttributes.length)
        text = t('preview.explain.explodedFiltered', {
          text,
          filter: filterText(spec, x.filter, 'element').text,
        });
      const rule =
        x.keyRule === 'override'
          ? t('preview.explain.ruleExplodeOverride')
          : x.keyRule === 'own-key'
            ? t('preview.explain.ruleExplodeOwnKey')
            : t('preview.explain.ruleExplodeSlot');
      return step(text, rule);
    }
  }
}

/**
 * The four steps of a record, in the chosen language, from the explanation's structured data and the
 * spec's paths that made the table. Without those (another preview), the core's English steps.
 */
export function explainSteps(e: RecordExplanation, specs: ExplainSpecs | null): StepText[] {
  if (!specs) return e.steps;
  return [
    matchedStep(e),
    wrappedStep(e),
    {
      id: 'keep-skip',
      title: t('preview.explain.keepSkip'),
      ...filterText(specs.contentPath, e.filter, 'item'),
    },
    explodedStep(e.explode, specs),
  ];
}

function Step({ step, n }: { step: StepText; n: number }) {
  const t = useT();
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
          <span className="pv-xstep-why">{t('preview.explain.rule')}</span> <CodeText text={step.rule} />
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
  const t = useT();
  const [state, setState] = useState<{ key: string; value: ExplainResult | null } | null>(null);
  const pages = useSpecStore((s) => s.samplePages);
  const result = useSpecStore((s) => s.previewResult);
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
  const contentPath = result?.id === tableId ? result.model?.contentPath : undefined;
  const specs: ExplainSpecs | null =
    result && contentPath
      ? {
          contentPath,
          explodeEntityPath: result.model.explodeEntityPath,
          diagnostics: result.records.diagnostics,
        }
      : null;
  const where = r && {
    n: formatNumber(r.explanation.recordIndex + 1),
    count: formatNumber(r.explanation.recordCount),
    page: formatNumber(pageNo ?? r.pageIndex + 1),
  };
  return (
    <section className="pv-explain" aria-label={t('preview.explain.heading')}>
      <h3>{t('preview.explain.heading')}</h3>
      {r === undefined && <p className="pv-muted">{t('preview.explain.explaining')}</p>}
      {r === null && <p className="pv-muted">{t('preview.explain.gone')}</p>}
      {r && where && (
        <>
          <p className="pv-muted pv-explain-where">
            {page
              ? t('preview.explain.whereNamed', { ...where, name: page.name })
              : t('preview.explain.where', where)}
          </p>
          <ol className="pv-xsteps" aria-label={t('preview.explain.steps')}>
            {explainSteps(r.explanation, specs).map((s, i) => (
              <Step key={s.id} step={s} n={i + 1} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
