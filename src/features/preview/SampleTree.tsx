import { useCallback, useEffect, useMemo, useState } from 'react';
import { encodePointer, getAt, type JsonValue } from '@core';
import { ContextMenu, type MenuItem } from '../../components/MenuButton';
import { t, useT } from '../../i18n';
import { useSpecStore } from '../../store';
import { previewClient } from './previewService';
import { treeActions, type TreeAction, type TreeActionContext, type TreeTarget } from './tree/treeActions';
import { TreeNode, type TreeContext } from './TreeNode';
import { jsonPathAt } from './treePaths';
import './tree.css';

/** Pages larger than this are not fetched into the main thread for the tree (first pass). */
const TREE_MAX_BYTES = 5 * 1024 * 1024;

interface OpenMenu {
  target: TreeTarget;
  at: { x: number; y: number };
  opener: HTMLElement;
}

/** A node's actions as menu items (one disabled line when none fits, so the menu never opens empty). */
function menuItems(actions: TreeAction[], run: (a: TreeAction) => void): MenuItem[] {
  if (actions.length === 0)
    return [{ id: 'none', label: t('preview.tree.noAction'), disabled: true, onSelect: () => {} }];
  return actions.map((a) => ({
    id: a.id,
    label: a.label,
    hint: a.disabled ?? a.path,
    disabled: a.disabled !== undefined,
    title: a.disabled
      ? t('preview.tree.notHere', { reason: a.disabled })
      : t('preview.tree.writesInto', { path: a.path }),
    onSelect: () => run(a),
  }));
}

/** Every proper ancestor of each pointer ("/a/b/0" → "", "/a", "/a/b"), to open the tree down to it. */
function ancestors(pointers: string[]): Set<string> {
  const out = new Set<string>(['']);
  for (const p of pointers.slice(0, 50)) {
    let i = p.lastIndexOf('/');
    while (i > 0) {
      out.add(p.slice(0, i));
      i = p.lastIndexOf('/', i - 1);
    }
  }
  return out;
}

/**
 * One sample page as a collapsible JSON tree, with the nodes that contentPath and explodeEntityPath
 * matched highlighted. Every node offers the actions that fit it (records path, explode, token path,
 * next-page pointer, end condition) from a menu; each writes the path into the spec as one undoable
 * edit (and so into the form and the JSON) and says what it did. A selected array also shows its
 * two record actions as buttons.
 */
export function SampleTree() {
  const t = useT();
  const pages = useSpecStore((s) => s.samplePages);
  const treePageId = useSpecStore((s) => s.treePageId);
  const setTreePageId = useSpecStore((s) => s.setTreePageId);
  const result = useSpecStore((s) => s.previewResult);
  const doc = useSpecStore((s) => s.doc);
  const updateMany = useSpecStore((s) => s.updateMany);
  const notify = useSpecStore((s) => s.notify);
  const okPages = pages.filter((p) => p.status === 'ok');
  const page = okPages.find((p) => p.id === treePageId) ?? okPages[0];
  const [loaded, setLoaded] = useState<{ pageId: string; value: JsonValue | undefined } | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);

  const pageId = page?.id ?? null;
  const tooBig = page !== undefined && page.size > TREE_MAX_BYTES;
  useEffect(() => {
    if (pageId === null || tooBig) return;
    let live = true;
    void previewClient()
      .sampleValue(pageId)
      .then((value) => {
        if (live && value !== null) setLoaded({ pageId, value });
      });
    return () => {
      live = false;
    };
  }, [pageId, tooBig]);

  const matches = result?.matches && result.matches.pageId === pageId ? result.matches : null;
  const content = useMemo(() => new Set(matches?.content ?? []), [matches]);
  const explode = useMemo(() => new Set(matches?.explode ?? []), [matches]);
  const open = useMemo(
    () => expanded ?? ancestors([...(matches?.explode ?? []), ...(matches?.content ?? [])]),
    [expanded, matches],
  );

  if (okPages.length === 0) return <p className="pv-empty">{t('preview.tree.empty')}</p>;
  const value = loaded && loaded.pageId === pageId ? loaded.value : undefined;
  const model = result?.model;
  const attrs = (doc as { sourceSpec?: { attributes?: Record<string, unknown> } } | null)?.sourceSpec
    ?.attributes;
  const actionCtx: TreeActionContext = {
    sample: value ?? null,
    attrs,
    contentPath: model?.contentPath,
    contentMatches: matches?.content ?? [],
  };
  const run = (action: TreeAction): void => {
    if (action.disabled) return;
    if (updateMany(action.edits)) notify(action.done, 'success');
    else notify(() => t('preview.tree.writeFailed', { path: action.path }), 'error');
  };

  const ctx: TreeContext = {
    content,
    explode,
    open,
    selected,
    toggle: (p) => {
      const next = new Set(open);
      if (next.has(p)) next.delete(p);
      else next.add(p);
      setExpanded(next);
    },
    select: setSelected,
    menu: (target, at, opener) => setMenu({ target, at, opener }),
  };

  const sel = selected !== null && value !== undefined ? selected : null;
  const selValue = sel !== null && value !== undefined ? getAt(value, sel) : undefined;
  const selActions =
    selValue !== undefined && sel !== null ? treeActions({ pointer: sel, value: selValue }, actionCtx) : [];
  const records = selActions.find((a) => a.id === 'records');
  const explodeAction = selActions.find((a) => a.id === 'explode');

  return (
    <div className="pv-tree-wrap">
      <div className="pv-toolbar">
        <label htmlFor="pv-tree-page">{t('preview.tree.page')}</label>
        <select id="pv-tree-page" value={pageId ?? ''} onChange={(e) => setTreePageId(e.target.value)}>
          {okPages.map((p) => (
            <option key={p.id} value={p.id}>
              {pages.indexOf(p) + 1}. {p.name}
            </option>
          ))}
        </select>
        <span className="pv-legend pv-hl-content">{t('preview.tree.contentMatch')}</span>
        <span className="pv-legend pv-hl-explode">{t('preview.tree.explodeMatch')}</span>
      </div>
      {sel !== null && value !== undefined && (
        <div className="pv-tree-actions" role="group" aria-label={t('preview.tree.selectedArray')}>
          <code>{sel || t('preview.tree.root')}</code>
          {[records, explodeAction].map(
            (a) =>
              a && (
                <button
                  key={a.id}
                  type="button"
                  className="pv-button"
                  disabled={a.disabled !== undefined}
                  title={
                    a.disabled
                      ? t('preview.tree.notHere', { reason: a.disabled })
                      : t('preview.tree.writes', { path: a.path })
                  }
                  onClick={() => run(a)}
                >
                  {a.label}
                </button>
              ),
          )}
        </div>
      )}
      {tooBig ? (
        <p className="pv-empty">{t('preview.tree.tooBig')}</p>
      ) : value === undefined ? (
        <p className="pv-empty">{t('preview.tree.loading')}</p>
      ) : (
        <div className="pv-tree" role="tree" aria-label={t('preview.tree.label')}>
          <TreeNode name="$" value={value} pointer={encodePointer([])} path="$" ctx={ctx} depth={0} />
        </div>
      )}
      {menu && value !== undefined && (
        <ContextMenu
          label={t('preview.tree.actionsFor', { path: jsonPathAt(value, menu.target.pointer) })}
          at={menu.at}
          opener={menu.opener}
          onClose={closeMenu}
          items={menuItems(treeActions(menu.target, actionCtx), run)}
        />
      )}
    </div>
  );
}
