/**
 * Codes for the messages of a JSONPath that does not compile (json-p3's parser, after the context
 * json-p3 appends is removed, and our own limits: see `compileJsonPath`), so the app can word them in the chosen language
 * (`diagnostics.<code>`, carried inside `jsonpath-invalid`, `content-path-invalid`, … with
 * `nestedParams`). A message of a shape not listed here keeps only its English text.
 */
import type { CodedText } from '../diagnosticCodes';

type Params = NonNullable<CodedText['params']>;

/**
 * Every message json-p3 2.x's lexer and parser can give for an expression that does not compile
 * (read from its source), as an anchored pattern, its code, and the names of its captured values.
 * Number captures that a message only prints (an index in the expression) stay strings, so the
 * app prints them as written.
 */
const SHAPES: ReadonlyArray<readonly [RegExp, string, readonly string[]]> = [
  [/^expected '\$', found '([\s\S]*)'$/, 'jsonpath-expected-root', ['found']],
  [/^trailing whitespace$/, 'jsonpath-trailing-whitespace', []],
  [
    /^expected '\.', '\.\.' or a bracketed selection, found '([\s\S]*)'$/,
    'jsonpath-expected-segment',
    ['found'],
  ],
  [/^bald descendant segment$/, 'jsonpath-bald-descendant', []],
  [/^unexpected descendent selection token '([\s\S]*)'$/, 'jsonpath-descendant-token', ['token']],
  [/^unexpected whitespace after dot$/, 'jsonpath-whitespace-after-dot', []],
  [/^unexpected shorthand selector '([\s\S]*)'$/, 'jsonpath-shorthand-selector', ['token']],
  [/^unbalanced brackets$/, 'jsonpath-unbalanced-brackets', []],
  [/^unclosed bracketed selection$/, 'jsonpath-unclosed-brackets', []],
  [/^unexpected token '([\s\S]*)' in bracketed selection$/, 'jsonpath-bracket-token', ['token']],
  [/^unexpected filter selector token '([\s\S]*)'$/, 'jsonpath-filter-token', ['token']],
  [/^a fractional digit is required after a decimal point$/, 'jsonpath-fraction-digit', []],
  [/^invalid escape$/, 'jsonpath-invalid-escape', []],
  [/^unclosed string starting at index (\d+)$/, 'jsonpath-unclosed-string', ['index']],
  [/^unexpected token in bracketed selection '([\s\S]*)'$/, 'jsonpath-bracket-token-kind', ['token']],
  [/^unexpected token '([\s\S]*)'$/, 'jsonpath-unexpected-token', ['token']],
  [/^leading zero in index selector$/, 'jsonpath-leading-zero', []],
  [/^expected token '([\s\S]*)', found '([\s\S]*)'$/, 'jsonpath-expected-token', ['expected', 'found']],
  [/^unexpected end of query$/, 'jsonpath-end-of-query', []],
  [/^unexpected trailing comma$/, 'jsonpath-trailing-comma', []],
  [/^empty bracketed segment$/, 'jsonpath-empty-brackets', []],
  [/^result of ([\s\S]*)\(\) {2}must be compared$/, 'jsonpath-result-must-be-compared', ['fn']],
  [/^invalid number literal '([\s\S]*)'$/, 'jsonpath-number-literal', ['literal']],
  [/^unknown operator '([\s\S]*)'$/, 'jsonpath-unknown-operator', ['operator']],
  [/^empty paren expression$/, 'jsonpath-empty-parens', []],
  [/^unbalanced parentheses$/, 'jsonpath-unbalanced-parens', []],
  [/^expected an expression, found '([\s\S]*)'$/, 'jsonpath-expected-expression', ['found']],
  [/^unexpected end of expression$/, 'jsonpath-end-of-expression', []],
  [/^unexpected '([\s\S]*)'$/, 'jsonpath-unexpected', ['found']],
  [/^unknown escape sequence at index (\d+)$/, 'jsonpath-unknown-escape', ['index']],
  [/^incomplete escape sequence at index (\d+)$/, 'jsonpath-incomplete-escape', ['index']],
  [/^unexpected low surrogate codepoint at index (\d+)$/, 'jsonpath-low-surrogate', ['index']],
  [/^unexpected codepoint at index (\d+)$/, 'jsonpath-unexpected-codepoint', ['index']],
  [/^invalid (\\uXXXX) escape sequence$/, 'jsonpath-hex-escape', ['escape']],
  [/^invalid character$/, 'jsonpath-invalid-character', []],
  [/^invalid escape sequence$/, 'jsonpath-invalid-escape-sequence', []],
  [/^non-singular query is not comparable$/, 'jsonpath-non-singular', []],
  [/^result of ([\s\S]*)\(\) is not comparable$/, 'jsonpath-result-not-comparable', ['fn']],
  [
    /^filter expression literals \(([\s\S]*)\) must be compared$/,
    'jsonpath-literal-not-compared',
    ['literal'],
  ],
  [/^no such function '([\s\S]*)'$/, 'jsonpath-no-function', ['fn']],
  [
    /^([\s\S]*)\(\) takes (\d+) arguments?, (\d+) given$/,
    'jsonpath-argument-count',
    ['fn', 'count', 'given'],
  ],
  [/^([\s\S]*)\(\) argument (\d+) must be of (\w+)$/, 'jsonpath-argument-type', ['fn', 'index', 'type']],
  [/^index out of range$/, 'jsonpath-index-range', []],
  // Ours (jsonPath.ts, nesting.ts): refused before or around json-p3's parser.
  [/^JSONPath longer than (\d+) characters$/, 'jsonpath-too-long', ['max']],
  [
    /^JSONPath nested more than (\d+) levels deep \(brackets and parentheses\)$/,
    'jsonpath-too-nested',
    ['max'],
  ],
  [/^JSONPath nested too deeply$/, 'jsonpath-nested-too-deeply', []],
  [/^invalid JSONPath$/, 'jsonpath-unreadable', []],
];

/** Every code {@link codeJsonPathMessage} gives (for tests). */
export const JSONPATH_MESSAGE_CODES: readonly string[] = SHAPES.map(([, code]) => code);

/** Parameters passed to messages as numbers (they choose a plural form). */
const NUMBERS: ReadonlySet<string> = new Set(['count']);

/** The code and parameters of a json-p3 compile message, or null for a shape it does not list. */
export function codeJsonPathMessage(message: string): { code: string; params: Params } | null {
  for (const [re, code, names] of SHAPES) {
    const m = re.exec(message);
    if (!m) continue;
    const params: Params = {};
    names.forEach((name, i) => {
      const v = m[i + 1] ?? '';
      params[name] = NUMBERS.has(name) ? Number(v) : v;
    });
    return { code, params };
  }
  return null;
}
