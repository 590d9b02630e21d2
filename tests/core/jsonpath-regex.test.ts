/**
 * Linear-time regular expressions (issue 8, A1) and the JSONPath nesting check (A3): I-Regexp in
 * `match()`/`search()` and ECMAScript `pattern`s both run on RE2 (re2js), translated faithfully.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  compileJsonPath,
  compileLinear,
  linearTest,
  MAX_JSONPATH_LENGTH,
  MAX_JSONPATH_NESTING,
  MAX_REGEX_WORK,
  loadRegexEngine,
  runJsonPath,
  type CompiledJsonPath,
  type JsonValue,
  type LinearPattern,
} from '../../src/core/index';

function compiled(expr: string): CompiledJsonPath {
  const r = compileJsonPath(expr);
  if (!r.ok) throw new Error(`${expr}: ${r.message}`);
  return r.path;
}

function linear(pattern: string, dialect: 'i-regexp' | 'ecma'): Extract<LinearPattern, { ok: true }> {
  const p = compileLinear(pattern, dialect);
  if (!p.ok) throw new Error(`${pattern}: ${p.message}`);
  return p;
}

const test = (pattern: string, s: string, dialect: 'i-regexp' | 'ecma' = 'ecma', whole = false) => {
  const r = linearTest(linear(pattern, dialect), s, whole);
  if (r.skipped !== undefined) throw new Error(r.skipped);
  return r.matched;
};

// match()/search() run on the linear-time regex engine, which the core loads asynchronously.
beforeAll(async () => {
  expect(await loadRegexEngine()).toBe(true);
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Each is exponential or high-degree polynomial on a backtracking engine over `subject`. */
const EVIL: Array<[string, string, boolean, boolean]> = [
  // expression's pattern, subject, match() result, search() result
  ['.*.*.*.*=.*', 'x'.repeat(800), false, false],
  ['(a+)+$', `${'a'.repeat(799)}!`, false, false],
  ['(a+)+$', 'a'.repeat(800), true, true],
  ['(a|a)*b', 'a'.repeat(800), false, false],
  ['(.*a){20}', `${'a'.repeat(19)}${'x'.repeat(781)}`, false, false],
  ['(.*a){20}', 'a'.repeat(800), true, true],
  ['(x+x+)+y', 'x'.repeat(800), false, false],
];

