import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Editor, type OnMount } from '@monaco-editor/react';
import { monaco } from '../../../lib/monaco';
import { useExternalText } from '../../../components/useExternalText';
import { useColorScheme } from '../../../components/useColorScheme';
import '../../../components/monacoThemes';

export interface JsonFieldEditorProps {
  /** The field's JSON Pointer in the spec; names the model (one model per field). */
  pointer: string;
  /** The text to show; outside changes are applied as minimal edits. */
  value: string;
  onChange: (text: string) => void;
  ariaLabel: string;
  rows: number;
  readOnly: boolean;
  onFocus: () => void;
  onBlur: () => void;
}

const fieldUri = (pointer: string) =>
  `inmemory://spec-studio/field${pointer.split('/').map(encodeURIComponent).join('/')}.json`;

/**
 * An embedded Monaco for one free-form JSON field (lazy chunk: default export, loaded only when the
 * user asks for it). Its own model, disposed on unmount; typing reports the whole text through
 * `onChange` (the field decides whether it parses); a `value` from outside is applied as a minimal
 * edit, guarded so it does not echo back. Monaco's own undo applies inside the field.
 */
export default function JsonFieldEditor(props: JsonFieldEditorProps) {
  const { pointer, value, ariaLabel, rows, readOnly } = props;
  const [editor, setEditor] = useState<monaco.editor.IStandaloneCodeEditor | null>(null);
  const applying = useRef(false);
  const callbacks = useRef(props);
  const scheme = useColorScheme();
  const path = useMemo(() => fieldUri(pointer), [pointer]);

  useEffect(() => {
    callbacks.current = props;
  });

  const options = useMemo<monaco.editor.IStandaloneEditorConstructionOptions>(
    () => ({
      ariaLabel,
      readOnly,
      minimap: { enabled: false },
      lineNumbers: 'off',
      folding: true,
      fontSize: 13,
      lineHeight: 20,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      tabSize: 2,
      scrollbar: { verticalScrollbarSize: 8, horizontalScrollbarSize: 8, alwaysConsumeMouseWheel: false },
    }),
    [ariaLabel, readOnly],
  );

  const onMount = useCallback<OnMount>((ed) => {
    const model = ed.getModel();
    if (!model) return;
    model.updateOptions({ tabSize: 2, insertSpaces: true });
    const subs = [
      ed.onDidChangeModelContent(() => {
        if (!applying.current) callbacks.current.onChange(model.getValue());
      }),
      ed.onDidFocusEditorText(() => callbacks.current.onFocus()),
      ed.onDidBlurEditorText(() => callbacks.current.onBlur()),
    ];
    ed.onDidDispose(() => {
      for (const s of subs) s.dispose();
      setEditor((cur) => (cur === ed ? null : cur));
    });
    setEditor(ed);
  }, []);

  useExternalText(editor, value, applying);

  return (
    <Editor
      path={path}
      defaultValue={value}
      defaultLanguage="json"
      theme={scheme === 'dark' ? 'spec-dark' : 'spec-light'}
      options={options}
      beforeMount={(m) => m.editor.getModel(m.Uri.parse(path))?.dispose()}
      onMount={onMount}
      height={`${rows * 20 + 8}px`}
      wrapperProps={{ className: 'sf-code-editor' }}
    />
  );
}
