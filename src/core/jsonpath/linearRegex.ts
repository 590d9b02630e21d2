/**
 * The one regular-expression engine for patterns written by users (BAD-INPUTS C2, B5, B6): RE2
 * (re2js, a pure JavaScript port), whose running time is linear in the length of the string, so
 * no pattern can backtrack exponentially. I-Regexp (JSONPath `match()`/`search()`) and ECMAScript
 * `pattern`s (JSON Schema) are translated to RE2 syntax first (./iRegexp.ts, ./ecmaPattern.ts).
 *
 * Linear is not free: a test costs about (program size × string length) steps. Every test is
 * therefore bounded by {@link MAX_REGEX_WORK}; a test over it is not run and the caller is told
 * ({@link LinearTest} `skipped`), which keeps any single test well under 100 ms.
 *
 * The engine (about 45 KB gzipped) is imported dynamically and only on request
 * ({@link loadRegexEngine}), so in the app it is a chunk of its own, fetched after the first paint
 * instead of being part of the initial download. Until it has loaded, {@link compileLinear} answers
 * `unavailable`.
 */
import type { RE2JS } from 're2js';
import type { CodedText } from '../diagnosticCodes';
import { translateEcmaPattern } from './ecmaPattern';
import { translateIRegexp } from './iRegexp';
import { PatternProblem, type Piece } from './regexSyntax';

/** Longest pattern compiled at all (characters). */
export const MAX_REGEX_LENGTH = 1_000;
/** Largest compiled program (instructions; estimated before compiling, counted after). */
export const MAX_REGEX_PROGRAM = 10_000;
/**
 * Most work one test may take: program instructions × (string length + 1). The engine builds at
 * most one automaton state, of up to program-size instructions, per character; the worst cases
 * measured at the limit (`^.*\p{L}{1,300}$`, `[ab]*a[ab]{300}`) cost at most about 0.45 µs of CPU
 * per unit, so one test stays under about 70 ms. An 800-character string may meet a program of 186.
 */
export const MAX_REGEX_WORK = 150_000;
/** Compiled patterns kept per dialect (oldest evicted first). */
const CACHE_SIZE = 128;

let engine: typeof RE2JS | null = null;
let loading: Promise<boolean> | null = null;

/**
 * Loads the regex engine (once) and resolves true when it is ready, false if it could not be
 * loaded (a later call tries again). Nothing loads it implicitly: the entry points call this at
 * their start (the workers, the CLI) or, in the app's main thread, right after the first paint, so
 * the engine's chunk is never part of the download the first paint waits for. Until it has loaded,
 * {@link compileLinear} answers `unavailable` with a message (never a silent no-match).
 */
export function loadRegexEngine(): Promise<boolean> {
  loading ??= import('re2js').then(
    (m) => {
      engine = m.RE2JS;
      return true;
    },
    () => {
      loading = null;
      return false;
    },
  );
  return loading;
}

/** Whether the regex engine has loaded (see {@link loadRegexEngine}). */
export function regexEngineLoaded(): boolean {
  return engine !== null;
}

/** `i-regexp`: RFC 9485 (JSONPath). `ecma`: ECMA-262 with the `u` flag (JSON Schema `pattern`). */
export type RegexDialect = 'i-regexp' | 'ecma';

/** A compiled pattern, or why it cannot run. */
export type LinearPattern =
  | { ok: true; source: string; re: RE2JS; program: number }
  | {
      ok: false;
      source: string;
      /**
       * `invalid`: not the dialect's syntax. `unsupported`: no linear-time equivalent. `too-large`.
       * `unavailable`: the engine has not loaded yet (see {@link loadRegexEngine}); not cached.
       */
      kind: 'invalid' | 'unsupported' | 'too-large' | 'unavailable';
      message: string;
      /**
       * A stable code for `message` with the values it is built from (`pattern-too-long`,
       * `pattern-nests-too-deeply`, `pattern-program-estimate`, `pattern-program-size`,
       * `pattern-engine-rejects`, `pattern-uses`, `pattern-invalid`, `pattern-unavailable`, and the
       * `regex-…` codes of an I-Regexp's syntax errors), for the app's languages.
       */
      code?: string;
      params?: Record<string, string | number>;
    };

/** The outcome of one test: whether it matched, or why it was not run. */
export type LinearTest =
  { matched: boolean; skipped?: undefined } | { skipped: string; skippedText: CodedText };

const caches: Record<RegexDialect, Map<string, LinearPattern>> = { 'i-regexp': new Map(), ecma: new Map() };

/** `pattern` as a short quoted string for messages. */
export function quotePattern(pattern: string): string {
  return JSON.stringify(pattern.length > 40 ? `${pattern.slice(0, 37)}...` : pattern);
}

