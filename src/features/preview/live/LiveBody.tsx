import { useEffect, useMemo, useState } from 'react';
import { encodePointer, type JsonValue } from '@core';
import { useT } from '../../../i18n';
import { T } from '../../../i18n/T';
import { formatBytes } from '../../../i18n/format';
import { useSpecStore } from '../../../store';
import { previewClient } from '../previewService';
import { TreeNode, type TreeContext } from '../TreeNode';
import '../tree.css';

/** Live pages larger than this are not fetched into the main thread for the inline tree. */
export const LIVE_TREE_MAX_BYTES = 5 * 1024 * 1024;

const NONE: ReadonlySet<string> = new Set();

/**
 * A live page’s body as the JSON tree (the preview worker holds it parsed under its page id); loaded
 * only when opened, and only up to LIVE_TREE_MAX_BYTES: a larger page says so and offers the Tree tab.
 */
export function LiveBody({ pageId, bytes }: { pageId: string; bytes: number }) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<JsonValue | undefined>(undefined);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(['']));
  const parsed = useSpecStore((s) => s.samplePages.find((p) => p.id === pageId)?.status === 'ok');
  const setTree = useSpecStore((s) => s.setTreePageId);
  const setTab = useSpecStore((s) => s.setPreviewTab);
  const tooBig = bytes > LIVE_TREE_MAX_BYTES;
  const t = useT();

  useEffect(() => {
    if (!open || !parsed || tooBig) return;
    let live = true;
    void previewClient()
      .sampleValue(pageId)
      .then((v) => {
        if (live && v !== null) setValue(v);
      });
    return () => {
      live = false;
    };
  }, [open, parsed, tooBig, pageId]);

  const ctx: TreeContext = useMemo(
    () => ({
      content: NONE,
      explode: NONE,
      open: expanded,
      selected: null,
      toggle: (p) =>
        setExpanded((prev) => {
          const next = new Set(prev);
          if (next.has(p)) next.delete(p);
          else next.add(p);
          return next;
        }),
      select: () => undefined,
    }),
    [expanded],
  );

  return (
    <details className="pv-live-body" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <T
          id="run.live.body"
          values={{ size: formatBytes(bytes) }}
          components={{ 0: <span className="pv-muted" /> }}
        />
      </summary>
      <button
        type="button"
        className="pv-button pv-quiet pv-live-open-tree"
        disabled={!parsed}
        title={t('run.live.openTreeTitle')}
        onClick={() => {
          setTree(pageId);
          setTab('sample');
        }}
      >
        {t('run.live.openTree')}
      </button>
      {tooBig ? (
        <p className="pv-muted">{t('run.live.tooLargeHere', { size: formatBytes(bytes) })}</p>
      ) : !parsed || value === undefined ? (
        <p className="pv-muted">{t('run.live.loading')}</p>
      ) : (
        <div className="pv-tree pv-live-tree" role="tree" aria-label={t('run.live.responseBody')}>
          <TreeNode name="$" value={value} pointer={encodePointer([])} ctx={ctx} depth={0} />
        </div>
      )}
    </details>
  );
}
