import {
  compileJsonPath,
  compileLoosePath,
  detectDocumentKind,
  normalise,
  quoteText,
  type JsonValue,
  type SpecModel,
} from '@core';
import { CliError, readJson, warn, warnToStderr } from './io';

/**
 * Reads a spec file and returns its model, refusing (one clear line) a spec the runtime cannot use:
 * a non-object document or an invalid JSONPath in a path the command needs.
 */
export async function readSpecModel(path: string): Promise<{ doc: JsonValue; model: SpecModel }> {
  const read = await readJson(path, warnToStderr(path));
  if (read === null || typeof read !== 'object' || Array.isArray(read)) {
    throw new CliError(`${path}: a connection spec must be a JSON object`);
  }
  // Adobe's GET wrapper is read as the spec inside; any other kind of document is refused, saying what it is.
  const kind = detectDocumentKind(read);
  const inner = kind.inner?.kind.kind === 'connection-spec' ? kind.inner : undefined;
  if (kind.kind !== 'connection-spec' && !inner) {
    throw new CliError(`${path}: ${(kind.inner?.kind ?? kind).message}`);
  }
  if (inner)
    warn({
      severity: 'info',
      pointer: '',
      code: 'document-items-wrapper',
      message: `${path}: ${kind.message}`,
    });
  const doc = inner ? inner.value : read;
  const { model } = normalise(doc);
  const checks: Array<[string, string | undefined, boolean]> = [
    ['sourceSpec.attributes.contentPath.path', model.contentPath?.path, false],
    ['sourceSpec.attributes.explodeEntityPath.path', model.explodeEntityPath?.path, false],
  ];
  const p = model.pagination;
  if (p.type === 'OFFSET') checks.push(['paginationParams.endConditionName', p.endConditionName, false]);
  if (p.type === 'POINTER') checks.push(['paginationParams.pointerPath', p.pointerPath, true]);
  if (p.type === 'CONTINUATION_TOKEN') {
    checks.push(['paginationParams.continuationTokenPath', p.continuationTokenPath, true]);
  }
  for (const [where, expr, loose] of checks) {
    if (expr === undefined || expr === '') continue;
    const compiled = loose ? compileLoosePath(expr) : compileJsonPath(expr);
    if (!compiled.ok) {
      throw new CliError(
        `${path}: ${where}: invalid JSONPath ${quoteText(expr)}: ${compiled.message} (at character ${compiled.offset + 1})`,
      );
    }
  }
  return { doc, model };
}
