import { useEffect } from 'react';
import { useSpecStore } from '../../store';
import { ensureServerChecked } from './publishService';

/**
 * Whether calls to Adobe can go out: only through `spec-studio serve`'s `/api/fetch` (a page cannot
 * call Adobe itself). Returns true when the server is there; otherwise renders how to start it.
 */
export function useServerReady(active: boolean): boolean {
  const server = useSpecStore((s) => s.liveServer);
  useEffect(() => {
    if (active) void ensureServerChecked();
  }, [active]);
  return server.state === 'available';
}

/** The one line shown when the app is not served by `spec-studio serve`. */
export function ServerNote({ action }: { action: string }) {
  const state = useSpecStore((s) => s.liveServer.state);
  if (state === 'available') return null;
  if (state === 'unknown' || state === 'checking')
    return <p className="muted small pub-server">Looking for Spec Studio’s local server…</p>;
  return (
    <p className="pub-server pub-server-off" role="note">
      {action} needs Spec Studio’s local server (a web page cannot call Adobe itself): run{' '}
      <code>npm start</code> (it runs <code>spec-studio serve</code>) and open the address it prints.
    </p>
  );
}
