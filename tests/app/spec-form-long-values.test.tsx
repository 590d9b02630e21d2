// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '@core';
import { FORM_FIELD_MAX_CHARS, fieldChars } from '../../src/features/spec-form/model/fields';
import { FIXTURES, setup, st } from './spec-form.helpers';

afterEach(cleanup);

describe('a value longer than a form field shows (issue 12 item 6)', () => {
  it('a 2,000,000-character description is a note with a jump to the JSON view, not a textarea', () => {
    const description = 'ab'.repeat(1_000_000);
    setup({ ...(FIXTURES['mailchimp'] as JsonObject), description }, 'metadata');
    expect(screen.queryByLabelText('Description', { exact: true })).toBeNull();
    expect(document.querySelector('textarea')?.value.length ?? 0).toBeLessThanOrEqual(FORM_FIELD_MAX_CHARS);
    const note = screen
      .getByText(/2,000,000 characters, more than a form field shows \(20,000\)/)
      .closest('[role="note"]');
    expect(note?.textContent).toMatch(/edit it in the JSON view/);
    fireEvent.click(note?.querySelector('button') as HTMLButtonElement);
    expect(st().reveal?.pointer).toBe('/description');
    // The other fields of the section still edit.
    expect(screen.getByLabelText('Name', { exact: true })).toBeTruthy();
  });

  it('a description at the cap is still an editable field', () => {
    setup(
      { ...(FIXTURES['mailchimp'] as JsonObject), description: 'x'.repeat(FORM_FIELD_MAX_CHARS) },
      'metadata',
    );
    expect((screen.getByLabelText('Description', { exact: true }) as HTMLTextAreaElement).value).toHaveLength(
      FORM_FIELD_MAX_CHARS,
    );
  });

  it('fieldChars counts strings, lines and { key | text }', () => {
    expect(fieldChars('abc')).toBe(3);
    expect(fieldChars(['ab', 'c'])).toBe(5);
    expect(fieldChars({ text: 'abcd' })).toBe(4);
    expect(fieldChars(12)).toBe(0);
  });
});
