import { useMemo, useState } from 'react';
import { AUTH_TYPES, getAt, joinPointer, type JsonObject, type SectionInfo } from '@core';
import { t as translate, useLocale, useT } from '../../../i18n';
import { useDoc, useFrozen, useWrite } from '../hooks/useSpecBindings';
import { AUTH_TEMPLATES } from '../model/authTemplates';
import type { FieldSpec } from '../model/fields';
import { isObject, prop } from '../model/json';
import { Notice } from './Notice';
import { ParamsTable } from './ParamsTable';
import { RjsfSection } from './RjsfSection';

/** The fields of one entry, with the type labels in the current language. */
const entryFields = (): readonly FieldSpec[] => [
  { key: 'name', title: 'Name', kind: 'text', required: true },
  {
    key: 'type',
    title: 'Type',
    kind: 'choice',
    options: AUTH_TYPES,
    optionLabels: {
      OAuth2RefreshCode: translate('form.auth.type.oauth2'),
      BasicAuthentication: translate('form.auth.type.basic'),
      KeyBased: translate('form.auth.type.apiKey'),
    },
    required: true,
  },
];

/** The label of a template of AUTH_TEMPLATES in the current language. */
function templateLabel(id: string, english: string): string {
  switch (id) {
    case 'basic':
      return translate('form.auth.template.basic');
    case 'oauth2':
      return translate('form.auth.template.oauth2');
    case 'apiKey':
      return translate('form.auth.template.apiKey');
    default:
      return english;
  }
}

/**
 * The authSpec list: one card per entry (name and type as a small form, credentials as a params table),
 * with move up / move down / remove, and "Add" from Adobe's templates.
 */
export function AuthSpecSection({ section }: { section: SectionInfo }) {
  const t = useT();
  const locale = useLocale();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the labels change with the language
  const fields = useMemo(() => entryFields(), [locale]);
  const doc = useDoc();
  const frozen = useFrozen();
  const write = useWrite();
  const [template, setTemplate] = useState(AUTH_TEMPLATES[0]?.id ?? '');
  const list = getAt(doc, section.pointer);
  const entrySchema = prop(section.schema, 'items');

  if (list !== undefined && !Array.isArray(list)) {
    return <Notice pointer={section.pointer}>{t('form.auth.notList')}</Notice>;
  }
  const entries = list ?? [];
  const add = () => {
    const tpl = AUTH_TEMPLATES.find((x) => x.id === template);
    if (!tpl) return;
    if (list === undefined) write(section.pointer, [tpl.entry]);
    else write(joinPointer(section.pointer, '-'), tpl.entry);
  };
  const move = (from: number, to: number) => {
    const next = [...entries];
    const [item] = next.splice(from, 1);
    if (item === undefined) return;
    next.splice(to, 0, item);
    write(section.pointer, next);
  };

  return (
    <div className="sf-auth">
      {entries.map((entry, i) => {
        const p = joinPointer(section.pointer, i);
        const name = prop(entry, 'name');
        const title = t('form.auth.entryTitle', {
          index: String(i + 1),
          name: typeof name === 'string' && name ? name : t('form.auth.unnamed'),
        });
        return (
          <section key={i} className="sf-card" aria-label={title}>
            <header className="sf-card-header">
              <h3 className="sf-subtitle">{title}</h3>
              <div className="sf-actions">
                <button
                  type="button"
                  className="sf-button sf-button-quiet"
                  aria-label={t('form.auth.moveUp', { title })}
                  disabled={frozen || i === 0}
                  onClick={() => move(i, i - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="sf-button sf-button-quiet"
                  aria-label={t('form.auth.moveDown', { title })}
                  disabled={frozen || i === entries.length - 1}
                  onClick={() => move(i, i + 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="sf-button sf-button-quiet"
                  aria-label={t('form.auth.removeLabel', { title })}
                  disabled={frozen}
                  onClick={() => write(p, undefined)}
                >
                  {t('form.auth.remove')}
                </button>
              </div>
            </header>
            {isObject(entry) ? (
              <>
                <RjsfSection
                  pointer={p}
                  fields={fields}
                  coreSchema={isObject(entrySchema) ? (entrySchema as JsonObject) : undefined}
                  label={title}
                />
                <ParamsTable
                  specPointer={joinPointer(p, 'spec')}
                  caption={t('form.auth.credentials')}
                  headerNames
                />
              </>
            ) : (
              <Notice pointer={p}>{t('form.auth.notObject')}</Notice>
            )}
          </section>
        );
      })}
      <div className="sf-add-row">
        <label className="sf-label" htmlFor="sf-auth-template">
          {t('form.auth.templateLabel')}
        </label>
        <select
          id="sf-auth-template"
          className="form-control sf-input"
          value={template}
          disabled={frozen}
          onChange={(e) => setTemplate(e.target.value)}
        >
          {AUTH_TEMPLATES.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {templateLabel(tpl.id, tpl.label)}
            </option>
          ))}
        </select>
        <button type="button" className="sf-button" disabled={frozen} onClick={add}>
          {t('form.auth.add')}
        </button>
      </div>
    </div>
  );
}
