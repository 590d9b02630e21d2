/**
 * English details inside translated diagnostics: why a JSONPath does not compile,
 * why match()/search() refused a pattern, why a query stopped, and the allowed types of a schema
 * error. For each code, real input through the real core function; the English catalogue renders
 * exactly the core's English message, and French renders something else (the detail included).
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  compileJsonPath,
  compileLinear,
  compileLoosePath,
  compileProblem,
  flatten,
  loadRegexEngine,
  type CodedText,
  type Diagnostic,
  type JsonValue,
  type PathSpec,
} from '../../src/core';
import { codeJsonPathMessage, JSONPATH_MESSAGE_CODES } from '../../src/core/jsonpath/jsonPathErrors';
import { validateSchema } from '../../src/core/spec/ajv';
import { toSchemaDiagnostics } from '../../src/core/spec/schemaErrors';
import { validate } from '../../src/core/spec/validate';
import { setLocale } from '../../src/i18n';
import { diagnosticText } from '../../src/i18n/diagnostics';
import { fixture, patched } from '../fixtures/spec/patch';

afterEach(async () => {
  vi.restoreAllMocks();
  await setLocale('en', false);
});

/**
 * English equals the core's message; French differs, and does not carry `detail` in English; the
 * other languages differ too.
 */
async function same(d: Pick<Diagnostic, 'code' | 'message' | 'params'>, detail?: string): Promise<void> {
  await setLocale('en', false);
  expect(diagnosticText(d)).toBe(d.message);
  await setLocale('fr', false);
  const fr = diagnosticText(d);
  expect(fr).not.toBe(d.message);
  if (detail !== undefined) expect(fr).not.toContain(detail);
  for (const l of ['sv', 'ko', 'zh-Hant'] as const) {
    await setLocale(l, false);
    expect([l, diagnosticText(d)]).not.toEqual([l, d.message]);
  }
  await setLocale('en', false);
}

const path = (p: string): PathSpec => ({ path: p, skipAttributes: [], keepAttributes: [] });
const base = fixture('examples/mailchimp-members.connection-spec.json');

function failure(expr: string): { message: string; offset: number } {
  const r = compileJsonPath(expr);
  if (r.ok) throw new Error(`${expr} compiles`);
  return r;
}

/** One flatten diagnostic of `code` for `contentPath` on `body`. */
function flattenFinding(code: string, contentPath: string, body: JsonValue, explode?: string): Diagnostic {
  const r = flatten(
    { contentPath: path(contentPath), ...(explode ? { explodeEntityPath: path(explode) } : {}) },
    [body],
  );
  const d = r.diagnostics.find((x) => x.code === code);
  if (!d) throw new Error(`${contentPath}: no ${code} in ${JSON.stringify(r.diagnostics)}`);
  return d;
}

/** A real bad expression for each code of json-p3's parser messages that real input can produce. */
const BAD: Record<string, string> = {
  'jsonpath-expected-root': 'a.b',
  'jsonpath-expected-segment': '$a',
  'jsonpath-bald-descendant': '$..',
  'jsonpath-descendant-token': '$..$',
  'jsonpath-whitespace-after-dot': '$. a',
  'jsonpath-shorthand-selector': '$.$',
  'jsonpath-unbalanced-brackets': '$[?@.a',
  'jsonpath-unclosed-brackets': '$[',
  'jsonpath-bracket-token': '$[%]',
  'jsonpath-bracket-token-kind': '$[,1]',
  'jsonpath-filter-token': '$[?@.a=1]',
  'jsonpath-fraction-digit': '$[?@.a==1.]',
  'jsonpath-invalid-escape': "$['\\q']",
  'jsonpath-unclosed-string': "$['a",
  'jsonpath-unexpected-token': '$.a ',
  'jsonpath-leading-zero': '$[01]',
  'jsonpath-expected-token': '$[1 2]',
  'jsonpath-trailing-comma': '$[1,]',
  'jsonpath-empty-brackets': '$[]',
  'jsonpath-result-must-be-compared': '$[?length(@.a)]',
  'jsonpath-number-literal': '$[?@.a==01]',
  'jsonpath-empty-parens': '$[?()]',
  'jsonpath-expected-expression': '$[?(@.a @.b)]',
  'jsonpath-end-of-expression': '$[?@.a==]',
  'jsonpath-unexpected': '$[?@.a<>1]',
  'jsonpath-incomplete-escape': '$[?@.a=="\\u12"]',
  'jsonpath-low-surrogate': '$[?@.a=="\\udc00"]',
  'jsonpath-unexpected-codepoint': '$[?@.a=="\\ud800\\u0041"]',
  'jsonpath-hex-escape': '$[?@.a=="\\uZZZZ"]',
  'jsonpath-invalid-character': '$["\\u0001"]',
  'jsonpath-non-singular': '$[?@.*==1]',
  'jsonpath-result-not-comparable': '$[?match(@.a,"x")==true]',
  'jsonpath-literal-not-compared': "$[?'abc']",
  'jsonpath-no-function': '$[?foo(@.a)]',
  'jsonpath-argument-count': '$[?length(@.a,1)==1]',
  'jsonpath-argument-type': '$[?count(1)==1]',
  'jsonpath-index-range': '$[9007199254740992]',
  'jsonpath-too-long': '$' + '.a'.repeat(1100),
  'jsonpath-too-nested': `$[?${'('.repeat(70)}@.a${')'.repeat(70)}]`,
};

