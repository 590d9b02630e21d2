import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../i18n';

interface Props {
  children: ReactNode;
  /** Returns the user's current text so it can be saved even after a crash. */
  getText: () => string;
}

/** Last line of defence: shows what broke and offers the user's text for download. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Spec Studio crashed', error, info.componentStack);
  }

  private download = () => {
    const url = URL.createObjectURL(new Blob([this.props.getText()], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'recovered-spec.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  override render() {
    if (!this.state.error) return this.props.children;
    return <CrashScreen message={this.state.error.message} onDownload={this.download} />;
  }
}

/** What a crash shows (a function component, so it follows the chosen language). */
function CrashScreen({ message, onDownload }: { message: string; onDownload: () => void }) {
  const t = useT();
  return (
    <div className="crash" role="alert">
      <h1>{t('app.crash.title')}</h1>
      <p>{t('app.crash.body')}</p>
      <pre>{message}</pre>
      <div className="crash-actions">
        <button type="button" className="button" onClick={onDownload}>
          {t('app.crash.download')}
        </button>
        <button type="button" className="button button-primary" onClick={() => location.reload()}>
          {t('app.crash.reload')}
        </button>
      </div>
    </div>
  );
}
