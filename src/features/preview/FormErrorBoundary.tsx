import { Component, type ReactNode } from 'react';
import { T } from '../../i18n/T';

interface Props {
  /** A change of this key (e.g. the schema’s text) clears a shown error and tries again. */
  resetKey: string;
  /** What failed to render, for the message: "authSpec[0].spec". */
  label: string;
  children: ReactNode;
}

interface State {
  error: string | null;
  key: string;
}

/**
 * Catches a render error of a form built from a user’s schema (rjsf throws on some broken schemas)
 * and shows its message in place, so the rest of the preview keeps working.
 */
export class FormErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(err: unknown): Partial<State> {
    return { error: err instanceof Error ? err.message : String(err) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { key: props.resetKey, error: null } : null;
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <p className="pv-cv-notice pv-cv-error" role="alert">
        <T id="run.customer.formFailed" values={{ label: this.props.label, error: this.state.error }} />
      </p>
    );
  }
}
