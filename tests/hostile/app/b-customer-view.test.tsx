// @vitest-environment happy-dom
/**
 * Group B (untrusted spec content) in the customer view, which renders the spec's own schemas
 * (sourceSpec.spec, authSpec[i].spec) with rjsf: HTML and markdown stay text, recursive and remote
 * `$ref`s end in placeholders and notices, risky or invalid patterns never run, huge schemas fall back
 * to a message, and secrets stay masked and unpersisted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JsonObject, JsonValue } from '@core';
import { secretNote, secretValuePointers } from '../../../src/features/import-export/secretNote';
import { CustomerView } from '../../../src/features/preview/CustomerView';
import { resetStore, useSpecStore } from '../../../src/store';
import { autosaveStorage } from '../../../src/store/persistConfig';

const DIR = join(process.cwd(), 'tests/fixtures/hostile/ui');
const BASE = readFileSync(join(DIR, 'base.spec.json'), 'utf8');
const SCHEMAS = JSON.parse(readFileSync(join(DIR, 'schemas.json'), 'utf8')) as Record<string, JsonValue>;
const schema = (name: string) => structuredClone(SCHEMAS[name]) as JsonObject;
const st = () => useSpecStore.getState();
const pwned = () => (window as unknown as { __pwned?: unknown }).__pwned;

/** Loads the base spec with `source` as sourceSpec.spec (as an import would) and renders the customer view. */
function show(source: JsonValue) {
  const doc = JSON.parse(BASE) as JsonObject;
  (doc['sourceSpec'] as JsonObject)['spec'] = source;
  act(() => {
    st().loadDocument(JSON.stringify(doc, null, 2), 'file');
  });
  const started = performance.now();
  const view = render(<CustomerView />);
  return {
    ...view,
    ms: performance.now() - started,
    region: screen.getByRole('region', { name: 'Customer view' }),
  };
}

const notices = () => screen.getByRole('note', { name: 'Schema notices' }).textContent ?? '';

