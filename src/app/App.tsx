import { lazy, Suspense, useCallback, useEffect, useState, type DragEvent } from 'react';
import { loadRegexEngine } from '@core';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { SplitPanes } from '../components/SplitPanes';
import { Toasts } from '../components/Toasts';
import { DiagnosticsPanel } from '../features/diagnostics/DiagnosticsPanel';
import { useDiagnosticsSync } from '../features/diagnostics/useDiagnosticsSync';
import { useOpenFile } from '../features/import-export/StartMenu';
import { JsonOnlyNote } from '../features/json-editor/JsonOnlyNote';
import { ParseErrorBanner } from '../features/json-editor/ParseErrorBanner';
import { LibraryDialog } from '../features/library/LibraryDialog';
import { saveCurrentToLibrary } from '../features/library/librarySync';
import { useLibraryAutosave } from '../features/library/useLibraryAutosave';
import { useTabPresence } from '../features/library/useTabPresence';
import { useDocSamples } from '../features/preview/useDocSamples';
import { useShareLinkOpener } from '../features/share/useShareLinkOpener';
import { SpecForm } from '../features/spec-form/SpecForm';
import { loadRestOfCatalogue, useT } from '../i18n';
import { useSpecStore } from '../store';
import { AppBanners } from './AppBanners';
import { FirstRunChecklist } from './FirstRunChecklist';
import { TopBar } from './TopBar';
import { useAfterFirstPaint } from './useAfterFirstPaint';
import { useAppLifecycle } from './useAppLifecycle';

const JsonEditorPane = lazy(() => import('../features/json-editor/JsonEditorPane'));
// The preview (flatten, simulate, virtual table) is a lazy chunk too: the form is usable before it loads.
const PreviewPane = lazy(() =>
  import('../features/preview/PreviewPane').then((m) => ({ default: m.PreviewPane })),
);

/** An opened file that is an API response becomes a sample page (the preview's code loads lazily). */
function openSampleFile(text: string, name: string): void {
  void import('../features/preview/previewService').then((m) => {
    m.addSamples([{ name, origin: 'file', source: text }]);
    useSpecStore.getState().setPreviewTab('samples');
  });
}

/** The editor shell: top bar, banners, and the three panes (form, JSON, preview). */
export function App() {
  useAppLifecycle();
  const t = useT();
  // What the first paint need not wait for starts right after it: the validation worker (its chunk),
  // the regex engine's chunk (main-thread pattern checks answer "still loading" until it is in), and
  // the lazy panes below.
  const painted = useAfterFirstPaint();
  useDiagnosticsSync(painted);
  useEffect(() => {
    if (!painted) return;
    void loadRegexEngine();
    // The messages of what the first paint did not show (preview, dialogs, …): src/i18n/locales.ts.
    void loadRestOfCatalogue();
  }, [painted]);
  useLibraryAutosave();
  useTabPresence();
  useDocSamples(painted);
  const [libraryOpen, setLibraryOpen] = useState(false);
  const [dragging, setDragging] = useState(false);
  const toasts = useSpecStore((s) => s.toasts);
  const dismissToast = useSpecStore((s) => s.dismissToast);

  const beforeLoad = useCallback(() => saveCurrentToLibrary(), []);
  const openFile = useOpenFile(beforeLoad, openSampleFile);
  useShareLinkOpener(beforeLoad, openSampleFile);

  const onDrop = (e: DragEvent) => {
    if (e.defaultPrevented) return;
    e.preventDefault();
    setDragging(false);
    const f = e.dataTransfer.files[0];
    if (f) void openFile(f);
  };

  const showProblems = () =>
    document.getElementById('problems')?.querySelector<HTMLElement>('button, p')?.focus();

  return (
    <div
      className="app"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <TopBar
        onBeforeLoad={beforeLoad}
        onOpenLibrary={() => setLibraryOpen(true)}
        onShowProblems={showProblems}
        onOpenSample={openSampleFile}
      />
      <FirstRunChecklist />
      <AppBanners />
      <main className="workspace">
        <SplitPanes
          id="spec-studio-panes"
          panes={[
            {
              id: 'form',
              label: t('app.app.paneForm'),
              defaultSize: 34,
              minSize: 340,
              content: (
                <div className="form-pane">
                  <JsonOnlyNote />
                  <SpecForm />
                </div>
              ),
            },
            {
              id: 'json',
              label: 'JSON',
              defaultSize: 38,
              minSize: 360,
              content: (
                <Group id="json-and-problems" orientation="vertical" className="split">
                  <Panel id="json-editor" defaultSize="72%" minSize={120} className="pane">
                    <div className="json-pane">
                      <div className="pane-header">
                        <h2 className="panel-title">JSON</h2>
                        <span className="muted small">{t('app.app.jsonSubtitle')}</span>
                      </div>
                      <ParseErrorBanner />
                      <Suspense fallback={<div className="loading">{t('app.app.loadingEditor')}</div>}>
                        {painted ? (
                          <JsonEditorPane />
                        ) : (
                          <div className="loading">{t('app.app.loadingEditor')}</div>
                        )}
                      </Suspense>
                    </div>
                  </Panel>
                  <Separator
                    className="split-handle split-handle-h"
                    aria-label={t('app.app.resizeProblems')}
                  />
                  <Panel id="problems-panel" defaultSize="28%" minSize={72} className="pane">
                    <section id="problems" className="problems-pane" aria-label={t('app.app.problems')}>
                      <DiagnosticsPanel />
                    </section>
                  </Panel>
                </Group>
              ),
            },
            {
              id: 'preview',
              label: t('app.app.panePreview'),
              defaultSize: 28,
              minSize: 240,
              content: (
                <div className="preview-pane">
                  <Suspense fallback={<div className="loading">{t('app.app.loadingPreview')}</div>}>
                    {painted ? <PreviewPane /> : <div className="loading">{t('app.app.loadingPreview')}</div>}
                  </Suspense>
                </div>
              ),
            },
          ]}
        />
      </main>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          {t('app.app.dropFile')}
        </div>
      )}
      <LibraryDialog open={libraryOpen} onClose={() => setLibraryOpen(false)} onBeforeLoad={beforeLoad} />
      <Toasts toasts={toasts} onDismiss={dismissToast} />
    </div>
  );
}
