// @vitest-environment happy-dom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '@core';
import { PreviewPane } from '../../src/features/preview/PreviewPane';
import { customerUiSchema, splitCustomerSchema } from '../../src/features/preview/customerForm';
import { prepareCustomerSchema } from '../../src/features/preview/customerSchemaGuard';
import { st, withMailchimpPreview } from './preview.helpers';

withMailchimpPreview();

describe('customer view: hidden fields (issue 8, D14)', () => {
  it('a property with uiAttributes.hidden is not shown; the others are, and typing still works', () => {
    act(() => {
      st().updateAt('/sourceSpec/spec', {
        type: 'object',
        properties: {
          listId: { type: 'string', title: 'List ID' },
          expirationDate: { type: 'string', format: 'date', title: 'Expiry', uiAttributes: { hidden: true } },
          notHidden: { type: 'string', title: 'Shown', uiAttributes: { hidden: false } },
        },
      });
    });
    render(<PreviewPane />);
    fireEvent.click(screen.getByRole('tab', { name: /Customer view/ }));
    const view = screen.getByRole('region', { name: 'Customer view' });
    expect(within(view).queryByText(/^Expiry/)).toBeNull();
    expect(within(view).queryByLabelText(/^Expiry/)).toBeNull();
    expect(within(view).getByLabelText(/^Shown/)).toBeTruthy();
    fireEvent.change(within(view).getByLabelText(/^List ID/), { target: { value: 'L1' } });
    fireEvent.change(within(view).getByLabelText(/^List ID/), { target: { value: 'L12' } });
    expect(st().runInputs.values['listId']).toBe('L12');
    expect((within(view).getByLabelText(/^List ID/) as HTMLInputElement).value).toBe('L12');
    // A value set elsewhere (the Requests tab's run inputs) still reaches the form.
    act(() => st().setRunValue('listId', 'from-requests'));
    expect((within(view).getByLabelText(/^List ID/) as HTMLInputElement).value).toBe('from-requests');
  });

  it('hidden wins over password in the uiSchema', () => {
    expect(
      customerUiSchema({
        type: 'object',
        properties: { t: { type: 'string', format: 'password', uiAttributes: { hidden: true } } },
      }),
    ).toMatchObject({ t: { 'ui:widget': 'hidden' } });
  });
});

describe('customer view: 2,000 properties render (issue 8, C9)', () => {
  const many = (n: number): JsonObject => {
    const properties: JsonObject = {};
    for (let i = 0; i < n; i++) properties[`p${i}`] = { type: 'string', title: `P ${i}` };
    return { type: 'object', properties };
  };
  it('2,000 properties are prepared for the form; 2,501 are refused with the cap named', () => {
    const ok = prepareCustomerSchema(many(2000), '/sourceSpec/spec');
    expect(ok.problem).toBeNull();
    expect(Object.keys((ok.schema?.['properties'] as JsonObject) ?? {})).toHaveLength(2000);
    const big = prepareCustomerSchema(many(2501), '/sourceSpec/spec');
    expect(big.schema).toBeNull();
    expect(big.problem).toMatch(/at least 2,501 properties; the form view shows at most 2,500/);
  });

  it('a large flat schema is drawn as parts of 100 properties; typing in the last part sets its value', () => {
    const schema = { ...many(250), required: ['p0', 'p249'], title: 'Source' };
    const parts = splitCustomerSchema(schema) ?? [];
    expect(parts.map((p) => Object.keys(p['properties'] as JsonObject).length)).toEqual([100, 100, 50]);
    expect(parts.map((p) => p['required'])).toEqual([['p0'], undefined, ['p249']]);
    expect(parts.map((p) => p['title'])).toEqual(['Source', undefined, undefined]);
    expect(splitCustomerSchema({ ...many(250), allOf: [{ required: ['p1'] }] })).toBeNull();
    expect(splitCustomerSchema(many(100))).toBeNull();

    act(() => {
      st().updateAt('/sourceSpec/spec', schema);
    });
    render(<PreviewPane />);
    fireEvent.click(screen.getByRole('tab', { name: /Customer view/ }));
    const view = screen.getByRole('region', { name: 'Customer view' });
    const sourceForms = [...view.querySelectorAll('form')].filter((f) =>
      f.querySelector('[id^="cv-source"]'),
    );
    expect(sourceForms).toHaveLength(3);
    fireEvent.change(within(view).getByLabelText(/^P 249/), { target: { value: 'last' } });
    fireEvent.change(within(view).getByLabelText(/^P 0\b/), { target: { value: 'first' } });
    expect(st().runInputs.values).toMatchObject({ p249: 'last', p0: 'first' });
    expect((within(view).getByLabelText(/^P 249/) as HTMLInputElement).value).toBe('last');
  });
});
