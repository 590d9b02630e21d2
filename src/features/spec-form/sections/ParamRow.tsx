import { memo, type ReactNode } from 'react';
import { joinPointer, type JsonObject, type JsonValue } from '@core';
import { t as translate, useT } from '../../../i18n';
import { T } from '../../../i18n/T';
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

/** Column headers of a ParamsTable, in the order of a row's cells ("header": auth credentials only). */
export const PARAM_COLUMNS = [
  'name',
  'type',
  'required',
  'secret',
  'hidden',
  'title',
  'description',
  'format',
  'default',
  'enum',
  'header',
  'remove',
  'problems',
] as const;

/** A column header of PARAM_COLUMNS in the current language. */
export function paramColumnLabel(column: (typeof PARAM_COLUMNS)[number]): string {
  switch (column) {
    case 'name':
      return translate('form.param.column.name');
    case 'type':
      return translate('form.param.column.type');
    case 'required':
      return translate('form.param.column.required');
    case 'secret':
      return translate('form.param.column.secret');
    case 'hidden':
      return translate('form.param.column.hidden');
    case 'title':
      return translate('form.param.column.title');
    case 'description':
      return translate('form.param.column.description');
    case 'format':
      return translate('form.param.column.format');
    case 'default':
      return translate('form.param.column.default');
    case 'enum':
      return translate('form.param.column.enum');
    case 'header':
      return translate('form.param.column.header');
    case 'remove':
      return translate('form.param.column.remove');
    case 'problems':
      return translate('form.param.column.problems');
  }
}

/**
 * One cell of a row. It carries the grid area (`sf-param-<area>`), so the control inside fills it and
 * the row's grid layout is that of the controls themselves.
 */
function Cell({ area, children }: { area: string; children: ReactNode }) {
  return (
    <div role="cell" className={`sf-param-cell sf-param-${area}`}>
      {children}
    </div>
  );
}

