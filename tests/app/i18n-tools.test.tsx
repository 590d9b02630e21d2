// @vitest-environment happy-dom
/**
 * The tools area in French (issue 15): the submission kit's labels, checks and category names, and the
 * title-bar problem counts (plurals), rendered from the catalogues after a language switch.
 */
import { readFileSync } from 'node:fs';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiagnosticsCounts } from '../../src/features/diagnostics/DiagnosticsCounts';
import { SubmissionKitDialog } from '../../src/features/submission/SubmissionKitDialog';
import { setLocale } from '../../src/i18n';
import { resetStore, useSpecStore } from '../../src/store';

const MAILCHIMP = readFileSync('public/examples/mailchimp-members.json', 'utf8');
const st = () => useSpecStore.getState();

beforeEach(async () => {
  resetStore();
  st().setText(MAILCHIMP);
  st().setDiagnostics([], st().revision);
  await setLocale('fr', false);
});
afterEach(async () => {
  cleanup();
  await setLocale('en', false);
});

describe('tools in French', () => {
  it('the submission kit: labels, checks, categories and the blocking reason', () => {
    render(<SubmissionKitDialog onClose={() => {}} />);
    expect(screen.getByText('Kit de soumission')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Nom de la source').value).toBe('mailchimp-members');
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Télécharger le kit' });
    expect(button.disabled).toBe(true);
    expect(document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      '✗ Choisissez une catégorie',
    );
    expect(screen.getByRole('option', { name: 'Automatisation du marketing' })).toBeTruthy();
    expect(screen.getByText('La spécification ne comporte aucune erreur')).toBeTruthy();
    expect(screen.getByText('Nom de la source mailchimp-members')).toBeTruthy();
    expect(screen.getByText('Choisissez l’icône SVG (Adobe en exige une)')).toBeTruthy();
  });

  it('the title-bar counts, with plurals', () => {
    st().setDiagnostics(
      [
        { severity: 'error', pointer: '/name', message: 'x', code: 'x' },
        { severity: 'warning', pointer: '/a', message: 'y', code: 'y' },
        { severity: 'warning', pointer: '/b', message: 'z', code: 'z' },
      ],
      st().revision,
    );
    render(<DiagnosticsCounts onActivate={() => {}} />);
    expect(screen.getByRole('button', { name: 'Problèmes : 1 erreur, 2 avertissements' })).toBeTruthy();
    expect(screen.getByTitle('2 avertissements').textContent).toBe('▲ 2');
  });
});
