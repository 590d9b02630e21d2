import { compileLoosePath, wrapperName, type JsonValue, type PathSpec } from '@core';
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
  done: string;
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
    const disabled = 'paginationParams has a legacy shape';
    return { ...base, edits: [], done: '', disabled };
  }
  const current = String(params?.type ?? params?.paginationType ?? 'NONE').toUpperCase();
  const field = fieldFor(params);
  if (current === type) {
    return {
      ...base,
      edits: [{ pointer: `${PAGINATION}/${field}`, value: path }],
      done: `paginationParams.${field} set to ${path}`,
    };
  }
  if (current !== 'NONE') {
    const disabled = `pagination is ${current}`;
    return { ...base, edits: [], done: '', disabled };
  }
  const next: Record<string, JsonValue> = { ...(params as Record<string, JsonValue> | undefined) };
  delete next.paginationType;
  next.type = type;
  next[field] = path;
  const more = type === 'CONTINUATION_TOKEN' ? '; fill in parameterType and parameterName' : '';
  return {
    ...base,
    edits: [{ pointer: PAGINATION, value: next }],
    done: `pagination set to ${type} with ${field} ${path}${more}`,
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
    const disabled = 'a key holds a character JSONPath cannot';
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
      label: 'Use as records',
      path,
      edits: pathEdits(ctx.attrs, 'contentPath', path),
      done: `contentPath set to ${path}`,
    });
  }
  if (Array.isArray(value)) {
    const path = ctx.contentPath
      ? explodePathFor(ctx.sample, pointer, ctx.contentMatches, wrapperName(ctx.contentPath))
      : null;
    out.push({
      id: 'explode',
      label: 'Explode this array',
      path: path ?? '',
      edits: path === null ? [] : pathEdits(ctx.attrs, 'explodeEntityPath', path),
      done: `explodeEntityPath set to ${path}`,
      ...(path === null ? { disabled: 'only an array inside a record' } : {}),
    });
  }
  if (branch) return out;
  const path = jsonPathAt(ctx.sample, pointer);
  if (typeof value === 'string' || typeof value === 'number' || value === null) {
    out.push(paginationAction(ctx, 'token', 'CONTINUATION_TOKEN', 'Use as continuation token', path));
  }
  if (typeof value === 'string' || value === null) {
    out.push(paginationAction(ctx, 'pointer', 'POINTER', 'Use as next-page pointer', path));
  }
  const params = ctx.attrs?.paginationParams;
  if (isObject(params) && String(params.type ?? '').toUpperCase() === 'OFFSET') {
    const edits: PointerEdit[] = [{ pointer: `${PAGINATION}/endConditionName`, value: path }];
    let done = `paginationParams.endConditionName set to ${path}`;
    if (params.endConditionValue === undefined) {
      done += '; set endConditionValue to the value that ends paging (e.g. Const:false)';
    }
    out.push({ id: 'end', label: 'Use as end condition', path, edits, done });
  }
  return out;
}