/** A checkbox cell of a row ("required", "secret", "hidden"), named `<name> is <word>`. */
function Flag(props: {
  area: string;
  word: string;
  /** The checkbox's accessible name, e.g. "listId is required". */
  label: string;
  id?: string;
  checked: boolean;
  disabled: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <Cell area={props.area}>
      <label className="sf-check">
        <input
          id={props.id}
          type="checkbox"
          aria-label={props.label}
          checked={props.checked}
          disabled={props.disabled}
          onChange={(e) => props.onChange(e.target.checked)}
        />
        {props.word}
      </label>
    </Cell>
  );
}

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
  const t = useT();
  const frozen = useFrozen();
  const events = useFieldEvents();
  const id = fieldId(pointer);
  return (
    <div className="sf-param" role="row" aria-rowindex={index + 2} aria-label={t('form.param.row', { name })}>
      <div role="rowheader" className="sf-param-cell sf-param-name">
        <KeyInput
          id={id}
          value={name}
          ariaLabel={t('form.param.nameOf', { index: String(index + 1) })}
          readOnly={frozen}
          onRename={(to) => actions.rename(name, to)}
          onFocus={() => events.onFocus(id)}
          onBlur={() => events.onBlur(id)}
        />
      </div>
      {isObject(decl) ? (
        <ParamCells {...props} decl={decl} readOnly={frozen} />
      ) : (
        <Cell area="wide">
          <Notice pointer={pointer}>
            <T id="form.param.notObject" values={{ value: preview(decl) }} components={{ 0: <code /> }} />
          </Notice>
        </Cell>
      )}
      <Cell area="remove">
        <button
          type="button"
          className="sf-button sf-button-quiet"
          aria-label={t('form.param.remove', { name })}
          disabled={frozen}
          onClick={() => actions.remove(name)}
        >
          ✕
        </button>
      </Cell>
      <Cell area="wide">
        <FieldDiagnostics pointer={pointer} />
      </Cell>
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
  const t = useT();
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
      <Cell area="type">
        <select
          id={idOf('type')}
          className="form-control sf-input"
          aria-label={t('form.param.typeOf', { name })}
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
      </Cell>
      <Flag
        area="req"
        word={t('form.param.required')}
        label={t('form.param.isRequired', { name })}
        checked={props.required}
        disabled={readOnly || !props.requiredEditable}
        onChange={(on) => props.actions.setRequired(name, on)}
      />
      <Flag
        area="secret"
        word={t('form.param.secret')}
        label={t('form.param.isSecret', { name })}
        checked={format === 'password'}
        disabled={readOnly}
        onChange={(on) => {
          if (on) set('format', 'password');
          else if (format === 'password') set('format', undefined);
        }}
      />
      <Flag
        area="hidden"
        word={t('form.param.hidden')}
        label={t('form.param.isHidden', { name })}
        id={fieldId(joinPointer(pointer, 'uiAttributes', 'hidden'))}
        checked={hidden === true}
        disabled={readOnly || (hidden !== undefined && typeof hidden !== 'boolean')}
        onChange={(on) => setNested('uiAttributes', 'hidden', on ? true : undefined)}
      />
      {(['title', 'description'] as const).map((key) => (
        <Cell key={key} area={key}>
          <input
            placeholder={key === 'title' ? t('form.param.title') : t('form.param.description')}
            id={idOf(key)}
            className="form-control sf-input"
            aria-label={
              key === 'title' ? t('form.param.titleOf', { name }) : t('form.param.descriptionOf', { name })
            }
            value={text(key)}
            readOnly={readOnly}
            onChange={(e) => set(key, e.target.value === '' ? undefined : e.target.value)}
            {...focus}
            {...blur}
          />
        </Cell>
      ))}
      <Cell area="format">
        <select
          id={idOf('format')}
          className="form-control sf-input"
          aria-label={t('form.param.formatOf', { name })}
          value={format}
          disabled={readOnly || (decl['format'] !== undefined && typeof decl['format'] !== 'string')}
          onChange={(e) => set('format', e.target.value === '' ? undefined : e.target.value)}
          {...focus}
          {...blur}
        >
          <option value="">{t('form.param.noFormat')}</option>
          {format !== '' && !(PARAM_FORMATS as readonly string[]).includes(format) && (
            <option>{format}</option>
          )}
          {PARAM_FORMATS.map((f) => (
            <option key={f}>{f}</option>
          ))}
        </select>
      </Cell>
      {(
        [
          [
            'default',
            t('form.param.defaultOf', { name }),
            t('form.param.defaultPlaceholder'),
            defaultShown,
            parseDefault,
          ],
          ['enum', t('form.param.enumOf', { name }), t('form.param.enumPlaceholder'), enumShown, parseEnum],
        ] as const
      ).map(([key, label, placeholder, shown, parse]) => (
        <Cell key={key} area={key}>
          {shown === null ? (
            <span className="sf-help">{t('form.param.editKeyInJson', { key })}</span>
          ) : (
            <DraftInput
              id={idOf(key)}
              className="form-control sf-input"
              ariaLabel={label}
              placeholder={placeholder}
              value={shown}
              readOnly={readOnly}
              onCommit={(t) => set(key, parse(t, decl['type']))}
              onFocus={events.onFocus}
              onBlur={events.onBlur}
            />
          )}
        </Cell>
      ))}
      {props.headerNames && (
        <Cell area="header">
          {header === undefined || typeof header === 'string' ? (
            <input
              id={fieldId(joinPointer(pointer, 'restAttributes', 'headerParamName'))}
              className="form-control sf-input"
              aria-label={t('form.param.headerOf', { name })}
              placeholder={t('form.param.headerPlaceholder')}
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
            <span className="sf-help">{t('form.param.headerInJson')}</span>
          )}
        </Cell>
      )}
    </>
  );
}
