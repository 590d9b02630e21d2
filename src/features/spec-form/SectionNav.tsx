import { useMemo } from 'react';
import { SECTIONS, type SectionId } from '@core';
import { useSpecStore } from '../../store';
import { selectActiveSection, selectDiagnostics } from '../../store/selectors';
import { countBySection } from './model/sectionDiagnostics';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The list of sections, with error/warning badges computed from the store's diagnostics. */
export function SectionNav() {
  const active = useSpecStore(selectActiveSection);
  const setActive = useSpecStore((s) => s.setActiveSection);
  const diagnostics = useSpecStore(selectDiagnostics);
  const counts = useMemo(() => countBySection(diagnostics, SECTIONS), [diagnostics]);
  return (
    <nav className="sf-nav" aria-label="Sections">
      <ul>
        {SECTIONS.map((s) => {
          const c = counts[s.id] ?? { errors: 0, warnings: 0 };
          return (
            <li key={s.id}>
              <button
                type="button"
                className="sf-nav-item"
                aria-current={s.id === active ? 'true' : undefined}
                onClick={() => setActive(s.id as SectionId)}
              >
                <span className="sf-nav-title">{s.title}</span>
                {c.errors > 0 && (
                  <span
                    className="sf-badge sf-badge-error"
                    aria-label={plural(c.errors, 'error')}
                    title={plural(c.errors, 'error')}
                  >
                    {c.errors}
                  </span>
                )}
                {c.warnings > 0 && (
                  <span
                    className="sf-badge sf-badge-warning"
                    aria-label={plural(c.warnings, 'warning')}
                    title={plural(c.warnings, 'warning')}
                  >
                    {c.warnings}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