function translate(pattern: string, dialect: RegexDialect): Piece {
  if (dialect === 'i-regexp') return translateIRegexp(pattern);
  try {
    // Only parsed here (never executed): the exact syntax errors of the browser's own engine.
    new RegExp(pattern, 'u');
  } catch (err) {
    throw new PatternProblem('invalid', err instanceof Error ? err.message : String(err));
  }
  return translateEcmaPattern(pattern);
}

function build(pattern: string, dialect: RegexDialect): LinearPattern {
  const fail = (
    kind: Extract<LinearPattern, { ok: false }>['kind'],
    message: string,
    code?: string,
    params: Record<string, string | number> = {},
  ): LinearPattern => ({
    ok: false,
    source: pattern,
    kind,
    message,
    ...(code === undefined ? {} : { code, params }),
  });
  if (pattern.length > MAX_REGEX_LENGTH)
    return fail(
      'too-large',
      `is longer than ${MAX_REGEX_LENGTH.toLocaleString('en')} characters`,
      'pattern-too-long',
      {
        max: MAX_REGEX_LENGTH,
      },
    );
  let piece: Piece;
  try {
    piece = translate(pattern, dialect);
  } catch (err) {
    if (err instanceof PatternProblem) {
      if (err.kind === 'invalid' && dialect === 'ecma')
        return fail('invalid', err.message, 'pattern-invalid', { detail: err.message });
      const uses = /^uses a (lookahead|lookbehind|backreference)$/.exec(err.message);
      if (uses) return fail(err.kind, err.message, 'pattern-uses', { feature: uses[1] as string });
      return fail(err.kind, err.message, err.code, err.params);
    }
    // A pathological nesting of groups: refused like any pattern too large to compile.
    if (err instanceof RangeError) return fail('too-large', 'nests too deeply', 'pattern-nests-too-deeply');
    throw err;
  }
  const limit = `the limit of ${MAX_REGEX_PROGRAM.toLocaleString('en')} instructions`;
  if (piece.size > MAX_REGEX_PROGRAM)
    return fail(
      'too-large',
      `would compile to about ${piece.size.toLocaleString('en')} instructions, over ${limit}`,
      'pattern-program-estimate',
      { size: piece.size, max: MAX_REGEX_PROGRAM },
    );
  if (!engine)
    return fail(
      'unavailable',
      'cannot run yet: the linear-time regex engine is still loading',
      'pattern-unavailable',
    );
  let re: RE2JS;
  try {
    re = engine.compile(`(?:${piece.source})`);
  } catch (err) {
    const why = err instanceof Error ? err.message.replace(/^error parsing regexp: /, '') : String(err);
    return fail(
      'unsupported',
      `cannot be compiled by the linear-time engine (${why})`,
      'pattern-engine-rejects',
      {
        why,
      },
    );
  }
  const program = re.programSize();
  if (program > MAX_REGEX_PROGRAM)
    return fail(
      'too-large',
      `compiles to ${program.toLocaleString('en')} instructions, over ${limit}`,
      'pattern-program-size',
      {
        size: program,
        max: MAX_REGEX_PROGRAM,
      },
    );
  return { ok: true, source: pattern, re, program };
}

/**
 * Compiles `pattern` of `dialect` for {@link linearTest} (cached). Never throws: a pattern that is
 * not valid in its dialect, has no linear-time equivalent (backreferences, lookaround) or is too
 * large ({@link MAX_REGEX_LENGTH}, {@link MAX_REGEX_PROGRAM}) comes back with `ok: false` and a
 * message meant to follow the pattern ("uses a lookahead"); `unavailable` before the engine has
 * loaded.
 */
export function compileLinear(pattern: string, dialect: RegexDialect): LinearPattern {
  const cache = caches[dialect];
  const hit = cache.get(pattern);
  if (hit) return hit;
  const built = build(pattern, dialect);
  if (!built.ok && built.kind === 'unavailable') return built;
  if (cache.size >= CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(pattern, built);
  return built;
}

/**
 * Tests `s` against a compiled pattern: the whole string (`whole`, I-Regexp `match()`) or any part
 * of it (`search()`, JSON Schema `pattern`). Linear time; a test whose work (program × length)
 * would exceed {@link MAX_REGEX_WORK} is not run and comes back `skipped` with the reason.
 */
export function linearTest(
  pattern: Extract<LinearPattern, { ok: true }>,
  s: string,
  whole: boolean,
): LinearTest {
  const work = pattern.program * (s.length + 1);
  if (work > MAX_REGEX_WORK) {
    const params = {
      pattern: quotePattern(pattern.source),
      program: String(pattern.program),
      length: s.length.toLocaleString('en'),
      max: MAX_REGEX_WORK.toLocaleString('en'),
    };
    const skipped =
      `the pattern ${params.pattern} (${params.program} instructions) was not run on a ` +
      `string of ${params.length} characters: over the limit of ${params.max} steps per test`;
    return { skipped, skippedText: { message: skipped, code: 'regex-test-skipped', params } };
  }
  return { matched: whole ? pattern.re.testExact(s) : pattern.re.test(s) };
}
