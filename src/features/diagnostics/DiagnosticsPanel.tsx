import { memo, useMemo, useState } from 'react';
import { SECTIONS, type Diagnostic } from '@core';
import { useT, t as tNow } from '../../i18n';
import { diagnosticText } from '../../i18n/diagnostics';
import { formatNumber } from '../../i18n/format';
import { T } from '../../i18n/T';
import { jumpToText, type EditorJump } from '../../lib/editorJump';
import { useSpecStore } from '../../store';
import { diagnosticLocator } from '../../workers/validateLocations';
import { selectDiagnostics, selectTouched } from '../../store/selectors';
import {
  countBySeverity,
  lineCount,
  PROBLEMS_LIST_CAP,
  sectionForPointer,
  sortDiagnostics,
  visibleDiagnostics,
} from './diagnosticsView';
import { previewFindings } from './previewFindings';

const ICON = { error: '●', warning: '▲', info: 'i' } as const;
const tagTitle = (tag: 'preview' | 'json') =>
  tag === 'preview' ? tNow('tools.problems.tagPreviewTitle') : tNow('tools.problems.tagJsonTitle');

const severityWord = (s: Diagnostic['severity']) =>
  s === 'error'
    ? tNow('tools.problems.severityError')
    : s === 'warning'
      ? tNow('tools.problems.severityWarning')
      : tNow('tools.problems.severityInfo');

/**
 * The Problems list: severity, message, pointer and line; a click navigates to the place. At most
 * {@link PROBLEMS_LIST_CAP} rows are rendered at first, with a notice saying how many more there are
 * and a button to show them (a spec with 2,000 findings would otherwise cost every result a long render).
 */
