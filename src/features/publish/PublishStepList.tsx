import type { PublishStep } from '@core';
import { t as tNow, useT } from '../../i18n';
import { formatDuration } from '../../i18n/format';
import { stepHint, stepMessage } from './publishText';

const ICON: Record<PublishStep['state'], string> = {
  pending: '○',
  running: '…',
  done: '✓',
  skipped: '✓',
  failed: '✗',
};

const stateWords = (state: PublishStep['state']): string => {
  switch (state) {
    case 'pending':
      return tNow('tools.publish.state.pending');
    case 'running':
      return tNow('tools.publish.state.running');
    case 'done':
      return tNow('tools.publish.state.done');
    case 'skipped':
      return tNow('tools.publish.state.skipped');
    case 'failed':
      return tNow('tools.publish.state.failed');
  }
};

/**
 * What the steps are about, to title them in the chosen language: publishing (step 1 creates the
 * connection spec, or updates `existingId`) or opening connection spec `openId` from Adobe.
 */
export type StepContext = { kind: 'publish'; existingId?: string } | { kind: 'open'; openId: string };

/** A step's title from its id and the context (the core's `title` is English). */
export function stepTitle(s: PublishStep, ctx: StepContext): string {
  if (s.id === 'flow-spec-get') return tNow('tools.publish.step.readFlowSpec');
  if (s.id === 'flow-spec-put') return tNow('tools.publish.step.addToFlowSpec');
  if (ctx.kind === 'open') return tNow('tools.publish.step.readSpec', { id: ctx.openId });
  return ctx.existingId
    ? tNow('tools.publish.step.updateSpec', { id: ctx.existingId })
    : tNow('tools.publish.step.createSpec');
}

/** The calls of publishing (or opening), each with its masked request, status and result. */
export function PublishStepList({
  steps,
  label,
  context,
}: {
  steps: readonly PublishStep[];
  label: string;
  context: StepContext;
}) {
  const t = useT();
  return (
    <ol className="pub-steps" aria-label={label}>
      {steps.map((s, i) => {
        const title = stepTitle(s, context);
        return (
          <li
            key={s.id}
            className={'pub-step pub-step-' + s.state}
            aria-label={t('tools.publish.stepLabel', { n: i + 1, title })}
          >
            <span className="pub-step-icon" aria-hidden="true">
              {s.state === 'running' ? <span className="pub-spinner" /> : ICON[s.state]}
            </span>
            <div className="pub-step-main">
              <div className="pub-step-head">
                <strong>{title}</strong>
                <span className="pub-step-state">
                  {s.status !== undefined ? String(s.status) + ' · ' : ''}
                  {stateWords(s.state)}
                  {s.ms !== undefined && s.state !== 'running'
                    ? ' · ' + formatDuration(Math.round(s.ms))
                    : ''}
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
                      .map(([k, v]) => k + ': ' + v)
                      .join('\n')}
                  </pre>
                </details>
              )}
              {s.message && <p className="pub-step-message">{stepMessage(s)}</p>}
              {s.state === 'failed' && s.hint && (
                <p className="pub-step-hint">
                  <strong>{t('tools.publish.whatToCheck')}</strong> {stepHint(s)}
                </p>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
