/**
 * Budgeted lazy evaluation of a json-p3 query (BAD-INPUTS C2): refused up front when its estimated
 * worst case is too expensive, else walked lazily counting every node any segment produces.
 */
import { JSONPathNode, type JSONPathQuery } from 'json-p3';
import { nestedParams, type CodedText } from '../diagnosticCodes';
import { encodePointer } from '../json/pointer';
import type { JsonValue } from '../types';
import { BudgetExceeded, budgetRefusal, checkDeadline, MAX_JSONPATH_WORK, withDeadline } from './budget';
import type { JsonPathMatch } from './jsonPath';
import { collectRefusedPatterns, type RefusedPattern } from './regexFunctions';

/** What {@link runJsonPath} returns: the matches, and why the walk stopped early when it did. */
export interface JsonPathRun {
  matches: JsonPathMatch[];
  /** Set when the query was refused or cut short (work or time budget, nesting, evaluation fault). */
  stopped?: string;
  /** `stopped` as coded text (for the app's languages); set with it. */
  stoppedText?: CodedText;
  /**
   * Patterns of `match()`/`search()` that are not valid I-Regexp: each test of one was false
   * (RFC 9535), so a filter using it matched nothing. Absent when there were none.
   */
  refused?: RefusedPattern[];
}

/**
 * Evaluates `q` lazily with a work budget: every node any segment produces counts one step, and
 * the clock is read every 1024 steps and after every regex test (see regexFunctions.ts). A query
 * whose estimated worst case is over the budget (see budget.ts) is not started at all.
 */
export function evaluate(q: JSONPathQuery, source: string, value: JsonValue, limit: number): JsonPathRun {
  const { result, refused } = collectRefusedPatterns(() => withDeadline(() => run(q, source, value, limit)));
  return refused.length > 0 ? { ...result, refused } : result;
}

function run(q: JSONPathQuery, source: string, value: JsonValue, limit: number): JsonPathRun {
  const matches: JsonPathMatch[] = [];
  if (limit < 1) return { matches };
  const problem = budgetRefusal(source, value);
  if (problem) return { matches, stopped: problem.message, stoppedText: problem };
  let steps = 0;
  const counted = function* (nodes: Iterable<JSONPathNode>): Generator<JSONPathNode> {
    for (const node of nodes) {
      steps++;
      if (steps > MAX_JSONPATH_WORK) {
        const max = MAX_JSONPATH_WORK.toLocaleString('en');
        throw new BudgetExceeded({
          message: `it took more than ${max} steps`,
          code: 'jsonpath-took-steps',
          params: { max },
        });
      }
      if ((steps & 1023) === 0) checkDeadline();
      yield node;
    }
  };
  let nodes: Iterable<JSONPathNode> = [new JSONPathNode(value, [], value)];
  for (const segment of q.segments) nodes = counted(segment.lazyResolve(nodes));
  try {
    for (const node of nodes) {
      matches.push({ value: node.value as JsonValue, pointer: encodePointer(node.location) });
      if (matches.length >= limit) break;
    }
  } catch (e) {
    const why: CodedText =
      e instanceof BudgetExceeded
        ? e.why
        : { message: 'evaluation failed', code: 'jsonpath-evaluation-failed' };
    const message = `\`${source}\` stopped after ${matches.length} matches: ${why.message}`;
    const params = {
      path: source,
      count: matches.length,
      n: String(matches.length),
      ...nestedParams('why', why),
    };
    return { matches, stopped: message, stoppedText: { message, code: 'jsonpath-stopped', params } };
  }
  return { matches };
}
