import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { TableColumn } from '@core';
import { useT } from '../../../i18n';

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
  const t = useT();
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
        {t('preview.columns.button')}
        <span className="pv-muted pv-picker-count">
          {shownCount === columns.length
            ? columns.length
            : t('preview.columns.count', { shown: shownCount, total: columns.length })}
        </span>
      </button>
      {open && (
        <div
          className="pv-picker-panel"
          id={panelId}
          role="dialog"
          aria-label={t('preview.columns.dialog')}
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
            aria-label={t('preview.columns.search')}
            placeholder={t('preview.columns.search')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <div className="pv-picker-bulk">
            <span className="pv-muted" aria-live="polite">
              {query.trim() === ''
                ? t('preview.columns.shown', { shown: shownCount, total: columns.length })
                : t('preview.columns.matching', { count: matches.length, total: columns.length })}
            </span>
            {(['all', 'none'] as const).map((name) => (
              <button
                key={name}
                type="button"
                className="pv-button pv-quiet"
                disabled={ids.length === 0}
                onClick={() => onChange(ids, name === 'none')}
              >
                {name === 'all' ? t('preview.columns.all') : t('preview.columns.none')}
              </button>
            ))}
          </div>
          <ul className="pv-picker-list" aria-label={t('preview.columns.button')}>
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
              {t('preview.columns.more', { count: matches.length - listed.length })}
            </p>
          )}
          {matches.length === 0 && (
            <p className="pv-muted pv-picker-more">{t('preview.columns.noMatch', { query })}</p>
          )}
        </div>
      )}
    </div>
  );
}
