/** Reads declared parameters (`authSpec[i].spec`, `sourceSpec.spec`) into `ParamDecl`s. */
import { joinPointer } from '../json/pointer';
import type { AuthSpecModel, JsonValue, ParamDecl } from '../types';
import { DiagnosticList, isObject, own } from './jsonUtil';

/** Keys of `sourceSpec.attributes`; declared as user inputs they mark Adobe's schema-form template. */
export const ATTRIBUTE_KEYS = [
  'urlParams',
  'headerParams',
  'bodyParams',
  'contentPath',
  'explodeEntityPath',
  'paginationParams',
  'scheduleParams',
];

/**
 * The parameters declared in a JSON-Schema object at `ptr` (its `properties`, in document order).
 * Non-object declarations are skipped (the schema check reports them). `skip` names are left out.
 */
export function readDecls(
  spec: JsonValue | undefined,
  ptr: string,
  skip: ReadonlySet<string> = new Set(),
): ParamDecl[] {
  if (!isObject(spec)) return [];
  const props = own(spec, 'properties');
  if (!isObject(props)) return [];
  const req = own(spec, 'required');
  const required = new Set(Array.isArray(req) ? req.filter((x): x is string => typeof x === 'string') : []);
  const out: ParamDecl[] = [];
  for (const name of Object.keys(props)) {
    const decl = props[name];
    if (!isObject(decl) || skip.has(name)) continue;
    const str = (k: string) => {
      const v = own(decl, k);
      return typeof v === 'string' ? v : undefined;
    };
    const rest = own(decl, 'restAttributes');
    const header = isObject(rest) ? own(rest, 'headerParamName') : undefined;
    const p: ParamDecl = {
      name,
      secret: str('format') === 'password',
      required: required.has(name),
      pointer: joinPointer(ptr, 'properties', name),
    };
    const type = str('type');
    if (type !== undefined) p.type = type;
    const title = str('title');
    if (title !== undefined) p.title = title;
    const description = str('description');
    if (description !== undefined) p.description = description;
    const def = own(decl, 'default');
    if (def !== undefined) p.default = def;
    if (typeof header === 'string') p.headerParamName = header;
    out.push(p);
  }
  return out;
}

/** Reads `authSpec` entries. A non-array is an error; non-object entries are skipped. */
export function readAuthSpecs(raw: JsonValue | undefined, d: DiagnosticList): AuthSpecModel[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    d.add('error', '/authSpec', 'wrong-type', '`authSpec` must be a list of authentication methods', {
      kind: 'authSpec',
    });
    return [];
  }
  const out: AuthSpecModel[] = [];
  raw.forEach((e, index) => {
    if (!isObject(e)) return;
    const name = own(e, 'name');
    const type = own(e, 'type');
    out.push({
      index,
      name: typeof name === 'string' ? name : '',
      type: typeof type === 'string' ? type : '',
      params: readDecls(own(e, 'spec'), `/authSpec/${index}/spec`),
    });
  });
  return out;
}

/**
 * Reads `sourceSpec.spec` user inputs. When it declares attribute keys (urlParams, contentPath, ...)
 * as objects, it is Adobe's schema-form template: those are documentation, not inputs (info).
 */
export function readUserInputs(spec: JsonValue | undefined, d: DiagnosticList): ParamDecl[] {
  const ptr = '/sourceSpec/spec';
  const props = isObject(spec) ? own(spec, 'properties') : undefined;
  const doc = new Set<string>();
  if (isObject(props)) {
    for (const k of ATTRIBUTE_KEYS) {
      const v = own(props, k);
      if (isObject(v) || Array.isArray(v)) doc.add(k);
    }
  }
  if (doc.size > 0) {
    d.add(
      'info',
      `${ptr}/properties`,
      'schema-form-template',
      `${[...doc].join(', ')} here describe the template's settings; they are read as documentation, not as user inputs`,
      { names: [...doc].join(', ') },
    );
  }
  return readDecls(spec, ptr, doc);
}
