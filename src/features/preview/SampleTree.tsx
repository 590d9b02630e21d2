import { useEffect, useMemo, useState } from 'react';
import { encodePointer, wrapperName, type JsonValue } from '@core';
import { useSpecStore } from '../../store';
import { previewClient } from './previewService';
import { TreeNode, type TreeContext } from './TreeNode';
import { contentPathFor, explodePathFor } from './treePaths';
import './tree.css';

/** Pages larger than this are not fetched into the main thread for the tree (first pass). */
const TREE_MAX_BYTES = 5 * 1024 * 1024;
const CONTENT_PATH = '/sourceSpec/attributes/contentPath';
const EXPLODE_PATH = '/sourceSpec/attributes/explodeEntityPath';

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
 * matched highlighted. Selecting an array offers to use it as the records or to explode it, which
 * writes the path into the spec (and so into the form and the JSON).
 */
export function SampleTree() {
  const pages = useSpecStore((s) => s.samplePages);
  const treePageId = useSpecStore((s) => s.treePageId);
  const setTreePageId = useSpecStore((s) => s.setTreePageId);
  const result = useSpecStore((s) => s.previewResult);
  const doc = useSpecStore((s) => s.doc);
  const updateAt = useSpecStore((s) => s.updateAt);
  const okPages = pages.filter((p) => p.status === 'ok');
  const page = okPages.find((p) => p.id === treePageId) ?? okPages[0];
  const [loaded, setLoaded] = useState<{ pageId: string; value: JsonValue | undefined } | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<Set<string> | null>(null);

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

  if (okPages.length === 0)
    return <p className="pv-empty">Add a sample page that parses to see it as a tree.</p>;
  const value = loaded && loaded.pageId === pageId ? loaded.value : undefined;
  const model = result?.model;
  const attrs = (doc as { sourceSpec?: { attributes?: Record<string, unknown> } } | null)?.sourceSpec
    ?.attributes;
  const isObj = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);
  // Write where the spec keeps the path: a legacy string form stays a string; a missing one is created.
  const setPath = (base: string, key: 'contentPath' | 'explodeEntityPath', path: string): void => {
    const current = attrs?.[key];
    if (isObj(current)) updateAt(`${base}/path`, path);
    else if (typeof current === 'string') updateAt(base, path);
    else updateAt(base, { path });
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
  };

  const sel = selected !== null && value !== undefined ? selected : null;
  const explodePath =
    sel !== null && model?.contentPath
      ? explodePathFor(value ?? null, sel, matches?.content ?? [], wrapperName(model.contentPath))
      : null;

  return (
    <div className="pv-tree-wrap">
      <div className="pv-toolbar">
        <label htmlFor="pv-tree-page">Page</label>
        <select id="pv-tree-page" value={pageId ?? ''} onChange={(e) => setTreePageId(e.target.value)}>
          {okPages.map((p) => (
            <option key={p.id} value={p.id}>
              {pages.indexOf(p) + 1}. {p.name}
            </option>
          ))}
        </select>
        <span className="pv-legend pv-hl-content">contentPath match</span>
        <span className="pv-legend pv-hl-explode">explodeEntityPath match</span>
      </div>
      {sel !== null && value !== undefined && (
        <div className="pv-tree-actions" role="group" aria-label="Selected array">
          <code>{sel || '(root)'}</code>
          <button
            type="button"
            className="pv-button"
            onClick={() => setPath(CONTENT_PATH, 'contentPath', contentPathFor(value, sel))}
          >
            Use as records
          </button>
          <button
            type="button"
            className="pv-button"
            disabled={explodePath === null}
            title={
              explodePath === null
                ? 'Only an array inside a record (a contentPath item) can be exploded'
                : undefined
            }
            onClick={() => explodePath !== null && setPath(EXPLODE_PATH, 'explodeEntityPath', explodePath)}
          >
            Explode this array
          </button>
        </div>
      )}
      {tooBig ? (
        <p className="pv-empty">
          This page is too large for the tree view; the records and requests still use it.
        </p>
      ) : value === undefined ? (
        <p className="pv-empty">Loading…</p>
      ) : (
        <div className="pv-tree" role="tree" aria-label="Sample page">
          <TreeNode name="$" value={value} pointer={encodePointer([])} ctx={ctx} depth={0} />
        </div>
      )}
    </div>
  );
}
