/**
 * One writer per document across tabs (BAD-INPUTS E5). The tab that holds the Web Lock
 * `spec-studio:doc:<id>` (or, where Web Locks are missing, the first tab to claim the document over
 * BroadcastChannel) is its writer: only it autosaves the session and the library copy. Any other tab
 * on the same document is a follower: `otherTab` is set, its saves are held back (never silently
 * written over the writer's), and the banner asks whether to take over or keep a copy.
 */
import { t } from '../../i18n';
import { setAutosaveWritable, useSpecStore } from '../../store';

type Msg = { type: 'hello' | 'here' | 'taken' | 'bye'; tab: string; docId: string };

const CHANNEL = 'spec-studio';
/** How long a tab without Web Locks waits for a "here" before claiming a document. */
export const CLAIM_WAIT_MS = 250;
export const lockName = (docId: string) => 'spec-studio:doc:' + docId;

interface Session {
  takeOver: () => void;
  stop: () => void;
}
let active: Session | null = null;

const setRole = (writer: boolean, taken = false): void => {
  setAutosaveWritable(writer);
  const s = useSpecStore.getState();
  if (s.otherTab === writer) s.setOtherTab(!writer);
  if (taken) s.notify(() => t('app.tabLock.taken'), 'warning');
};

function lockSession(locks: LockManager): Session {
  let current: { docId: string; release: () => void } | null = null;
  const acquire = (docId: string, steal: boolean): void => {
    current?.release();
    let release = (): void => {};
    const hold = new Promise<void>((r) => (release = r));
    const mine = { docId, release };
    current = mine;
    const options: LockOptions = steal ? { steal: true } : { ifAvailable: true };
    locks
      .request(lockName(docId), options, async (lock) => {
        if (current !== mine) return;
        if (!lock) return setRole(false);
        setRole(true);
        await hold;
      })
      .catch(() => {
        // AbortError: another tab stole the lock.
        if (current === mine) setRole(false, true);
      });
  };
  // Until the lock answers, nothing is written.
  setAutosaveWritable(false);
  acquire(useSpecStore.getState().docId, false);
  const unsubscribe = useSpecStore.subscribe((s, prev) => {
    if (s.docId !== prev.docId) {
      setAutosaveWritable(false);
      acquire(s.docId, false);
    }
  });
  return {
    takeOver: () => acquire(useSpecStore.getState().docId, true),
    stop: () => {
      unsubscribe();
      current?.release();
      current = null;
    },
  };
}

function channelSession(): Session {
  const tab = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const channel = new BroadcastChannel(CHANNEL);
  let writer = false;
  let claim: ReturnType<typeof setTimeout> | null = null;
  const post = (type: Msg['type']): void => {
    channel.postMessage({ type, tab, docId: useSpecStore.getState().docId } satisfies Msg);
  };
  const start = (): void => {
    writer = false;
    setAutosaveWritable(false);
    if (claim !== null) clearTimeout(claim);
    post('hello');
    claim = setTimeout(() => {
      claim = null;
      writer = true;
      setRole(true);
    }, CLAIM_WAIT_MS);
  };
  channel.onmessage = (e: MessageEvent<Msg>) => {
    const m = e.data;
    if (!m || m.tab === tab || m.docId !== useSpecStore.getState().docId) return;
    if (m.type === 'hello' && writer) post('here');
    else if (m.type === 'here' && !writer) {
      if (claim !== null) clearTimeout(claim);
      claim = null;
      setRole(false);
    } else if (m.type === 'taken' && writer) {
      writer = false;
      setRole(false, true);
    }
  };
  start();
  const unsubscribe = useSpecStore.subscribe((s, prev) => {
    if (s.docId !== prev.docId) start();
  });
  const bye = (): void => {
    if (writer) post('bye');
  };
  window.addEventListener('pagehide', bye);
  return {
    takeOver: () => {
      if (claim !== null) clearTimeout(claim);
      claim = null;
      writer = true;
      post('taken');
      setRole(true);
    },
    stop: () => {
      unsubscribe();
      if (claim !== null) clearTimeout(claim);
      bye();
      window.removeEventListener('pagehide', bye);
      channel.close();
    },
  };
}

/**
 * Starts the writer election for the document on screen (and every document loaded later). Returns
 * a stop function. Where neither Web Locks nor BroadcastChannel exist, this tab is always the writer.
 */
export function startTabLock(): () => void {
  active?.stop();
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (locks && typeof locks.request === 'function') active = lockSession(locks);
  else if (typeof BroadcastChannel !== 'undefined') active = channelSession();
  else {
    setRole(true);
    active = null;
    return () => {};
  }
  const mine = active;
  return () => {
    mine.stop();
    if (active === mine) active = null;
    setAutosaveWritable(true);
  };
}

/**
 * Makes this tab the writer of its document (the other tab is told it was taken over), then writes
 * what this tab holds: the held session save now, the library copy when it was edited.
 */
export function takeOverDocument(): void {
  if (active) active.takeOver();
  else setRole(true);
}
