/**
 * A message that carries another coded message (`nestedParams` in the core, `withNested` in the app):
 * the inner message is worded in the chosen language, nested codes inside it too, and an inner code
 * without a message keeps the core's English.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { nestedParams, parseJson } from '../../src/core';
import { setLocale } from '../../src/i18n';
import { diagnosticText, isDiagnosticCode } from '../../src/i18n/diagnostics';

afterEach(async () => {
  await setLocale('en', false);
});

/** A real parse error of the core, as a coded text. */
function emptyDocument() {
  const r = parseJson('');
  if (r.ok) throw new Error('an empty text parsed');
  return {
    message: r.error.message.replace(/ at line \d+, column \d+$/, ''),
    code: r.error.code,
    params: r.error.params,
  };
}

describe('nested coded messages', () => {
  it('carries the inner message as English text, code and prefixed params', () => {
    const params = nestedParams('detail', {
      message: 'inner',
      code: 'json-empty',
      params: { a: 1, b: ['x'] },
    });
    expect(params).toEqual({ detail: 'inner', detailCode: 'json-empty', 'detail.a': 1, 'detail.b': ['x'] });
    expect(nestedParams('detail', { message: 'plain' })).toEqual({ detail: 'plain' });
  });

  it('words the inner message in the chosen language', async () => {
    const inner = emptyDocument();
    const outer = { code: 'run-blocked', message: inner.message, params: nestedParams('detail', inner) };
    expect(diagnosticText(outer)).toBe('empty document: expected a JSON value');
    await setLocale('fr', false);
    expect(diagnosticText(outer)).toBe('document vide : une valeur JSON est attendue');
  });

  it('resolves a nested message inside a nested message', async () => {
    const inner = emptyDocument();
    const middle = { code: 'run-blocked', message: inner.message, params: nestedParams('detail', inner) };
    const outer = { code: 'run-blocked', message: inner.message, params: nestedParams('detail', middle) };
    await setLocale('fr', false);
    expect(diagnosticText(outer)).toBe('document vide : une valeur JSON est attendue');
  });

  it('keeps the English of an inner code the catalogue does not know', async () => {
    const outer = {
      code: 'run-blocked',
      message: 'something new',
      params: nestedParams('detail', { message: 'something new', code: 'no-such-code', params: {} }),
    };
    await setLocale('fr', false);
    expect(diagnosticText(outer)).toBe('something new');
    expect(isDiagnosticCode('no-such-code')).toBe(false);
    expect(isDiagnosticCode('run-blocked')).toBe(true);
  });
});
