import { useRef, useState } from 'react';
import { BLANK_SPEC } from '@core';
import { MenuButton } from '../../components/MenuButton';
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
  return (text: string, origin: LoadOrigin, label: string) => {
    const kept = onBeforeLoad();
    loadDocument(text, origin);
    const bad = useSpecStore.getState().parseError;
    const keptNote = kept ? ` Your previous spec “${kept}” is in the library.` : '';
    notify(
      bad
        ? `Opened ${label}, but its JSON is invalid (line ${bad.line}).${keptNote}`
        : `Opened ${label}.${keptNote}`,
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
    if (!r.ok) return notify(r.message, 'error');
    const label = `“${r.name}”`;
    const opened = classifyOpenedText(r.text, label);
    if (opened.action === 'refuse') return notify(opened.message, 'error');
    if (opened.action === 'sample') {
      if (!onOpenSample) return notify(`${label} was not opened: ${opened.kind.message}.`, 'warning');
      onOpenSample(r.text, r.name);
      return notify(
        `${label} looks like an API response, not a connection spec: it was added to the preview as a sample page. Your spec is unchanged.`,
        'info',
      );
    }
    load(opened.text, 'file', label);
    if (opened.note) notify(`${label}: ${opened.note}.`, 'info');
  };
}

/** Start: a blank spec, a built-in example, a file, pasted JSON or a spec from Adobe; publishing to Adobe. */
export function StartMenu({ onBeforeLoad, onOpenSample, onAdobe }: StartMenuProps) {
  const load = useLoadSpec(onBeforeLoad);
  const openFile = useOpenFile(onBeforeLoad, onOpenSample);
  const notify = useSpecStore((s) => s.notify);
  const fileInput = useRef<HTMLInputElement>(null);
  const [pasting, setPasting] = useState(false);

  const openExample = async (id: string, title: string) => {
    const r = await fetchExample(id);
    if (!r.ok) return notify(r.message, 'error');
    load(r.text, 'example', `the ${title} example`);
  };

  return (
    <>
      <MenuButton
        label="Start"
        items={[
          {
            id: 'blank',
            label: 'Blank spec',
            onSelect: () => load(`${JSON.stringify(BLANK_SPEC, null, 2)}\n`, 'blank', 'a blank spec'),
          },
          ...EXAMPLES.map((e, i) => ({
            id: `example-${e.id}`,
            label: `Example: ${e.title}`,
            hint: e.hint,
            separatorBefore: i === 0,
            onSelect: () => void openExample(e.id, e.title),
          })),
          {
            id: 'file',
            label: 'Open file…',
            separatorBefore: true,
            onSelect: () => fileInput.current?.click(),
          },
          { id: 'paste', label: 'Paste JSON…', onSelect: () => setPasting(true) },
          ...(onAdobe === undefined
            ? []
            : [
                {
                  id: 'adobe-open',
                  label: 'Open from Adobe…',
                  hint: 'by connection spec id',
                  separatorBefore: true,
                  onSelect: () => onAdobe('open'),
                },
                {
                  id: 'adobe-publish',
                  label: 'Publish to Adobe…',
                  hint: 'create or update',
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
        aria-label="Open spec file"
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
          const opened = classifyOpenedText(text, 'The pasted JSON');
          if (opened.action === 'sample' && onOpenSample) {
            onOpenSample(text, 'Pasted response');
            return notify(
              'The pasted JSON looks like an API response, not a connection spec: it was added to the preview as a sample page. Your spec is unchanged.',
              'info',
            );
          }
          load(opened.action === 'load' ? opened.text : text, 'paste', 'the pasted JSON');
          if (opened.action === 'load' && opened.note) notify(`The pasted JSON: ${opened.note}.`, 'info');
        }}
      />
    </>
  );
}
