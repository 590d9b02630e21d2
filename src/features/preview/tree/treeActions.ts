import { compileLoosePath, wrapperName, type JsonValue, type PathSpec } from '@core';
import { t } from '../../../i18n';
import type { PointerEdit } from '../../../store/types';
import { contentPathFor, explodePathFor, jsonPathAt } from '../treePaths';

const ATTRS = '/sourceSpec/attributes';
const PAGINATION = `${ATTRS}/paginationParams`;

/** One thing a tree node can become in the spec: the edits (one undo step) and what to say. */
export interface TreeAction {
  id: 'records' | 'explode' | 'token' | 'pointer' | 'end';
  label: string;
  /** The JSONPath written. */
  path: string;
  edits: PointerEdit[];
  /** Said after the edit ("contentPath set to $.members"). */
  /** The toast once applied, worded when shown (it follows a language switch). */
  done: () => string;
  /** Why it cannot be used here (shown, and the item is disabled). */
  disabled?: string;
}

/** The node a menu is for: where it is in the sample and what it holds. */
export interface TreeTarget {
  pointer: string;
  value: JsonValue;
}

/** What the actions read from the spec and the preview. */
export interface TreeActionContext {
  sample: JsonValue;
  /** `sourceSpec.attributes` of the document as it is (any shape). */
  attrs: Record<string, unknown> | undefined;
  /** The normalised contentPath, when the spec has one (for the explode path's wrapper). */
  contentPath: PathSpec | undefined;
  /** Pointers of the content items' arrays/objects that contentPath matched in this sample. */
  contentMatches: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Writes a path where the spec keeps it: a legacy string stays a string; a missing one is created. */
function pathEdits(
  attrs: TreeActionContext['attrs'],
  key: 'contentPath' | 'explodeEntityPath',
  path: string,
) {
  const base = `${ATTRS}/${key}`;
  const current = attrs?.[key];
  if (isObject(current)) return [{ pointer: `${base}/path`, value: path }];
  if (typeof current === 'string') return [{ pointer: base, value: path }];
  return [{ pointer: base, value: { path } }];
}

type PagedType = 'CONTINUATION_TOKEN' | 'POINTER';

/**
 * A pagination path for `type`: written into the spec's paginationParams when it already has that
 * type; with no pagination (or `NONE`) it becomes that type; another type is left alone (the action
 * is disabled and says why: switching would strand that type's fields).
 */
function paginationAction(
  ctx: TreeActionContext,
  id: 'token' | 'pointer',
  type: PagedType,
  label: string,
  path: string,
): TreeAction {
  const params = ctx.attrs?.paginationParams;
  const fieldFor = (p: Record<string, unknown> | undefined): string =>
    type === 'CONTINUATION_TOKEN'
      ? 'continuationTokenPath'
      : p && 'pointerName' in p && !('pointerPath' in p)
        ? 'pointerName'
        : 'pointerPath';
  const base = { id, label, path };
  if (params !== undefined && !isObject(params)) {
    const disabled = t('preview.treeActions.legacyShape');
    return { ...base, edits: [], done: () => '', disabled };
  }
  const current = String(params?.type ?? params?.paginationType ?? 'NONE').toUpperCase();
  const field = fieldFor(params);
  if (current === type) {
    return {
      ...base,
      edits: [{ pointer: `${PAGINATION}/${field}`, value: path }],
      done: () => t('preview.treeActions.set', { field: `paginationParams.${field}`, path }),
    };
  }
  if (current !== 'NONE') {
    const disabled = t('preview.treeActions.paginationIs', { type: current });
    return { ...base, edits: [], done: () => '', disabled };
  }
  const next: Record<string, JsonValue> = { ...(params as Record<string, JsonValue> | undefined) };
  delete next.paginationType;
  next.type = type;
  next[field] = path;
  return {
    ...base,
    edits: [{ pointer: PAGINATION, value: next }],
    done: () =>
      type === 'CONTINUATION_TOKEN'
        ? t('preview.treeActions.paginationSetToken', { type, field, path })
        : t('preview.treeActions.paginationSet', { type, field, path }),
  };
}

/**
 * The actions that fit a node, in menu order: an array or object can be the records (contentPath);
 * an array inside a record can be exploded; a string, number or null value can be the continuation
 * token or the next-page pointer (a string or null); a scalar can be the end condition when the
 * spec pages by OFFSET (the only type with one, FORMAT §4.4). Paths are JSONPath in bracket form
 * where a key needs it (`$['@odata.nextLink']`).
 */
export function treeActions(target: TreeTarget, ctx: TreeActionContext): TreeAction[] {
  return nodeActions(target, ctx).map((a) => {
    if (a.disabled || compileLoosePath(a.path).ok) return a;
    // A key with a control character other than \b \f \n \r \t has no JSONPath the core reads.
    const disabled = t('preview.treeActions.badKey');
    return { ...a, edits: [], disabled };
  });
}

function nodeActions(target: TreeTarget, ctx: TreeActionContext): TreeAction[] {
  const { pointer, value } = target;
  const out: TreeAction[] = [];
  const branch = typeof value === 'object' && value !== null;
  if (branch) {
    const path = contentPathFor(ctx.sample, pointer);
    out.push({
      id: 'records',
      label: t('preview.treeActions.records'),
      path,
      edits: pathEdits(ctx.attrs, 'contentPath', path),
      done: () => t('preview.treeActions.set', { field: 'contentPath', path }),
    });
  }
  if (Array.isArray(value)) {
    const path = ctx.contentPath
      ? explodePathFor(ctx.sample, pointer, ctx.contentMatches, wrapperName(ctx.contentPath))
      : null;
    out.push({
      id: 'explode',
      label: t('preview.treeActions.explode'),
      path: path ?? '',
      edits: path === null ? [] : pathEdits(ctx.attrs, 'explodeEntityPath', path),
      done: () => t('preview.treeActions.set', { field: 'explodeEntityPath', path: String(path) }),
      ...(path === null ? { disabled: t('preview.treeActions.onlyInRecord') } : {}),
    });
  }
  if (branch) return out;
  const path = jsonPathAt(ctx.sample, pointer);
  if (typeof value === 'string' || typeof value === 'number' || value === null) {
    out.push(paginationAction(ctx, 'token', 'CONTINUATION_TOKEN', t('preview.treeActions.token'), path));
  }
  if (typeof value === 'string' || value === null) {
    out.push(paginationAction(ctx, 'pointer', 'POINTER', t('preview.treeActions.pointer'), path));
  }
  const params = ctx.attrs?.paginationParams;
  if (isObject(params) && String(params.type ?? '').toUpperCase() === 'OFFSET') {
    const edits: PointerEdit[] = [{ pointer: `${PAGINATION}/endConditionName`, value: path }];
    const field = 'paginationParams.endConditionName';
    const hasValue = params.endConditionValue !== undefined;
    const done = (): string =>
      hasValue
        ? t('preview.treeActions.set', { field, path })
        : t('preview.treeActions.setEnd', { field, path });
    out.push({ id: 'end', label: t('preview.treeActions.end'), path, edits, done });
  }
  return out;
}
