import { monaco } from '../lib/monaco';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
/** The key of "Tab moves focus" (Monaco's own binding of its toggleTabFocusMode action). */
export const TAB_MODE_KEY = isMac ? 'Ctrl+Shift+M' : 'Ctrl+M';
/** A focus this soon after a Tab key press arrived by keyboard. */
const KEYBOARD_FOCUS_MS = 500;
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta']);

export interface KeyboardGuard {
  /** Switches the user's "Tab moves focus" mode (what Ctrl+M does). */
  toggleTabMode: () => void;
  dispose: () => void;
}

const isTabModeKey = (e: monaco.IKeyboardEvent) =>
  e.keyCode === monaco.KeyCode.KeyM && e.ctrlKey && !e.altKey && !e.metaKey && e.shiftKey === isMac;

/**
 * Keeps the editor safe from the keyboard. Focus that arrives by Tab collapses the selection (a
 * revealed value stays in view but the next key no longer replaces it) and, like Esc, arms the
 * editor: the next Tab or Shift+Tab leaves it instead of indenting. Any other key, a click or leaving
 * disarms it. The user's "Tab moves focus" mode (Ctrl+M, or the hint under the editor) is kept here,
 * not in Monaco's global flag, so `onMode` can show it; both apply through Monaco's `tabFocusMode`
 * option, under which Monaco leaves Tab to the browser.
 */
export function guardKeyboardFocus(
  ed: monaco.editor.IStandaloneCodeEditor,
  onMode: (tabMovesFocus: boolean) => void,
): KeyboardGuard {
  let armed = false;
  let userMode = false;
  let tabAt = -Infinity;
  const apply = () => ed.updateOptions({ tabFocusMode: userMode || armed });
  const arm = (on: boolean) => {
    if (armed === on) return;
    armed = on;
    apply();
  };
  const toggleTabMode = () => {
    userMode = !userMode;
    apply();
    onMode(userMode);
  };
  const onDocKey = (e: KeyboardEvent) => {
    if (e.key === 'Tab') tabAt = performance.now();
  };
  document.addEventListener('keydown', onDocKey, true);
  const subs = [
    ed.onDidFocusEditorText(() => {
      if (performance.now() - tabAt > KEYBOARD_FOCUS_MS) return;
      const sel = ed.getSelection();
      if (sel && !sel.isEmpty()) ed.setPosition(sel.getStartPosition());
      arm(true);
    }),
    // Runs before Monaco's keybindings (they listen on the editor's container, an ancestor).
    ed.onKeyDown((e) => {
      const key = e.browserEvent.key;
      if (isTabModeKey(e)) {
        e.preventDefault();
        e.stopPropagation();
        arm(false);
        toggleTabMode();
      } else if (key === 'Escape') arm(true);
      else if (key !== 'Tab' && !MODIFIERS.has(key)) arm(false);
    }),
    ed.onMouseDown(() => arm(false)),
    ed.onDidBlurEditorText(() => arm(false)),
  ];
  return {
    toggleTabMode,
    dispose: () => {
      document.removeEventListener('keydown', onDocKey, true);
      for (const d of subs) d.dispose();
    },
  };
}
