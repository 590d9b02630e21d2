import { useState } from 'react';
import { ChangesButton } from '../features/changes/ChangesButton';
import { DiagnosticsCounts } from '../features/diagnostics/DiagnosticsCounts';
import { ExportMenu } from '../features/import-export/ExportMenu';
import { UndoAfterReloadNote } from '../features/library/UndoAfterReloadNote';
import { StartMenu, type OpenSample } from '../features/import-export/StartMenu';
import { useT } from '../i18n';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useSpecStore } from '../store';
import { selectCanRedo, selectCanUndo, selectSaveStatus, selectSpecName } from '../store/selectors';
import { AdobeDialogs } from './AdobeDialogs';
import { ChecklistReopenButton } from './FirstRunChecklist';

export interface TopBarProps {
  onBeforeLoad: () => string | null;
  onOpenLibrary: () => void;
  onShowProblems: () => void;
  /** Where an opened file that is an API response goes (the preview's samples). */
  onOpenSample?: OpenSample;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

/** App name, spec name, Start / Export / Library, undo and redo, and the problem counts. */
export function TopBar({ onBeforeLoad, onOpenLibrary, onShowProblems, onOpenSample }: TopBarProps) {
  const t = useT();
  const name = useSpecStore(selectSpecName);
  const saveStatus = useSpecStore(selectSaveStatus);
  const canUndo = useSpecStore(selectCanUndo);
  const canRedo = useSpecStore(selectCanRedo);
  const undo = useSpecStore((s) => s.undo);
  const redo = useSpecStore((s) => s.redo);
  const [adobe, setAdobe] = useState<'publish' | 'open' | null>(null);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◆
        </span>
        <span className="brand-name">Spec Studio</span>
      </div>
      <span className="topbar-divider" aria-hidden="true" />
      <div className="spec-title">
        <h1 title={name}>{name}</h1>
        <span className="muted small" aria-live="polite" data-testid="save-status">
          {saveStatus}
        </span>
        <UndoAfterReloadNote />
      </div>
      <nav className="toolbar" aria-label={t('app.topBar.actions')}>
        <StartMenu onBeforeLoad={onBeforeLoad} onOpenSample={onOpenSample} onAdobe={setAdobe} />
        <AdobeDialogs which={adobe} onClose={() => setAdobe(null)} onBeforeLoad={onBeforeLoad} />
        <ExportMenu />
        <button type="button" className="toolbar-button" onClick={onOpenLibrary}>
          {t('app.topBar.library')}
        </button>
        <ChecklistReopenButton />
        <ChangesButton />
        <span className="topbar-divider" aria-hidden="true" />
        <button
          type="button"
          className="icon-button"
          aria-label={t('app.topBar.undo')}
          title={t('app.topBar.undoTitle', { keys: mod + 'Z' })}
          disabled={!canUndo}
          onClick={undo}
        >
          ↶
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('app.topBar.redo')}
          title={t('app.topBar.redoTitle', { keys: mod + 'Shift+Z' })}
          disabled={!canRedo}
          onClick={redo}
        >
          ↷
        </button>
        <span className="topbar-divider" aria-hidden="true" />
        <DiagnosticsCounts onActivate={onShowProblems} />
        <span className="topbar-divider" aria-hidden="true" />
        <LanguageSwitch />
      </nav>
    </header>
  );
}
