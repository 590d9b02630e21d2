import type { KitCheck } from '@core';

const MARK: Record<KitCheck['status'], { mark: string; label: string }> = {
  pass: { mark: '✓', label: 'passed' },
  warn: { mark: '!', label: 'advice' },
  fail: { mark: '✗', label: 'failed' },
};

/** The kit's checks, each with ✓ (passed), ! (advice, does not block) or ✗ (blocks the download). */
export function KitChecks({ checks }: { checks: KitCheck[] }) {
  return (
    <ul className="kit-checks" aria-label="Checks">
      {checks.map((c) => (
        <li key={c.id} className={`kit-check kit-check-${c.status}`}>
          <span className="kit-mark" role="img" aria-label={MARK[c.status].label}>
            {MARK[c.status].mark}
          </span>
          <span className="kit-check-message">{c.message}</span>
        </li>
      ))}
    </ul>
  );
}
