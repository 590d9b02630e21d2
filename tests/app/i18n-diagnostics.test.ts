// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../src/i18n';
import { diagnosticText } from '../../src/i18n/diagnostics';
import { corpusDiagnostics } from '../core/diagnosticCorpus';

afterEach(async () => {
  await setLocale('en', false);
});

const all = corpusDiagnostics();

describe('diagnosticText: core diagnostics in the chosen language', () => {
  it('renders every diagnostic of the corpus in English exactly as the core words it', () => {
    const differ = all
      .filter((d) => diagnosticText(d) !== d.message)
      .map((d) => ({ code: d.code, core: d.message, catalogue: diagnosticText(d) }));
    expect(differ.slice(0, 10)).toEqual([]);
  });

  it('renders them in French, differently from English, with the parameters in place', async () => {
    const sample = [
      'schema-required',
      'placeholder-undeclared',
      'missing-input',
      'pagination-missing',
      'content-path-no-match',
      'document-fragment',
      'sample-path-no-match',
    ];
    await setLocale('fr', false);
    for (const code of sample) {
      const d = all.find((x) => x.code === code);
      expect(d, code).toBeDefined();
      if (!d) continue;
      const fr = diagnosticText(d);
      expect(fr, code).not.toBe(d.message);
      for (const v of Object.values(d.params ?? {}))
        if (typeof v === 'string' && v.length > 2 && !/^[A-Za-z_-]+$/.test(v)) expect(fr, code).toContain(v);
    }
    const required = all.find((x) => x.code === 'schema-required' && x.params?.['name'] === 'type');
    expect(required && diagnosticText(required)).toBe('`type` est obligatoire ici');
  });

  it.each(['sv', 'fr', 'ko', 'zh-Hant'] as const)(
    'renders every diagnostic of the corpus in %s',
    async (locale) => {
      await setLocale(locale, false);
      // Worded by the run in English only (the run's own messages are not translated yet).
      const english = new Set(['run-blocked', 'content-path-budget', 'schema-other']);
      const byCode = new Map(all.filter((d) => !english.has(d.code ?? '')).map((d) => [d.code, d]));
      for (const d of byCode.values()) {
        const text = diagnosticText(d);
        expect(text, d.code).not.toBe('');
        expect(text, d.code).not.toBe(d.message);
      }
    },
  );

  it('falls back to the English message for a diagnostic without a code or a catalogue message', async () => {
    await setLocale('fr', false);
    expect(diagnosticText({ message: 'plain' })).toBe('plain');
    expect(diagnosticText({ code: 'no-such-code', message: 'plain' })).toBe('plain');
  });
});
