/** Turns raw JSON Schema errors into diagnostics for people: one per problem, no anyOf/oneOf noise. */
import { decodePointer, getAt } from '../json/pointer';
import { connectionSpecSchema } from '../schemas/index';
import type { Diagnostic, JsonValue } from '../types';
import type { SchemaError } from './ajv';
import { isObject } from './jsonUtil';

/** The subschema at an ajv schemaPath such as `#/properties/a/anyOf/1`. */
function schemaAt(schemaPath: string): JsonValue | undefined {
  let cur: JsonValue | undefined = connectionSpecSchema;
  for (const seg of decodePointer(schemaPath.replace(/^#/, ''))) {
    if (Array.isArray(cur)) cur = cur[Number(seg)];
    else if (isObject(cur) && Object.hasOwn(cur, seg)) cur = cur[seg];
    else return undefined;
  }
  return cur;
}

const TYPE_WORDS: Record<string, string> = {
  object: 'an object',
  array: 'a list',
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'null',
};

function describeBranch(b: JsonValue | undefined): string {
  if (!isObject(b)) return 'another form';
  if (Object.hasOwn(b, 'const')) return JSON.stringify(b['const']);
  const t = b['type'];
  if (typeof t === 'string') return TYPE_WORDS[t] ?? t;
  return typeof b['title'] === 'string' ? b['title'] : 'another form';
}

function joinOr(words: string[]): string {
  const uniq = [...new Set(words)];
  return uniq.length <= 1 ? (uniq[0] ?? '') : `${uniq.slice(0, -1).join(', ')} or ${uniq[uniq.length - 1]}`;
}

function found(v: JsonValue | undefined): string {
  if (v === undefined) return '';
  const t = v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v;
  return `; found ${TYPE_WORDS[t] ?? t}`;
}

function label(pointer: string): string {
  const segs = decodePointer(pointer);
  const last = segs[segs.length - 1];
  return last === undefined ? 'The spec' : `\`${last}\``;
}

function message(e: SchemaError, value: JsonValue | undefined): string {
  const p = e.params as Record<string, unknown>;
  const what = label(e.instancePath);
  switch (e.keyword) {
    case 'required':
      return `\`${String(p['missingProperty'])}\` is required here`;
    case 'type': {
      const types = String(p['type']).split(',');
      return `${what} must be ${joinOr(types.map((t) => TYPE_WORDS[t] ?? t))}${found(value)}`;
    }
    case 'enum':
      return `${what} must be one of: ${(p['allowedValues'] as unknown[]).map((x) => String(x)).join(', ')}`;
    case 'const':
      return `${what} must be ${JSON.stringify(p['allowedValue'])}`;
    case 'pattern':
      return String(p['pattern']).includes('\\d+')
        ? `${what} must be a whole number, e.g. 100`
        : `${what} has the wrong form`;
    case 'minLength':
      return `${what} must not be empty`;
    case 'minimum':
      return `${what} must be at least ${String(p['limit'])}`;
    default:
      return `${what} ${e.message ?? 'is not valid'}`;
  }
}

/** Which anyOf/oneOf branches are ruled out by a type/const/enum mismatch of the value itself. */
function collapse(
  errors: SchemaError[],
  value: (p: string) => JsonValue | undefined,
): Map<SchemaError, string | null> {
  const drop = new Set<SchemaError>();
  const replace = new Map<SchemaError, string | null>();
  for (const e of errors) {
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') continue;
    const branches = schemaAt(e.schemaPath);
    const n = Array.isArray(branches) ? branches.length : 0;
    const inside = errors.filter((x) => x.schemaPath.startsWith(`${e.schemaPath}/`));
    const branchOf = (x: SchemaError) => Number(x.schemaPath.slice(e.schemaPath.length + 1).split('/')[0]);
    const ruledOut = new Set(
      inside
        .filter((x) => x.instancePath === e.instancePath && ['type', 'const', 'enum'].includes(x.keyword))
        .map(branchOf),
    );
    const keep = [...Array(n).keys()].find((i) => !ruledOut.has(i));
    for (const x of inside) if (keep === undefined || branchOf(x) !== keep) drop.add(x);
    if (keep !== undefined) drop.add(e);
    else {
      const words = Array.isArray(branches) ? branches.map(describeBranch) : [];
      const val = value(e.instancePath);
      replace.set(
        e,
        `${label(e.instancePath)} must be ${joinOr(words)}${val !== undefined && typeof val !== 'string' ? found(val) : ''}`,
      );
    }
  }
  for (const e of drop) replace.set(e, null);
  return replace;
}

/**
 * Diagnostics (all errors) for raw schema errors of `doc`: pointers name the offending value (for a
 * missing property, the object that lacks it); `if`/`then` wrappers and failed anyOf/oneOf branches are
 * folded into one message; exact duplicates are dropped. Code: `schema-<keyword>`.
 */
export function toSchemaDiagnostics(errors: SchemaError[], doc: JsonValue): Diagnostic[] {
  const valueAt = (p: string): JsonValue | undefined => getAt(doc, p);
  const replace = collapse(errors, valueAt);
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    const r = replace.get(e);
    if (r === null) continue;
    const msg = r ?? message(e, valueAt(e.instancePath));
    const key = `${e.instancePath}\u0000${msg}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ severity: 'error', pointer: e.instancePath, message: msg, code: `schema-${e.keyword}` });
  }
  return out;
}