describe('A1: regexes in match()/search() run in linear time', () => {
  it.each(EVIL)('A1: %s over an 800-character string answers quickly and correctly', (p, s, m, f) => {
    const doc = [{ s }];
    for (const [fn, expected] of [
      ['match', m],
      ['search', f],
    ] as const) {
      const t0 = performance.now();
      const r = runJsonPath(compiled(`$[?${fn}(@.s, ${JSON.stringify(p)})]`), doc);
      const ms = performance.now() - t0;
      expect(r.stopped).toBeUndefined();
      expect(r.matches).toHaveLength(expected ? 1 : 0);
      expect(ms).toBeLessThan(1_000);
    }
  });

  it('A1: ^ and $ anchor; . excludes \\n and \\r; [^…] matches newlines; \\p{…} categories', () => {
    const q = (expr: string, doc: JsonValue) => compiled(expr).query(doc).length;
    expect(q("$[?match(@, '^ab.*')]", ['abc', 'xab', 'ab\n'])).toBe(1);
    expect(q("$[?search(@, 'b$')]", ['ab', 'ba'])).toBe(1);
    expect(q("$[?match(@, 'a.c')]", ['abc', 'a\nc', 'a\rc', 'a\u2028c', 'a😀c'])).toBe(3);
    expect(q("$[?match(@, 'a[^b]c')]", ['a\nc', 'abc'])).toBe(1);
    expect(q("$[?match(@, '\\\\p{Lu}\\\\P{Lu}+')]", ['Éte', 'ete', 'ÉT'])).toBe(1);
    expect(q("$[?match(@, '[\\\\p{Nd}-]{3}')]", ['1-٣', '1a3'])).toBe(1);
    expect(q("$[?match(@, 'a{2,3}')]", ['a', 'aa', 'aaa', 'aaaa'])).toBe(2);
    expect(q("$[?search(@, 'a|b')]", ['xa', 'xb', 'xc'])).toBe(2);
    expect(q("$[?match(@, '(ab|cd)*')]", ['abcdab', 'abc', ''])).toBe(2);
    // Valid I-Regexp that json-p3's own functions answered false (a `\\-` escape, an astral character):
    expect(q("$[?match(@, '\\\\-+')]", ['--', 'a'])).toBe(1);
    expect(q("$[?search(@, '😀')]", ['a😀', 'a'])).toBe(1);
  });

  it.each([
    ['(?:a)', 'non-capturing group syntax'],
    ['a**', 'double quantifier'],
    ['\\d', 'Perl class escape'],
    ['\\$', 'escape outside SingleCharEsc'],
    ['[a-]b-c]', 'unescaped ] after range'],
    ['[b-a]', 'reversed range'],
    ['a{3,2}', 'reversed quantifier'],
    ['[]', 'empty class'],
    ['\\p{Greek}', 'scripts are not RFC 9485 categories'],
    ['(a', 'unclosed group'],
    ['a)', 'unbalanced )'],
    ['a{,2}', 'quantifier without minimum'],
  ])('A1: %s is not an I-Regexp (%s): match() is false, the query does not stop', (p) => {
    expect(compileLinear(p, 'i-regexp')).toMatchObject({ ok: false, kind: 'invalid' });
    const r = runJsonPath(compiled(`$[?match(@, ${JSON.stringify(p)})]`), ['a', 'ab']);
    // Not stopped; the refused pattern is listed so callers can say why nothing matched (issue 12).
    expect(r).toEqual({ matches: [], refused: [{ pattern: p, reason: expect.any(String) }] });
  });

  it('A1: a test over the per-test work limit stops the query and says why', () => {
    const long = 'a'.repeat(10_000);
    const r = runJsonPath(compiled("$[?match(@, '[a-z]{1,900}')]"), [long]);
    expect(r.matches).toEqual([]);
    expect(r.stopped).toMatch(/was not run on a string of 10,000 characters/);
    expect(r.stopped).toContain(MAX_REGEX_WORK.toLocaleString('en'));
  });

  it('A1: a valid I-Regexp the engine cannot compile stops the query with the reason', () => {
    const r = runJsonPath(compiled("$[?match(@, 'a{1001}')]"), ['a']);
    expect(r.stopped).toMatch(/the pattern "a\{1001\}" cannot be compiled by the linear-time engine/);
  });

  it('A1: the time budget holds inside one filter: checked after every regex test', () => {
    let now = 1_000_000;
    vi.spyOn(Date, 'now').mockImplementation(() => (now += 500));
    const r = runJsonPath(
      compiled("$[?match(@, 'a')]"),
      Array.from({ length: 20 }, () => 'a'),
    );
    expect(r.stopped).toMatch(/stopped after \d+ matches: it took more than 3 s/);
    expect(r.matches.length).toBeLessThan(20);
  });
});

