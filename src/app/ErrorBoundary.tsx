import { Component, type ErrorInfo, type ReactNode } from 'react';

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
    return (
      <div className="crash" role="alert">
        <h1>Something went wrong</h1>
        <p>Spec Studio hit an unexpected error. Your spec is still autosaved in this browser.</p>
        <pre>{this.state.error.message}</pre>
        <div className="crash-actions">
          <button type="button" className="button" onClick={this.download}>
            Download my spec
          </button>
          <button type="button" className="button button-primary" onClick={() => location.reload()}>
            Reload
          </button>
        </div>
      </div>
    );
  }
}
