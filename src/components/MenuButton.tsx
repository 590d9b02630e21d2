import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';

export interface MenuItem {
  id: string;
  label: string;
  hint?: string;
  onSelect: () => void;
  disabled?: boolean;
  separatorBefore?: boolean;
  /** Said on hover (e.g. why the item is disabled). */
  title?: string;
}

/**
 * The keys of an open menu (WAI-ARIA menu pattern): arrows move (wrapping), Home/End jump, Esc
 * closes and returns focus to the opener, Tab closes and lets focus move on.
 */
function menuKeys(close: (refocus: boolean) => void) {
  return (e: KeyboardEvent<HTMLElement>) => {
    const els = Array.from(e.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]'));
    const i = els.indexOf(e.currentTarget.ownerDocument.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const d = e.key === 'ArrowDown' ? 1 : -1;
      els[(i + d + els.length) % els.length]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      (e.key === 'Home' ? els[0] : els[els.length - 1])?.focus();
    } else if (e.key === 'Tab') {
      close(false);
    }
  };
}

function MenuItems({ items, close }: { items: MenuItem[]; close: (refocus: boolean) => void }) {
  return items.map((item) => (
    <div key={item.id} className={item.separatorBefore ? 'menu-group' : undefined}>
      <button
        type="button"
        role="menuitem"
        tabIndex={-1}
        className="menu-item"
        title={item.title}
        aria-disabled={item.disabled || undefined}
        onClick={() => {
          if (item.disabled) return;
          close(true);
          item.onSelect();
        }}
      >
        <span>{item.label}</span>
        {item.hint && <span className="menu-hint">{item.hint}</span>}
      </button>
    </div>
  ));
}

/**
 * A button opening a keyboard-navigable menu (WAI-ARIA menu button pattern). `name` (not shown) marks
 * the button as `data-menu` so code can find it whatever the language of its label.
 */
export function MenuButton({
  label,
  items,
  icon,
  name,
}: {
  label: string;
  items: MenuItem[];
  icon?: string;
  name?: string;
}) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onKey = (e: KeyboardEvent<HTMLElement>) => menuKeys(close)(e);

  return (
    <div className="menu-root" ref={root} onKeyDown={open ? onKey : undefined}>
      <button
        ref={button}
        type="button"
        className="toolbar-button"
        data-menu={name}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {icon && (
          <span className="toolbar-icon" aria-hidden="true">
            {icon}
          </span>
        )}
        {label}
        <span className="caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div className="menu" role="menu" id={menuId} aria-label={label}>
          <MenuItems items={items} close={close} />
        </div>
      )}
    </div>
  );
}

/**
 * A menu opened at a point (a context menu: right-click, the context-menu key, Shift+F10), drawn
 * over everything in the document of `opener`. Focus goes to its first enabled item and, when it
 * closes by Esc or a choice, back to `opener`. A click outside or Tab closes it.
 */
export function ContextMenu({
  label,
  items,
  at,
  opener,
  onClose,
}: {
  label: string;
  items: MenuItem[];
  at: { x: number; y: number };
  opener: HTMLElement | null;
  onClose: () => void;
}) {
  const root = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState(at);
  const close = (refocus: boolean) => {
    onClose();
    if (refocus) opener?.focus();
  };
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const view = el.ownerDocument.defaultView;
    const w = view?.innerWidth ?? 0;
    const h = view?.innerHeight ?? 0;
    const r = el.getBoundingClientRect();
    setPos({
      x: Math.max(4, Math.min(at.x, w - r.width - 4)),
      y: Math.max(4, at.y + r.height > h - 4 ? at.y - r.height : at.y),
    });
    el.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
  }, [at]);
  useEffect(() => {
    const doc = root.current?.ownerDocument;
    if (!doc) return;
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) onClose();
    };
    doc.addEventListener('mousedown', onDown);
    return () => doc.removeEventListener('mousedown', onDown);
  }, [onClose]);
  const doc = opener?.ownerDocument ?? document;
  return createPortal(
    <div
      ref={root}
      className="menu"
      role="menu"
      aria-label={label}
      style={{ position: 'fixed', left: pos.x, top: pos.y, right: 'auto', minWidth: 260 }}
      onKeyDown={menuKeys(close)}
      onContextMenu={(e) => e.preventDefault()}
    >
      <MenuItems items={items} close={close} />
    </div>,
    doc.body,
  );
}
