import { memo, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { JsonValue, TableColumn } from '@core';
import { useT } from '../../i18n';
import {
  COL_WIDTH,
  MAX_COL_WIDTH,
  MIN_COL_WIDTH,
  savedScroll,
  saveScroll,
  type ColumnPrefs,
} from './records/columnPrefs';
import { useTableRows } from './useTableRows';

const ROW_HEIGHT = 28;
const NUM_WIDTH = 56;
/**
 * Tables with up to this many shown columns render them all (the browser's find-in-page sees every
 * cell); wider ones render only the columns in view plus two on each side.
 */
export const ALL_COLUMNS_UP_TO = 32;

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
  /** The document the table shows (its scroll position is kept per document). */
  docId: string;
  columns: TableColumn[];
  /** Hidden columns and widths by column id. */
  prefs: ColumnPrefs;
  onResize: (columnId: string, width: number) => void;
  totalRows: number;
  firstRows: Array<Array<JsonValue | undefined>>;
  selected: number | null;
  onSelect: (index: number) => void;
}

/** A column in view: its place among the table's columns (its cell in a row) and its width. */
interface Shown {
  col: TableColumn;
  /** Index of its cell in a row. */
  at: number;
  /** 1-based, among all columns, for aria-colindex (the row number is column 1). */
  colIndex: number;
  width: number;
}

interface RowProps {
  index: number;
  start: number;
  row: Array<JsonValue | undefined> | undefined;
  selected: boolean;
  shown: Shown[];
  template: string;
  width: number;
  onSelect: (index: number) => void;
}

/**
 * One table row: the pinned row number, then only the columns in view (a spacer stands for those
 * scrolled past). Memoised: while scrolling down, only the rows that come into view render (the
 * others keep their props), which keeps each scroll frame short on a 200,000-row table (bench:ui).
 */
const Row = memo(function Row({ index, start, row, selected, shown, template, width, onSelect }: RowProps) {
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
        width,
      }}
      tabIndex={0}
      onClick={() => onSelect(index)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') onSelect(index);
      }}
    >
      <div className="pv-td pv-num" role="cell" aria-colindex={1}>
        {index + 1}
      </div>
      <div aria-hidden="true" />
      {shown.map(({ at, colIndex }, slot) => {
        const v = row?.[at];
        return (
          <div
            // Keyed by slot, like the rows: a column that scrolls out lends its cell to the next.
            key={slot}
            role="cell"
            aria-colindex={colIndex}
            className={`pv-td pv-${v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v}`}
          >
            {row ? cellText(v) : '…'}
          </div>
        );
      })}
    </div>
  );
});

/** Pixels a resize handle moves per arrow key (Shift: ×5). */
const RESIZE_STEP = 16;

/**
 * A column header's right edge: drag it, or focus it and press ←/→ (Shift for bigger steps, Home
 * for the default width) to resize the column. A window splitter (role separator) for assistive
 * technology, with the width as its value.
 */
function ResizeHandle({
  col,
  width,
  onResize,
}: {
  col: TableColumn;
  width: number;
  onResize: RecordsTableProps['onResize'];
}) {
  const t = useT();
  const drag = useRef<{ x: number; width: number } | null>(null);
  return (
    <div
      className="pv-col-resize"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('preview.table.resize', { name: col.label })}
      aria-valuenow={width}
      aria-valuemin={MIN_COL_WIDTH}
      aria-valuemax={MAX_COL_WIDTH}
      tabIndex={0}
      title={t('preview.table.resizeHint')}
      onPointerDown={(e) => {
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { x: e.clientX, width };
      }}
      onPointerMove={(e) => {
        if (drag.current) onResize(col.id, drag.current.width + e.clientX - drag.current.x);
      }}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
      onDoubleClick={() => onResize(col.id, COL_WIDTH)}
      onKeyDown={(e) => {
        const step = e.shiftKey ? RESIZE_STEP * 5 : RESIZE_STEP;
        if (e.key === 'ArrowRight') onResize(col.id, width + step);
        else if (e.key === 'ArrowLeft') onResize(col.id, width - step);
        else if (e.key === 'Home') onResize(col.id, COL_WIDTH);
        else return;
        e.preventDefault();
      }}
    />
  );
}

