import { Group, Panel, Separator } from 'react-resizable-panels';
import type { ReactNode } from 'react';
import { useT } from '../i18n';

export interface Pane {
  id: string;
  label: string;
  /** Default size in percent of the row. */
  defaultSize: number;
  /** Minimum size in pixels. */
  minSize: number;
  content: ReactNode;
}

/** A row of resizable panes with keyboard-operable separators (arrow keys move them). */
export function SplitPanes({ panes, id }: { panes: Pane[]; id: string }) {
  return (
    <Group id={id} orientation="horizontal" className="split">
      {panes.map((p, i) => (
        <PaneWithSeparator key={p.id} pane={p} last={i === panes.length - 1} />
      ))}
    </Group>
  );
}

function PaneWithSeparator({ pane, last }: { pane: Pane; last: boolean }) {
  const t = useT();
  return (
    <>
      <Panel id={pane.id} defaultSize={`${pane.defaultSize}%`} minSize={pane.minSize} className="pane">
        <section className="pane-body" aria-label={pane.label}>
          {pane.content}
        </section>
      </Panel>
      {!last && (
        <Separator className="split-handle" aria-label={t('app.splitPanes.resize', { pane: pane.label })} />
      )}
    </>
  );
}
