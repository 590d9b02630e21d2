// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { getAt } from '@core';
import { pointers, setup, st } from './spec-form.helpers';

afterEach(cleanup);

const P = '/sourceSpec/attributes/paginationParams';
const S = '/sourceSpec/attributes/scheduleParams';
const U = '/sourceSpec/attributes/urlParams';
const select = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('variant sections keep what was typed across a type switch', () => {
  it('pagination OFFSET → PAGE → OFFSET restores the offset fields, PAGE fields come back too', () => {
    const { doc } = setup('mailchimp', 'paginationParams');
    expect(screen.getByLabelText('Offset parameter')).toBeTruthy();
    select('Type', 'PAGE');
    expect(getAt(st().doc, P)).toEqual({
      type: 'PAGE',
      limitName: 'count',
      limitValue: '100',
      'x-extra': true,
    });
    expect(screen.queryByLabelText('Offset parameter')).toBeNull();
    fireEvent.change(screen.getByLabelText('Page parameter'), { target: { value: 'pageNumber' } });
    select('Type', 'OFFSET');
    expect(getAt(st().doc, P)).toEqual(getAt(doc, P));
    select('Type', 'PAGE');
    expect(getAt(st().doc, `${P}/pageParamName`)).toBe('pageNumber');
    expect(getAt(st().doc, `${P}/offSetName`)).toBeUndefined();
  });

  it('schedule standard → ADVANCE → standard restores the start/end parameters', () => {
    const { doc } = setup('mailchimp', 'scheduleParams');
    select('Form', 'ADVANCE');
    expect(getAt(st().doc, S)).toEqual({ type: 'ADVANCE' });
    fireEvent.change(screen.getByLabelText('Date format'), { target: { value: 'yyyy-MM-dd' } });
    select('Form', 'STANDARD');
    expect(getAt(st().doc, S)).toEqual(getAt(doc, S));
    select('Form', 'ADVANCE');
    expect(getAt(st().doc, S)).toEqual({ type: 'ADVANCE', paramFormat: 'yyyy-MM-dd' });
  });
});

describe('placeholders', () => {
  it('an undeclared ${x} is flagged; "Declare as user input" adds the property', () => {
    const { updateAt } = setup('mailchimp', 'urlParams');
    const flag = screen.getByText('${status}').closest('p') as HTMLElement;
    fireEvent.click(within(flag).getByRole('button', { name: 'Declare as user input' }));
    expect(pointers(updateAt)).toEqual(['/sourceSpec/spec/properties/status']);
    expect(getAt(st().doc, '/sourceSpec/spec/properties')).toEqual({
      listId: { type: 'string', description: 'listId for which members need to fetch.' },
      status: { type: 'string', title: 'status' },
    });
    expect(screen.queryByText('${status}')).toBeNull();
  });

  it('typing ${ lists declared parameters (user inputs and auth) and picking one completes it', () => {
    setup('mailchimp', 'urlParams');
    const path = screen.getByLabelText('Path') as HTMLInputElement;
    fireEvent.change(path, { target: { value: '/lists/${', selectionStart: 9, selectionEnd: 9 } });
    const options = () =>
      within(screen.getByRole('listbox', { name: 'Declared parameters' })).getAllByRole('option');
    const names = options().map((o) => o.textContent);
    expect(names).toEqual(
      expect.arrayContaining(['${listId}', '${domain}', '${accessToken}', '${username}']),
    );
    fireEvent.change(path, { target: { value: '/lists/${li', selectionStart: 11, selectionEnd: 11 } });
    expect(options().map((o) => o.textContent)).toEqual(['${listId}']);
    fireEvent.mouseDown(options()[0] as HTMLElement);
    expect(getAt(st().doc, `${U}/path`)).toBe('/lists/${listId}');
  });
});

describe('tables', () => {
  it('query parameters: edit a value, rename in place, add and remove', () => {
    const { updateAt } = setup('mailchimp', 'urlParams');
    fireEvent.change(screen.getByLabelText('Value of fields'), { target: { value: 'members.email' } });
    expect(pointers(updateAt)).toEqual([`${U}/queryParams/fields`]);
    fireEvent.change(screen.getByLabelText('Name of query parameter 1'), { target: { value: 'f' } });
    expect(Object.keys(getAt(st().doc, `${U}/queryParams`) as object)).toEqual(['f', 'status']);
    fireEvent.click(screen.getByRole('button', { name: 'Add query parameter' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove query parameter status' }));
    expect(getAt(st().doc, `${U}/queryParams`)).toEqual({ f: 'members.email', param1: '' });
  });

  it('user inputs: secret, required and type write their own keys', () => {
    const { updateAt } = setup('mailchimp', 'userInputs');
    fireEvent.click(screen.getByLabelText('listId is secret'));
    fireEvent.click(screen.getByLabelText('listId is required'));
    select('Type of listId', 'integer');
    expect(pointers(updateAt)).toEqual([
      '/sourceSpec/spec/properties/listId/format',
      '/sourceSpec/spec/required',
      '/sourceSpec/spec/properties/listId/type',
    ]);
    expect(getAt(st().doc, '/sourceSpec/spec/required')).toEqual(['listId']);
    expect(getAt(st().doc, '/sourceSpec/spec/properties/listId')).toEqual({
      type: 'integer',
      description: 'listId for which members need to fetch.',
      format: 'password',
    });
  });

  it('authSpec: add from a template, reorder, remove', () => {
    setup('mailchimp', 'authSpec');
    select('New method from template', 'apiKey');
    fireEvent.click(screen.getByRole('button', { name: 'Add authentication method' }));
    const names = () => (getAt(st().doc, '/authSpec') as Array<{ name: string }>).map((e) => e.name);
    expect(names()).toEqual(['OAuth2 Refresh Code', 'Basic Authentication', 'API Key Authentication']);
    fireEvent.click(screen.getByRole('button', { name: 'Move 3. API Key Authentication up' }));
    expect(names()).toEqual(['OAuth2 Refresh Code', 'API Key Authentication', 'Basic Authentication']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove 1. OAuth2 Refresh Code' }));
    expect(names()).toEqual(['API Key Authentication', 'Basic Authentication']);
  });
});

describe('diagnostics and reveal', () => {
  it('shows a field error only after the field was touched (blur)', () => {
    setup('mailchimp', 'urlParams');
    const msg = 'path must start with /';
    act(() =>
      st().setDiagnostics([{ severity: 'error', pointer: `${U}/path`, message: msg }], st().revision),
    );
    expect(screen.queryByText(msg)).toBeNull();
    fireEvent.blur(screen.getByLabelText('Path'));
    expect(screen.getByText(msg)).toBeTruthy();
    expect(
      within(screen.getByRole('navigation', { name: 'Sections' })).getByLabelText('1 error'),
    ).toBeTruthy();
  });

  it('focus reveals the pointer; a reveal from diagnostics opens the section and focuses the field', () => {
    setup('mailchimp', 'metadata');
    fireEvent.focus(screen.getByLabelText('Name'));
    expect(st().reveal).toMatchObject({ pointer: '/name', source: 'form' });
    act(() => st().revealPointer(`${U}/path`, 'diagnostics'));
    expect(st().activeSection).toBe('urlParams');
    expect(document.activeElement?.id).toBe(`field:${U}/path`);
  });
});
