import { useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { useSpecStore } from '../../store';
import { selectDiagnostics } from '../../store/selectors';
import { countBySeverity } from './diagnosticsView';

/** Header summary of all findings (always shown, even on a pristine form); click jumps to the list. */
export function DiagnosticsCounts({ onActivate }: { onActivate: () => void }) {
  const t = useT();
  const diagnostics = useSpecStore(selectDiagnostics);
  const parseError = useSpecStore((s) => s.parseError);
  // Parse warnings (duplicate keys, unsafe numbers) are findings too, though not in the document.
  const parseWarnings = useSpecStore((s) => s.parseWarnings.length);
  const c = countBySeverity(diagnostics);
  c.warning += parseWarnings;
  const errors = t('tools.counts.errors', { count: c.error });
  const warnings = t('tools.counts.warnings', { count: c.warning });
  const label = parseError
    ? t('tools.counts.ariaInvalid')
    : t('tools.counts.aria', { errors: c.error, warnings: c.warning });
  return (
    <button type="button" className="counts" onClick={onActivate} aria-label={label}>
      {parseError ? (
        <span className="count-pill pill-error">{t('tools.counts.invalidJson')}</span>
      ) : (
        <>
          <span className={'count-pill ' + (c.error ? 'pill-error' : 'pill-ok')} title={errors}>
            <span aria-hidden="true">●</span> {formatNumber(c.error)}
          </span>
          <span className={'count-pill ' + (c.warning ? 'pill-warning' : 'pill-ok')} title={warnings}>
            <span aria-hidden="true">▲</span> {formatNumber(c.warning)}
          </span>
        </>
      )}
    </button>
  );
}
