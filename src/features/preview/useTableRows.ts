import { useCallback, useRef, useState } from 'react';
import type { JsonValue } from '@core';
import { previewClient } from './previewService';

type Row = Array<JsonValue | undefined>;

/** Rows fetched from the worker per request, beyond the first window sent with the result. */
export const ROW_CHUNK = 500;

/**
 * Rows of the table computed by preview `tableId`: the first ones come with the result, the rest
 * are fetched from the worker in windows when they scroll into view (`ensure`). A window that comes
 * back for another table is dropped.
 */
export function useTableRows(tableId: number, firstRows: Row[]) {
  const [fetched, setFetched] = useState<{ tableId: number; chunks: Map<number, Row[]> }>(() => ({
    tableId,
    chunks: new Map(),
  }));
  const asked = useRef<string | null>(null);
  const chunks = fetched.tableId === tableId ? fetched.chunks : null;

  const rowAt = useCallback(
    (i: number): Row | undefined => {
      if (i < firstRows.length) return firstRows[i];
      return chunks?.get(Math.floor(i / ROW_CHUNK))?.[i % ROW_CHUNK];
    },
    [firstRows, chunks],
  );

  const ensure = useCallback(
    (start: number, end: number): void => {
      const missing: number[] = [];
      for (let c = Math.floor(start / ROW_CHUNK); c <= Math.floor(end / ROW_CHUNK); c++) {
        if ((c + 1) * ROW_CHUNK > firstRows.length && !chunks?.has(c)) missing.push(c);
      }
      const first = missing[0];
      const last = missing[missing.length - 1];
      if (first === undefined || last === undefined) return;
      const key = `${tableId}:${first}:${last}`;
      if (asked.current === key) return;
      asked.current = key;
      void previewClient()
        .rows(tableId, first * ROW_CHUNK, (last + 1) * ROW_CHUNK)
        .then((r) => {
          if (asked.current === key) asked.current = null;
          if (!r || r.tableId !== tableId) return;
          setFetched((prev) => {
            const next = new Map(prev.tableId === tableId ? prev.chunks : []);
            for (let c = first; c <= last; c++) {
              next.set(c, r.rows.slice((c - first) * ROW_CHUNK, (c - first + 1) * ROW_CHUNK));
            }
            return { tableId, chunks: next };
          });
        })
        .catch(() => {
          asked.current = null;
        });
    },
    [tableId, firstRows.length, chunks],
  );

  return { rowAt, ensure };
}
