import type { PublishStep } from '@core';

const ICON: Record<PublishStep['state'], string> = {
  pending: '○',
  running: '…',
  done: '✓',
  skipped: '✓',
  failed: '✗',
};

const STATE_WORDS: Record<PublishStep['state'], string> = {
  pending: 'not sent',
  running: 'sending',
  done: 'done',
  skipped: 'skipped',
  failed: 'failed',
};

/** The calls of publishing (or opening), each with its masked request, status and result. */
export function PublishStepList({ steps, label }: { steps: readonly PublishStep[]; label: string }) {
  return (
    <ol className="pub-steps" aria-label={label}>
      {steps.map((s, i) => (
        <li key={s.id} className={`pub-step pub-step-${s.state}`} aria-label={`Step ${i + 1}: ${s.title}`}>
          <span className="pub-step-icon" aria-hidden="true">
            {s.state === 'running' ? <span className="pub-spinner" /> : ICON[s.state]}
          </span>
          <div className="pub-step-main">
            <div className="pub-step-head">
              <strong>{s.title}</strong>
              <span className="pub-step-state">
                {s.status !== undefined ? `${s.status} · ` : ''}
                {STATE_WORDS[s.state]}
                {s.ms !== undefined && s.state !== 'running' ? ` · ${Math.round(s.ms)} ms` : ''}
              </span>
            </div>
            {s.display && (
              <details className="pub-request">
                <summary>
                  <code>
                    {s.display.method} {s.display.url}
                  </code>
                </summary>
                <pre>
                  {Object.entries(s.display.headers)
                    .map(([k, v]) => `${k}: ${v}`)
                    .join('\n')}
                </pre>
              </details>
            )}
            {s.message && <p className="pub-step-message">{s.message}</p>}
            {s.state === 'failed' && s.hint && (
              <p className="pub-step-hint">
                <strong>What to check:</strong> {s.hint}
              </p>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