/**
 * The flattened records as a table virtualised both ways: only the rows and (past
 * {@link ALL_COLUMNS_UP_TO} columns) the columns in view are in the DOM, so 500 columns × 100,000
 * rows stay about as cheap as a narrow table. The row number stays
 * pinned on the left while scrolling right; each column can be resized.
 */
export function RecordsTable({
  tableId,
  docId,
  columns,
  prefs,
  onResize,
  totalRows,
  firstRows,
  selected,
  onSelect,
}: RecordsTableProps) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const { rowAt, ensure } = useTableRows(tableId, firstRows);
  const visible = useMemo(() => {
    const out: Shown[] = [];
    columns.forEach((col, at) => {
      if (!prefs.hidden.has(col.id))
        out.push({ col, at, colIndex: at + 2, width: prefs.widths.get(col.id) ?? COL_WIDTH });
    });
    return out;
  }, [columns, prefs]);
  const virtualizer = useVirtualizer({
    count: totalRows,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    initialRect: { width: 800, height: 400 },
  });
  const colVirtualizer = useVirtualizer({
    horizontal: true,
    count: visible.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => visible[i]?.width ?? COL_WIDTH,
    paddingStart: NUM_WIDTH,
    overscan: visible.length <= ALL_COLUMNS_UP_TO ? visible.length : 2,
    initialRect: { width: 800, height: 400 },
  });
  useLayoutEffect(() => colVirtualizer.measure(), [colVirtualizer, visible]);
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;
  useEffect(() => ensure(firstIndex, lastIndex), [ensure, firstIndex, lastIndex]);

  // Back where this document's table was (it may have moved to full width or its own window).
  useLayoutEffect(() => {
    const el = scroller.current;
    const at = savedScroll(docId);
    if (el && (at.top || at.left)) {
      el.scrollTop = at.top;
      el.scrollLeft = at.left;
    }
  }, [docId]);

  const colItems = colVirtualizer.getVirtualItems();
  const firstCol = colItems[0]?.index ?? 0;
  const lastCol = colItems[colItems.length - 1]?.index ?? -1;
  const lead = (colItems[0]?.start ?? NUM_WIDTH) - NUM_WIDTH;
  const width = colVirtualizer.getTotalSize();
  const { shown, template } = useMemo(() => {
    const inView = visible.slice(firstCol, lastCol + 1);
    return {
      shown: inView,
      template: `${NUM_WIDTH}px ${lead}px ${inView.map((s) => `${s.width}px`).join(' ')}`,
    };
  }, [visible, firstCol, lastCol, lead]);

  return (
    <div
      className="pv-table"
      ref={scroller}
      role="table"
      aria-label={t('preview.table.label')}
      aria-rowcount={totalRows + 1}
      aria-colcount={columns.length + 1}
      onScroll={(e) => saveScroll(docId, e.currentTarget.scrollTop, e.currentTarget.scrollLeft)}
    >
      <div className="pv-thead" role="rowgroup" style={{ width }}>
        <div className="pv-tr" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
          <div className="pv-th pv-num" role="columnheader" aria-colindex={1}>
            #
          </div>
          <div aria-hidden="true" />
          {shown.map(({ col, colIndex, width: w }) => (
            <div
              className="pv-th"
              role="columnheader"
              aria-colindex={colIndex}
              key={col.id}
              title={`${col.label}: ${col.types.join(' | ')}`}
            >
              <span className="pv-th-label">{col.label}</span>
              <span className="pv-th-types">{col.types.join('|')}</span>
              <ResizeHandle col={col} width={w} onResize={onResize} />
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
            shown={shown}
            template={template}
            width={width}
            onSelect={onSelect}
          />
        ))}
      </div>
    </div>
  );
}
