// @vitest-environment happy-dom
/**
 * Group B in the editor around the spec: HTML in the spec's own text in the section forms, the
 * diagnostics list and tooltips (B1); unknown fields kept byte for byte through a form edit (B8); a
 * newer spec version shown with a notice and never downgraded (B9).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalise, type JsonObject, type JsonValue, type SectionId } from '@core';
import { AppBanners } from '../../../src/app/AppBanners';
import { newerSpecVersion } from '../../../src/app/SpecVersionBanner';
import { DiagnosticsPanel } from '../../../src/features/diagnostics/DiagnosticsPanel';
import { RunInputsForm } from '../../../src/features/preview/RunInputsForm';
import { SpecForm } from '../../../src/features/spec-form/SpecForm';
import { resetStore, useSpecStore } from '../../../src/store';

const DIR = join(process.cwd(), 'tests/fixtures/hostile/ui');
const load = (name: string) => JSON.parse(readFileSync(join(DIR, name), 'utf8')) as JsonObject;
const st = () => useSpecStore.getState();
const HTML = '<img src=x onerror="window.__pwned=1">';
const pwned = () => (window as unknown as { __pwned?: unknown }).__pwned;

function open(doc: JsonValue, section: SectionId, text = JSON.stringify(doc, null, 2)) {
  act(() => {
    st().loadDocument(text, 'file');
    st().setActiveSection(section);
  });
  return render(<SpecForm />);
}

beforeEach(() => {
  localStorage.clear();
  resetStore();
  delete (window as unknown as { __pwned?: unknown }).__pwned;
});
afterEach(cleanup);

describe('B1: HTML in the spec renders as text around the form', () => {
  const hostile = load('html.spec.json');

  it.each<[SectionId, string]>([
    ['metadata', HTML],
    ['authSpec', '<b>OAuth</b><img src=x onerror="window.__pwned=2">'],
    ['userInputs', '<img src=x onerror="window.__pwned=3">'],
  ])('B1: section %s shows %s as a value, never as markup', async (section, text) => {
    const { container } = open(hostile, section);
    const shown = [...container.querySelectorAll('input, textarea')].map(
      (e) => (e as HTMLInputElement).value,
    );
    const texts = container.textContent ?? '';
    expect(shown.includes(text) || texts.includes(text)).toBe(true);
    expect(container.querySelectorAll('img, script, b, iframe').length).toBe(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(pwned()).toBeUndefined();
  });

  it('B1: diagnostics that quote user text show it as text', () => {
    act(() => st().loadDocument(JSON.stringify(hostile), 'file'));
    act(() =>
      st().setDiagnostics(
        [{ severity: 'error', code: 'x', message: `unknown placeholder ${HTML}`, pointer: '/name' }],
        st().revision,
      ),
    );
    const { container } = render(<DiagnosticsPanel />);
    act(() => st().touch('/name'));
    expect(
      screen.getByText(new RegExp(`unknown placeholder ${HTML.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)),
    ).toBeTruthy();
    expect(container.querySelectorAll('img, script').length).toBe(0);
  });

  it('B1: tooltips (title attributes) of run inputs carry the description as plain text', () => {
    const { model } = normalise(hostile);
    act(() => st().loadDocument(JSON.stringify(hostile), 'file'));
    const { container } = render(<RunInputsForm model={model} />);
    const titled = [...container.querySelectorAll('[title]')].map((e) => e.getAttribute('title'));
    expect(titled).toContain('<script>window.__pwned=4</script>');
    expect(container.querySelectorAll('img, script').length).toBe(0);
  });
});

describe('B8: unknown fields survive a form edit', () => {
  it('B8: a Name edit changes only the name; unknown keys everywhere stay, byte for byte', () => {
    const text = readFileSync(join(DIR, 'unknown-fields.spec.json'), 'utf8');
    const before = JSON.parse(text) as JsonObject;
    open(before, 'metadata', text);
    fireEvent.change(screen.getByLabelText(/^Name/), { target: { value: 'Renamed' } });
    const after = st().text;
    expect(JSON.parse(after)).toEqual({ ...before, name: 'Renamed' });
    for (const line of text.split('\n').filter((l) => /x-|unknownTop|futureFeature/.test(l)))
      expect(after).toContain(line);
    expect(after.replace('"Renamed"', JSON.stringify(before['name']))).toBe(text);
  });
});

describe('B9: a spec version newer than the app', () => {
  it.each<[JsonValue, string | null]>([
    ['99.0', '99.0'],
    ['1.1', '1.1'],
    ['2', '2'],
    ['1.0', null],
    ['0.9', null],
    ['beta', null],
    [7, null],
  ])('B9: version %j → newer: %j', (version, expected) => {
    expect(newerSpecVersion({ version })).toBe(expected);
  });

  it('B9: "99.0" shows a notice; a form edit keeps the version and every field', () => {
    const doc = { ...load('unknown-fields.spec.json'), version: '99.0' };
    const text = JSON.stringify(doc, null, 2);
    open(doc, 'metadata', text);
    render(<AppBanners />);
    expect(screen.getByText(/This spec says version "99\.0", newer than the version 1\.0/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Name/), { target: { value: 'Renamed' } });
    expect(JSON.parse(st().text)).toEqual({ ...doc, name: 'Renamed' });
    expect(st().text).toContain('"version": "99.0"');
    expect((screen.getByLabelText(/^Version/) as HTMLInputElement).value).toBe('99.0');
  });
});
