import { useT } from '../i18n';
import { lastExportedAt } from '../lib/library';
import { useSpecStore } from '../store';
import { selectTouched } from '../store/selectors';
import { setChecklistDismissed, useChecklistDismissed } from './firstRun';
import { checklistSteps, type StepTarget } from './firstRunSteps';
import './checklist.css';

/** The place a step is about, as a link target (the form, the preview, the top bar). */
function hrefOf(target: StepTarget): string {
  return 'section' in target ? '#form' : 'preview' in target ? '#preview' : '#spec-actions';
}

/** Goes to the place a step is about: its form section, the preview's sample pages, the Export menu. */
function goTo(target: StepTarget): void {
  const s = useSpecStore.getState();
  if ('section' in target) {
    s.setActiveSection(target.section);
    document.querySelector<HTMLElement>('.form-pane h2, .form-pane h3')?.scrollIntoView({ block: 'nearest' });
  } else if ('preview' in target) {
    s.setPreviewTab(target.preview);
  } else {
    // By its menu name, not its label (which is in the chosen language).
    document.querySelector<HTMLButtonElement>('.toolbar button[data-menu="export"]')?.click();
  }
}

/**
 * The first-run checklist under the top bar: Name → Authentication → Request → Records → Pagination →
 * Sample → Export, each ticked as the store shows it done and each a link to its place. Shown until
 * dismissed (remembered); "Checklist" in the top bar brings it back.
 */
export function FirstRunChecklist() {
  const t = useT();
  const dismissed = useChecklistDismissed();
  const doc = useSpecStore((s) => s.doc);
  const touched = useSpecStore(selectTouched);
  const samplePages = useSpecStore((s) => s.samplePages.length);
  const docId = useSpecStore((s) => s.docId);
  // An export records itself in localStorage and says so in a toast: the toast re-renders this.
  useSpecStore((s) => s.toasts);
  if (dismissed) return null;
  const steps = checklistSteps({
    doc,
    touched,
    samplePages,
    exported: lastExportedAt(docId) !== null,
  });
  const done = steps.filter((s) => s.done).length;
  const next = steps.find((s) => !s.done);
  return (
    <section className="checklist" aria-label={t('app.checklist.ariaLabel')}>
      <span className="checklist-title">
        {t('app.checklist.title')}{' '}
        <span className="muted" data-testid="checklist-progress">
          {done === steps.length
            ? t('app.checklist.allDone')
            : t('app.checklist.progress', { done, total: steps.length })}
        </span>
      </span>
      <ol className="checklist-steps">
        {steps.map((step, i) => (
          <li key={step.id}>
            {i > 0 && (
              <span className="checklist-arrow" aria-hidden="true">
                →
              </span>
            )}
            {/* A link (it goes to a place), which also keeps "Export" and the like unique as button names. */}
            <a
              href={hrefOf(step.target)}
              className={`checklist-step${step.done ? ' is-done' : ''}${step === next ? ' is-next' : ''}`}
              aria-label={t('app.checklist.stepAria', {
                label: step.label,
                done: step.done ? 'yes' : 'no',
                hint: step.hint,
              })}
              title={t('app.checklist.stepTitle', { hint: step.hint, done: step.done ? 'yes' : 'no' })}
              onClick={(e) => {
                e.preventDefault();
                goTo(step.target);
              }}
            >
              <span className="checklist-mark" aria-hidden="true">
                {step.done ? '✓' : i + 1}
              </span>
              {step.label}
            </a>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="icon-button checklist-close"
        aria-label={t('app.checklist.hide')}
        title={t('app.checklist.hideTitle')}
        onClick={() => setChecklistDismissed(true)}
      >
        ×
      </button>
    </section>
  );
}

/** Top-bar button that brings a dismissed checklist back (absent while the checklist shows). */
export function ChecklistReopenButton() {
  const t = useT();
  const dismissed = useChecklistDismissed();
  if (!dismissed) return null;
  return (
    <button type="button" className="toolbar-button" onClick={() => setChecklistDismissed(false)}>
      {t('app.checklist.reopen')}
    </button>
  );
}
