import { useRef, useState } from 'react';
import { BLANK_SPEC } from '@core';
import { MenuButton } from '../../components/MenuButton';
import { t, useT } from '../../i18n';
import { useSpecStore, type LoadOrigin } from '../../store';
import { EXAMPLES, fetchExample } from './examples';
import { classifyOpenedText, readSpecFile } from './fileImport';
import { PasteDialog } from './PasteDialog';

/** Adds an opened file that is an API response to the preview's sample pages (wired by the app). */
export type OpenSample = (text: string, name: string) => void;

export interface StartMenuProps {
  /**
   * Called before another spec replaces the current one: the app keeps it in the library and returns
   * its name (null when there was nothing worth keeping).
   */
  onBeforeLoad: () => string | null;
  /** Where an opened file that is an API response goes instead (the preview's samples). */
  onOpenSample?: OpenSample;
  /** Opens the Adobe dialogs (publishing is its own feature, composed by the app). */
  onAdobe?: (which: 'publish' | 'open') => void;
}

/** Loads a spec into the store, after giving the app the chance to keep the current one. */
export function useLoadSpec(onBeforeLoad: () => string | null) {
  const loadDocument = useSpecStore((s) => s.loadDocument);
  const notify = useSpecStore((s) => s.notify);
  /**
   * `label` names what is opened ("the pasted JSON", a quoted file name), worded in the current
   * language when the toast shows (a function) or as it is (a string).
   */
  return (text: string, origin: LoadOrigin, label: string | (() => string)) => {
    const kept = onBeforeLoad();
    loadDocument(text, origin);
    const bad = useSpecStore.getState().parseError;
    const keptArgs = { kept: kept ? 'yes' : 'no', keptName: kept ?? '' };
    const named = typeof label === 'function' ? label : () => label;
    notify(
      bad
        ? () => t('app.start.openedInvalid', { label: named(), line: String(bad.line), ...keptArgs })
        : () => t('app.start.opened', { label: named(), ...keptArgs }),
      bad ? 'warning' : 'success',
    );
  };
}

/**
 * Opens a user file: strict UTF-8, JSON, then by what it is (`classifyOpenedText`). A refused file
 * (too big, empty, binary, not UTF-8, not JSON: with the error's line and column) is a toast and
 * leaves the current spec and its undo history untouched. Adobe's GET wrapper opens the spec inside,
 * saying so; an API response goes to `onOpenSample` (the preview's samples) instead of replacing the
 * spec.
 */
export function useOpenFile(onBeforeLoad: () => string | null, onOpenSample?: OpenSample) {
  const load = useLoadSpec(onBeforeLoad);
  const notify = useSpecStore((s) => s.notify);
  return async (file: File) => {
    const r = await readSpecFile(file);
    if (!r.ok) return notify(() => r.message, 'error');
    const name = r.name;
    const label = (): string => t('app.fileImport.quoted', { name });
    const opened = classifyOpenedText(r.text, label);
    if (opened.action === 'refuse') return notify(() => opened.message, 'error');
    if (opened.action === 'sample') {
      const kept = opened;
      if (!onOpenSample)
        return notify(
          () => t('app.fileImport.notOpened', { label: label(), reason: kept.reason }),
          'warning',
        );
      onOpenSample(r.text, r.name);
      return notify(() => t('app.start.fileIsSample', { label: label() }), 'info');
    }
    load(opened.text, 'file', label);
    // The note is worded when read: the toast follows a language switch.
    const loaded = opened;
    if (loaded.note) notify(() => t('app.start.note', { label: label(), note: loaded.note ?? '' }), 'info');
  };
}

/** Start: a blank spec, a built-in example, a file, pasted JSON or a spec from Adobe; publishing to Adobe. */
export function StartMenu({ onBeforeLoad, onOpenSample, onAdobe }: StartMenuProps) {
  useT();
  const load = useLoadSpec(onBeforeLoad);
  const openFile = useOpenFile(onBeforeLoad, onOpenSample);
  const notify = useSpecStore((s) => s.notify);
  const fileInput = useRef<HTMLInputElement>(null);
  const [pasting, setPasting] = useState(false);

  const openExample = async (e: (typeof EXAMPLES)[number]) => {
    const r = await fetchExample(e.id);
    if (!r.ok) return notify(() => r.message, 'error');
    // The title is worded when read (the toast follows a language switch).
    load(r.text, 'example', () => t('app.start.exampleLabel', { title: e.title }));
  };

  return (
    <>
      <MenuButton
        label={t('app.start.label')}
        name="start"
        items={[
          {
            id: 'blank',
            label: t('app.start.blank'),
            onSelect: () =>
              load(JSON.stringify(BLANK_SPEC, null, 2) + '\n', 'blank', () => t('app.start.blankLabel')),
          },
          ...EXAMPLES.map((e, i) => ({
            id: `example-${e.id}`,
            label: t('app.start.example', { title: e.title }),
            hint: e.hint,
            separatorBefore: i === 0,
            onSelect: () => void openExample(e),
          })),
          {
            id: 'file',
            label: t('app.start.openFile'),
            separatorBefore: true,
            onSelect: () => fileInput.current?.click(),
          },
          { id: 'paste', label: t('app.start.paste'), onSelect: () => setPasting(true) },
          ...(onAdobe === undefined
            ? []
            : [
                {
                  id: 'adobe-open',
                  label: t('app.start.adobeOpen'),
                  hint: t('app.start.adobeOpenHint'),
                  separatorBefore: true,
                  onSelect: () => onAdobe('open'),
                },
                {
                  id: 'adobe-publish',
                  label: t('app.start.adobePublish'),
                  hint: t('app.start.adobePublishHint'),
                  onSelect: () => onAdobe('publish'),
                },
              ]),
        ]}
      />
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label={t('app.start.fileInput')}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void openFile(f);
        }}
      />
      <PasteDialog
        open={pasting}
        onClose={() => setPasting(false)}
        onSubmit={(text) => {
          setPasting(false);
          // Invalid JSON still opens (to be fixed in the editor); an API response becomes a sample.
          const opened = classifyOpenedText(text, () => t('app.start.pastedSubject'));
          if (opened.action === 'sample' && onOpenSample) {
            onOpenSample(text, t('app.start.pastedSampleName'));
            return notify(() => t('app.start.pasteIsSample'), 'info');
          }
          load(opened.action === 'load' ? opened.text : text, 'paste', () => t('app.start.pastedLabel'));
          if (opened.action === 'load' && opened.note) {
            const loaded = opened;
            notify(
              () => t('app.start.note', { label: t('app.start.pastedSubject'), note: loaded.note ?? '' }),
              'info',
            );
          }
        }}
      />
    </>
  );
}
