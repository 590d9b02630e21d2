import { memo } from 'react';
import { joinPointer, type JsonObject, type JsonValue } from '@core';
import { useFieldEvents, useFrozen, useWrite, useWriteMany } from '../hooks/useSpecBindings';
import { fieldId } from '../model/fieldIds';
import { deepEqual, isObject } from '../model/json';
import {
  defaultText,
  enumText,
  nestedValue,
  nestedWrite,
  parseDefault,
  parseEnum,
  PARAM_FORMATS,
} from '../model/paramEdits';
import { FieldDiagnostics } from '../templates/FieldDiagnostics';
import { DraftInput } from './DraftInput';
import { KeyInput } from './KeyInput';
import { Notice, preview } from './Notice';

const TYPES = ['string', 'integer', 'number', 'boolean', 'object', 'array'];

/** Table-wide actions; stable across renders so that rows can be memoised. */
export interface ParamActions {
  rename: (from: string, to: string) => string | null;
  remove: (name: string) => void;
  setRequired: (name: string, on: boolean) => void;
}

export interface ParamRowProps {
  name: string;
  index: number;
  /** Pointer of the declaration (`…/properties/<name>`). */
  pointer: string;
  decl: JsonValue;
  required: boolean;
  requiredEditable: boolean;
  /** Show the `restAttributes.headerParamName` cell (auth credentials). */
  headerNames: boolean;
  actions: ParamActions;
}

/**
 * One parameter of a ParamsTable. Memoised with a structural comparison of its declaration, so a
 * keystroke anywhere re-renders only the row whose declaration changed, even after the document was
 * re-parsed from JSON text (which makes every declaration a new object).
 */
export const ParamRow = memo(function ParamRow(props: ParamRowProps) {
  const { name, index, pointer, decl, actions } = props;
  const frozen = useFrozen();
  const events = useFieldEvents();
  const id = fieldId(pointer);
  return (
    <div className="sf-param" role="group" aria-label={`Parameter ${name}`}>
      <div className="sf-param-name">
        <KeyInput
          id={id}
          value={name}
          ariaLabel={`Name of parameter ${index + 1}`}
          readOnly={frozen}
          onRename={(to) => actions.rename(name, to)}
          onFocus={() => events.onFocus(id)}
          onBlur={() => events.onBlur(id)}
        />
      </div>
      {isObject(decl) ? (
        <ParamCells {...props} decl={decl} readOnly={frozen} />
      ) : (
        <div className="sf-param-wide">
          <Notice pointer={pointer}>
            <code>{preview(decl)}</code> is not a schema object — edit in JSON.
          </Notice>
        </div>
      )}
      <button
        type="button"
        className="sf-button sf-button-quiet sf-param-remove"
        aria-label={`Remove parameter ${name}`}
        disabled={frozen}
        onClick={() => actions.remove(name)}
      >
        ✕
      </button>
      <div className="sf-param-wide">
        <FieldDiagnostics pointer={pointer} />
      </div>
    </div>
  );
}, sameRow);

function sameRow(a: ParamRowProps, b: ParamRowProps): boolean {
  return (
    a.name === b.name &&
    a.index === b.index &&
    a.pointer === b.pointer &&
    a.required === b.required &&
    a.requiredEditable === b.requiredEditable &&
    a.headerNames === b.headerNames &&
    a.actions === b.actions &&
    deepEqual(a.decl, b.decl)
  );
}

