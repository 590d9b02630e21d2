import { useRef, useState } from 'react';
import { SECTIONS } from '@core';
import { useSpecStore } from '../../store';
import { selectActiveSection, selectParseError } from '../../store/selectors';
import { useRevealFromDiagnostics } from './hooks/useRevealFromDiagnostics';
import { VariantStashContext } from './hooks/useVariantStash';
import type { VariantStash } from './model/variants';
import { SectionBody } from './sections/SectionBody';
import { SectionNav } from './SectionNav';
import './spec-form.css';

/**
 * The section forms of the editor: a navigator of SECTIONS with diagnostic badges, and the active
 * section's editor. Reads the store's last valid document; writes with `updateAt` (one value) or
 * `updateMany` (one user action touching several values: one undo step).
 * While the JSON text does not parse, everything is read-only and a notice says why.
 */
export function SpecForm() {
  const activeId = useSpecStore(selectActiveSection);
  const parseError = useSpecStore(selectParseError);
  const [stash] = useState(() => new Map<string, VariantStash>());
  const rootRef = useRef<HTMLDivElement>(null);
  useRevealFromDiagnostics(rootRef);
  const section = SECTIONS.find((s) => s.id === activeId) ?? SECTIONS[0];

  return (
    <div className="spec-form" ref={rootRef}>
      <SectionNav />
      <div className="sf-body">
        {parseError && (
          <div className="sf-frozen" role="status">
            The JSON text has a syntax error (line {parseError.line}, column {parseError.column}:{' '}
            {parseError.message}). The form shows the last valid document and is read-only until the JSON is
            fixed.
          </div>
        )}
        {section && (
          <section className="sf-section" aria-labelledby="sf-section-title">
            <header className="sf-section-header">
              <h2 id="sf-section-title" className="sf-title">
                {section.title}
              </h2>
              {section.description && <p className="sf-help">{section.description}</p>}
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
