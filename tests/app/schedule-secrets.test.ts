/**
 * Issue 9 item 1 in the Schedule tab: the ADVANCE query it shows for each run masks secrets
 * (the `scheduleParts` display copy), like every other place a request is shown.
 */
import { describe, expect, it } from 'vitest';
import type { Schedule } from '@core';
import { scheduleTimeline } from '../../src/features/preview/scheduleTimeline';

const ADVANCE: Schedule = {
  type: 'ADVANCE',
  paramFormat: 'yyyy',
  incremental: 'since {START_TIME} key=${apiKey} org=${org}',
  backfill: 'until {END_TIME} key=${apiKey}',
};

describe('Schedule tab: secrets in ADVANCE templates', () => {
  it('shows ••••, never the secret, for backfill and incremental runs', () => {
    const t = scheduleTimeline(
      ADVANCE,
      { start: '2026-01-02T03:00', frequency: 'hour', interval: '6' },
      {
        values: { apiKey: 'SeCrEt-42', org: 'acme' },
        declared: new Set(['apiKey', 'org']),
        now: Date.UTC(2026, 0, 2),
        secrets: new Set(['apiKey']),
      },
      2,
    );
    expect(t.ok && t.runs.map((r) => r.sent)).toEqual([
      'until 2026 key=••••',
      'since 2026 key=•••• org=acme',
    ]);
  });
});
