import { useEffect, useState } from 'react';

/** Longest wait for the first contentful paint (a tab opened in the background paints only when shown). */
export const FIRST_PAINT_WAIT_MS = 1000;

/**
 * False until the page's first contentful paint, then true: the lazy panes (Monaco, the preview) are
 * requested only then, so the first paint waits for the form's code alone (initial JS ≤ 250 KB gzip,
 * which bench:ui counts as every chunk loaded before the first paint). Without paint timing (tests),
 * two animation frames stand for the paint; after FIRST_PAINT_WAIT_MS the panes load regardless.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      setPainted(true);
    };
    const timer = setTimeout(finish, FIRST_PAINT_WAIT_MS);
    let observer: PerformanceObserver | null = null;
    let frame = 0;
    if (
      typeof PerformanceObserver !== 'undefined' &&
      PerformanceObserver.supportedEntryTypes?.includes('paint')
    ) {
      observer = new PerformanceObserver((list) => {
        if (list.getEntries().some((e) => e.name === 'first-contentful-paint')) finish();
      });
      observer.observe({ type: 'paint', buffered: true });
    } else {
      frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(finish);
      });
    }
    return () => {
      clearTimeout(timer);
      observer?.disconnect();
      cancelAnimationFrame(frame);
    };
  }, []);
  return painted;
}
