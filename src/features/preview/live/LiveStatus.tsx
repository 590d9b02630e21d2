import { useEffect, useState } from 'react';
import { useSpecStore } from '../../../store';
import { explainLiveStop } from '../stopReasons';

/** "Waiting 2.4 s (Retry-After) before retrying…", counting down. */
export function Countdown() {
  const wait = useSpecStore((s) => s.live.wait);
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
  const why =
    wait.why === 'retry-after' ? 'the API asked to retry later (Retry-After)' : 'delayRequestMillis';
  return (
    <p className="pv-live-wait" role="timer" aria-live="off">
      <span className="pv-spinner" aria-hidden="true" />
      Waiting {left.toFixed(1)} s before the next request: {why}.
    </p>
  );
}

/** The run's stop in words: what happened, what to check, what the reason means. */
export function StopBox() {
  const stop = useSpecStore((s) => s.live.stop);
  if (!stop) return null;
  const e = explainLiveStop(stop);
  return (
    <section className={`pv-stop pv-stop-${e.tone}`} aria-label="Live stop reason" role="status">
      <h3>
        Stopped: {e.title} <code>{stop.reason}</code>
      </h3>
      {stop.message && <p className="pv-live-message">{stop.message}</p>}
      {e.hint && (
        <p>
          <strong>What to check:</strong> {e.hint}
        </p>
      )}
      <p className="pv-muted">{e.explanation}</p>
    </section>
  );
}

/** The connection test's verdict. */
export function TestVerdict() {
  const tested = useSpecStore((s) => s.live.tested);
  if (!tested) return null;
  const hint = tested.hint.trim().replace(/^./, (c) => c.toUpperCase());
  return (
    <section
      className={`pv-stop pv-stop-${tested.ok ? 'ok' : 'error'}`}
      aria-label="Connection test"
      role="status"
    >
      <h3>{tested.ok ? 'Connection works' : 'Connection test failed'}</h3>
      <p className="pv-live-message">{tested.message}</p>
      {!tested.ok && hint && (
        <p>
          <strong>What to check:</strong> {hint}
        </p>
      )}
    </section>
  );
}
