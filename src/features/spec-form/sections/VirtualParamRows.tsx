import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useSpecStore } from '../../../store';
import { selectReveal } from '../../../store/selectors';
import { findFieldElement } from '../hooks/useRevealFromDiagnostics';
import { ParamRow, type ParamRowProps } from './ParamRow';

/** Height of a row before it is measured (wide layout, no diagnostics). */
const ROW_ESTIMATE = 112;

interface VirtualParamRowsProps {
  count: number;
  rowProps: (index: number) => ParamRowProps | null;
  /** Row holding the value at a pointer (for reveals from the diagnostics panel), or -1. */
  indexOf: (pointer: string) => number;
}

/**
 * The rows of a long ParamsTable in their own scroller: only the rows in view (plus a few) are in
 * the DOM, each measured once rendered. A diagnostic revealed under a row off screen scrolls to it
 * and focuses its field. Each row carries its `aria-rowindex` (ParamRow), the table its `aria-rowcount`.
 */
export function VirtualParamRows({ count, rowProps, indexOf }: VirtualParamRowsProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 4,
    initialRect: { width: 600, height: 600 },
  });
  const reveal = useSpecStore(selectReveal);
  const handled = useRef(-1);
  useEffect(() => {
    if (!reveal || reveal.source !== 'diagnostics' || reveal.seq === handled.current) return;
    const index = indexOf(reveal.pointer);
    if (index < 0) return;
    handled.current = reveal.seq;
    virtualizer.scrollToIndex(index, { align: 'center' });
    const pointer = reveal.pointer;
    // The row renders on a later frame; focus its field then.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const root = scroller.current;
        const el = root ? findFieldElement(root, pointer) : null;
        if (el && root?.contains(el)) el.focus();
      }),
    );
  }, [reveal, indexOf, virtualizer]);

  const items = virtualizer.getVirtualItems();
  return (
    <div className="sf-param-scroll" role="rowgroup" ref={scroller}>
      <div role="none" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const p = rowProps(item.index);
          return (
            p && (
              <div
                key={item.index}
                role="none"
                className="sf-param-slot"
                data-index={item.index}
                ref={virtualizer.measureElement}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <ParamRow {...p} />
              </div>
            )
          );
        })}
      </div>
    </div>
  );
}
