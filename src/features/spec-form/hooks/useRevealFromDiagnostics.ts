import { useEffect, useRef, type RefObject } from 'react';
import { SECTIONS, decodePointer, encodePointer } from '@core';
import { useSpecStore } from '../../../store';
import { selectActiveSection, selectReveal } from '../../../store/selectors';
import { fieldId } from '../model/fieldIds';
import { sectionOf } from '../model/sectionDiagnostics';

/** The element editing `pointer`, or the one editing its nearest ancestor, within `root`. */
export function findFieldElement(root: ParentNode, pointer: string): HTMLElement | null {
  const segments = decodePointer(pointer);
  for (let n = segments.length; n >= 0; n--) {
    const el = root.querySelector<HTMLElement>(
      `[id="${CSS.escape(fieldId(encodePointer(segments.slice(0, n))))}"]`,
    );
    if (el) return el;
  }
  return null;
}

/**
 * When the diagnostics panel asks to reveal a pointer, show its section and focus the field editing it
 * (or the closest field above it).
 */
export function useRevealFromDiagnostics(rootRef: RefObject<HTMLElement | null>): void {
  const reveal = useSpecStore(selectReveal);
  const active = useSpecStore(selectActiveSection);
  const setActive = useSpecStore((s) => s.setActiveSection);
  const handled = useRef(-1);
  useEffect(() => {
    if (!reveal || reveal.source !== 'diagnostics' || reveal.seq === handled.current) return;
    const target = sectionOf(reveal.pointer, SECTIONS);
    if (target && target !== active) {
      setActive(target);
      return;
    }
    handled.current = reveal.seq;
    const root = rootRef.current;
    const el = root ? findFieldElement(root, reveal.pointer) : null;
    el?.focus();
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [reveal, active, setActive, rootRef]);
}
