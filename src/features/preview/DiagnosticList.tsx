import type { Diagnostic } from '@core';
import { useT } from '../../i18n';
import { diagnosticText } from '../../i18n/diagnostics';

/** Findings of the preview (flatten, run), each with its severity and the spec place it is about. */
export function DiagnosticList({ diagnostics }: { diagnostics: Diagnostic[] }) {
  const t = useT();
  if (diagnostics.length === 0) return null;
  return (
    <ul className="pv-diags">
      {diagnostics.map((d, i) => (
        <li key={`${d.pointer}:${i}`} className={`pv-diag pv-${d.severity}`}>
          <span className="pv-diag-sev">{t('preview.diag.severity', { severity: d.severity })}</span>{' '}
          {diagnosticText(d)}
          {d.pointer && <code className="pv-diag-ptr">{d.pointer}</code>}
        </li>
      ))}
    </ul>
  );
}
