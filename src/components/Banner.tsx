import type { ReactNode } from 'react';
import { useT } from '../i18n';

export interface BannerProps {
  tone: 'info' | 'warning' | 'error';
  children: ReactNode;
  actions?: ReactNode;
  onDismiss?: () => void;
}

/** A full-width message strip; errors and warnings are announced to screen readers. */
export function Banner({ tone, children, actions, onDismiss }: BannerProps) {
  const t = useT();
  return (
    <div className={`banner banner-${tone}`} role={tone === 'info' ? 'status' : 'alert'}>
      <span className={`banner-icon banner-icon-${tone}`} aria-hidden="true">
        {tone === 'info' ? 'i' : '!'}
      </span>
      <div className="banner-text">{children}</div>
      {actions && <div className="banner-actions">{actions}</div>}
      {onDismiss && (
        <button
          type="button"
          className="icon-button"
          aria-label={t('app.banner.dismiss')}
          onClick={onDismiss}
        >
          ×
        </button>
      )}
    </div>
  );
}