describe('A1: JSON Schema patterns (ECMAScript, u flag) on the same engine', () => {
  const SUBJECTS = [
    '',
    'abc',
    'ABC def_9',
    'a\nb',
    'a\u2028b',
    'x\u00a0y',
    'x\u000by',
    'tab\there',
    '2026-01-31',
    'éÉ',
    '😀x',
    'Ωmega',
    '\u0008',
    'a-b',
    'nul\u0000',
  ];
  it.each([
    ['^[a-z]+$'],
    ['^\\d{4}-\\d{2}-\\d{2}$'],
    ['\\s'],
    ['^\\S+$'],
    ['[^\\S\\n]'],
    ['\\w+\\b'],
    ['\\B'],
    ['a.b'],
    ['^.$'],
    ['^..$'],
    ['[\\b]'],
    ['\\0'],
    ['\\cJ'],
    ['\\x41'],
    ['\\u00e9'],
    ['\\u{1F600}'],
    ['\\uD83D\\uDE00'],
    ['\\p{Lu}'],
    ['\\p{Letter}+$'],
    ['\\P{L}'],
    ['\\p{Script=Greek}'],
    ['\\p{ASCII}+'],
    ['[^]'],
    ['[]'],
    ['(?<year>\\d{4})-'],
    ['a+?b'],
    ['[\\w-]{3,}'],
    ['[\\d\\-]+$'],
    ['^(?:https?://)?[^/]+$'],
    ['\\/'],
    ['(ab|cd)*'],
    ['x|^$'],
  ])('A1: %s gives the same answers as the JavaScript engine', (pattern) => {
    const native = new RegExp(pattern, 'u');
    for (const s of SUBJECTS) expect([s, test(pattern, s)]).toEqual([s, native.test(s)]);
  });

  it('A1: 2,000 random patterns agree with the JavaScript engine on random short strings', () => {
    let seed = 20261206;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    const pick = <T>(a: readonly T[]): T => a[rand(a.length)] as T;
    const atoms = ['a', 'b', '.', '\\d', '\\w', '\\s', '\\S', '\\W', '[ab]', '[^a]', '[a-c\\s]', '[^\\S\\n]'];
    atoms.push('\\n', '\\u00e9', 'é', '😀', '[😀-😂]', '\\p{L}', '\\P{Ll}', '\\b', '^', '$', '[\\b]', '\\.');
    const gen = (depth: number): string => {
      let out = '';
      for (let i = 1 + rand(3); i > 0; i--) {
        let atom = depth > 0 && rand(4) === 0 ? `(${gen(depth - 1)}|${gen(depth - 1)})` : pick(atoms);
        if (!['^', '$', '\\b'].includes(atom) && rand(3) === 0)
          atom += pick(['*', '+', '?', '{2}', '{1,3}', '*?']);
        out += atom;
      }
      return out;
    };
    const chars = [
      'a',
      'b',
      '1',
      ' ',
      '\n',
      '\r',
      '\u2028',
      '\u00a0',
      'é',
      'É',
      '😀',
      '\ud800',
      '_',
      '\u000b',
    ];
    for (let i = 0; i < 2_000; i++) {
      const pattern = gen(2);
      const native = new RegExp(pattern, 'u');
      for (let k = 0; k < 5; k++) {
        let s = '';
        for (let j = rand(7); j > 0; j--) s += pick(chars);
        expect([pattern, s, test(pattern, s)]).toEqual([pattern, s, native.test(s)]);
      }
    }
  });

  it.each([
    ['(a)\\1', 'unsupported', /backreference/],
    ['(?<n>a)\\k<n>', 'unsupported', /backreference/],
    ['a(?=b)', 'unsupported', /lookahead/],
    ['(?<!a)b', 'unsupported', /lookbehind/],
    ['\\p{Emoji}', 'unsupported', /not supported by the linear-time engine/],
    ['\\-', 'invalid', /./],
    ['[\\w-.]', 'invalid', /./],
    ['a'.repeat(1001), 'too-large', /longer than 1,000 characters/],
    ['(?:(?:a{1,100}){1,100}){1,10}', 'too-large', /instructions/],
  ])('A1: %s is reported (%s), never run', (pattern, kind, message) => {
    const r = compileLinear(pattern, 'ecma');
    expect(r).toMatchObject({ ok: false, kind });
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it.each([
    ['(a+)+$', `${'a'.repeat(799)}!`, false],
    ['^(a|a)*$', `${'a'.repeat(799)}!`, false],
    ['(.*a){20}', 'a'.repeat(800), true],
    ['(\\w+\\s?)*$', `${'ab '.repeat(266)}!!`, true],
    ['^(x+x+)+y$', 'x'.repeat(800), false],
    ['.*.*.*.*=.*', 'x'.repeat(800), false],
  ])('A1: the classic evil pattern %s over 800 characters is answered quickly', (p, s, expected) => {
    const t0 = performance.now();
    expect(test(p, s)).toBe(expected);
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});

describe('A3: JSONPath nesting is checked before parsing', () => {
  it('A3: 1,000 nested parentheses (under the length cap) are refused with a location', () => {
    const expr = `$[?${'('.repeat(1000)}@.a${')'.repeat(1000)}]`;
    expect(expr.length).toBeLessThanOrEqual(MAX_JSONPATH_LENGTH);
    const r = compileJsonPath(expr);
    expect(r).toEqual({
      ok: false,
      message: `JSONPath nested more than ${MAX_JSONPATH_NESTING} levels deep (brackets and parentheses)`,
      offset: 3 + MAX_JSONPATH_NESTING - 1,
    });
  });

  it('A3: nesting up to the cap compiles; brackets inside string literals do not count', () => {
    const depth = MAX_JSONPATH_NESTING - 1;
    expect(compileJsonPath(`$[?${'('.repeat(depth)}@.a${')'.repeat(depth)}]`).ok).toBe(true);
    const quoted = `$[?@.a == '${'(['.repeat(200)}']`;
    expect(compiled(quoted).query([{ a: '(['.repeat(200) }])).toHaveLength(1);
  });

  it('A3: 500 nested filters and 1,000 nested function calls are refused the same way', () => {
    for (const expr of [
      `$${'[?@'.repeat(500)}${']'.repeat(500)}`,
      `$[?${'length('.repeat(300)}@${')'.repeat(300)}]`,
    ])
      expect(compileJsonPath(expr)).toMatchObject({ ok: false, message: /nested more than 64 levels/ });
  });
});
