/**
 * JSONPath (RFC 9535) through the json-p3 library: compiled once, cached, never `eval`. Paths made
 * only of name segments (`$.a.b`, `$['a']`) take a fast path of own-property lookups.
 */
import { JSONPathEnvironment, JSONPathError, JSONPathNode, jsonpath, type JSONPathQuery } from 'json-p3';
import type { CodedText } from '../diagnosticCodes';
import { MAX_JSON_DEPTH } from '../json/parseJson';
import { encodePointer } from '../json/pointer';
import type { JsonValue } from '../types';
import { budgetProblem, withDeadline } from './budget';
import { evaluate, type JsonPathRun } from './evaluate';
import { codeJsonPathMessage } from './jsonPathErrors';
import { nestingProblem } from './nesting';
import { registerLinearRegexFunctions } from './regexFunctions';

export { MAX_JSONPATH_MILLIS, MAX_JSONPATH_WORK } from './budget';
export type { JsonPathRun } from './evaluate';
export {
  compileLinear,
  linearTest,
  MAX_REGEX_LENGTH,
  MAX_REGEX_PROGRAM,
  MAX_REGEX_WORK,
  loadRegexEngine,
  regexEngineLoaded,
  type LinearPattern,
  type LinearTest,
  type RegexDialect,
} from './linearRegex';
export { MAX_JSONPATH_NESTING } from './nesting';

/** Longest expression accepted (longer ones are refused before parsing). */
export const MAX_JSONPATH_LENGTH = 2048;
/** Most matches one query returns. */
export const MAX_JSONPATH_RESULTS = 1_000_000;
/** Most nodes `deepestMatchingPrefix` carries from one segment to the next. */
const MAX_PREFIX_NODES = 100_000;
/** Compiled expressions kept (oldest evicted first). */
const CACHE_SIZE = 256;

/** One node found by a query: its value and its RFC 6901 pointer in the queried value. */
export interface JsonPathMatch {
  value: JsonValue;
  pointer: string;
}

/** A compiled expression, reusable on many values. */
export interface CompiledJsonPath {
  source: string;
  /** Non-null when the path is only name segments: evaluated by own-property lookups (fast path). */
  names: string[] | null;
  /** Matches in document order, at most `limit` (default {@link MAX_JSONPATH_RESULTS}). Never throws. */
  query(value: JsonValue, limit?: number): JsonPathMatch[];
}

export type CompileResult =
  { ok: true; path: CompiledJsonPath } | { ok: false; message: string; offset: number };

/**
 * Why an expression does not compile (a failed {@link compileJsonPath} or {@link compileLoosePath}),
 * as coded text: its English message with the code and parameters of its shape (jsonPathErrors.ts),
 * for `nestedParams`; only the message for a shape not known there.
 */
export function compileProblem(r: { message: string }): CodedText {
  const coded = codeJsonPathMessage(r.message);
  return coded ? { message: r.message, ...coded } : { message: r.message };
}

/**
 * json-p3's message without the context it appends (`('$[?'abc']':4)`: the part of the expression
 * around the problem, and its index), removed exactly as json-p3 builds it.
 */
function bareMessage(e: JSONPathError): string {
  const { input, index } = e.token;
  const around =
    input.length <= 9
      ? input
      : index > input.length - 5
        ? input.slice(input.length - 9)
        : index - 4 < 0
          ? input.slice(0, 9)
          : input.slice(index - 4, index + 5);
  const context = ` ('${around}':${index})`;
  return e.message.endsWith(context)
    ? e.message.slice(0, -context.length)
    : e.message.replace(/ \('[\s\S]*':\d+\)$/, '');
}

/** Descendant segments walk recursively: allow the JSON depth limit (json-p3's default is 50). */
const env = new JSONPathEnvironment({ maxRecursionDepth: MAX_JSON_DEPTH + 8 });
registerLinearRegexFunctions(env);
const cache = new Map<string, CompileResult>();
/** The json-p3 query behind each compiled path (for prefix evaluation). */
const parsed = new WeakMap<CompiledJsonPath, JSONPathQuery>();

/** Name of a child segment with exactly one name selector, else null. */
function segmentName(seg: JSONPathQuery['segments'][number]): string | null {
  const sel = seg.selectors.length === 1 ? seg.selectors[0] : undefined;
  if (!(sel instanceof jsonpath.selectors.NameSelector)) return null;
  return seg.toString().startsWith('..') ? null : sel.name;
}

/** Own-property walk along `names`; the value or undefined. */
function walkNames(value: JsonValue, names: string[]): JsonValue | undefined {
  let cur: JsonValue = value;
  for (const name of names) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || !Object.hasOwn(cur, name))
      return undefined;
    cur = cur[name] as JsonValue;
  }
  return cur;
}

function build(source: string, q: JSONPathQuery): CompiledJsonPath {
  const all = q.segments.map(segmentName);
  const names = all.every((n): n is string => n !== null) ? all : null;
  let path: CompiledJsonPath;
  if (names) {
    const pointer = encodePointer(names);
    path = {
      source,
      names,
      query: (value, limit = MAX_JSONPATH_RESULTS) => {
        const found = walkNames(value, names);
        return found === undefined || limit < 1 ? [] : [{ value: found, pointer }];
      },
    };
  } else {
    path = {
      source,
      names: null,
      query: (value, limit = MAX_JSONPATH_RESULTS) => evaluate(q, source, value, limit).matches,
    };
  }
  parsed.set(path, q);
  return path;
}

/**
 * Runs a compiled path like `path.query`, but also says why a walk was refused or cut short (work
 * or time budget, a value nested too deeply), so callers can show it instead of "matched nothing".
 * Name-only paths never stop early. Never throws.
 */
