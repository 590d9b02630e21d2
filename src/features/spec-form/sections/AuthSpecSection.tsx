import { useState } from 'react';
import { AUTH_TYPES, getAt, joinPointer, type JsonObject, type SectionInfo } from '@core';
import { useDoc, useFrozen, useWrite } from '../hooks/useSpecBindings';
import { AUTH_TEMPLATES } from '../model/authTemplates';
import type { FieldSpec } from '../model/fields';
import { isObject, prop } from '../model/json';
import { Notice } from './Notice';
import { ParamsTable } from './ParamsTable';
import { RjsfSection } from './RjsfSection';

const ENTRY_FIELDS: readonly FieldSpec[] = [
  { key: 'name', title: 'Name', kind: 'text', required: true },
  {
    key: 'type',
    title: 'Type',
    kind: 'choice',
    options: AUTH_TYPES,
    optionLabels: {
      OAuth2RefreshCode: 'OAuth 2 refresh code (OAuth2RefreshCode)',
      BasicAuthentication: 'Basic authentication (BasicAuthentication)',
      KeyBased: 'API key (KeyBased)',
    },
    required: true,
  },
];

/**
 * The authSpec list: one card per entry (name and type as a small form, credentials as a params table),
 * with move up / move down / remove, and "Add" from Adobe's templates.
 */
export function AuthSpecSection({ section }: { section: SectionInfo }) {
  const doc = useDoc();
  const frozen = useFrozen();
  const write = useWrite();
  const [template, setTemplate] = useState(AUTH_TEMPLATES[0]?.id ?? '');
  const list = getAt(doc, section.pointer);
  const entrySchema = prop(section.schema, 'items');

  if (list !== undefined && !Array.isArray(list)) {
    return <Notice pointer={section.pointer}>authSpec is not a list — edit in JSON.</Notice>;
  }
  const entries = list ?? [];
  const add = () => {
    const t = AUTH_TEMPLATES.find((x) => x.id === template);
    if (!t) return;
    if (list === undefined) write(section.pointer, [t.entry]);
    else write(joinPointer(section.pointer, '-'), t.entry);
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
        const title = `${i + 1}. ${typeof name === 'string' && name ? name : 'Unnamed method'}`;
        return (
          <section key={i} className="sf-card" aria-label={title}>
            <header className="sf-card-header">
              <h3 className="sf-subtitle">{title}</h3>
              <div className="sf-actions">
                <button
                  type="button"
                  className="sf-button sf-button-quiet"
                  aria-label={`Move ${title} up`}
                  disabled={frozen || i === 0}
                  onClick={() => move(i, i - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="sf-button sf-button-quiet"
                  aria-label={`Move ${title} down`}
                  disabled={frozen || i === entries.length - 1}
                  onClick={() => move(i, i + 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="sf-button sf-button-quiet"
                  aria-label={`Remove ${title}`}
                  disabled={frozen}
                  onClick={() => write(p, undefined)}
                >
                  Remove
                </button>
              </div>
            </header>
            {isObject(entry) ? (
              <>
                <RjsfSection
                  pointer={p}
                  fields={ENTRY_FIELDS}
                  coreSchema={isObject(entrySchema) ? (entrySchema as JsonObject) : undefined}
                  label={title}
                />
                <ParamsTable specPointer={joinPointer(p, 'spec')} caption="Credentials" headerNames />
              </>
            ) : (
              <Notice pointer={p}>This entry is not an object — edit in JSON.</Notice>
            )}
          </section>
        );
      })}
      <div className="sf-add-row">
        <label className="sf-label" htmlFor="sf-auth-template">
          New method from template
        </label>
        <select
          id="sf-auth-template"
          className="form-control sf-input"
          value={template}
          disabled={frozen}
          onChange={(e) => setTemplate(e.target.value)}
        >
          {AUTH_TEMPLATES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
        <button type="button" className="sf-button" disabled={frozen} onClick={add}>
          Add authentication method
        </button>
      </div>
    </div>
  );
}
