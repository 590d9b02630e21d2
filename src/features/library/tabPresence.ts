/**
 * Which other tabs show which document (BroadcastChannel `spec-studio-presence`), so the writer of
 * a document can say that another tab has it open too (the follower is told by tabLock.ts). A tab
 * announces itself on start and on every document change, answers a newcomer once, and says
 * goodbye on pagehide. Without BroadcastChannel nothing is known and nothing is shown.
 */
import { useSyncExternalStore } from 'react';
import { useSpecStore } from '../../store';

type Msg = { type: 'show' | 'hide'; tab: string; docId: string };

const CHANNEL = 'spec-studio-presence';
const others = new Map<string, string>();
const listeners = new Set<() => void>();
let version = 0;

const changed = (): void => {
  version++;
  for (const l of listeners) l();
};

/** Starts announcing this tab and listening for others; returns the stop function. */
export function startPresence(): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const tab = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const channel = new BroadcastChannel(CHANNEL);
  const post = (type: Msg['type']): void =>
    channel.postMessage({ type, tab, docId: useSpecStore.getState().docId } satisfies Msg);
  channel.onmessage = (e: MessageEvent<Msg>) => {
    const m = e.data;
    if (!m || m.tab === tab) return;
    if (m.type === 'hide') {
      if (others.delete(m.tab)) changed();
      return;
    }
    const known = others.has(m.tab);
    if (others.get(m.tab) !== m.docId) {
      others.set(m.tab, m.docId);
      changed();
    }
    if (!known) post('show');
  };
  post('show');
  const unsubscribe = useSpecStore.subscribe((s, prev) => {
    if (s.docId === prev.docId) return;
    post('show');
    changed();
  });
  const hide = (): void => post('hide');
  window.addEventListener('pagehide', hide);
  return () => {
    unsubscribe();
    hide();
    window.removeEventListener('pagehide', hide);
    channel.close();
    others.clear();
    changed();
  };
}

/** How many other tabs show the document on screen in this tab. */
export function otherTabsOnThisDoc(): number {
  const docId = useSpecStore.getState().docId;
  let n = 0;
  for (const d of others.values()) if (d === docId) n++;
  return n;
}

const subscribe = (l: () => void): (() => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** React binding of otherTabsOnThisDoc (re-renders when presence or the document changes). */
export function useOtherTabsOnThisDoc(): number {
  useSyncExternalStore(subscribe, () => version);
  useSpecStore((s) => s.docId);
  return otherTabsOnThisDoc();
}
