import { useEffect, useState } from 'react';
import { useT } from '../../../i18n';
import { T } from '../../../i18n/T';
import { formatNumber } from '../../../i18n/format';
import { useSpecStore } from '../../../store';
import { liveStopText, testHintText, testMessageText } from '../coreText';
import { explainLiveStop } from '../stopReasons';

/** "Waiting 2.4 s (Retry-After) before retrying…", counting down. */
export function Countdown() {
  const wait = useSpecStore((s) => s.live.wait);
  const t = useT();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!wait) return;
    const tick = (): void => setNow(Date.now());
    const timer = setInterval(tick, 200);
    tick();
    return () => clearInterval(timer);
  }, [wait]);
  if (!wait) return null;
  const left = Math.max(0, Math.min(wait.ms, wait.until - now)) / 1000;
  const s = formatNumber(left, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <p className="pv-live-wait" role="timer" aria-live="off">
      <span className="pv-spinner" aria-hidden="true" />
      {wait.why === 'retry-after' ? t('run.live.waitingRetry', { s }) : t('run.live.waitingDelay', { s })}
    </p>
  );
}

/** The run’s stop in words: what happened, what to check, what the reason means. */
export function StopBox() {
  const stop = useSpecStore((s) => s.live.stop);
  const t = useT();
  if (!stop) return null;
  const e = explainLiveStop(stop);
  return (
    <section className={`pv-stop pv-stop-${e.tone}`} aria-label={t('run.live.stopReason')} role="status">
      <h3>
        <T id="run.live.stopped" values={{ title: e.title, reason: <code>{stop.reason}</code> }} />
      </h3>
      {stop.message && <p className="pv-live-message">{liveStopText(stop)}</p>}
      {e.hint && (
        <p>
          <T id="run.live.whatToCheck" values={{ hint: e.hint }} components={{ 0: <strong /> }} />
        </p>
      )}
      <p className="pv-muted">{e.explanation}</p>
    </section>
  );
}

/** The connection test’s verdict. */
export function TestVerdict() {
  const tested = useSpecStore((s) => s.live.tested);
  const exchange = useSpecStore((s) => s.live.exchanges.find((e) => e.kind === 'connection-test'));
  const t = useT();
  if (!tested) return null;
  const hint = testHintText(tested).replace(/^./, (c) => c.toUpperCase());
  return (
    <section
      className={`pv-stop pv-stop-${tested.ok ? 'ok' : 'error'}`}
      aria-label={t('run.live.connectionTest')}
      role="status"
    >
      <h3>{tested.ok ? t('run.live.connectionWorks') : t('run.live.connectionFailed')}</h3>
      <p className="pv-live-message">{testMessageText(tested, exchange)}</p>
      {!tested.ok && hint && (
        <p>
          <T id="run.live.whatToCheck" values={{ hint }} components={{ 0: <strong /> }} />
        </p>
      )}
    </section>
  );
}
