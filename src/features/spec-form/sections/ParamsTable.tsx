import { useId, useMemo } from 'react';
import { getAt, joinPointer, type JsonValue } from '@core';
import { t as translate, useT } from '../../../i18n';
import { formatNumber } from '../../../i18n/format';
import { useSpecStore } from '../../../store';
import { useDoc, useFrozen, useWrite, useWriteMany } from '../hooks/useSpecBindings';
import { freshKey, isObject, prop, renameKey } from '../model/json';
import { declarationWrite } from '../model/placeholders';
import { Notice } from './Notice';
import { PARAM_COLUMNS, paramColumnLabel, ParamRow, type ParamActions, type ParamRowProps } from './ParamRow';
import { VirtualParamRows } from './VirtualParamRows';

/**
 * Above this many parameters the table is a scrolling list that renders only the rows in view
 * (2,000 user inputs: all rows at once took seconds per keystroke; issue 8, C9). The caption says so.
 */
export const VIRTUALIZE_PARAMS_ABOVE = 100;

interface ParamsTableProps {
  /** Pointer of a params JSON Schema: `sourceSpec.spec` or `authSpec[i].spec`. */
  specPointer: string;
  caption: string;
  /** Offer `restAttributes.headerParamName` (how an API key is sent: auth credentials only). */
  headerNames?: boolean;
}

/** `required` of the params schema at `specPointer` when it is a list of strings, else null. */
function requiredList(doc: JsonValue, specPointer: string): string[] | null {
  const required = prop(getAt(doc, specPointer), 'required');
  return Array.isArray(required) && required.every((r) => typeof r === 'string')
    ? (required as string[])
    : null;
}

/**
 * The properties of a params JSON Schema as a table: name, type, required, secret, hidden
 * (`uiAttributes.hidden`), title, description, format, default, allowed values (`enum`) and, for auth
 * credentials, the header an API key is sent in. Each cell writes only its own key; a rename rewrites
 * `properties` with the key in place and renames it in `required` (one undo step). Rows are memoised
 * and their actions stable (they read the document when called), so typing in one row of 2,000
 * re-renders that row only; above VIRTUALIZE_PARAMS_ABOVE rows only those in view are rendered.
 */
export function ParamsTable({ specPointer, caption, headerNames = false }: ParamsTableProps) {
  const t = useT();
  const doc = useDoc();
  const frozen = useFrozen();
  const write = useWrite();
  const writeMany = useWriteMany();
  const spec = getAt(doc, specPointer);
  const properties = prop(spec, 'properties');
  const required = prop(spec, 'required');
  const propsPtr = joinPointer(specPointer, 'properties');
  const reqPtr = joinPointer(specPointer, 'required');

  const actions = useMemo<ParamActions>(() => {
    const current = () => {
      const d = useSpecStore.getState().doc;
      const p = prop(getAt(d, specPointer), 'properties');
      return { properties: isObject(p) ? p : {}, reqList: requiredList(d, specPointer) };
    };
    return {
      rename: (from, to) => {
        if (to === '') return translate('form.param.nameRequired');
        const { properties: obj, reqList } = current();
        const next = renameKey(obj, from, to);
        if (next === null) return translate('form.param.nameDeclared', { name: to });
        // The key and its `required` entry change together: one undo step.
        writeMany([
          { pointer: propsPtr, value: next },
          ...(reqList?.includes(from)
            ? [{ pointer: reqPtr, value: reqList.map((r) => (r === from ? to : r)) }]
            : []),
        ]);
        return null;
      },
      remove: (name) => {
        const { reqList } = current();
        writeMany([
          { pointer: joinPointer(propsPtr, name), value: undefined },
          ...(reqList?.includes(name) ? [{ pointer: reqPtr, value: reqList.filter((r) => r !== name) }] : []),
        ]);
      },
      setRequired: (name, on) => {
        const base = current().reqList ?? [];
        write(reqPtr, on ? [...base, name] : base.filter((r) => r !== name));
      },
    };
  }, [specPointer, propsPtr, reqPtr, write, writeMany]);

  const captionId = useId();
  const reqList = Array.isArray(required) && required.every((r) => typeof r === 'string') ? required : null;
  const reqSet = useMemo(() => new Set(requiredList(doc, specPointer)), [doc, specPointer]);

  if ((spec !== undefined && !isObject(spec)) || (properties !== undefined && !isObject(properties))) {
    return <Notice pointer={specPointer}>{t('form.param.schemaNotObject', { caption })}</Notice>;
  }
  const rows = Object.entries(properties ?? {});
  const add = () => {
    const name = freshKey(properties, 'param');
    const w = declarationWrite(doc, specPointer, name, { type: 'string' });
    if (w) write(w.pointer, w.value);
  };

  const rowProps = (i: number): ParamRowProps | null => {
    const row = rows[i];
    if (!row) return null;
    const [name, decl] = row;
    return {
      name,
      index: i,
      pointer: joinPointer(propsPtr, name),
      decl,
      required: reqSet.has(name),
      requiredEditable: reqList !== null || required === undefined,
      headerNames,
      actions,
    };
  };
  const virtual = rows.length > VIRTUALIZE_PARAMS_ABOVE;

  return (
    <div className="sf-table-block">
      <h4 className="sf-subtitle" id={captionId}>
        {caption}
      </h4>
      {virtual && (
        <p className="sf-help" role="note">
          {t('form.param.virtual', {
            count: formatNumber(rows.length),
            max: formatNumber(VIRTUALIZE_PARAMS_ABOVE),
          })}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="sf-help">{t('form.param.none')}</p>
      ) : (
        // A table for assistive technology (column headers, the name as row header); the rows keep
        // their grid layout. Virtualised, the table tells its full row count (+1: the header row).
        <div role="table" aria-labelledby={captionId} aria-rowcount={virtual ? rows.length + 1 : undefined}>
          <div role="rowgroup" className="sf-visually-hidden">
            <div role="row" aria-rowindex={1}>
              {PARAM_COLUMNS.filter((c) => headerNames || c !== 'header').map((c) => (
                <span role="columnheader" key={c}>
                  {paramColumnLabel(c)}
                </span>
              ))}
            </div>
          </div>
          {virtual ? (
            <VirtualParamRows
              count={rows.length}
              rowProps={rowProps}
              indexOf={(pointer) => indexUnder(pointer, propsPtr, rows)}
            />
          ) : (
            <div role="rowgroup">
              {rows.map((_, i) => {
                const p = rowProps(i);
                return p && <ParamRow key={i} {...p} />;
              })}
            </div>
          )}
        </div>
      )}
      <button type="button" className="sf-button" disabled={frozen} onClick={add}>
        {t('form.param.add')}
      </button>
    </div>
  );
}

/** Index of the row whose declaration holds `pointer` (`<propsPtr>/<name>…`), or -1. */
function indexUnder(pointer: string, propsPtr: string, rows: ReadonlyArray<[string, JsonValue]>): number {
  if (!pointer.startsWith(`${propsPtr}/`)) return -1;
  const rest = pointer.slice(propsPtr.length + 1);
  const seg = rest.split('/')[0] ?? '';
  const name = seg.replace(/~1/g, '/').replace(/~0/g, '~');
  return rows.findIndex(([n]) => n === name);
}
