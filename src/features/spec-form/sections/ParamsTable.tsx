import { getAt, joinPointer, type JsonObject, type JsonValue } from '@core';
import { useDoc, useFieldEvents, useFrozen, useWrite, useWriteMany } from '../hooks/useSpecBindings';
import { fieldId } from '../model/fieldIds';
import { freshKey, isObject, prop, renameKey } from '../model/json';
import { declarationWrite } from '../model/placeholders';
import { FieldDiagnostics } from '../templates/FieldDiagnostics';
import { KeyInput } from './KeyInput';
import { Notice, preview } from './Notice';

const TYPES = ['string', 'integer', 'number', 'boolean', 'object', 'array'];

interface ParamsTableProps {
  /** Pointer of a params JSON Schema: `sourceSpec.spec` or `authSpec[i].spec`. */
  specPointer: string;
  caption: string;
}

/**
 * The properties of a params JSON Schema as a table: name, type, title, description, required and
 * secret (`format: "password"`). Each cell writes only its own key; a rename rewrites `properties` with
 * the key in place and renames it in `required` (one undo step).
 */
export function ParamsTable({ specPointer, caption }: ParamsTableProps) {
  const doc = useDoc();
  const frozen = useFrozen();
  const write = useWrite();
  const writeMany = useWriteMany();
  const events = useFieldEvents();
  const spec = getAt(doc, specPointer);
  const propsPtr = joinPointer(specPointer, 'properties');
  const reqPtr = joinPointer(specPointer, 'required');
  const properties = prop(spec, 'properties');
  const required = prop(spec, 'required');

  if ((spec !== undefined && !isObject(spec)) || (properties !== undefined && !isObject(properties))) {
    return <Notice pointer={specPointer}>{caption}: the schema is not an object — edit in JSON.</Notice>;
  }
  const reqList =
    Array.isArray(required) && required.every((r) => typeof r === 'string') ? (required as string[]) : null;
  const rows = Object.entries(properties ?? {});

  const add = () => {
    const name = freshKey(properties, 'param');
    const w = declarationWrite(doc, specPointer, name, { type: 'string' });
    if (w) write(w.pointer, w.value);
  };
  const rename = (from: string, to: string): string | null => {
    if (to === '') return 'A name is required.';
    const next = renameKey(properties ?? {}, from, to);
    if (next === null) return `"${to}" is already declared.`;
    // The key and its `required` entry change together: one undo step.
    writeMany([
      { pointer: propsPtr, value: next },
      ...(reqList?.includes(from)
        ? [{ pointer: reqPtr, value: reqList.map((r) => (r === from ? to : r)) }]
        : []),
    ]);
    return null;
  };
  const remove = (name: string) => {
    writeMany([
      { pointer: joinPointer(propsPtr, name), value: undefined },
      ...(reqList?.includes(name) ? [{ pointer: reqPtr, value: reqList.filter((r) => r !== name) }] : []),
    ]);
  };
  const setRequired = (name: string, on: boolean) => {
    const base = reqList ?? [];
    write(reqPtr, on ? [...base, name] : base.filter((r) => r !== name));
  };

  return (
    <div className="sf-table-block" role="group" aria-label={caption}>
      <h4 className="sf-subtitle">{caption}</h4>
      {rows.length === 0 && <p className="sf-help">No parameters declared.</p>}
      {rows.map(([name, decl], i) => {
        const p = joinPointer(propsPtr, name);
        return (
          <div key={i} className="sf-param" role="group" aria-label={`Parameter ${name}`}>
            <div className="sf-param-name">
              <KeyInput
                id={fieldId(p)}
                value={name}
                ariaLabel={`Name of parameter ${i + 1}`}
                readOnly={frozen}
                onRename={(to) => rename(name, to)}
                onFocus={() => events.onFocus(fieldId(p))}
                onBlur={() => events.onBlur(fieldId(p))}
              />
            </div>
            {isObject(decl) ? (
              <ParamCells
                name={name}
                pointer={p}
                decl={decl}
                required={reqList?.includes(name) ?? false}
                requiredEditable={reqList !== null || required === undefined}
                readOnly={frozen}
                onRequired={(on) => setRequired(name, on)}
              />
            ) : (
              <div className="sf-param-wide">
                <Notice pointer={p}>
                  <code>{preview(decl)}</code> is not a schema object — edit in JSON.
                </Notice>
              </div>
            )}
            <button
              type="button"
              className="sf-button sf-button-quiet sf-param-remove"
              aria-label={`Remove parameter ${name}`}
              disabled={frozen}
              onClick={() => remove(name)}
            >
              ✕
            </button>
            <div className="sf-param-wide">
              <FieldDiagnostics pointer={p} />
            </div>
          </div>
        );
      })}
      <button type="button" className="sf-button" disabled={frozen} onClick={add}>
        Add parameter
      </button>
    </div>
  );
}

function ParamCells(props: {
  name: string;
  pointer: string;
  decl: JsonObject;
  required: boolean;
  requiredEditable: boolean;
  readOnly: boolean;
  onRequired: (on: boolean) => void;
}) {
  const { name, pointer, decl, readOnly } = props;
  const write = useWrite();
  const events = useFieldEvents();
  const text = (key: string) => {
    const v = decl[key];
    return typeof v === 'string' ? v : '';
  };
  const set = (key: string, v: JsonValue | undefined) => write(joinPointer(pointer, key), v);
  const type = text('type');
  const focus = { onFocus: (e: { target: { id: string } }) => events.onFocus(e.target.id) };
  const blur = { onBlur: (e: { target: { id: string } }) => events.onBlur(e.target.id) };
  return (
    <>
      <select
        id={fieldId(joinPointer(pointer, 'type'))}
        className="form-control sf-input sf-param-type"
        aria-label={`Type of ${name}`}
        value={type}
        disabled={readOnly}
        onChange={(e) => set('type', e.target.value === '' ? undefined : e.target.value)}
        {...focus}
        {...blur}
      >
        {!TYPES.includes(type) && <option value={type}>{type === '' ? '—' : type}</option>}
        {TYPES.map((t) => (
          <option key={t}>{t}</option>
        ))}
      </select>
      <label className="sf-check sf-param-req">
        <input
          type="checkbox"
          aria-label={`${name} is required`}
          checked={props.required}
          disabled={readOnly || !props.requiredEditable}
          onChange={(e) => props.onRequired(e.target.checked)}
        />
        required
      </label>
      <label className="sf-check sf-param-secret">
        <input
          id={fieldId(joinPointer(pointer, 'format'))}
          type="checkbox"
          aria-label={`${name} is secret`}
          checked={decl['format'] === 'password'}
          disabled={readOnly}
          onChange={(e) => {
            if (e.target.checked) set('format', 'password');
            else if (decl['format'] === 'password') set('format', undefined);
          }}
        />
        secret
      </label>
      {(['title', 'description'] as const).map((key) => (
        <input
          key={key}
          placeholder={key === 'title' ? 'Title' : 'Description'}
          id={fieldId(joinPointer(pointer, key))}
          className={`form-control sf-input sf-param-${key}`}
          aria-label={`${key === 'title' ? 'Title' : 'Description'} of ${name}`}
          value={text(key)}
          readOnly={readOnly}
          onChange={(e) => set(key, e.target.value === '' ? undefined : e.target.value)}
          {...focus}
          {...blur}
        />
      ))}
    </>
  );
}
