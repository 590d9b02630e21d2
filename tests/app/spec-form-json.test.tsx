// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EXPLORE_SPEC_BOILERPLATE, getAt } from '@core';
import { FIXTURES, pointers, setup, st } from './spec-form.helpers';

afterEach(cleanup);

describe('free-form JSON sections', () => {
  it('custom schema: writes only text that parses, shows the parse error otherwise', () => {
    const { updateAt } = setup('mailchimp', 'customSchema');
    const box = screen.getByLabelText('Custom schema (JSON Schema)');
    fireEvent.change(box, { target: { value: '{ "type": "object", ' } });
    expect(updateAt).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/Not saved: line 1/);
    fireEvent.change(box, { target: { value: '{ "type": "object" }' } });
    expect(pointers(updateAt)).toEqual(['/sourceSpec/attributes/schema']);
    expect(getAt(st().doc, '/sourceSpec/attributes/schema')).toEqual({ type: 'object' });
    expect((box as HTMLTextAreaElement).value).toBe('{ "type": "object" }');
  });

  it('body: only offered for POST', () => {
    setup('mailchimp', 'bodyParams');
    expect(screen.queryByLabelText('Body (JSON)')).toBeNull();
    expect(screen.getByText(/sent only with POST/)).toBeTruthy();
  });

  it('explore spec: read-only; a changed one resets to the boilerplate in one click', () => {
    const reset = () =>
      screen.getByRole('button', { name: "Reset to Adobe's boilerplate" }) as HTMLButtonElement;
    const { updateAt } = setup(
      { ...(FIXTURES['mailchimp'] as object), exploreSpec: { name: 'Mine' } },
      'exploreSpec',
    );
    expect(screen.getByText(/Differs from Adobe's boilerplate/)).toBeTruthy();
    fireEvent.click(reset());
    expect(pointers(updateAt)).toEqual(['/exploreSpec']);
    expect(getAt(st().doc, '/exploreSpec')).toEqual(EXPLORE_SPEC_BOILERPLATE);
    expect(reset().disabled).toBe(true);
  });
});
