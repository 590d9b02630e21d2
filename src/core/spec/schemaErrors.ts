/** Turns raw JSON Schema errors into diagnostics for people: one per problem, no anyOf/oneOf noise. */
import { nestedParams, type CodedText } from '../diagnosticCodes';
import { decodePointer, getAt } from '../json/pointer';
import { connectionSpecSchema } from '../schemas/index';
import type { Diagnostic, DiagnosticParams, JsonValue } from '../types';
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

/** A branch's JSON type code when it is described by its type alone, else `mixed`. */
function branchType(b: JsonValue | undefined): string {
  if (!isObject(b) || Object.hasOwn(b, 'const')) return 'mixed';
  const t = b['type'];
  return typeof t === 'string' && Object.hasOwn(TYPE_WORDS, t) ? t : 'mixed';
}

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

/**
 * One word of a "must be …" list as coded text (`schema-type-word`): a JSON type code (`string`, …),
 * worded by the app; `form` for "another form"; anything else (a `const`, a title) as written.
 */
function typeWord(type: string, word: string): CodedText {
  const code = TYPE_WORDS[type] === word ? type : word === 'another form' ? 'form' : 'other';
  return { message: word, code: 'schema-type-word', params: { type: code, text: word } };
}

/**
 * {@link joinOr} of `words` (with `types`, the JSON type code behind each word, `mixed` for none) as
 * coded text, so the app words each type and the "or" in the chosen language: `schema-type-or`
 * ("{head} or {last}") over `schema-type-list` ("{head}, {last}") and `schema-type-word`.
 */
function typeListText(types: string[], words: string[]): CodedText {
  const seen = new Set<string>();
  const items: CodedText[] = [];
  words.forEach((w, i) => {
    if (seen.has(w)) return;
    seen.add(w);
    items.push(typeWord(types[i] ?? 'mixed', w));
  });
  const list = (xs: CodedText[]): CodedText => {
    const last = xs[xs.length - 1] as CodedText;
    if (xs.length === 1) return last;
    const head = list(xs.slice(0, -1));
    const message = `${head.message}, ${last.message}`;
    return {
      message,
      code: 'schema-type-list',
      params: { ...nestedParams('head', head), ...nestedParams('last', last) },
    };
  };
  if (items.length === 0) return { message: '' };
  if (items.length === 1) return items[0] as CodedText;
  const head = list(items.slice(0, -1));
  const last = items[items.length - 1] as CodedText;
  return {
    message: `${head.message} or ${last.message}`,
    code: 'schema-type-or',
    params: { ...nestedParams('head', head), ...nestedParams('last', last) },
  };
}

/** The type word of a value ("a list"), by its JSON type code; '' for no value. */
function foundType(v: JsonValue | undefined): string {
  if (v === undefined) return '';
  return v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v;
}

function found(v: JsonValue | undefined): string {
  if (v === undefined) return '';
  const t = foundType(v);
  return `; found ${TYPE_WORDS[t] ?? t}`;
}

function label(pointer: string): string {
  const segs = decodePointer(pointer);
  const last = segs[segs.length - 1];
  return last === undefined ? 'The spec' : `\`${last}\``;
}

/** `label`'s parameters: `what` is `root` for the whole spec, else `field` names the last segment. */
function labelParams(pointer: string): { what: string; field: string } {
  const segs = decodePointer(pointer);
  const last = segs[segs.length - 1];
  return last === undefined ? { what: 'root', field: '' } : { what: 'field', field: last };
}

/** The parameters of "must be <expected><found>": one type code, or `mixed` with the English words. */
function expectParams(types: string[], words: string[], v: JsonValue | undefined): DiagnosticParams {
  const uniq = [...new Set(types)];
  const single = uniq.length === 1 && Object.hasOwn(TYPE_WORDS, uniq[0] as string);
  return {
    expected: single ? (uniq[0] as string) : 'mixed',
    ...nestedParams('expectedText', typeListText(types, words)),
    found: v === undefined ? 'none' : foundType(v),
  };
}

/** The keywords whose errors have their own code (`schema-<keyword>`); any other is `schema-other`. */
export const SCHEMA_KEYWORDS = [
  'required',
  'type',
  'enum',
  'const',
  'pattern',
  'minLength',
  'minimum',
  'anyOf',
  'oneOf',
] as const;
const KNOWN_KEYWORDS: ReadonlySet<string> = new Set(SCHEMA_KEYWORDS);

function message(e: SchemaError, value: JsonValue | undefined): { msg: string; params: DiagnosticParams } {
  const p = e.params as Record<string, unknown>;
  const what = label(e.instancePath);
  const at = labelParams(e.instancePath);
  switch (e.keyword) {
    case 'required':
      return {
        msg: `\`${String(p['missingProperty'])}\` is required here`,
        params: { name: String(p['missingProperty']) },
      };
    case 'type': {
      const types = String(p['type']).split(',');
      const words = types.map((t) => TYPE_WORDS[t] ?? t);
      return {
        msg: `${what} must be ${joinOr(words)}${found(value)}`,
        params: { ...at, ...expectParams(types, words, value) },
      };
    }
    case 'enum': {
      const values = (p['allowedValues'] as unknown[]).map((x) => String(x)).join(', ');
      return { msg: `${what} must be one of: ${values}`, params: { ...at, values } };
    }
    case 'const':
      return {
        msg: `${what} must be ${JSON.stringify(p['allowedValue'])}`,
        params: { ...at, value: JSON.stringify(p['allowedValue']) },
      };
    case 'pattern':
      return String(p['pattern']).includes('\\d+')
        ? { msg: `${what} must be a whole number, e.g. 100`, params: { ...at, kind: 'integer' } }
        : { msg: `${what} has the wrong form`, params: { ...at, kind: 'other' } };
    case 'minLength':
      return { msg: `${what} must not be empty`, params: at };
    case 'minimum':
      return {
        msg: `${what} must be at least ${String(p['limit'])}`,
        params: { ...at, limit: String(p['limit']) },
      };
    default:
      return {
        msg: `${what} ${e.message ?? 'is not valid'}`,
        params: { ...at, detail: e.message ?? 'is not valid' },
      };
  }
}

/** Which anyOf/oneOf branches are ruled out by a type/const/enum mismatch of the value itself. */
function collapse(
  errors: SchemaError[],
  value: (p: string) => JsonValue | undefined,
): Map<SchemaError, { msg: string; params: DiagnosticParams } | null> {
  const drop = new Set<SchemaError>();
  const replace = new Map<SchemaError, { msg: string; params: DiagnosticParams } | null>();
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
      const types = Array.isArray(branches) ? branches.map(branchType) : [];
      const val = value(e.instancePath);
      const shown = val !== undefined && typeof val !== 'string' ? val : undefined;
      replace.set(e, {
        msg: `${label(e.instancePath)} must be ${joinOr(words)}${found(shown)}`,
        params: { ...labelParams(e.instancePath), ...expectParams(types, words, shown) },
      });
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
    const { msg, params } = r ?? message(e, valueAt(e.instancePath));
    const key = `${e.instancePath}\u0000${msg}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const code = KNOWN_KEYWORDS.has(e.keyword) ? `schema-${e.keyword}` : 'schema-other';
    out.push({ severity: 'error', pointer: e.instancePath, message: msg, code, params });
  }
  return out;
}
