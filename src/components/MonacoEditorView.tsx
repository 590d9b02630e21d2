import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Editor, type OnMount } from '@monaco-editor/react';
import { LOCALE_NAMES, useLocale, useT, type Locale } from '../i18n';
import { formatNumber } from '../i18n/format';
import { MARKER_OWNER, monaco, SPEC_MODEL_URI } from '../lib/monaco';
import { dismissMonacoNote, monacoLocale, monacoNoteDismissed } from '../lib/monacoNls';
import { LARGE_TEXT_CHARS, type MonacoEditorProps } from './MonacoEditor';
import { Banner } from './Banner';
import { guardKeyboardFocus, TAB_MODE_KEY, type KeyboardGuard } from './monacoKeyboard';
import { useExternalText, type ExternalTextSync } from './useExternalText';
import { useColorScheme } from './useColorScheme';
import './monacoThemes';

const LARGE_OPTIONS: monaco.editor.IEditorOptions = {
  folding: false,
  stickyScroll: { enabled: false },
  occurrencesHighlight: 'off',
  selectionHighlight: false,
  matchBrackets: 'never',
  guides: { indentation: false, bracketPairs: false },
  links: false,
};
const NORMAL_OPTIONS: monaco.editor.IEditorOptions = {
  folding: true,
  stickyScroll: { enabled: true },
  occurrencesHighlight: 'singleFile',
  selectionHighlight: true,
  matchBrackets: 'always',
  guides: { indentation: true, bracketPairs: false },
  links: true,
};

/** Switches the model between JSON and plain text by size; returns whether it is now "large". */
function applySizeMode(
  editor: monaco.editor.IStandaloneCodeEditor,
  model: monaco.editor.ITextModel,
): boolean {
  const large = model.getValueLength() > LARGE_TEXT_CHARS;
  const want = large ? 'plaintext' : 'json';
  if (model.getLanguageId() !== want) {
    monaco.editor.setModelLanguage(model, want);
    editor.updateOptions(large ? LARGE_OPTIONS : NORMAL_OPTIONS);
  }
  return large;
}

const SEVERITY = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

/** Editor options that do not depend on the text's size (those are LARGE_ / NORMAL_OPTIONS). */
const BASE_OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  minimap: { enabled: false },
  fontSize: 13,
  lineHeight: 20,
  fontFamily: "ui-monospace, 'SF Mono', 'Cascadia Code', Menlo, Consolas, monospace",
  scrollBeyondLastLine: false,
  renderLineHighlight: 'line',
  fixedOverflowWidgets: true,
  tabSize: 2,
  padding: { top: 8 },
  scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
};

/** `language` named in `inLocale` ("anglais" in French), else in itself. */
function languageName(language: Locale, inLocale: Locale): string {
  try {
    return new Intl.DisplayNames([inLocale], { type: 'language' }).of(language) ?? LOCALE_NAMES[language];
  } catch {
    return LOCALE_NAMES[language];
  }
}

/**
 * Monaco's own menus keep the language they loaded in (src/lib/monacoNls.ts): after a switch to
 * another one, a note says so (once per language: dismissed, it stays away until the next switch).
 * No reload button: a reload restores the spec but loses the undo history (and unsaved secrets).
 */
function MonacoLanguageNote() {
  const t = useT();
  const locale = useLocale();
  const [, setDismissed] = useState(0);
  const loaded = monacoLocale();
  if (loaded === null || loaded === locale || monacoNoteDismissed(locale)) return null;
  return (
    <Banner
      tone="info"
      onDismiss={() => {
        dismissMonacoNote(locale);
        setDismissed((n) => n + 1);
      }}
    >
      <span data-testid="monaco-language-note">
        {t('app.editor.monacoLanguage', { language: languageName(loaded, locale) })}
      </span>
    </Banner>
  );
}

/**
 * Drops any model left at the spec URI, so `<Editor path>` creates a fresh one from `defaultValue`
 * instead of silently reusing stale text (the wrapper reuses a model that already exists there).
 */
function disposeStaleModel(m: typeof monaco): void {
  m.editor.getModel(m.Uri.parse(SPEC_MODEL_URI))?.dispose();
}

/**
 * The JSON editor of MonacoEditor.tsx (which loads this module once Monaco's messages are in): a JSON editor over a single model (`@monaco-editor/react` on the local
 * Monaco of lib/monaco, never a CDN), with an echo guard for outside edits. The wrapper creates the
 * model at SPEC_MODEL_URI on mount and disposes it on unmount; edits from outside are applied here
 * as minimal edits (its `value` prop would replace the whole text), and markers, reveals and the
 * size mode are applied once the editor exists, whatever happened while Monaco was loading.
 */
