import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/**
 * Copies the app's styles into another document: the stylesheet links (same origin, so the CSP's
 * `style-src 'self'` allows them) and the style elements (allowed by its `'unsafe-inline'`). No
 * script is written into the window: React renders into it from this one.
 */
function copyStyles(from: Document, to: Document): void {
  for (const node of from.head.querySelectorAll('link[rel="stylesheet"], style')) {
    if (node instanceof HTMLLinkElement) {
      const link = to.createElement('link');
      link.rel = 'stylesheet';
      link.href = node.href;
      to.head.appendChild(link);
    } else {
      const style = to.createElement('style');
      style.textContent = node.textContent;
      to.head.appendChild(style);
    }
  }
  to.documentElement.lang = from.documentElement.lang;
  to.documentElement.className = from.documentElement.className;
}

/**
 * Renders `children` into a window of their own (a blank same-origin window opened here; React
 * portals into it, so it follows the app live). Closing that window calls `onClose`; unmounting
 * closes the window. `onBlocked` is called when the browser refuses to open one.
 */
export function PopOut({
  title,
  onClose,
  onBlocked,
  children,
}: {
  title: string;
  onClose: () => void;
  onBlocked: () => void;
  children: ReactNode;
}) {
  const [container, setContainer] = useState<HTMLElement | null>(null);
  const win = useRef<Window | null>(null);
  const handlers = useRef({ onClose, onBlocked });
  useEffect(() => {
    handlers.current = { onClose, onBlocked };
  });
  useEffect(() => {
    const opened = window.open('', '', 'popup,width=1280,height=800');
    if (!opened) {
      handlers.current.onBlocked();
      return;
    }
    win.current = opened;
    const doc = opened.document;
    doc.title = title;
    copyStyles(document, doc);
    const host = doc.createElement('div');
    host.className = 'pv-popout';
    doc.body.appendChild(host);
    // The window is the external system this effect opens; React renders into it once it exists.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setContainer(host);
    let closing = false;
    const closed = () => {
      if (!closing) handlers.current.onClose();
    };
    const closeWin = () => opened.close();
    opened.addEventListener('pagehide', closed);
    window.addEventListener('pagehide', closeWin);
    return () => {
      closing = true;
      window.removeEventListener('pagehide', closeWin);
      win.current = null;
      opened.close();
    };
    // The window opens once per mount; the title only names it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (win.current && container) win.current.document.title = title;
  }, [container, title]);
  return container ? createPortal(children, container) : null;
}
