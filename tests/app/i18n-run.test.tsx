// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseDiff } from '@core';
import { CaseDiffView } from '../../src/features/preview/cases/CaseDiffView';
import { scheduleTimeline } from '../../src/features/preview/scheduleTimeline';
import { explainStop, rateText } from '../../src/features/preview/stopReasons';
import { setLocale } from '../../src/i18n';

afterEach(async () => {
  cleanup();
  await setLocale('en', false);
});

const DIFF: CaseDiff = {
  pass: false,
  compared: ['records', 'stop'],
  records: [
    { kind: 'changed', index: 0, actualIndex: 0, fields: [{ path: 'id', expected: 1, actual: 2 }] },
    { kind: 'removed', index: 1, record: { id: 3 } },
  ],
  requests: [],
  stop: { expected: 'end-condition', actual: 'short-page', message: '' },
};

describe('run area in French', () => {
  it('a case diff: headings, entries and the stop, with French plurals', async () => {
    await setLocale('fr', false);
    render(<CaseDiffView diff={DIFF} stopMessage="" />);
    const diff = screen.getByLabelText('Différences');
    expect(diff.textContent).toContain('Enregistrements : 1 modifiés, 0 ajoutés, 1 supprimés');
    expect(screen.getByText('Enregistrement 1 modifié : 1 champ')).toBeTruthy();
    expect(screen.getByText('Enregistrement 2 manquant (attendu)')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Attendu' })).toBeTruthy();
    expect(diff.textContent).toContain('attendu end-condition, actuel short-page');
  });

  it('stop reasons, the rate line and the schedule rules', async () => {
    await setLocale('fr', false);
    expect(explainStop('loop-detected').title).toBe('Boucle détectée');
    expect(rateText(1, 180_000, 60_000)).toBe(
      'delayRequestMillis 60\u202f000 ms → au plus ~1 requêtes/min ; cette exécution attend ~3,0 min au total.',
    );
    const t = scheduleTimeline(
      undefined,
      { start: '2026-01-02T03:00', frequency: 'minute', interval: '5' },
      { values: {}, declared: new Set(), now: 0 },
    );
    expect(t.ok ? null : t.errors.interval).toBe(
      'une planification "minute" exige un intervalle entier d’au moins 15',
    );
  });
});
