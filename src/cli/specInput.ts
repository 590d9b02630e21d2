import { compileJsonPath, compileLoosePath, normalise, type JsonValue, type SpecModel } from '@core';
import { CliError, readJson, warnToStderr } from './io';

/**
 * Reads a spec file and returns its model, refusing (one clear line) a spec the runtime cannot use:
 * a non-object document or an invalid JSONPath in a path the command needs.
 */
export async function readSpecModel(path: string): Promise<{ doc: JsonValue; model: SpecModel }> {
  const doc = await readJson(path, warnToStderr(path));
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new CliError(`${path}: a connection spec must be a JSON object`);
  }
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
        `${path}: ${where}: invalid JSONPath "${expr}": ${compiled.message} (at character ${compiled.offset + 1})`,
      );
    }
  }
  return { doc, model };
}
