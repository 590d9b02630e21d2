import { useEffect, useState } from 'react';
import type { JsonValue } from '@core';
import { useSpecStore } from './index';

/**
 * The document for a view whose whole-document walk should not run on every keystroke: it follows the
 * current document `delayMs` after the last change. With `onlyWhileTyping`, only JSON typing waits; a
 * form edit, an undo or a load is seen at once.
 */
export function useSettledDoc(delayMs: number, onlyWhileTyping = false): JsonValue {
  const doc = useSpecStore((s) => s.doc);
  const typing = useSpecStore((s) => s.history.lastKey?.startsWith('type:') === true);
  const waits = !onlyWhileTyping || typing;
  const [settled, setSettled] = useState(doc);
  if (!waits && settled !== doc) setSettled(doc);
  useEffect(() => {
    if (!waits || settled === doc) return;
    const timer = setTimeout(() => setSettled(doc), delayMs);
    return () => clearTimeout(timer);
  }, [doc, waits, settled, delayMs]);
  return waits ? settled : doc;
}
