import { memo, useMemo, useState } from 'react';
import { SECTIONS, type Diagnostic } from '@core';
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
const TAG_TITLE = {
  preview: 'Found by the preview, over the sample pages',
  json: 'Found in the JSON text: JSON.parse (and so the spec, preview and export) reads it as the message says',
} as const;

/**
 * The Problems list: severity, message, pointer and line; a click navigates to the place. At most
 * {@link PROBLEMS_LIST_CAP} rows are rendered at first, with a notice saying how many more there are
 * and a button to show them (a spec with 2,000 findings would otherwise cost every result a long render).
 */
export function DiagnosticsPanel() {
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
        d: { severity: 'warning' as const, pointer: w.pointer, message: w.message, code: w.code },
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
        <h2 className="panel-title">Problems</h2>
        <span className={counts.error ? 'count count-error' : 'count count-info'} title="Errors">
          {counts.error} {counts.error === 1 ? 'error' : 'errors'}
        </span>
        <span className={counts.warning ? 'count count-warning' : 'count count-info'} title="Warnings">
          {counts.warning} {counts.warning === 1 ? 'warning' : 'warnings'}
        </span>
        <span className="count count-info" title="Infos">
          {counts.info} info
        </span>
        {fromPreview.length > 0 && (
          <span className="count count-info" title="Findings of the preview over the sample pages">
            {fromPreview.length} from preview
          </span>
        )}
        {stale && <span className="muted small">checking…</span>}
        <span className="spacer" />
        {hidden > 0 && !showAll && (
          <button
            type="button"
            className="link-button small"
            title="Errors are always listed; this also lists the warnings and advice about parts you did not edit"
            onClick={() => setShowAll(true)}
          >
            Show all {diagnostics.length}
          </button>
        )}
        {showAll && (
          <button
            type="button"
            className="link-button small"
            title="Errors stay listed; warnings and advice only for what you edited"
            onClick={() => setShowAll(false)}
          >
            Show only what I edited
          </button>
        )}
      </div>
      {hidden > 0 && !showAll && !parseError && (
        <p className="diagnostics-more muted small">
          Errors are always listed; warnings and advice only for the parts you edited ({hidden} more under
          Show all).
        </p>
      )}
      {parseError && (
        <p className="diagnostics-empty">
          Checks are paused until the JSON parses again (
          <button
            type="button"
            className="link-button"
            onClick={() => jumpToText(parseError.offset, parseError.length)}
          >
            line {parseError.line}
          </button>
          ).
        </p>
      )}
      {textRows.length > 0 && (
        <ul className="diagnostics-list" aria-label="JSON text problems">
          {textRows.map(({ d, line, at }, i) => (
            <DiagnosticRow key={`text|${d.pointer}|${d.code}|${i}`} d={d} line={line} tag="json" at={at} />
          ))}
        </ul>
      )}
      {textMore > 0 && (
        <p className="diagnostics-more muted small">
          Showing the first {textRows.length.toLocaleString('en')} of{' '}
          {parseWarnings.length.toLocaleString('en')} JSON text warnings.{' '}
          <button
            type="button"
            className="link-button small"
            onClick={() => setTextLimit((n) => n + PROBLEMS_LIST_CAP)}
          >
            Show {Math.min(textMore, PROBLEMS_LIST_CAP).toLocaleString('en')} more
          </button>
        </p>
      )}
      {!parseError && visible.length === 0 && textRows.length === 0 && (
        <p className="diagnostics-empty">
          {diagnostics.length === 0
            ? fromPreview.length > 0
              ? 'No problems found in the spec itself.'
              : 'No problems found. Errors, warnings and advice about the spec (and, with sample pages, the preview’s findings) are listed here, each a link to its place.'
            : `No errors. ${diagnostics.length} ${diagnostics.length === 1 ? 'warning or advice appears' : 'warnings and advice appear'} here once you edit the part they are about (or Show all).`}
        </p>
      )}
      {visible.length > 0 && (
        <ul className="diagnostics-list" aria-label="Problems">
          {rows.map(({ d, line }, i) => (
            <DiagnosticRow key={`${d.pointer}|${d.code ?? ''}|${i}`} d={d} line={line} />
          ))}
        </ul>
      )}
      {more > 0 && (
        <p className="diagnostics-more muted small">
          Showing the first {shown.length.toLocaleString('en')} of {visible.length.toLocaleString('en')}{' '}
          problems.{' '}
          <button
            type="button"
            className="link-button small"
            onClick={() => setLimit((n) => n + PROBLEMS_LIST_CAP)}
          >
            Show {Math.min(more, PROBLEMS_LIST_CAP).toLocaleString('en')} more
          </button>
        </p>
      )}
      {!parseError && fromPreview.length > 0 && (
        <ul className="diagnostics-list" aria-label="Preview problems">
          {fromPreview.map((d, i) => (
            <DiagnosticRow
              key={`preview|${d.pointer}|${d.code ?? ''}|${i}`}
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
      <button type="button" className={`diagnostic diagnostic-${d.severity}`} onClick={go}>
        <span className={`sev sev-${d.severity}`} aria-label={d.severity}>
          {ICON[d.severity]}
        </span>
        <span className="diagnostic-message">
          {tag && (
            <span className="diagnostic-tag" title={TAG_TITLE[tag]}>
              {tag === 'json' ? 'JSON' : 'preview'}
            </span>
          )}
          {d.message}
        </span>
        <span className="diagnostic-where">
          <code>{d.pointer || '/'}</code>
          {line !== null && <span className="muted"> · line {line}</span>}
        </span>
      </button>
    </li>
  );
});