/**
 * Shapes json-p3's source can give that no expression reaches through its lexer and parser (the
 * lexer's "trailing whitespace" becomes an unexpected `TOKEN_ERROR`; the others are guarded earlier),
 * and our fallbacks for a parser fault: checked from the message text.
 */
const UNREACHABLE: Record<string, string> = {
  'jsonpath-trailing-whitespace': 'trailing whitespace',
  'jsonpath-end-of-query': 'unexpected end of query',
  'jsonpath-unknown-operator': "unknown operator 'TOKEN_NOT'",
  'jsonpath-unbalanced-parens': 'unbalanced parentheses',
  'jsonpath-unknown-escape': 'unknown escape sequence at index 4',
  'jsonpath-invalid-escape-sequence': 'invalid escape sequence',
  'jsonpath-nested-too-deeply': 'JSONPath nested too deeply',
  'jsonpath-unreadable': 'invalid JSONPath',
};

// First, before any test loads the regex engine.
describe('a pattern before the regex engine has loaded', () => {
  it('jsonpath-pattern-not-run with pattern-unavailable', async () => {
    const d = flattenFinding('content-path-budget', "$[?match(@, 'a')]", ['a']);
    expect(d.params?.['detail.why.clauseCode']).toBe('pattern-unavailable');
    await same(d, 'still loading');
  });
});

describe('why a JSONPath does not compile', () => {
  it.each(Object.entries(BAD))(
    '%s: a real bad expression, worded in the chosen language',
    async (code, expr) => {
      const coded = compileProblem(failure(expr));
      expect(coded.code).toBe(code);
      await same(coded);
    },
  );

  it.each(Object.entries(UNREACHABLE))(
    '%s: the message json-p3 would give is mapped',
    async (code, message) => {
      expect(codeJsonPathMessage(message)?.code).toBe(code);
      await same(compileProblem({ message }));
    },
  );

  it('every code of the table has a case above', () => {
    expect([...new Set(JSONPATH_MESSAGE_CODES)].sort()).toEqual(
      [...Object.keys(BAD), ...Object.keys(UNREACHABLE)].sort(),
    );
  });

  it('jsonpath-invalid (validate): the detail is worded, English unchanged', async () => {
    const doc = patched(base, [{ pointer: '/sourceSpec/attributes/contentPath/path', value: '$[?@.a=1]' }]);
    const d = validate(doc).find((x) => x.code === 'jsonpath-invalid');
    expect(d?.params?.['detailCode']).toBe('jsonpath-filter-token');
    await same(d as Diagnostic, "unexpected filter selector token '='");
  });

  it("jsonpath-invalid (validate): a strict-only problem (expected '$') is worded too", async () => {
    const doc = patched(base, [{ pointer: '/sourceSpec/attributes/contentPath/path', value: 'a b' }]);
    const d = validate(doc).find((x) => x.code === 'jsonpath-invalid');
    expect(d?.params?.['detailCode']).toBe('jsonpath-expected-root');
    await same(d as Diagnostic, "expected '$', found 'a'");
  });

  it('content-path-invalid and explode-path-invalid (flatten)', async () => {
    const content = flattenFinding('content-path-invalid', '$[?length(@.a,1)==1]', {});
    expect(content.params?.['detailCode']).toBe('jsonpath-argument-count');
    await same(content, 'length() takes 1 argument, 2 given');
    const explode = flattenFinding('explode-path-invalid', '$.items', { items: [{}] }, '$[01]');
    expect(explode.params?.['detailCode']).toBe('jsonpath-leading-zero');
    await same(explode, 'leading zero in index selector');
  });

  it('the JSONPath compliance suite: every invalid selector gives a mapped message', () => {
    const cts = JSON.parse(
      readFileSync(new URL('../fixtures/jsonpath-cts/cts.json', import.meta.url), 'utf8'),
    ) as { tests: Array<{ selector: string; invalid_selector?: boolean }> };
    const invalid = cts.tests.filter((t) => t.invalid_selector);
    expect(invalid.length).toBeGreaterThan(200);
    const unmapped: string[] = [];
    let failures = 0;
    for (const t of invalid)
      for (const r of [compileJsonPath(t.selector), compileLoosePath(t.selector)]) {
        if (r.ok) continue;
        failures++;
        if (compileProblem(r).code === undefined) unmapped.push(`${t.selector}: ${r.message}`);
      }
    expect(failures).toBeGreaterThan(400);
    expect(unmapped).toEqual([]);
  });
});

