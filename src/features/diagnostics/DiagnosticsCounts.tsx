import { useSpecStore } from '../../store';
import { selectDiagnostics } from '../../store/selectors';
import { countBySeverity } from './diagnosticsView';

/** Header summary of all findings (always shown, even on a pristine form); click jumps to the list. */
export function DiagnosticsCounts({ onActivate }: { onActivate: () => void }) {
  const diagnostics = useSpecStore(selectDiagnostics);
  const parseError = useSpecStore((s) => s.parseError);
  // Parse warnings (duplicate keys, unsafe numbers) are findings too, though not in the document.
  const parseWarnings = useSpecStore((s) => s.parseWarnings.length);
  const c = countBySeverity(diagnostics);
  c.warning += parseWarnings;
  const errors = `${c.error} ${c.error === 1 ? 'error' : 'errors'}`;
  const warnings = `${c.warning} ${c.warning === 1 ? 'warning' : 'warnings'}`;
  const label = parseError ? 'Invalid JSON' : `${errors}, ${warnings}`;
  return (
    <button type="button" className="counts" onClick={onActivate} aria-label={`Problems: ${label}`}>
      {parseError ? (
        <span className="count-pill pill-error">Invalid JSON</span>
      ) : (
        <>
          <span className={`count-pill ${c.error ? 'pill-error' : 'pill-ok'}`} title={errors}>
            <span aria-hidden="true">●</span> {c.error}
          </span>
          <span className={`count-pill ${c.warning ? 'pill-warning' : 'pill-ok'}`} title={warnings}>
            <span aria-hidden="true">▲</span> {c.warning}
          </span>
        </>
      )}
    </button>
  );
}
