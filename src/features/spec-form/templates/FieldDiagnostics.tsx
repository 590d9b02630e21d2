import { useLocale } from '../../../i18n';
import { diagnosticText } from '../../../i18n/diagnostics';
import { useFieldDiagnostics } from '../hooks/useSpecBindings';

/** Inline diagnostics of one field (at or under `pointer`), shown once the field was touched. */
export function FieldDiagnostics({ pointer, id }: { pointer: string; id?: string }) {
  useLocale();
  const diagnostics = useFieldDiagnostics(pointer);
  if (diagnostics.length === 0) return null;
  return (
    <ul className="sf-diagnostics" id={id}>
      {diagnostics.map((d, i) => (
        <li key={i} className={`sf-diag sf-diag-${d.severity}`}>
          {diagnosticText(d)}
        </li>
      ))}
    </ul>
  );
}
