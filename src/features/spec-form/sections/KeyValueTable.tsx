import { getAt, joinPointer, type JsonValue } from '@core';
import { t as translate, useT } from '../../../i18n';
import { T } from '../../../i18n/T';
import { useDoc, useFieldEvents, useFrozen, useWrite } from '../hooks/useSpecBindings';
import { fieldId } from '../model/fieldIds';
import { freshKey, isObject, renameKey } from '../model/json';
import { FieldDiagnostics } from '../templates/FieldDiagnostics';
import { PlaceholderInput } from '../widgets/PlaceholderInput';
import { KeyInput } from './KeyInput';
import { Notice, preview } from './Notice';

interface KeyValueTableProps {
  /** Pointer of the string → string object (queryParams, headerParams). */
  pointer: string;
  caption: string;
  /** What a row is, for buttons and labels: a query parameter or a header. */
  kind: 'query' | 'header';
  /** Base of new keys, e.g. "param" → param1. */
  keyBase: string;
}

/**
 * A string → string object as an editable table. A value edit writes that one key; a rename rewrites the
 * object with the key in place (order kept); add and remove write one key. A legacy "a=1,b=2" string
 * and non-string values are shown, never coerced: edit in JSON.
 */
export function KeyValueTable({ pointer, caption, kind, keyBase }: KeyValueTableProps) {
  const t = useT();
  const doc = useDoc();
  const frozen = useFrozen();
  const write = useWrite();
  const events = useFieldEvents();
  const value = getAt(doc, pointer);

  if (value !== undefined && !isObject(value)) {
    return (
      <div className="sf-table-block">
        <h3 className="sf-subtitle">{caption}</h3>
        <Notice pointer={pointer}>
          <T
            id="form.keyValue.notObject"
            values={{ caption, shape: typeof value === 'string' ? 'string' : 'other', value: preview(value) }}
            components={{ 0: <code /> }}
          />
        </Notice>
      </div>
    );
  }
  const obj = value ?? {};
  const entries = Object.entries(obj);
  const add = () => {
    const key = freshKey(value, keyBase);
    if (value === undefined) write(pointer, { [key]: '' });
    else write(joinPointer(pointer, key), '');
  };
  const rename = (from: string, to: string): string | null => {
    if (to === '') return translate('form.keyValue.nameRequired');
    const next = renameKey(obj, from, to);
    if (next === null) return translate('form.keyValue.nameUsed', { name: to });
    write(pointer, next);
    return null;
  };

  return (
    <div className="sf-table-block">
      <table className="sf-table">
        <caption className="sf-subtitle">{caption}</caption>
        <thead hidden={entries.length === 0}>
          <tr>
            <th scope="col">{t('form.keyValue.name')}</th>
            <th scope="col">{t('form.keyValue.value')}</th>
            <th scope="col">
              <span className="sf-visually-hidden">{t('form.keyValue.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map(([key, v], i) => {
            const p = joinPointer(pointer, key);
            return (
              <tr key={i}>
                <td>
                  <KeyInput
                    id={`${fieldId(p)}#name`}
                    value={key}
                    ariaLabel={t('form.keyValue.nameOf', { kind, index: String(i + 1) })}
                    readOnly={frozen}
                    onRename={(to) => rename(key, to)}
                    onFocus={() => events.onFocus(fieldId(p))}
                  />
                </td>
                <td>
                  <ValueCell
                    pointer={p}
                    value={v}
                    label={t('form.keyValue.valueOf', { key })}
                    readOnly={frozen}
                    write={write}
                    events={events}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="sf-button sf-button-quiet"
                    aria-label={t('form.keyValue.remove', { kind, key })}
                    disabled={frozen}
                    onClick={() => write(p, undefined)}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {entries.length === 0 && <p className="sf-help">{t('form.keyValue.none')}</p>}
      <button type="button" className="sf-button" disabled={frozen} onClick={add}>
        {t('form.keyValue.add', { kind })}
      </button>
    </div>
  );
}

function ValueCell(props: {
  pointer: string;
  value: JsonValue;
  label: string;
  readOnly: boolean;
  write: (p: string, v: JsonValue | undefined) => boolean;
  events: ReturnType<typeof useFieldEvents>;
}) {
  const { pointer, value, label, readOnly, write, events } = props;
  if (typeof value !== 'string') {
    return (
      <Notice pointer={pointer}>
        <T id="form.keyValue.notString" values={{ value: preview(value) }} components={{ 0: <code /> }} />
      </Notice>
    );
  }
  return (
    <>
      <PlaceholderInput
        id={fieldId(pointer)}
        value={value}
        ariaLabel={label}
        readOnly={readOnly}
        onChange={(v) => write(pointer, v)}
        onFocus={events.onFocus}
        onBlur={events.onBlur}
      />
      <FieldDiagnostics pointer={pointer} />
    </>
  );
}