export default function MonacoEditorView(props: MonacoEditorProps) {
  const { value, markers, reveal, ariaLabel } = props;
  const t = useT();
  const [editor, setEditor] = useState<monaco.editor.IStandaloneCodeEditor | null>(null);
  const applying = useRef(false);
  const callbacks = useRef(props);
  const scheme = useColorScheme();
  const [large, setLarge] = useState(value.length > LARGE_TEXT_CHARS);
  const [tabMovesFocus, setTabMovesFocus] = useState(false);
  const keyboard = useRef<KeyboardGuard | null>(null);
  /** The model's texts as useExternalText knows them (see there). */
  const sync = useRef<ExternalTextSync | null>(null);

  useEffect(() => {
    callbacks.current = props;
  });

  // Stable between renders: the wrapper calls updateOptions whenever this object changes.
  const options = useMemo<monaco.editor.IStandaloneEditorConstructionOptions>(
    () => ({ ...BASE_OPTIONS, ariaLabel, ...(large ? LARGE_OPTIONS : NORMAL_OPTIONS) }),
    [ariaLabel, large],
  );

  const onMount = useCallback<OnMount>((ed) => {
    const model = ed.getModel();
    if (!model) return;
    model.updateOptions({ tabSize: 2, insertSpaces: true });
    const sub = ed.onDidChangeModelContent((e) => {
      // Before the JSON worker is asked anything about a huge paste (its requests are debounced).
      setLarge(applySizeMode(ed, model));
      if (applying.current) return;
      // One change to a text known here: the new text is that text with the change spliced in (two
      // slices of a flat string; the model's getValue() builds a rope of its pieces that every later
      // reader has to flatten: ~8 ms for 1 MB). The length check catches anything else.
      const base = sync.current?.before(e.versionId - 1) ?? null;
      // A change holding a CR is read back from the model: Monaco normalises line ends in the model.
      const c = e.changes.length === 1 && !e.changes[0]?.text.includes('\r') ? e.changes[0] : undefined;
      const spliced =
        c && base !== null
          ? base.slice(0, c.rangeOffset) + c.text + base.slice(c.rangeOffset + c.rangeLength)
          : null;
      const text = spliced !== null && spliced.length === model.getValueLength() ? spliced : model.getValue();
      sync.current?.seen(text);
      callbacks.current.onChange(
        text,
        c && base !== null
          ? { start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text, base }
          : undefined,
      );
    });
    const { KeyMod, KeyCode } = monaco;
    ed.addCommand(KeyMod.CtrlCmd | KeyCode.KeyZ, () => callbacks.current.onUndo());
    ed.addCommand(KeyMod.CtrlCmd | KeyMod.Shift | KeyCode.KeyZ, () => callbacks.current.onRedo());
    ed.addCommand(KeyMod.CtrlCmd | KeyCode.KeyY, () => callbacks.current.onRedo());
    // The wrapper disposes the model and the editor on unmount; the subscription goes with them.
    const guard = guardKeyboardFocus(ed, setTabMovesFocus);
    keyboard.current = guard;
    ed.onDidDispose(() => {
      sub.dispose();
      guard.dispose();
      setEditor((cur) => (cur === ed ? null : cur));
    });
    setLarge(applySizeMode(ed, model));
    setEditor(ed);
    callbacks.current.onReady?.({
      getValue: () => model.getValue(),
      getSelectedText: () => {
        const sel = ed.getSelection();
        return sel ? model.getValueInRange(sel) : '';
      },
      getCursor: () => {
        const p = ed.getPosition();
        return { line: p?.lineNumber ?? 0, column: p?.column ?? 0 };
      },
    });
  }, []);

  const externalText = useExternalText(editor, value, applying, true);
  useEffect(() => {
    sync.current = externalText;
  }, [externalText]);

  useEffect(() => {
    const model = editor?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      markers.map((m) => {
        const start = model.getPositionAt(m.offset);
        const end = model.getPositionAt(m.offset + Math.max(1, m.length));
        return {
          severity: SEVERITY[m.severity],
          message: m.message,
          source: m.source ?? 'Spec Studio',
          startLineNumber: start.lineNumber,
          startColumn: start.column,
          endLineNumber: end.lineNumber,
          endColumn: end.column,
        };
      }),
    );
  }, [markers, editor]);

  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model || !reveal) return;
    const start = model.getPositionAt(reveal.offset);
    const end = model.getPositionAt(reveal.offset + reveal.length);
    const range = monaco.Range.fromPositions(start, end);
    editor.setSelection(range);
    // The start of the range: revealing a long value whole scrolls the view sideways past its key.
    editor.revealPositionInCenterIfOutsideViewport(start, monaco.editor.ScrollType.Smooth);
    if (reveal.focus) editor.focus();
    // Only a new reveal request (seq) or a new editor moves the selection, not every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reveal?.seq, editor]);

  return (
    <>
      <MonacoLanguageNote />
      {large && (
        <Banner tone="info">
          {t('app.editor.large', {
            millions: formatNumber(value.length / 1_000_000, {
              minimumFractionDigits: 1,
              maximumFractionDigits: 1,
            }),
          })}
        </Banner>
      )}
      <Editor
        path={SPEC_MODEL_URI}
        defaultValue={value}
        defaultLanguage={value.length > LARGE_TEXT_CHARS ? 'plaintext' : 'json'}
        theme={scheme === 'dark' ? 'spec-dark' : 'spec-light'}
        options={options}
        beforeMount={disposeStaleModel}
        onMount={onMount}
        loading={<div className="loading">{t('app.app.loadingEditor')}</div>}
        height="auto"
        // `monaco-component`: Monaco's theme colours (`--vscode-*` variables, defined on that class) reach
        // the right-click menu, which Monaco draws in a shadow root under this element: without it
        // the menu has no background.
        wrapperProps={{ className: 'monaco-host monaco-component' }}
      />
      <button
        type="button"
        className="link-button small monaco-tab-hint"
        data-testid="tab-mode-hint"
        title={t('app.editor.tabHintTitle', { key: TAB_MODE_KEY })}
        disabled={!editor}
        aria-pressed={tabMovesFocus}
        onClick={() => keyboard.current?.toggleTabMode()}
      >
        {tabMovesFocus
          ? t('app.editor.tabMovesFocus', { key: TAB_MODE_KEY })
          : t('app.editor.tabIndents', { key: TAB_MODE_KEY })}
      </button>
    </>
  );
}
