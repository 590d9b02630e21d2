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

/** The element the diagnostics navigation is focusing: its focus must not re-reveal (see below). */
let navigating: HTMLElement | null = null;

/**
 * True (once) when `el` is being focused by a diagnostics navigation. The field's focus handler then
 * leaves the JSON view on the diagnostic's own range instead of revealing the (ancestor) field's.
 */
export function consumeDiagnosticFocus(el: EventTarget | null): boolean {
  if (el === null || el !== navigating) return false;
  navigating = null;
  return true;
}

function focusField(el: HTMLElement): void {
  if (!el.isConnected || document.activeElement === el) return;
  navigating = el;
  el.focus();
  if (navigating === el) navigating = null;
  el.scrollIntoView?.({ block: 'nearest' });
}

/**
 * When the diagnostics panel asks to reveal a pointer, show its section and focus the field editing it
 * (or the closest field above it), while the JSON view selects the diagnostic's range. The JSON view may
 * take focus for the same request in the same commit, so the field is focused again on the next frame:
 * the field ends up focused and the line stays selected.
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
    if (!el) return;
    focusField(el);
    requestAnimationFrame(() => focusField(el));
  }, [reveal, active, setActive, rootRef]);
}
