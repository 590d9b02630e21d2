import { memo, useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { JsonValue, TableColumn } from '@core';
import { useTableRows } from './useTableRows';

const ROW_HEIGHT = 28;
const COL_WIDTH = 180;
const NUM_WIDTH = 56;

/** A cell's text: arrays and objects as JSON, null as "null", a missing value as nothing. */
export function cellText(v: JsonValue | undefined): string {
  if (v === undefined) return '';
  if (v === null) return 'null';
  if (typeof v === 'object') {
    const s = JSON.stringify(v);
    return s.length > 300 ? `${s.slice(0, 300)}…` : s;
  }
  return String(v);
}

export interface RecordsTableProps {
  tableId: number;
  columns: TableColumn[];
  totalRows: number;
  firstRows: Array<Array<JsonValue | undefined>>;
  selected: number | null;
  onSelect: (index: number) => void;
}

interface RowProps {
  index: number;
  start: number;
  row: Array<JsonValue | undefined> | undefined;
  selected: boolean;
  columns: TableColumn[];
  template: string;
  onSelect: (index: number) => void;
}

/**
 * One table row. Memoised: while scrolling, only the rows that come into view render (the others
 * keep their props), which keeps each scroll frame short on a 200,000-row table (bench:ui).
 */
const Row = memo(function Row({ index, start, row, selected, columns, template, onSelect }: RowProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`pv-tr pv-row${selected ? ' pv-selected' : ''}`}
      style={{
        gridTemplateColumns: template,
        transform: `translateY(${start}px)`,
        height: ROW_HEIGHT,
      }}
      tabIndex={0}
      onClick={() => onSelect(index)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') onSelect(index);
      }}
    >
      <div className="pv-td pv-num" role="cell">
        {index + 1}
      </div>
      {columns.map((c, ci) => {
        const v = row?.[ci];
        return (
          <div
            key={c.id}
            role="cell"
            className={`pv-td pv-${v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v}`}
          >
            {row ? cellText(v) : '…'}
          </div>
        );
      })}
    </div>
  );
});

/** The flattened records as a virtualized table: only the rows in view are in the DOM. */
export function RecordsTable({
  tableId,
  columns,
  totalRows,
  firstRows,
  selected,
  onSelect,
}: RecordsTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const { rowAt, ensure } = useTableRows(tableId, firstRows);
  const virtualizer = useVirtualizer({
    count: totalRows,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    initialRect: { width: 800, height: 400 },
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;
  useEffect(() => ensure(firstIndex, lastIndex), [ensure, firstIndex, lastIndex]);

  const width = NUM_WIDTH + columns.length * COL_WIDTH;
  const template = `${NUM_WIDTH}px repeat(${columns.length}, ${COL_WIDTH}px)`;
  return (
    <div
      className="pv-table"
      ref={scroller}
      role="table"
      aria-label="Flattened records"
      aria-rowcount={totalRows + 1}
      aria-colcount={columns.length + 1}
    >
      <div className="pv-thead" role="rowgroup" style={{ width }}>
        <div className="pv-tr" role="row" style={{ gridTemplateColumns: template }}>
          <div className="pv-th pv-num" role="columnheader">
            #
          </div>
          {columns.map((c) => (
            <div
              className="pv-th"
              role="columnheader"
              key={c.id}
              title={`${c.label}: ${c.types.join(' | ')}`}
            >
              <span className="pv-th-label">{c.label}</span>
              <span className="pv-th-types">{c.types.join('|')}</span>
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), width, position: 'relative' }}>
        {items.map((item) => (
          <Row
            // Keyed by slot (index mod the rows in view, unique among consecutive rows): a row that
            // scrolls out lends its DOM to the one that scrolls in, and a row that stays keeps its slot.
            key={item.index % items.length}
            index={item.index}
            start={item.start}
            row={rowAt(item.index)}
            selected={selected === item.index}
            columns={columns}
            template={template}
            onSelect={onSelect}
          />
        ))}
      </div>
    </div>
  );
}
