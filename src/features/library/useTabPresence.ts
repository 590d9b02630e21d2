import { useEffect } from 'react';
import { useSpecStore } from '../../store';

type PresenceMessage = { type: 'hello' | 'here' | 'saved' | 'bye'; tab: string; docId: string };

const CHANNEL = 'spec-studio';

/**
 * Tells other tabs which document this tab shows, and notices when another tab shows the same one
 * (BroadcastChannel). Sets `otherTab` in the store; does nothing where BroadcastChannel is missing.
 */
export function useTabPresence(): void {
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const tab = Math.random().toString(36).slice(2);
    const channel = new BroadcastChannel(CHANNEL);
    const post = (type: PresenceMessage['type']): void => {
      const msg: PresenceMessage = { type, tab, docId: useSpecStore.getState().docId };
      channel.postMessage(msg);
    };
    channel.onmessage = (e: MessageEvent<PresenceMessage>) => {
      const m = e.data;
      const s = useSpecStore.getState();
      if (!m || m.tab === tab || m.docId !== s.docId) return;
      if (m.type === 'bye') return s.setOtherTab(false);
      if (m.type === 'hello') post('here');
      if (!s.otherTab) s.setOtherTab(true);
    };
    post('hello');
    const unsubscribe = useSpecStore.subscribe((s, prev) => {
      if (s.docId !== prev.docId) {
        s.setOtherTab(false);
        post('hello');
      } else if (s.text !== prev.text) {
        post('saved');
      }
    });
    const bye = (): void => post('bye');
    window.addEventListener('pagehide', bye);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', bye);
      channel.close();
    };
  }, []);
}
