import type { Diagnostic } from '@core';

/** Findings of the preview (flatten, run), each with its severity and the spec place it is about. */
export function DiagnosticList({ diagnostics }: { diagnostics: Diagnostic[] }) {
  if (diagnostics.length === 0) return null;
  return (
    <ul className="pv-diags">
      {diagnostics.map((d, i) => (
        <li key={`${d.pointer}:${i}`} className={`pv-diag pv-${d.severity}`}>
          <span className="pv-diag-sev">{d.severity}</span> {d.message}
          {d.pointer && <code className="pv-diag-ptr">{d.pointer}</code>}
        </li>
      ))}
    </ul>
  );
}
