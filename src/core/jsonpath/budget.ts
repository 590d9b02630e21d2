/**
 * Work limits of JSONPath queries (BAD-INPUTS C2): json-p3 cannot be interrupted from inside a
 * segment, so a query whose worst case is too expensive for the value is refused up front, by an
 * estimate from the shape of the expression and the size and depth of the value.
 */
import type { CodedText } from '../diagnosticCodes';
import { MAX_JSON_DEPTH } from '../json/parseJson';
import type { JsonValue } from '../types';

/** Most steps (nodes produced, or the estimated nodes a query visits) one query may take. */
export const MAX_JSONPATH_WORK = 5_000_000;
/**
 * Wall-clock budget of one query (ms), checked every 1,024 produced nodes and after every regex
 * test inside a filter (each test is itself bounded by the regex work limit, see linearRegex.ts).
 */
export const MAX_JSONPATH_MILLIS = 3_000;

/**
 * A query stopped by a limit; the message says why ("it took more than 3 s"), `why` is the same as
 * coded text (for the app's languages).
 */
export class BudgetExceeded extends Error {
  readonly why: CodedText;
  constructor(why: CodedText) {
    super(why.message);
    this.why = why;
  }
}

/** When the running query must stop (ms since the epoch), or null outside a query. */
let deadline: number | null = null;

/**
 * Runs `fn` with a deadline of {@link MAX_JSONPATH_MILLIS} from now (an enclosing run's deadline
 * is kept), so checks made deep inside json-p3 (filter functions) can stop the query.
 */
export function withDeadline<T>(fn: () => T): T {
  if (deadline !== null) return fn();
  deadline = Date.now() + MAX_JSONPATH_MILLIS;
  try {
    return fn();
  } finally {
    deadline = null;
  }
}

/** Throws {@link BudgetExceeded} when the running query is past its deadline. */
export function checkDeadline(): void {
  if (deadline !== null && Date.now() > deadline)
    throw new BudgetExceeded({
      message: `it took more than ${MAX_JSONPATH_MILLIS / 1000} s`,
      code: 'jsonpath-took-time',
      params: { seconds: String(MAX_JSONPATH_MILLIS / 1000) },
    });
}

/** Size and depth of a value, measured iteratively; counting stops past the work budget. */
interface Shape {
  nodes: number;
  depth: number;
}

const shapes = new WeakMap<object, Shape>();

/** Node count (capped just past {@link MAX_JSONPATH_WORK}) and nesting depth (capped past the JSON limit). */
export function measureValue(value: JsonValue): Shape {
  if (value === null || typeof value !== 'object') return { nodes: 1, depth: 0 };
  const known = shapes.get(value);
  if (known) return known;
  let nodes = 0;
  let depth = 0;
  const stack: Array<[JsonValue, number]> = [[value, 0]];
  while (stack.length > 0 && nodes <= MAX_JSONPATH_WORK && depth <= MAX_JSON_DEPTH) {
    const [v, d] = stack.pop() as [JsonValue, number];
    nodes++;
    if (d > depth) depth = d;
    if (v === null || typeof v !== 'object') continue;
    const children = Array.isArray(v) ? v : Object.values(v);
    for (const child of children) stack.push([child, d + 1]);
  }
  const shape = { nodes, depth };
  shapes.set(value, shape);
  return shape;
}

/**
 * Counts, outside string literals, the descendant segments (`..`) and the embedded root queries (a
 * `$` after the first character: `$[?@.a == $.b]` runs `$.b` once per candidate node).
 */
export function expressionShape(expr: string): { descendants: number; roots: number } {
  let descendants = 0;
  let roots = 0;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i];
    if (c === '"' || c === "'") {
      for (i++; i < expr.length && expr[i] !== c; i++) if (expr[i] === '\\') i++;
    } else if (c === '.' && expr[i + 1] === '.') {
      descendants++;
      i++;
    } else if (c === '$' && i > 0) roots++;
  }
  return { descendants, roots };
}

/**
 * Why `expr` (with `descendants`/`roots` as {@link expressionShape} counts them) is refused on
 * `value`, or null when its worst case fits the budget. Estimate: a descendant segment visits at
 * most nodes × (depth + 1) nodes over the nodes a previous one produced, and an embedded root query
 * costs the whole value per candidate: nodes × (depth + 1)^(descendants − 1) × nodes^roots.
 * A value nested deeper than {@link MAX_JSON_DEPTH} is refused for any descendant segment.
 */
export function budgetProblem(expr: string, value: JsonValue): string | null {
  return budgetRefusal(expr, value)?.message ?? null;
}

/** {@link budgetProblem} as coded text (`jsonpath-too-deep-value`, `jsonpath-over-budget`), or null. */
export function budgetRefusal(expr: string, value: JsonValue): CodedText | null {
  const { descendants, roots } = expressionShape(expr);
  if (descendants === 0 && roots === 0) return null;
  const { nodes, depth } = measureValue(value);
  const path = short(expr);
  if (depth > MAX_JSON_DEPTH) {
    return {
      message: `\`${path}\` is not evaluated: the value is nested deeper than ${MAX_JSON_DEPTH} levels`,
      code: 'jsonpath-too-deep-value',
      params: { path, max: String(MAX_JSON_DEPTH) },
    };
  }
  const estimate = nodes * Math.pow(depth + 1, Math.max(0, descendants - 1)) * Math.pow(nodes, roots);
  if (estimate <= MAX_JSONPATH_WORK) return null;
  const budget = MAX_JSONPATH_WORK.toLocaleString('en');
  const over = nodes > MAX_JSONPATH_WORK;
  const size = over ? `more than ${budget}` : nodes;
  return {
    message:
      `\`${path}\` is not evaluated: on this value (${size} values, nested ${depth} deep) it could take ` +
      `about ${estimate.toExponential(1)} steps, over the budget of ${budget}; ` +
      'use a more specific path (fewer `..` segments or root queries inside filters)',
    code: 'jsonpath-over-budget',
    params: {
      path,
      size: over ? 'over' : String(nodes),
      depth: String(depth),
      estimate: estimate.toExponential(1),
      max: budget,
    },
  };
}

function short(expr: string): string {
  return expr.length > 60 ? `${expr.slice(0, 57)}...` : expr;
}