describe('why match()/search() refused a pattern (content-path-regex-refused)', () => {
  beforeAll(async () => {
    expect(await loadRegexEngine()).toBe(true);
  });

  /** A pattern for each I-Regexp syntax error (iRegexp.ts, regexSyntax.ts). */
  const PATTERNS: Record<string, string> = {
    'regex-quantifier-after-anchor': '^*',
    'regex-unclosed-group': '(a',
    'regex-unexpected-char': '*a',
    'regex-escape': '\\d',
    'regex-category-braces': '\\pL',
    'regex-category-unknown': '\\p{Greek}',
    'regex-unclosed-class': '[a',
    'regex-class-dash': '[a-b-c]',
    'regex-class-range': '[b-a]',
    'regex-class-escape': '[[]',
    'regex-unbalanced-paren': 'a)',
    'regex-quantifier-number': 'a{x}',
    'regex-quantifier-unterminated': 'a{1',
    'regex-quantifier-reversed': 'a{3,1}',
    'regex-unexpected-end': 'a\\',
  };

  it.each(Object.entries(PATTERNS))(
    '%s: flatten names the reason in the chosen language',
    async (code, p) => {
      const d = flattenFinding('content-path-regex-refused', `$[?match(@.a, ${JSON.stringify(p)})]`, [
        { a: 'x' },
      ]);
      expect(d.params?.['reasonCode']).toBe(code);
      const reason = String(d.params?.['reason']);
      await same(d, reason);
    },
  );
});

