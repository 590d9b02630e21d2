// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { englishStringTranslator, TranslatableString } from '@rjsf/utils';
import { afterEach, describe, expect, it } from 'vitest';
import { SECTIONS } from '@core';
import { loadRestOfCatalogue, setLocale, tMaybe } from '../../src/i18n';
import { schemaMessageIds, schemaTexts } from '../../src/i18n/dynamic/schema';
import { translateRjsfString } from '../../src/features/spec-form/rjsfStrings';
import { localizedSchema } from '../../src/features/spec-form/schemaText';
import { setup } from './spec-form.helpers';

afterEach(async () => {
  cleanup();
  await setLocale('en', false);
});

describe('spec form in French', () => {
  it('shows the section, its schema labels and the table in French', async () => {
    await setLocale('fr', false);
    setup('mailchimp', 'urlParams');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('URL de la requête');
    expect(screen.getByRole('navigation', { name: 'Sections' })).toBeTruthy();
    expect(screen.getByLabelText(/^Hôte/)).toBeTruthy();
    expect(screen.getByText('Paramètres de requête')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Nouveau paramètre' })).toBeTruthy();
  });

  it('routes rjsf strings through the catalogue', async () => {
    await setLocale('fr', false);
    expect(translateRjsfString(TranslatableString.AddButton)).toBe('Ajouter');
    expect(translateRjsfString(TranslatableString.TitleOptionPrefix, ['Type', '2'])).toBe('Type option 2');
    // A value rjsf writes into the data stays English.
    expect(translateRjsfString(TranslatableString.NewStringDefault)).toBe('New Value');
  });

  it('translates a copy of a core schema, never the core schema itself', async () => {
    const url = SECTIONS.find((s) => s.id === 'urlParams')!;
    await setLocale('fr', false);
    const fr = localizedSchema(url.schema);
    expect(fr['title']).toBe('URL de la requête');
    expect(localizedSchema(url.schema)).toBe(fr);
    expect(url.schema['title']).toBe('Request URL');
  });

  it('makes the copy again when the rest of the catalogue arrives after the first paint', async () => {
    // Korean is loaded nowhere else in this file: only the first part of its catalogue is in.
    const url = SECTIONS.find((s) => s.id === 'urlParams')!;
    await setLocale('ko', false, true);
    const early = localizedSchema(url.schema);
    expect(early['description']).toBe(url.schema['description']);
    await loadRestOfCatalogue();
    const later = localizedSchema(url.schema);
    expect(later['description']).not.toBe(url.schema['description']);
    expect(later['description']).toBe(tMaybe('schema.urlParams.description', undefined, ''));
  });
});

describe('English', () => {
  it('every schema message renders the core text exactly', () => {
    const texts = schemaTexts();
    expect(texts.length).toBe(schemaMessageIds().length);
    for (const { id, english } of texts) expect(tMaybe(id, undefined, `missing ${id}`)).toBe(english);
  });

  it('rjsf strings render as rjsf writes them', () => {
    for (const s of Object.values(TranslatableString)) {
      expect(translateRjsfString(s, ['a', 'b', 'c'])).toBe(englishStringTranslator(s, ['a', 'b', 'c']));
    }
  });
});
