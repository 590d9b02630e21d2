import { useId, useMemo, useState } from 'react';
import { buildKit, checkKit, KIT_CATEGORIES, kitFileName, kitFolder, suggestKit, type KitInput } from '@core';
import { Dialog } from '../../components/Dialog';
import { t as tNow, useT } from '../../i18n';
import { T } from '../../i18n/T';
import { useSpecStore } from '../../store';
import { IconPicker, type ChosenIcon } from './IconPicker';
import { categoryLabel, KitChecks, kitCheckText, type KitCheckContext } from './KitChecks';
import { downloadBytes } from './kitFiles';
import './submission.css';

/**
 * Export → Submission kit: the artifacts folder Adobe reviews (source name, label, description,
 * category, icon and the spec as exported), checked, downloaded as one zip. Mount it to open it.
 */
export function SubmissionKitDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const notify = useSpecStore((s) => s.notify);
  const specText = useSpecStore((s) => s.text);
  const diagnostics = useSpecStore((s) => s.diagnostics);
  const parseError = useSpecStore((s) => s.parseError);
  const doc = useSpecStore((s) => s.doc);
  const [first] = useState(() => suggestKit(useSpecStore.getState().doc));
  const [source, setSource] = useState(first.source);
  const [label, setLabel] = useState(first.label);
  const [description, setDescription] = useState(first.description);
  const [category, setCategory] = useState(first.category);
  const [icon, setIcon] = useState<ChosenIcon | null>(null);
  const ids = { source: useId(), label: useId(), description: useId(), category: useId(), reason: useId() };

  const input: KitInput = {
    specText,
    source,
    label,
    description,
    category,
    icon: icon ? (icon.bytes ?? '') : null,
  };
  const checks = useMemo(
    () =>
      checkKit(
        { specText, source, label, description, category, icon: icon ? (icon.bytes ?? '') : null },
        parseError ? { screened: icon?.screened } : { diagnostics, doc, screened: icon?.screened },
      ),
    [specText, source, label, description, category, icon, diagnostics, parseError, doc],
  );
  const blocking = checks.find((c) => c.status === 'fail');
  const context: KitCheckContext = {
    input,
    diagnostics: parseError ? undefined : diagnostics,
    doc: parseError ? undefined : doc,
    icon,
  };

  const download = () => {
    const kit = buildKit(input, { diagnostics, doc, screened: icon?.screened });
    if (!kit.ok) return;
    const file = kitFileName(source);
    downloadBytes(file, kit.zip, 'application/zip');
    const count = kit.files.length;
    notify(() => tNow('tools.kit.downloaded', { file, count }), 'success');
    onClose();
  };

  return (
    <Dialog
      open
      wide
      title={t('tools.kit.title')}
      onClose={onClose}
      footer={
        <>
          {blocking && (
            <span id={ids.reason} className="small kit-reason">
              ✗ {kitCheckText(blocking, context)}
            </span>
          )}
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {t('tools.dialog.cancel')}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={blocking !== undefined}
            aria-describedby={blocking ? ids.reason : undefined}
            onClick={download}
          >
            {t('tools.kit.download')}
          </button>
        </>
      }
    >
      <p className="muted small kit-intro">{t('tools.kit.intro')}</p>
      <div className="kit-grid">
        <div className="kit-field">
          <label className="field-label" htmlFor={ids.source}>
            {t('tools.kit.source')}
          </label>
          <input
            id={ids.source}
            className="input kit-mono"
            value={source}
            spellCheck={false}
            autoComplete="off"
            placeholder={t('tools.kit.sourcePlaceholder', { example: 'mailchimp-members' })}
            onChange={(e) => setSource(e.target.value)}
          />
          <p className="muted small kit-hint">
            <T
              id="tools.kit.sourceHint"
              values={{ folder: kitFolder(source || '{source}') }}
              components={{ 0: <code /> }}
            />
          </p>
        </div>
        <div className="kit-field">
          <label className="field-label" htmlFor={ids.category}>
            {t('tools.kit.categoryLabel')}
          </label>
          <select
            id={ids.category}
            className="input"
            value={category}
            onChange={(e) => setCategory(e.target.value)}
          >
            <option value="">{t('tools.kit.choose')}</option>
            {KIT_CATEGORIES.map((c) => (
              <option key={c.key} value={c.key}>
                {categoryLabel(c.key, c.label)}
              </option>
            ))}
          </select>
        </div>
        <div className="kit-field kit-span">
          <label className="field-label" htmlFor={ids.label}>
            {t('tools.kit.label')}
          </label>
          <input id={ids.label} className="input" value={label} onChange={(e) => setLabel(e.target.value)} />
        </div>
        <div className="kit-field kit-span">
          <label className="field-label" htmlFor={ids.description}>
            {t('tools.kit.description')}
          </label>
          <textarea
            id={ids.description}
            className="input kit-description"
            rows={3}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <div className="kit-span">
          <IconPicker icon={icon} onChange={setIcon} />
        </div>
      </div>
      <h3 className="kit-heading">{t('tools.kit.checks')}</h3>
      <KitChecks checks={checks} context={context} />
    </Dialog>
  );
}
