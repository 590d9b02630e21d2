import { useRef, useState } from 'react';
import { BLANK_SPEC } from '@core';
import { MenuButton } from '../../components/MenuButton';
import { useSpecStore, type LoadOrigin } from '../../store';
import { EXAMPLES, fetchExample } from './examples';
import { readSpecFile } from './fileImport';
import { PasteDialog } from './PasteDialog';

export interface StartMenuProps {
  /**
   * Called before another spec replaces the current one: the app keeps it in the library and returns
   * its name (null when there was nothing worth keeping).
   */
  onBeforeLoad: () => string | null;
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

/** Opens a user file (size checked first), reporting refusals as toasts. */
export function useOpenFile(onBeforeLoad: () => string | null) {
  const load = useLoadSpec(onBeforeLoad);
  const notify = useSpecStore((s) => s.notify);
  return async (file: File) => {
    const r = await readSpecFile(file);
    if (!r.ok) return notify(r.message, 'error');
    load(r.text, 'file', `“${r.name}”`);
  };
}

/** Start: a blank spec, a built-in example, a file, or pasted JSON. */
export function StartMenu({ onBeforeLoad }: StartMenuProps) {
  const load = useLoadSpec(onBeforeLoad);
  const openFile = useOpenFile(onBeforeLoad);
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
          load(text, 'paste', 'the pasted JSON');
        }}
      />
    </>
  );
}
