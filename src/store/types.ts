import type { Diagnostic, JsonValue, ParseError, ParseWarning, SectionId } from '@core';
import type { StorageIssue } from '../lib/storage';
import type { History } from './history';
import type { PreviewActions, PreviewState } from './previewTypes';

export type LoadOrigin = 'blank' | 'example' | 'file' | 'paste' | 'library';

export interface RevealRequest {
  pointer: string;
  source: 'form' | 'diagnostics';
  seq: number;
}

export interface Toast {
  id: number;
  message: string;
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
  history: History;
}

export interface DocumentActions {
  setText: (text: string) => void;
  updateAt: (pointer: string, value: JsonValue | undefined) => boolean;
  undo: () => boolean;
  redo: () => boolean;
  loadDocument: (text: string, origin: LoadOrigin, options?: { docId?: string }) => void;
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
  notify: (message: string, tone?: Toast['tone']) => void;
  dismissToast: (id: number) => void;
  setStorageIssue: (issue: StorageIssue | null) => void;
  setOtherTab: (value: boolean) => void;
}

export type SpecState = DocumentState & DocumentActions & UiState & UiActions & PreviewState & PreviewActions;

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