export function runJsonPath(
  path: CompiledJsonPath,
  value: JsonValue,
  limit = MAX_JSONPATH_RESULTS,
): JsonPathRun {
  const q = parsed.get(path);
  if (path.names || !q) return { matches: path.query(value, limit) };
  return evaluate(q, path.source, value, limit);
}

function remember(expr: string, result: CompileResult): CompileResult {
  if (cache.size >= CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(expr, result);
  return result;
}

/**
 * Compiles an RFC 9535 expression (must start with `$`). Results are cached by text. Errors are
 * values: `{ ok: false, message, offset }` with the offset of the problem inside `expr` as json-p3
 * reports it (0 when unknown). Script expressions (`$[(@.length-1)]`, `$[?(@.a.constructor(...)())]`)
 * are syntax errors; a parenthesised filter such as `$[?(@.x)]` is valid RFC 9535 and is evaluated
 * as a filter, never as code. Expressions longer than {@link MAX_JSONPATH_LENGTH} or nested deeper
 * than {@link MAX_JSONPATH_NESTING} brackets and parentheses are refused before parsing.
 */
export function compileJsonPath(expr: string): CompileResult {
  const hit = cache.get(expr);
  if (hit) return hit;
  if (expr.length > MAX_JSONPATH_LENGTH) {
    return {
      ok: false,
      message: `JSONPath longer than ${MAX_JSONPATH_LENGTH} characters`,
      offset: MAX_JSONPATH_LENGTH,
    };
  }
  const tooDeep = nestingProblem(expr);
  if (tooDeep) return remember(expr, { ok: false, ...tooDeep });
  try {
    return remember(expr, { ok: true, path: build(expr, env.compile(expr)) });
  } catch (e) {
    if (e instanceof JSONPathError) {
      const message = bareMessage(e);
      return remember(expr, {
        ok: false,
        message,
        offset: Math.max(0, Math.min(e.token.index, expr.length)),
      });
    }
    const message = e instanceof RangeError ? 'JSONPath nested too deeply' : 'invalid JSONPath';
    return remember(expr, { ok: false, message, offset: 0 });
  }
}

/**
 * Like {@link compileJsonPath}, but also accepts the `$`-less dotted form of Adobe's examples:
 * `paging.next` is read as `$['paging']['next']` (so `headers.x-pagecount` works too) and `[0].a` as
 * `$[0].a`. The compiled `source` is the expression as given; error offsets refer to it.
 */
export function compileLoosePath(expr: string): CompileResult {
  const trimmed = expr.trim();
  if (trimmed.startsWith('$')) return compileJsonPath(trimmed);
  if (trimmed.startsWith('[')) return shift(compileJsonPath('$' + trimmed), 1, expr);
  if (trimmed !== '' && /^[^.[\]'"()?*@\s]+(\.[^.[\]'"()?*@\s]+)*$/.test(trimmed)) {
    const brackets = trimmed
      .split('.')
      .map((n) => `[${JSON.stringify(n)}]`)
      .join('');
    return shift(compileJsonPath('$' + brackets), 0, expr);
  }
  return shift(compileJsonPath('$.' + trimmed), 2, expr);
}

function shift(r: CompileResult, by: number, source: string): CompileResult {
  if (!r.ok) return { ok: false, message: r.message, offset: Math.max(0, r.offset - by) };
  const path: CompiledJsonPath = { source, names: r.path.names, query: r.path.query };
  const q = parsed.get(r.path);
  if (q) parsed.set(path, q);
  return { ok: true, path };
}

/** The first value `expr` (loose form allowed) selects in `value`, or undefined (also for a bad path). */
export function firstValue(expr: string, value: JsonValue): JsonValue | undefined {
  const r = compileLoosePath(expr);
  if (!r.ok) return undefined;
  return r.path.query(value, 1)[0]?.value;
}

/**
 * The longest leading part of `expr` that still selects something in `value`, written as a
 * JSONPath (`$.data` for `$.data.items` when `data` exists but has no `items`). `$` when even the
 * first segment matches nothing or the expression does not compile. For "matched nothing" messages.
 */
export function deepestMatchingPrefix(expr: string, value: JsonValue): string {
  const r = compileLoosePath(expr);
  if (!r.ok) return '$';
  const segments = parsed.get(r.path)?.segments ?? [];
  if (budgetProblem(r.path.source, value) !== null) return '$';
  return withDeadline(() => {
    let nodes = [new JSONPathNode(value, [], value)];
    let prefix = '$';
    for (const seg of segments) {
      try {
        nodes = seg.resolve(nodes);
      } catch {
        return prefix;
      }
      if (nodes.length === 0) return prefix;
      prefix += seg.toString();
      // Repeated selectors can multiply nodes at every segment: stop before that gets expensive.
      if (nodes.length > MAX_PREFIX_NODES) return prefix;
    }
    return prefix;
  });
}

/**
 * The last segment of `expr` that selects a single name (`$.data[*]` → `data`, `$.a['b c']` →
 * `b c`), or null when there is none (`$`, `$[*]`) or the expression does not compile.
 */
export function lastNameSegment(expr: string): string | null {
  const r = compileLoosePath(expr);
  if (!r.ok) return null;
  const segments = parsed.get(r.path)?.segments ?? [];
  for (let i = segments.length - 1; i >= 0; i--) {
    const seg = segments[i];
    const sel = seg && seg.selectors.length === 1 ? seg.selectors[0] : undefined;
    if (sel instanceof jsonpath.selectors.NameSelector) return sel.name;
  }
  return null;
}
