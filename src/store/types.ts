import type { Diagnostic, JsonValue, ParseError, ParseWarning, SectionId } from '@core';
import type { StorageIssue } from '../lib/storage';
import type { BasedReplacement } from '../lib/textDiff';
import type { CasesActions, CasesState } from './casesTypes';
import type { History } from './history';
import type { LiveActions, LiveState } from './liveTypes';
import type { PreviewActions, PreviewState } from './previewTypes';

export type LoadOrigin = 'blank' | 'example' | 'file' | 'paste' | 'library';

export interface RevealRequest {
  pointer: string;
  source: 'form' | 'diagnostics';
  seq: number;
}

/**
 * A toast's words: text written in the chosen language is given as a function (`() => t('…', v)`),
 * worded again whenever the toast renders (it follows a language switch); a plain string is text
 * that is data (an API's, a file's or the browser's words) and shows as it is.
 */
export type ToastText = string | (() => string);

export interface Toast {
  id: number;
  /** The words in the current language (a getter for a toast given as a function: see {@link ToastText}). */
  readonly message: string;
  tone: 'info' | 'success' | 'warning' | 'error';
}

export interface DocumentState {
  /** The JSON editor's text: the single source of truth. */
  text: string;
  /** Last value of `text` that parsed. */
  doc: JsonValue;
  parseError: ParseError | null;
  parseWarnings: ParseWarning[];
  /** Increments on every change of `doc`. */
  revision: number;
  /** Library id of the document on screen. */
  docId: string;
  origin: LoadOrigin;
  /** The text as loaded, to tell whether the user changed anything. */
  loadedText: string;
  /** True once the user edited the JSON text (diagnostics then show everywhere). */
  textEdited: boolean;
  /**
   * The user chose to keep this document's secret values (password-format defaults, examples…) in
   * this browser's storage; by default they are blanked in the session and library copies.
   */
  persistSecrets: boolean;
  history: History;
}

/** One write of a batch: set the value at `pointer`, or remove it (`undefined`). */
export interface PointerEdit {
  pointer: string;
  value: JsonValue | undefined;
}

export interface DocumentActions {
  /**
   * Replaces the text as typing. `hint`: the change that turns the current text into `text`, when
   * the caller knows it (the JSON view: Monaco's change event, with the text it applied to), so no
   * whole-text diff is needed; it is ignored when it does not hold (see `hintedReplacement`).
   */
  setText: (text: string, hint?: BasedReplacement) => void;
  /**
   * Parses a text whose parse was deferred (a keystroke in the JSON view of a text of
   * DEFER_PARSE_CHARS or more parses after it is painted); a no-op when doc is up to date.
   */
  settleText: () => void;
  updateAt: (pointer: string, value: JsonValue | undefined) => boolean;
  /**
   * Applies several writes, in order, as ONE user action: one text change and one undo step. All or
   * nothing: refused (false, nothing changes) while the text does not parse or when any pointer cannot
   * be addressed. Coalesces like `updateAt`: the same pointers written again within a second extend
   * the same undo step. A batch of one is exactly `updateAt` (and goes through it); an empty batch
   * changes nothing and returns true.
   */
  updateMany: (edits: readonly PointerEdit[]) => boolean;
  undo: () => boolean;
  redo: () => boolean;
  loadDocument: (
    text: string,
    origin: LoadOrigin,
    options?: { docId?: string; persistSecrets?: boolean },
  ) => void;
  /** Opts this document in (true) or out (false) of keeping its secret values in storage. */
  setPersistSecrets: (value: boolean) => void;
  /** Gives the document on screen a new library id (keep editing it as a copy). */
  forkDocument: () => void;
}

export interface UiState {
  diagnostics: Diagnostic[];
  diagnosticsRevision: number;
  touched: Record<string, true>;
  activeSection: SectionId;
  reveal: RevealRequest | null;
  toasts: Toast[];
  storageIssue: StorageIssue | null;
  /** Another tab has this same document open. */
  otherTab: boolean;
}

export interface UiActions {
  setActiveSection: (id: SectionId) => void;
  revealPointer: (pointer: string, source: RevealRequest['source']) => void;
  touch: (pointer: string) => void;
  setDiagnostics: (diagnostics: Diagnostic[], revision: number) => void;
  notify: (message: ToastText, tone?: Toast['tone']) => void;
  dismissToast: (id: number) => void;
  setStorageIssue: (issue: StorageIssue | null) => void;
  setOtherTab: (value: boolean) => void;
}

export type SpecState = DocumentState &
  DocumentActions &
  UiState &
  UiActions &
  PreviewState &
  PreviewActions &
  LiveState &
  LiveActions &
  CasesState &
  CasesActions;

/** What autosave writes (and a reload restores). */
export interface PersistedSession {
  text: string;
  activeSection: SectionId;
  docId: string;
  origin: LoadOrigin;
  loadedText: string;
  textEdited: boolean;
  touched: Record<string, true>;
}
