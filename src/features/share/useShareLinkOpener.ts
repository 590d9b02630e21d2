import { useEffect } from 'react';
import { openShareFragment } from './shareLinkActions';

/**
 * Opens a share link found in the address bar: at start and on `hashchange` while the app is open.
 * The fragment is then removed from the address bar (a reload does not open it again).
 */
export function useShareLinkOpener(
  beforeLoad: () => string | null,
  addSample: (text: string, name: string) => void,
) {
  useEffect(() => {
    const check = () => {
      const opened = openShareFragment(window.location.hash, {
        beforeLoad,
        addSample,
        confirm: (q) => window.confirm(q),
      });
      if (opened) history.replaceState(history.state, '', window.location.pathname + window.location.search);
    };
    check();
    window.addEventListener('hashchange', check);
    return () => window.removeEventListener('hashchange', check);
  }, [beforeLoad, addSample]);
}
