import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { TableColumn } from '@core';

/**
 * Columns listed at once in the picker; past this many matches the list says so and asks for a
 * search (a table of records with distinct keys can have thousands of columns).
 */
export const PICKER_MAX_LISTED = 300;

export interface ColumnPickerProps {
  columns: TableColumn[];
  hidden: ReadonlySet<string>;
  onChange: (ids: readonly string[], hide: boolean) => void;
}

/**
 * "Columns 12 of 50": a popover listing the columns with a checkbox each, a search that narrows the
 * list by name (and type), and All / None, which act on the columns the search lists.
 */
export function ColumnPicker({ columns, hidden, onChange }: ColumnPickerProps) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const panelId = useId();
  const shownCount = columns.length - columns.filter((c) => hidden.has(c.id)).length;

  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q === ''
      ? columns
      : columns.filter((c) => c.label.toLowerCase().includes(q) || c.types.join('|').includes(q));
  }, [columns, query]);

  useEffect(() => {
    if (!open) return;
    search.current?.focus();
    const doc = root.current?.ownerDocument;
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    doc?.addEventListener('mousedown', onDown);
    return () => doc?.removeEventListener('mousedown', onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const ids = matches.map((c) => c.id);
  const listed = matches.slice(0, PICKER_MAX_LISTED);

  return (
    <div className="pv-picker" ref={root}>
      <button
        ref={button}
        type="button"
        className="pv-button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        Columns
        <span className="pv-muted pv-picker-count">
          {shownCount === columns.length ? columns.length : `${shownCount} of ${columns.length}`}
        </span>
      </button>
      {open && (
        <div
          className="pv-picker-panel"
          id={panelId}
          role="dialog"
          aria-label="Columns shown"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              close();
            }
          }}
        >
          <input
            ref={search}
            type="search"
            className="pv-picker-search"
            aria-label="Search columns"
            placeholder="Search columns"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <div className="pv-picker-bulk">
            <span className="pv-muted" aria-live="polite">
              {query.trim() === ''
                ? `${shownCount} of ${columns.length} shown`
                : `${matches.length} of ${columns.length} match`}
            </span>
            {(['All', 'None'] as const).map((name) => (
              <button
                key={name}
                type="button"
                className="pv-button pv-quiet"
                disabled={ids.length === 0}
                onClick={() => onChange(ids, name === 'None')}
              >
                {name}
              </button>
            ))}
          </div>
          <ul className="pv-picker-list" aria-label="Columns">
            {listed.map((c) => (
              <li key={c.id}>
                <label title={`${c.label}: ${c.types.join(' | ')}`}>
                  <input
                    type="checkbox"
                    checked={!hidden.has(c.id)}
                    onChange={(e) => onChange([c.id], !e.target.checked)}
                  />
                  <span className="pv-picker-name">{c.label}</span>
                  <span className="pv-th-types">{c.types.join('|')}</span>
                </label>
              </li>
            ))}
          </ul>
          {matches.length > listed.length && (
            <p className="pv-muted pv-picker-more" role="note">
              {matches.length - listed.length} more not listed: search to narrow (All / None still act on
              every match).
            </p>
          )}
          {matches.length === 0 && <p className="pv-muted pv-picker-more">No column matches “{query}”.</p>}
        </div>
      )}
    </div>
  );
}