export function DiagnosticsPanel() {
  const t = useT();
  const diagnostics = useSpecStore(selectDiagnostics);
  const touched = useSpecStore(selectTouched);
  const textEdited = useSpecStore((s) => s.textEdited);
  const parseError = useSpecStore((s) => s.parseError);
  const stale = useSpecStore((s) => s.diagnosticsRevision !== s.revision);
  const [showAll, setShowAll] = useState(false);
  const [limit, setLimit] = useState(PROBLEMS_LIST_CAP);
  const diagnosticsRevision = useSpecStore((s) => s.diagnosticsRevision);
  const parseWarnings = useSpecStore((s) => s.parseWarnings);
  const [textLimit, setTextLimit] = useState(PROBLEMS_LIST_CAP);
  const textRows = useMemo(
    () =>
      parseWarnings.slice(0, textLimit).map((w) => ({
        d: {
          severity: 'warning' as const,
          pointer: w.pointer,
          message: w.message,
          code: w.code,
          // the code's parameters, when the parser gives them (diagnosticText renders them)
          params: (w as { params?: Record<string, string | number> }).params,
        },
        line: w.line,
        at: { offset: w.offset, length: w.length },
      })),
    [parseWarnings, textLimit],
  );
  const textMore = parseWarnings.length - textRows.length;
  const previewResult = useSpecStore((s) => s.previewResult);
  const fromPreview = useMemo(
    () => sortDiagnostics(previewFindings(previewResult, diagnostics)),
    [previewResult, diagnostics],
  );

  // Errors are always listed: "only what I edited" narrows warnings and advice (an error a rename
  // caused elsewhere must not hide behind the filter).
  const visible = useMemo(() => {
    if (showAll) return sortDiagnostics(diagnostics);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const others = diagnostics.filter((d) => d.severity !== 'error');
    return sortDiagnostics([...errors, ...visibleDiagnostics(others, touched, textEdited)]);
  }, [diagnostics, touched, textEdited, showAll]);
  const counts = countBySeverity(diagnostics);
  counts.warning += parseWarnings.length;
  const hidden = diagnostics.length - visible.length;

  // Lines are looked up for the rendered rows only, in the text the result was computed for; an
  // unchanged result (the same array, see useDiagnosticsSync) is looked up again only when the number
  // of lines has changed since (a form edit that adds or removes lines).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the revision stands for the text it was computed for
  const lines = useMemo(() => lineCount(useSpecStore.getState().text), [diagnosticsRevision]);
  const shown = useMemo(() => visible.slice(0, limit), [visible, limit]);
  const rows = useMemo(() => {
    const locate = diagnosticLocator(diagnostics, useSpecStore.getState().text);
    return shown.map((d) => ({ d, line: locate(d)?.line ?? null }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see `lines` above
  }, [shown, lines]);
  const more = visible.length - shown.length;

  return (
    <div className="diagnostics">
      <div className="panel-header">
        <h2 className="panel-title">{t('tools.problems.title')}</h2>
        <span
          className={counts.error ? 'count count-error' : 'count count-info'}
          title={t('tools.problems.errorsTitle')}
        >
          {t('tools.counts.errors', { count: counts.error })}
        </span>
        <span
          className={counts.warning ? 'count count-warning' : 'count count-info'}
          title={t('tools.problems.warningsTitle')}
        >
          {t('tools.counts.warnings', { count: counts.warning })}
        </span>
        <span className="count count-info" title={t('tools.problems.infosTitle')}>
          {t('tools.problems.infoCount', { count: counts.info })}
        </span>
        {fromPreview.length > 0 && (
          <span className="count count-info" title={t('tools.problems.fromPreviewTitle')}>
            {t('tools.problems.fromPreview', { count: fromPreview.length })}
          </span>
        )}
        {stale && <span className="muted small">{t('tools.problems.checking')}</span>}
        <span className="spacer" />
        {hidden > 0 && !showAll && (
          <button
            type="button"
            className="link-button small"
            title={t('tools.problems.showAllTitle')}
            onClick={() => setShowAll(true)}
          >
            {t('tools.problems.showAll', { count: diagnostics.length })}
          </button>
        )}
        {showAll && (
          <button
            type="button"
            className="link-button small"
            title={t('tools.problems.showEditedTitle')}
            onClick={() => setShowAll(false)}
          >
            {t('tools.problems.showEdited')}
          </button>
        )}
      </div>
      {hidden > 0 && !showAll && !parseError && (
        <p className="diagnostics-more muted small">{t('tools.problems.hiddenNote', { count: hidden })}</p>
      )}
      {parseError && (
        <p className="diagnostics-empty">
          <T
            id="tools.problems.paused"
            values={{ line: parseError.line }}
            components={{
              0: (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => jumpToText(parseError.offset, parseError.length)}
                />
              ),
            }}
          />
        </p>
      )}
      {textRows.length > 0 && (
        <ul className="diagnostics-list" aria-label={t('tools.problems.jsonListLabel')}>
          {textRows.map(({ d, line, at }, i) => (
            <DiagnosticRow
              key={'text|' + d.pointer + '|' + d.code + '|' + String(i)}
              d={d}
              line={line}
              tag="json"
              at={at}
            />
          ))}
        </ul>
      )}
      {textMore > 0 && (
        <p className="diagnostics-more muted small">
          {t('tools.problems.textShowing', {
            shown: formatNumber(textRows.length),
            total: formatNumber(parseWarnings.length),
          })}{' '}
          <button
            type="button"
            className="link-button small"
            onClick={() => setTextLimit((n) => n + PROBLEMS_LIST_CAP)}
          >
            {t('tools.problems.showMore', { count: formatNumber(Math.min(textMore, PROBLEMS_LIST_CAP)) })}
          </button>
        </p>
      )}
      {!parseError && visible.length === 0 && textRows.length === 0 && (
        <p className="diagnostics-empty">
          {diagnostics.length === 0
            ? fromPreview.length > 0
              ? t('tools.problems.noneInSpec')
              : t('tools.problems.none')
            : t('tools.problems.noErrors', { count: diagnostics.length })}
        </p>
      )}
      {visible.length > 0 && (
        <ul className="diagnostics-list" aria-label={t('tools.problems.listLabel')}>
          {rows.map(({ d, line }, i) => (
            <DiagnosticRow key={d.pointer + '|' + (d.code ?? '') + '|' + String(i)} d={d} line={line} />
          ))}
        </ul>
      )}
      {more > 0 && (
        <p className="diagnostics-more muted small">
          {t('tools.problems.showing', {
            shown: formatNumber(shown.length),
            total: formatNumber(visible.length),
          })}{' '}
          <button
            type="button"
            className="link-button small"
            onClick={() => setLimit((n) => n + PROBLEMS_LIST_CAP)}
          >
            {t('tools.problems.showMore', { count: formatNumber(Math.min(more, PROBLEMS_LIST_CAP)) })}
          </button>
        </p>
      )}
      {!parseError && fromPreview.length > 0 && (
        <ul className="diagnostics-list" aria-label={t('tools.problems.previewListLabel')}>
          {fromPreview.map((d, i) => (
            <DiagnosticRow
              key={'preview|' + d.pointer + '|' + (d.code ?? '') + '|' + String(i)}
              d={d}
              line={null}
              tag="preview"
            />
          ))}
        </ul>
      )}
    </div>
  );
}

/** One finding (memoised: a row re-renders only when its finding or line changes). */
const DiagnosticRow = memo(function DiagnosticRow({
  d,
  line,
  tag,
  at,
}: {
  d: Diagnostic;
  line: number | null;
  /** The exact place in the text, when known (parse warnings): the jump goes there, not to the pointer. */
  at?: EditorJump;
  /** "preview": found over the sample pages; "json": a parse warning of the JSON text itself. */
  tag?: 'preview' | 'json';
}) {
  const t = useT();
  // The actions are read when clicked: no store subscription per row.
  const go = () => {
    const { setActiveSection, revealPointer } = useSpecStore.getState();
    const section = sectionForPointer(d.pointer, SECTIONS);
    if (section) setActiveSection(section);
    if (at) jumpToText(at.offset, at.length);
    else revealPointer(d.pointer, 'diagnostics');
  };
  return (
    <li>
      <button type="button" className={'diagnostic diagnostic-' + d.severity} onClick={go}>
        <span className={'sev sev-' + d.severity} aria-label={severityWord(d.severity)}>
          {ICON[d.severity]}
        </span>
        <span className="diagnostic-message">
          {tag && (
            <span className="diagnostic-tag" title={tagTitle(tag)}>
              {tag === 'json' ? 'JSON' : t('tools.problems.tagPreview')}
            </span>
          )}
          {diagnosticText(d)}
        </span>
        <span className="diagnostic-where">
          <code>{d.pointer || '/'}</code>
          {line !== null && <span className="muted"> · {t('tools.problems.line', { line })}</span>}
        </span>
      </button>
    </li>
  );
});
