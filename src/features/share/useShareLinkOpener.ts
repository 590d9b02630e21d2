import { useEffect } from 'react';
import { shareFragmentValue } from '@core';

/**
 * Opens a share link found in the address bar: at start and on `hashchange` while the app is open.
 * The fragment is then removed from the address bar (a reload does not open it again). The decoder
 * (and its inflate library) loads only when there is a link to open: a first visit does not carry it.
 */
export function useShareLinkOpener(
  beforeLoad: () => string | null,
  addSample: (text: string, name: string) => void,
) {
  useEffect(() => {
    let live = true;
    const check = () => {
      const hash = window.location.hash;
      if (shareFragmentValue(hash) === null) return;
      void import('./shareLinkActions').then(({ openShareFragment }) => {
        if (!live || window.location.hash !== hash) return;
        const opened = openShareFragment(hash, {
          beforeLoad,
          addSample,
          confirm: (q) => window.confirm(q),
        });
        if (opened)
          history.replaceState(history.state, '', window.location.pathname + window.location.search);
      });
    };
    check();
    window.addEventListener('hashchange', check);
    return () => {
      live = false;
      window.removeEventListener('hashchange', check);
    };
  }, [beforeLoad, addSample]);
}
