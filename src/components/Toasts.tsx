import { useEffect } from 'react';
import { useT } from '../i18n';

export interface ToastItem {
  id: number;
  /** Read at render time: a store toast given as a function words itself in the current language. */
  readonly message: string;
  tone: 'info' | 'success' | 'warning' | 'error';
}

/** Transient confirmations, bottom centre (clear of the preview's controls); each disappears after a few seconds or on click. */
export function Toasts({ toasts, onDismiss }: { toasts: ToastItem[]; onDismiss: (id: number) => void }) {
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <ToastView key={t.id} toast={t} onDismiss={onDismiss} />
      ))}
    </div>
  );
}

function ToastView({ toast, onDismiss }: { toast: ToastItem; onDismiss: (id: number) => void }) {
  // useT re-renders this on a language switch: a store toast given as a function (a getter) then
  // words itself again when `toast.message` is read below.
  const t = useT();
  useEffect(() => {
    const ms = toast.tone === 'error' || toast.tone === 'warning' ? 8000 : 4000;
    const t = setTimeout(() => onDismiss(toast.id), ms);
    return () => clearTimeout(t);
  }, [toast.id, toast.tone, onDismiss]);
  return (
    <div className={`toast toast-${toast.tone}`}>
      <span>{toast.message}</span>
      <button
        type="button"
        className="icon-button"
        aria-label={t('app.toasts.dismiss')}
        onClick={() => onDismiss(toast.id)}
      >
        ×
      </button>
    </div>
  );
}
