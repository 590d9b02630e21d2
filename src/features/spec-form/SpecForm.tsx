import { useRef, useState } from 'react';
import { parseErrorText } from '../../i18n/diagnostics';
import { SECTIONS } from '@core';
import { useT } from '../../i18n';
import { useSpecStore } from '../../store';
import { selectActiveSection, selectParseError } from '../../store/selectors';
import { useRevealFromDiagnostics } from './hooks/useRevealFromDiagnostics';
import { VariantStashContext } from './hooks/useVariantStash';
import type { VariantStash } from './model/variants';
import { SectionBody } from './sections/SectionBody';
import { sectionText } from './schemaText';
import { SectionNav } from './SectionNav';
import './spec-form.css';

/**
 * The section forms of the editor: a navigator of SECTIONS with diagnostic badges, and the active
 * section's editor. Reads the store's last valid document; writes with `updateAt` (one value) or
 * `updateMany` (one user action touching several values: one undo step).
 * While the JSON text does not parse, everything is read-only and a notice says why.
 */
export function SpecForm() {
  const t = useT();
  const activeId = useSpecStore(selectActiveSection);
  const parseError = useSpecStore(selectParseError);
  const [stash] = useState(() => new Map<string, VariantStash>());
  const rootRef = useRef<HTMLDivElement>(null);
  useRevealFromDiagnostics(rootRef);
  const section = SECTIONS.find((s) => s.id === activeId) ?? SECTIONS[0];
  const text = section && sectionText(section);

  return (
    <div className="spec-form" ref={rootRef}>
      <SectionNav />
      <div className="sf-body">
        {parseError && (
          <div className="sf-frozen" role="status">
            {t('form.frozen', {
              line: String(parseError.line),
              column: String(parseError.column),
              message: parseErrorText(parseError),
            })}
          </div>
        )}
        {section && text && (
          <section className="sf-section" aria-labelledby="sf-section-title">
            <header className="sf-section-header">
              <h2 id="sf-section-title" className="sf-title">
                {text.title}
              </h2>
              {text.description && <p className="sf-help">{text.description}</p>}
            </header>
            <VariantStashContext.Provider value={stash}>
              <SectionBody key={section.id} section={section} />
            </VariantStashContext.Provider>
          </section>
        )}
      </div>
    </div>
  );
}
