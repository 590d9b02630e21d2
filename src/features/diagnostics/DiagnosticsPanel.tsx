import { useMemo, useState } from 'react';
import { locatePointer, SECTIONS, type Diagnostic } from '@core';
import { useSpecStore } from '../../store';
import { selectDiagnostics, selectTouched } from '../../store/selectors';
import { countBySeverity, sectionForPointer, sortDiagnostics, visibleDiagnostics } from './diagnosticsView';

const ICON = { error: '●', warning: '▲', info: 'i' } as const;

/** The Problems list: severity, message, pointer and line; a click navigates to the place. */
export function DiagnosticsPanel() {
  const diagnostics = useSpecStore(selectDiagnostics);
  const touched = useSpecStore(selectTouched);
  const textEdited = useSpecStore((s) => s.textEdited);
  const parseError = useSpecStore((s) => s.parseError);
  const stale = useSpecStore((s) => s.diagnosticsRevision !== s.revision);
  const [showAll, setShowAll] = useState(false);

  const visible = useMemo(
    () => sortDiagnostics(showAll ? diagnostics : visibleDiagnostics(diagnostics, touched, textEdited)),
    [diagnostics, touched, textEdited, showAll],
  );
  const counts = countBySeverity(diagnostics);
  const hidden = diagnostics.length - visible.length;

  const rows = useMemo(() => {
    const text = useSpecStore.getState().text;
    return visible.map((d) => ({ d, line: locatePointer(text, d.pointer)?.line ?? null }));
  }, [visible]);

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
        {stale && <span className="muted small">checking…</span>}
        <span className="spacer" />
        {hidden > 0 && !showAll && (
          <button type="button" className="link-button small" onClick={() => setShowAll(true)}>
            Show all {diagnostics.length}
          </button>
        )}
        {showAll && (
          <button type="button" className="link-button small" onClick={() => setShowAll(false)}>
            Show only what I edited
          </button>
        )}
      </div>
      {parseError && (
        <p className="diagnostics-empty">
          Checks are paused until the JSON parses again (line {parseError.line}).
        </p>
      )}
      {!parseError && visible.length === 0 && (
        <p className="diagnostics-empty">
          {diagnostics.length === 0
            ? 'No problems found.'
            : `${diagnostics.length} ${diagnostics.length === 1 ? 'finding appears' : 'findings appear'} here once you edit the spec.`}
        </p>
      )}
      {visible.length > 0 && (
        <ul className="diagnostics-list" aria-label="Problems">
          {rows.map(({ d, line }, i) => (
            <DiagnosticRow key={`${d.pointer}|${d.code ?? ''}|${i}`} d={d} line={line} />
          ))}
        </ul>
      )}
    </div>
  );
}

function DiagnosticRow({ d, line }: { d: Diagnostic; line: number | null }) {
  const setActiveSection = useSpecStore((s) => s.setActiveSection);
  const revealPointer = useSpecStore((s) => s.revealPointer);
  const go = () => {
    const section = sectionForPointer(d.pointer, SECTIONS);
    if (section) setActiveSection(section);
    revealPointer(d.pointer, 'diagnostics');
  };
  return (
    <li>
      <button type="button" className={`diagnostic diagnostic-${d.severity}`} onClick={go}>
        <span className={`sev sev-${d.severity}`} aria-label={d.severity}>
          {ICON[d.severity]}
        </span>
        <span className="diagnostic-message">{d.message}</span>
        <span className="diagnostic-where">
          <code>{d.pointer || '/'}</code>
          {line !== null && <span className="muted"> · line {line}</span>}
        </span>
      </button>
    </li>
  );
}
