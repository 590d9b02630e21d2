import { useMemo } from 'react';
import { SECTIONS, type SectionId } from '@core';
import { useSpecStore } from '../../store';
import { selectActiveSection, selectDiagnostics } from '../../store/selectors';
import { formatNumber } from '../../i18n/format';
import { useT } from '../../i18n';
import { countBySection } from './model/sectionDiagnostics';
import { sectionText } from './schemaText';

/** The list of sections, with error/warning badges computed from the store's diagnostics. */
export function SectionNav() {
  const t = useT();
  const active = useSpecStore(selectActiveSection);
  const setActive = useSpecStore((s) => s.setActiveSection);
  const diagnostics = useSpecStore(selectDiagnostics);
  const counts = useMemo(() => countBySection(diagnostics, SECTIONS), [diagnostics]);
  return (
    <nav className="sf-nav" aria-label={t('form.nav.label')}>
      <ul>
        {SECTIONS.map((s) => {
          const c = counts[s.id] ?? { errors: 0, warnings: 0 };
          const errors = t('form.nav.errors', { count: c.errors });
          const warnings = t('form.nav.warnings', { count: c.warnings });
          return (
            <li key={s.id}>
              <button
                type="button"
                className="sf-nav-item"
                aria-current={s.id === active ? 'true' : undefined}
                onClick={() => setActive(s.id as SectionId)}
              >
                <span className="sf-nav-title">{sectionText(s).title}</span>
                {c.errors > 0 && (
                  <span className="sf-badge sf-badge-error" aria-label={errors} title={errors}>
                    {formatNumber(c.errors)}
                  </span>
                )}
                {c.warnings > 0 && (
                  <span className="sf-badge sf-badge-warning" aria-label={warnings} title={warnings}>
                    {formatNumber(c.warnings)}
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