beforeEach(() => {
  localStorage.clear();
  resetStore();
  st().loadDocument(BASE, 'file');
  delete (window as unknown as { __pwned?: unknown }).__pwned;
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('B1/B2: user text in the customer view is text', () => {
  it('B1: HTML in titles, descriptions, enum labels and property names renders as text; no handler runs', async () => {
    const { region } = show(schema('b1-html'));
    expect(within(region).getByText('<img src=x onerror="window.__pwned=1">')).toBeTruthy();
    expect(within(region).getByText(/^<b>bold<\/b><img src=x onerror="window.__pwned=3">/)).toBeTruthy();
    expect(
      within(region).getByText(
        '<script>window.__pwned=4</script><a href="javascript:window.__pwned=5">click</a>',
      ),
    ).toBeTruthy();
    const option = within(region).getByRole('option', { name: '<img src=x onerror="window.__pwned=6">' });
    expect(option.textContent).toBe('<img src=x onerror="window.__pwned=6">');
    // The property name is only an id/label: typing in its field sets the run value under that name.
    // (getElementById: happy-dom cannot build label selectors for ids with quotes; browsers can.)
    const input = document.getElementById('cv-source/<img src=x onerror="window.__pwned=2">');
    expect(input?.tagName).toBe('INPUT');
    fireEvent.change(input as HTMLInputElement, { target: { value: 'v' } });
    expect(st().runInputs.values['<img src=x onerror="window.__pwned=2">']).toBe('v');
    expect(region.querySelectorAll('img, script, b, a, iframe, object').length).toBe(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(pwned()).toBeUndefined();
  });

  it('B2: markdown and raw HTML links in descriptions stay literal text (markdown off): no javascript: link exists', () => {
    const { region } = show(schema('b2-markdown'));
    expect(
      within(region).getByText(/^\[click me\]\(javascript:window\.__pwned=8\) or <a href=/),
    ).toBeTruthy();
    expect(within(region).getByText(/^\[title link\]\(javascript:window\.__pwned=7\)/)).toBeTruthy();
    expect(region.querySelectorAll('a, strong, [data-testid="markdown"]').length).toBe(0);
    for (const el of region.querySelectorAll('*'))
      for (const attr of el.getAttributeNames())
        expect(el.getAttribute(attr)).not.toMatch(/^\s*javascript:/i);
  });
});

describe('B3/B4: recursive and remote $ref', () => {
  it('B3: {"$ref":"#"} renders a placeholder with a notice, without hanging', () => {
    const { ms, region } = show(schema('b3-self'));
    expect(notices()).toMatch(/Recursive \$ref "#" at \/sourceSpec\/spec is shown as a placeholder/);
    expect(ms).toBeLessThan(3_000);
    expect(within(region).getAllByRole('heading').length).toBeGreaterThan(0);
  });

  it('B3: A→B→A definitions are expanded once, then a placeholder; other fields still work', () => {
    const { ms, region } = show(schema('b3-cycle'));
    expect(ms).toBeLessThan(3_000);
    expect(notices()).toMatch(/Recursive \$ref "#\/definitions\/A" at .* is shown as a placeholder/);
    const placeholder = within(region).getByText(/recursive \$ref "#\/definitions\/A"/, {
      selector: '.field-description',
    });
    expect(placeholder).toBeTruthy();
    fireEvent.change(within(region).getByLabelText(/^List ID/), { target: { value: 'L1' } });
    expect(st().runInputs.values['listId']).toBe('L1');
  });

  it('B4: remote, file and metadata-IP $refs are reported unresolved and never fetched', () => {
    const fetchSpy = vi.fn(() => Promise.reject(new Error('no network in this test')));
    vi.stubGlobal('fetch', fetchSpy);
    const xhr = vi.spyOn(XMLHttpRequest.prototype, 'open');
    const { region } = show(schema('b4-remote'));
    const text = notices();
    for (const ref of [
      'https://schemas.invalid/evil.json',
      'file:///etc/passwd',
      'http://169.254.169.254/latest/meta-data/',
    ])
      expect(text).toContain(`$ref "${ref}" at /sourceSpec/spec/properties/`);
    expect(text).toMatch(/is unresolved: Spec Studio never fetches schemas/);
    fireEvent.change(within(region).getByLabelText(/^List ID/), { target: { value: 'L2' } });
    expect(st().runInputs.values['listId']).toBe('L2');
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(xhr).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});

describe('B5/B6: patterns from the user schema', () => {
  it('B5: ReDoS-shaped patterns run in linear time; only a backreference is set aside; typing does not block', () => {
    const { region } = show(schema('b5-redos'));
    const text = notices();
    expect(text).toMatch(/pattern at \/sourceSpec\/spec\/properties\/twice\/pattern uses a backreference/);
    expect(text).not.toMatch(/listId|mode\/if|x\+x\+/);
    const long = 'a'.repeat(50_000) + '!';
    const started = performance.now();
    fireEvent.change(within(region).getByLabelText(/^List ID/), { target: { value: long } });
    fireEvent.change(within(region).getByLabelText(/^Mode/), { target: { value: long } });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(st().runInputs.values['mode']).toBe(long);
  });

  it('B6: patterns invalid under the u flag are reported; the rest of the form works', () => {
    const { region } = show(schema('b6-invalid-regex'));
    const text = notices();
    expect(text).toMatch(/properties\/listId\/pattern is not a valid regular expression under the u flag/);
    expect(text).toMatch(/properties\/other\/pattern is not a valid regular expression under the u flag/);
    expect(text).not.toMatch(/properties\/fine/);
    fireEvent.change(within(region).getByLabelText(/^Fine/), { target: { value: 'abc' } });
    fireEvent.change(within(region).getByLabelText(/^List ID/), { target: { value: 'x-y' } });
    expect(st().runInputs.values).toMatchObject({ fine: 'abc', listId: 'x-y' });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('B7: schemas too large for a form', () => {
  const recipe = SCHEMAS['b7'] as { manyProperties: number; bigEnum: number };

  it('B7: 5,000 properties → "too large for the form view" with a message; the auth form still works', () => {
    const properties: JsonObject = {};
    for (let i = 0; i < recipe.manyProperties; i++) properties[`p${i}`] = { type: 'string', title: `P ${i}` };
    const { ms, region } = show({ type: 'object', properties });
    expect(ms).toBeLessThan(3_000);
    expect(screen.getByRole('alert').textContent).toBe(
      '/sourceSpec/spec is too large for the form view: it declares at least 5,000 properties; the form view shows at most 2,500. Edit it in the JSON editor; the Requests tab’s run inputs still work.'.replace(
        '’',
        "'",
      ),
    );
    fireEvent.change(within(region).getByLabelText(/^domain/), { target: { value: 'us6' } });
    expect(st().runInputs.values['domain']).toBe('us6');
  });

  it('B7: a 100,000-value enum → fallback message naming the enum', () => {
    const values = Array.from({ length: recipe.bigEnum }, (_, i) => `v${i}`);
    const { ms } = show({ type: 'object', properties: { pick: { type: 'string', enum: values } } });
    expect(ms).toBeLessThan(3_000);
    expect(screen.getByRole('alert').textContent).toMatch(
      /too large for the form view: the enum at \/sourceSpec\/spec\/properties\/pick\/enum has 100,000 values/,
    );
  });
});

describe('B10: secrets', () => {
  it('B10: a format:password default is masked, and typed secrets are not persisted', () => {
    const { region } = show(schema('b10-secret'));
    const token = within(region).getByLabelText(/^Access token/) as HTMLInputElement;
    expect(token.type).toBe('password');
    expect(region.textContent).not.toContain('real-secret');
    for (const el of region.querySelectorAll('input'))
      if (el.value.includes('real-secret')) expect(el.type).toBe('password');
    fireEvent.change(token, { target: { value: 'typed-secret-123' } });
    expect(st().runInputs.values['accessToken']).toBe('typed-secret-123');
    autosaveStorage.flush();
    const stored = Object.keys(localStorage).map((k) => localStorage.getItem(k) ?? '');
    expect(stored.length).toBeGreaterThan(0); // autosave did write the session…
    expect(stored.join('\n')).not.toContain('typed-secret-123'); // …without the run inputs
  });

  it('B10: export warns when the spec itself carries secret values (format: password default/examples)', () => {
    show(schema('b10-secret'));
    expect(secretValuePointers(st().doc)).toEqual([
      '/sourceSpec/spec/properties/accessToken/default',
      '/sourceSpec/spec/properties/accessToken/examples',
    ]);
    expect(secretNote(st().doc)).toMatch(
      /^ Warning: it contains 2 secret values \(\/sourceSpec\/spec\/properties\/accessToken\/default, /,
    );
    expect(secretNote(JSON.parse(BASE) as JsonValue)).toBe('');
  });
});
