import { useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { JsonValue } from '@core';
import { useT } from '../../i18n';
import { nameSegment } from './treePaths';

/** Shared state of a tree: highlights, open nodes, the selected array. */
export interface TreeContext {
  content: ReadonlySet<string>;
  explode: ReadonlySet<string>;
  open: ReadonlySet<string>;
  selected: string | null;
  toggle: (pointer: string) => void;
  select: (pointer: string | null) => void;
  /** Opens the node's actions menu at a point; focus returns to `opener` when it closes. None: no actions. */
  menu?: (
    node: { pointer: string; value: JsonValue },
    at: { x: number; y: number },
    opener: HTMLElement,
  ) => void;
}

/** Children shown per click of "show more" (a node with 50,000 items stays cheap). */
const PAGE = 100;

function escapeSeg(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function leafText(v: JsonValue): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

export interface TreeNodeProps {
  name: string;
  value: JsonValue;
  pointer: string;
  /** The node's JSONPath (`$.value[0]['@odata.id']`), shown on hover; the root's is `$`. */
  path?: string;
  ctx: TreeContext;
  depth: number;
}

/** The context-menu key, or Shift+F10. */
const isMenuKey = (e: KeyboardEvent): boolean => e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10');

/**
 * One node: a leaf, or an object/array that opens to its children (in pages of 100). Each node's
 * actions open from its "⋯" button (shown on hover and focus), a right-click, or the context-menu
 * key / Shift+F10.
 */
export function TreeNode({ name, value, pointer, path = '$', ctx, depth }: TreeNodeProps) {
  const t = useT();
  const [limit, setLimit] = useState(PAGE);
  const isArray = Array.isArray(value);
  const branch = isArray || (typeof value === 'object' && value !== null);
  const hl = ctx.explode.has(pointer) ? ' pv-hl-explode' : ctx.content.has(pointer) ? ' pv-hl-content' : '';
  const label = (
    <span className="pv-key" title={path}>
      {name}
    </span>
  );
  const { menu } = ctx;
  const node = { pointer, value };
  const rowEvents = menu && {
    onContextMenu: (e: MouseEvent<HTMLDivElement>) => {
      e.preventDefault();
      const opener = e.currentTarget.querySelector<HTMLElement>('.pv-node-actions') ?? e.currentTarget;
      menu(node, { x: e.clientX, y: e.clientY }, opener);
    },
    onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => {
      if (!isMenuKey(e)) return;
      e.preventDefault();
      const r = (e.target as HTMLElement).getBoundingClientRect();
      menu(node, { x: r.left, y: r.bottom }, e.target as HTMLElement);
    },
  };
  const actions = menu && (
    <button
      type="button"
      className="pv-node-actions"
      aria-label={t('preview.tree.actionsFor', { path })}
      aria-haspopup="menu"
      title={t('preview.tree.actionsFor', { path })}
      onClick={(e) => {
        e.stopPropagation();
        const r = e.currentTarget.getBoundingClientRect();
        menu(node, { x: r.left, y: r.bottom }, e.currentTarget);
      }}
    >
      ⋯
    </button>
  );
  if (!branch) {
    return (
      <div
        className={`pv-node${hl}`}
        role="treeitem"
        aria-selected={false}
        style={{ paddingLeft: depth * 14 + 18 }}
        {...rowEvents}
      >
        {label}:{' '}
        <span className={`pv-leaf pv-${value === null ? 'null' : typeof value}`}>{leafText(value)}</span>
        {actions}
      </div>
    );
  }
  const entries: Array<[string, JsonValue]> = isArray
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value as Record<string, JsonValue>);
  const open = ctx.open.has(pointer);
  const selected = ctx.selected === pointer;
  return (
    <div role="treeitem" aria-expanded={open} aria-selected={selected}>
      <div
        className={`pv-node pv-branch${hl}${selected ? ' pv-selected' : ''}`}
        style={{ paddingLeft: depth * 14 }}
        {...rowEvents}
        onClick={() => {
          ctx.toggle(pointer);
          if (isArray) ctx.select(pointer);
        }}
      >
        <button
          type="button"
          className="pv-twisty"
          aria-label={open ? t('preview.tree.collapse', { name }) : t('preview.tree.expand', { name })}
        >
          {open ? '▾' : '▸'}
        </button>
        {label}
        <span className="pv-muted">{isArray ? ` [${entries.length}]` : ` {${entries.length}}`}</span>
        {isArray && selected && <span className="pv-tag">{t('preview.tree.selected')}</span>}
        {actions}
      </div>
      {open && (
        <div role="group">
          {entries.slice(0, limit).map(([k, v]) => (
            <TreeNode
              key={k}
              name={k}
              value={v}
              pointer={`${pointer}/${escapeSeg(k)}`}
              path={path + (isArray ? `[${k}]` : nameSegment(k))}
              ctx={ctx}
              depth={depth + 1}
            />
          ))}
          {entries.length > limit && (
            <button
              type="button"
              className="pv-more"
              style={{ marginLeft: (depth + 1) * 14 }}
              onClick={() => setLimit(limit + PAGE * 10)}
            >
              {t('preview.tree.showMore', { count: entries.length - limit })}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
