import { useEffect, useState } from 'react';
import type { HttpRequest } from '@core';
import { useT } from '../../../i18n';
import { T } from '../../../i18n/T';
import { useSpecStore } from '../../../store';
import { RunInputsForm } from '../RunInputsForm';
import { missingRequired } from '../runOptions';
import { ExchangeCard } from './ExchangeCard';
import { revealLiveRequests } from './liveService';
import { Countdown, StopBox, TestVerdict } from './LiveStatus';
import { LiveToolbar } from './LiveToolbar';
import '../requests.css';
import './live.css';

/** The real requests (secrets shown) while "Reveal secrets" is on; they stay in the worker otherwise. */
function useRevealed(): Map<number, HttpRequest> | null {
  const reveal = useSpecStore((s) => s.revealSecrets);
  const count = useSpecStore((s) => s.live.exchanges.length);
  const runId = useSpecStore((s) => s.live.runId);
  const [real, setReal] = useState<{ key: string; map: Map<number, HttpRequest> } | null>(null);
  const key = `${runId}:${count}`;
  useEffect(() => {
    if (!reveal || count === 0) return;
    let live = true;
    void revealLiveRequests().then((map) => live && setReal({ key, map }));
    return () => {
      live = false;
    };
  }, [reveal, count, key]);
  return reveal && real?.key === key ? real.map : null;
}

/**
 * Live run: the spec against the real API, page by page, through the local server (`/api/fetch`),
 * driven from a worker. Step, Run (until a stop, at most Max pages), Abort; each exchange with its
 * answer; the stop in words; Keep as samples. Disabled, with one line saying how, without the server.
 */
export function LiveRunTab() {
  const result = useSpecStore((s) => s.previewResult);
  const server = useSpecStore((s) => s.liveServer);
  const exchanges = useSpecStore((s) => s.live.exchanges);
  const busy = useSpecStore((s) => s.live.busy);
  const waiting = useSpecStore((s) => s.live.wait !== null);
  const inputs = useSpecStore((s) => s.runInputs);
  const real = useRevealed();
  const t = useT();
  if (!result) return <p className="pv-empty">{t('run.computingPreview')}</p>;
  const enabled = server.state === 'available';
  const missing = missingRequired(result.model, inputs);
  return (
    <div className="pv-requests pv-live">
      {server.state === 'unavailable' && (
        <p className="pv-live-off" role="note">
          <T id="run.live.serverNeeded" components={{ 0: <code />, 1: <code /> }} />
        </p>
      )}
      {(server.state === 'checking' || server.state === 'unknown') && (
        <p className="pv-muted">{t('run.live.lookingForServer')}</p>
      )}
      <LiveToolbar model={result.model} enabled={enabled} />
      {enabled && (
        <p className="pv-muted pv-live-note">
          {server.state === 'available' && server.allowPrivateHosts
            ? t('run.live.realRequestsPrivate')
            : t('run.live.realRequests')}
          {missing.length > 0 && (
            <>
              {' '}
              <span className="pv-live-missing">
                {t('run.live.requiredEmpty', { names: missing.join(', ') })}
              </span>
            </>
          )}
        </p>
      )}
      <Countdown />
      {busy !== null && !waiting && (
        <p className="pv-live-wait" role="status">
          <span className="pv-spinner" aria-hidden="true" />
          {busy === 'test' ? t('run.live.testing') : t('run.live.sending')}
        </p>
      )}
      <TestVerdict />
      <StopBox />
      {/* Folded once the run has exchanges, so they come into view; a click opens it again. */}
      <details className="pv-inputs-box" open={exchanges.length === 0}>
        <summary>{t('run.live.inputs')}</summary>
        <RunInputsForm model={result.model} />
      </details>
      {exchanges.length > 0 && (
        <ol className="pv-steps" aria-label={t('run.live.requests')}>
          {exchanges.map((ex) => (
            <li key={ex.n}>
              <ExchangeCard ex={ex} {...(real?.get(ex.n) ? { real: real.get(ex.n) } : {})} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
