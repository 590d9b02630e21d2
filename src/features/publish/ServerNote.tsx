import { useEffect } from 'react';
import { useT } from '../../i18n';
import { T } from '../../i18n/T';
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
export function ServerNote({ action }: { action: 'publish' | 'open' }) {
  const t = useT();
  const state = useSpecStore((s) => s.liveServer.state);
  if (state === 'available') return null;
  if (state === 'unknown' || state === 'checking')
    return <p className="muted small pub-server">{t('tools.server.looking')}</p>;
  return (
    <p className="pub-server pub-server-off" role="note">
      {action === 'publish' ? (
        <T id="tools.server.neededPublish" components={{ 0: <code />, 1: <code /> }} />
      ) : (
        <T id="tools.server.neededOpen" components={{ 0: <code />, 1: <code /> }} />
      )}
    </p>
  );
}