describe('why a query stopped (content-path-budget)', () => {
  beforeAll(async () => {
    expect(await loadRegexEngine()).toBe(true);
  });

  const wide = { items: Array.from({ length: 20_000 }, (_, i) => ({ id: i, x: i })) };

  it('jsonpath-over-budget: refused up front, with the estimate', async () => {
    const d = flattenFinding('content-path-budget', '$..[?@.id == $.items[0].id]', wide);
    expect(d.params?.['detailCode']).toBe('jsonpath-over-budget');
    await same(d, 'is not evaluated');
  });

  it('jsonpath-too-deep-value: a value nested deeper than the JSON limit', async () => {
    let deep: JsonValue = { x: 1 };
    for (let i = 0; i < 300; i++) deep = { a: deep };
    const d = flattenFinding('content-path-budget', '$..x', deep);
    expect(d.params?.['detailCode']).toBe('jsonpath-too-deep-value');
    await same(d, 'is not evaluated');
  });

  it('jsonpath-stopped with jsonpath-took-steps (or jsonpath-took-time on a slow machine)', async () => {
    let doc: JsonValue = 0;
    for (let i = 0; i < 8; i++) doc = [doc];
    const expr = '$' + '[0,0,0,0,0,0,0,0,0,0]'.repeat(8) + '.nothing';
    const d = flattenFinding('content-path-budget', expr, doc);
    expect(d.params?.['detailCode']).toBe('jsonpath-stopped');
    expect(['jsonpath-took-steps', 'jsonpath-took-time']).toContain(d.params?.['detail.whyCode']);
    await same(d, 'stopped after');
  });

  it('jsonpath-took-time: the time budget inside one filter', async () => {
    let now = 1_000_000;
    vi.spyOn(Date, 'now').mockImplementation(() => (now += 500));
    const d = flattenFinding(
      'content-path-budget',
      "$[?match(@, 'a')]",
      Array.from({ length: 20 }, () => 'a'),
    );
    vi.restoreAllMocks();
    expect(d.params?.['detail.whyCode']).toBe('jsonpath-took-time');
    await same(d, 'it took more than 3 s');
  });

  it('regex-test-skipped: a test over the per-test work limit', async () => {
    const d = flattenFinding('content-path-budget', "$[?match(@, '[a-z]{1,900}')]", ['a'.repeat(10_000)]);
    expect(d.params?.['detail.whyCode']).toBe('regex-test-skipped');
    await same(d, 'was not run on a string');
  });

  it('jsonpath-pattern-not-run with the pattern codes of compileLinear', async () => {
    const cases: Array<[string, string]> = [
      ['pattern-engine-rejects', 'a{1001}'],
      ['pattern-too-long', 'a'.repeat(1001)],
      ['pattern-program-estimate', '(a{100}){100}'],
    ];
    for (const [code, p] of cases) {
      const d = flattenFinding('content-path-budget', `$[?match(@, ${JSON.stringify(p)})]`, ['a']);
      expect(d.params?.['detail.whyCode']).toBe('jsonpath-pattern-not-run');
      expect(d.params?.['detail.why.clauseCode']).toBe(code);
      const clause = String(d.params?.['detail.why.clause']);
      await same(d, clause);
    }
  });

  it('the pattern codes of compileLinear are worded by the same messages', async () => {
    const cases: Array<[string, string, 'ecma' | 'i-regexp']> = [
      ['pattern-too-long', 'a'.repeat(1001), 'i-regexp'],
      ['pattern-program-estimate', '(a{100}){100}', 'i-regexp'],
      ['pattern-engine-rejects', 'a{1001}', 'i-regexp'],
      ['pattern-uses', '(?=a)', 'ecma'],
      ['pattern-uses', '(a)\\1', 'ecma'],
    ];
    for (const [code, p, dialect] of cases) {
      const r = compileLinear(p, dialect);
      if (r.ok) throw new Error(`${p} compiles`);
      expect(r.code).toBe(code);
      await same(r as CodedText);
    }
  });
});

describe('codes real input does not reach (defensive): worded from the parameters the core would give', () => {
  it.each<[string, CodedText]>([
    [
      'pattern-program-size',
      {
        message: 'compiles to 12,000 instructions, over the limit of 10,000 instructions',
        code: 'pattern-program-size',
        params: { size: 12_000, max: 10_000 },
      },
    ],
    [
      'pattern-nests-too-deeply',
      { message: 'nests too deeply', code: 'pattern-nests-too-deeply', params: {} },
    ],
    [
      'jsonpath-evaluation-failed',
      { message: 'evaluation failed', code: 'jsonpath-evaluation-failed', params: {} },
    ],
  ])('%s', async (_code, coded) => {
    await same(coded);
  });
});

describe('the allowed types of a schema error', () => {
  it('schema-type with two types: "a whole number or text" in the chosen language', async () => {
    const doc = patched(base, [
      { pointer: '/sourceSpec/attributes/paginationParams/endPageIndex', value: true },
    ]);
    const d = validate(doc).find((x) => x.code === 'schema-type');
    expect(d?.params?.['expected']).toBe('mixed');
    expect(d?.params?.['expectedTextCode']).toBe('schema-type-or');
    await same(d as Diagnostic, 'a whole number or text');
  });

  it('schema-anyOf with two types (validate)', async () => {
    const doc = patched(base, [
      { pointer: '/sourceSpec/attributes/paginationParams/initialPageIndex', value: true },
    ]);
    const d = validate(doc).find((x) => x.code === 'schema-anyOf');
    expect(d?.params?.['expectedTextCode']).toBe('schema-type-or');
    await same(d as Diagnostic, 'a whole number or text');
  });

  it('schema-anyOf with many words ("a, b, … or z"), from the schema errors of a document', async () => {
    const doc = patched(base, [{ pointer: '/sourceSpec/attributes/paginationParams/type', value: true }]);
    const d = toSchemaDiagnostics(validateSchema(doc), doc).find(
      (x) => x.code === 'schema-anyOf' && x.params?.['expectedTextCode'] === 'schema-type-or',
    );
    if (!d) throw new Error('no schema-anyOf');
    expect(String(d.params?.['expectedText']).split(', ').length).toBeGreaterThan(2);
    await same(d, ' or "');
  });
});
