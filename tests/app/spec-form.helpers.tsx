import { render } from '@testing-library/react';
import { vi } from 'vitest';
import type { JsonValue, SectionId } from '@core';
import { resetStore, useSpecStore } from '../../src/store';
import { SpecForm } from '../../src/features/spec-form/SpecForm';
import mailchimp from '../fixtures/spec-form/mailchimp.spec.json';
import legacy from '../fixtures/spec-form/legacy.spec.json';

export const FIXTURES = { mailchimp, legacy } as unknown as Record<string, JsonValue>;

const realUpdateAt = useSpecStore.getState().updateAt;

export const st = () => useSpecStore.getState();

/** Loads a fixture, opens a section, spies on updateAt (still applying it) and renders the form. */
export function setup(fixture: keyof typeof FIXTURES | JsonValue, section: SectionId, indent = 2) {
  localStorage.clear();
  resetStore();
  const doc = typeof fixture === 'string' ? FIXTURES[fixture] : fixture;
  st().loadDocument(JSON.stringify(doc, null, indent), 'paste');
  st().setActiveSection(section);
  const updateAt = vi.fn(realUpdateAt);
  useSpecStore.setState({ updateAt });
  const view = render(<SpecForm />);
  return { ...view, updateAt, doc: doc as JsonValue };
}

/** The pointers updateAt was called with, in order. */
export const pointers = (spy: ReturnType<typeof vi.fn>) => spy.mock.calls.map((c) => c[0] as string);
