// @vitest-environment happy-dom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '@core';
import { PreviewPane } from '../../src/features/preview/PreviewPane';
import { CUSTOMER_FORM_LIMITS, prepareCustomerSchema } from '../../src/features/preview/customerSchemaGuard';
import { st, withMailchimpPreview } from './preview.helpers';

withMailchimpPreview();

const P = '/sourceSpec/spec';

function showCustomerView(spec: JsonObject) {
  act(() => {
    st().updateAt(P, spec);
  });
  render(<PreviewPane />);
  fireEvent.click(screen.getByRole('tab', { name: /Customer view/ }));
  return screen.getByRole('region', { name: 'Customer view' });
}

describe('customer view: rows rjsf renders are bounded (issue 12 item 1)', () => {
  it('minItems 100,000,000 is lowered to the row cap in the copy, with a notice; the spec is unchanged', () => {
    const spec: JsonObject = {
      type: 'object',
      properties: { ids: { type: 'array', minItems: 100_000_000, items: { type: 'string' } } },
    };
    const out = prepareCustomerSchema(spec, P);
    const ids = (out.schema?.['properties'] as JsonObject)['ids'] as JsonObject;
    expect(ids['minItems']).toBe(CUSTOMER_FORM_LIMITS.rows);
    expect(out.notices.join('\n')).toMatch(
      /minItems 100,000,000 at \/sourceSpec\/spec\/properties\/ids\/minItems is lowered to 20/,
    );
    expect((spec['properties'] as JsonObject)['ids']).toMatchObject({ minItems: 100_000_000 });
  });

  it('nested minItems multiply: the product stays within the cap', () => {
    const spec: JsonObject = {
      type: 'object',
      properties: {
        m: {
          type: 'array',
          minItems: 50,
          items: {
            type: 'array',
            minItems: 50,
            items: { type: 'array', minItems: 10, items: { type: 'string' } },
          },
        },
      },
    };
    const m = ((prepareCustomerSchema(spec, P).schema?.['properties'] as JsonObject)['m'] ??
      {}) as JsonObject;
    const inner = m['items'] as JsonObject;
    const innermost = inner['items'] as JsonObject;
    const product =
      (m['minItems'] as number) *
      Math.max(1, inner['minItems'] as number) *
      Math.max(1, innermost['minItems'] as number);
    expect(product).toBeLessThanOrEqual(CUSTOMER_FORM_LIMITS.rows);
    expect(m['minItems']).toBe(20);
  });

  it('a default or examples value with 100,000 items is left out, with a notice', () => {
    const big = Array.from({ length: 100_000 }, (_, i) => i);
    const out = prepareCustomerSchema(
      {
        type: 'object',
        properties: { a: { type: 'array', items: { type: 'number' }, default: big, examples: [big] } },
      },
      P,
    );
    const a = (out.schema?.['properties'] as JsonObject)['a'] as JsonObject;
    expect(a['default']).toBeUndefined();
    expect(a['examples']).toBeUndefined();
    expect(out.notices.join('\n')).toMatch(
      /The default at \/sourceSpec\/spec\/properties\/a\/default holds more than 1,000 values/,
    );
    // Small defaults stay.
    const small = prepareCustomerSchema(
      { type: 'object', properties: { a: { type: 'array', default: [1, 2] } } },
      P,
    );
    expect(((small.schema?.['properties'] as JsonObject)['a'] as JsonObject)['default']).toEqual([1, 2]);
  });

  it('the view shows at most the row cap for minItems 10,000 and says so', () => {
    const view = showCustomerView({
      type: 'object',
      properties: { ids: { type: 'array', title: 'IDs', minItems: 10_000, items: { type: 'string' } } },
    });
    const rows = view.querySelectorAll('input[id^="cv-source/ids/"]');
    expect(rows.length).toBe(CUSTOMER_FORM_LIMITS.rows);
    expect(within(view).getByRole('note', { name: 'Schema notices' }).textContent).toMatch(
      /minItems 10,000 .* is lowered to 20/,
    );
  }, 30_000);
});

describe('customer view: an input named __proto__ is shown (issue 12 item 11)', () => {
  it('renders the __proto__ input next to the others; typing sets the __proto__ run input', () => {
    const view = showCustomerView({
      type: 'object',
      required: ['__proto__'],
      properties: JSON.parse(
        '{"listId":{"type":"string","title":"List ID"},"__proto__":{"type":"string"},"constructor":{"type":"string"}}',
      ) as JsonObject,
    });
    const proto = within(view).getByLabelText(/^__proto__/) as HTMLInputElement;
    expect(within(view).getByLabelText(/^constructor/)).toBeTruthy();
    expect(within(view).getByLabelText(/^List ID/)).toBeTruthy();
    fireEvent.change(proto, { target: { value: 'p1' } });
    expect(Object.hasOwn(st().runInputs.values, '__proto__')).toBe(true);
    expect(st().runInputs.values['__proto__']).toBe('p1');
    expect(Object.getPrototypeOf(st().runInputs.values)).toBe(Object.prototype);
    expect((within(view).getByLabelText(/^__proto__/) as HTMLInputElement).value).toBe('p1');
    act(() => st().setRunValue('__proto__', 'from-requests'));
    expect((within(view).getByLabelText(/^__proto__/) as HTMLInputElement).value).toBe('from-requests');
  });
});