function ParamCells(props: ParamRowProps & { decl: JsonObject; readOnly: boolean }) {
  const { name, pointer, decl, readOnly } = props;
  const write = useWrite();
  const writeMany = useWriteMany();
  const events = useFieldEvents();
  const text = (key: string) => {
    const v = decl[key];
    return typeof v === 'string' ? v : '';
  };
  const set = (key: string, v: JsonValue | undefined) => write(joinPointer(pointer, key), v);
  const setNested = (outer: string, inner: string, v: JsonValue | undefined) => {
    const edit = nestedWrite(pointer, decl, outer, inner, v);
    if (edit) writeMany([edit]);
  };
  const type = text('type');
  const format = text('format');
  const idOf = (key: string) => fieldId(joinPointer(pointer, key));
  const focus = { onFocus: (e: { target: { id: string } }) => events.onFocus(e.target.id) };
  const blur = { onBlur: (e: { target: { id: string } }) => events.onBlur(e.target.id) };
  const hidden = nestedValue(decl, 'uiAttributes', 'hidden');
  const header = nestedValue(decl, 'restAttributes', 'headerParamName');
  const enumShown = enumText(decl['enum']);
  const defaultShown = defaultText(decl['default']);
  return (
    <>
      <select
        id={idOf('type')}
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
          onChange={(e) => props.actions.setRequired(name, e.target.checked)}
        />
        required
      </label>
      <label className="sf-check sf-param-secret">
        <input
          type="checkbox"
          aria-label={`${name} is secret`}
          checked={format === 'password'}
          disabled={readOnly}
          onChange={(e) => {
            if (e.target.checked) set('format', 'password');
            else if (format === 'password') set('format', undefined);
          }}
        />
        secret
      </label>
      <label className="sf-check sf-param-hidden">
        <input
          id={fieldId(joinPointer(pointer, 'uiAttributes', 'hidden'))}
          type="checkbox"
          aria-label={`${name} is hidden`}
          checked={hidden === true}
          disabled={readOnly || (hidden !== undefined && typeof hidden !== 'boolean')}
          onChange={(e) => setNested('uiAttributes', 'hidden', e.target.checked ? true : undefined)}
        />
        hidden
      </label>
      {(['title', 'description'] as const).map((key) => (
        <input
          key={key}
          placeholder={key === 'title' ? 'Title' : 'Description'}
          id={idOf(key)}
          className={`form-control sf-input sf-param-${key}`}
          aria-label={`${key === 'title' ? 'Title' : 'Description'} of ${name}`}
          value={text(key)}
          readOnly={readOnly}
          onChange={(e) => set(key, e.target.value === '' ? undefined : e.target.value)}
          {...focus}
          {...blur}
        />
      ))}
      <select
        id={idOf('format')}
        className="form-control sf-input sf-param-format"
        aria-label={`Format of ${name}`}
        value={format}
        disabled={readOnly || (decl['format'] !== undefined && typeof decl['format'] !== 'string')}
        onChange={(e) => set('format', e.target.value === '' ? undefined : e.target.value)}
        {...focus}
        {...blur}
      >
        <option value="">no format</option>
        {format !== '' && !(PARAM_FORMATS as readonly string[]).includes(format) && <option>{format}</option>}
        {PARAM_FORMATS.map((f) => (
          <option key={f}>{f}</option>
        ))}
      </select>
      {defaultShown === null ? (
        <span className="sf-help sf-param-default">default: edit in JSON</span>
      ) : (
        <DraftInput
          id={idOf('default')}
          className="form-control sf-input sf-param-default"
          ariaLabel={`Default of ${name}`}
          placeholder="Default"
          value={defaultShown}
          readOnly={readOnly}
          onCommit={(t) => set('default', parseDefault(t, decl['type']))}
          onFocus={events.onFocus}
          onBlur={events.onBlur}
        />
      )}
      {enumShown === null ? (
        <span className="sf-help sf-param-enum">enum: edit in JSON</span>
      ) : (
        <DraftInput
          id={idOf('enum')}
          className="form-control sf-input sf-param-enum"
          ariaLabel={`Allowed values of ${name}`}
          placeholder="Allowed values (a, b, c)"
          value={enumShown}
          readOnly={readOnly}
          onCommit={(t) => set('enum', parseEnum(t, decl['type']))}
          onFocus={events.onFocus}
          onBlur={events.onBlur}
        />
      )}
      {props.headerNames &&
        (header === undefined || typeof header === 'string' ? (
          <input
            id={fieldId(joinPointer(pointer, 'restAttributes', 'headerParamName'))}
            className="form-control sf-input sf-param-header"
            aria-label={`Header name of ${name}`}
            placeholder="Sent in header (restAttributes.headerParamName)"
            value={header ?? ''}
            readOnly={readOnly}
            onChange={(e) =>
              setNested(
                'restAttributes',
                'headerParamName',
                e.target.value === '' ? undefined : e.target.value,
              )
            }
            {...focus}
            {...blur}
          />
        ) : (
          <span className="sf-help sf-param-header">header name: edit in JSON</span>
        ))}
    </>
  );
}
