/**
 * The source name of a kit (a slug): it names Adobe's folder `Sources/{source}/` and prefixes every
 * artifact file, so it is kept to what is safe and unambiguous in a path and in a camelCase key.
 */
import type { JsonValue } from '../types';

/** Shortest and longest source names accepted. */
export const SOURCE_MIN_LENGTH = 2;
export const SOURCE_MAX_LENGTH = 64;

/**
 * Why a source name is not valid, as a code for the app to word in its language: `source-empty`,
 * `source-bad-char` {char (in JSON quotes), upper: `yes` | `no`}, `source-dash-ends`,
 * `source-double-dash`, `source-too-short` {min}, `source-too-long` {length, max}.
 */
export type SourceProblemCode =
  | 'source-empty'
  | 'source-bad-char'
  | 'source-dash-ends'
  | 'source-double-dash'
  | 'source-too-short'
  | 'source-too-long';

/** Why `source` is not a valid source name (see `sourceProblem`): English words, code and values. */
export function sourceProblemOf(
  source: string,
): { message: string; code: SourceProblemCode; params: { [k: string]: string | number } } | null {
  if (source === '') return { message: 'The source name is empty', code: 'source-empty', params: {} };
  const bad = /[^a-z0-9-]/u.exec(source);
  if (bad) {
    const ch = bad[0];
    const upper = /[A-Z]/.test(ch);
    const what = upper ? `an upper-case ${JSON.stringify(ch)}` : `${JSON.stringify(ch)}`;
    return {
      message: `The source name has ${what}: use lower-case letters a–z, digits and -`,
      code: 'source-bad-char',
      params: { char: JSON.stringify(ch), upper: upper ? 'yes' : 'no' },
    };
  }
  if (source.startsWith('-') || source.endsWith('-'))
    return {
      message: 'The source name may not start or end with -',
      code: 'source-dash-ends',
      params: {},
    };
  if (source.includes('--'))
    return {
      message: 'The source name may not contain -- (one - between words)',
      code: 'source-double-dash',
      params: {},
    };
  if (source.length < SOURCE_MIN_LENGTH)
    return {
      message: `The source name needs at least ${SOURCE_MIN_LENGTH} characters`,
      code: 'source-too-short',
      params: { min: SOURCE_MIN_LENGTH },
    };
  if (source.length > SOURCE_MAX_LENGTH) {
    return {
      message: `The source name has ${source.length} characters; at most ${SOURCE_MAX_LENGTH}`,
      code: 'source-too-long',
      params: { length: source.length, max: SOURCE_MAX_LENGTH },
    };
  }
  return null;
}

/**
 * Why `source` is not a valid source name, or null when it is. Valid: 2–64 characters of lower-case
 * ASCII letters `a`–`z`, digits and `-`, with no `-` at the start or end and no `--` (each `-`
 * separates two words of the camelCase key, see {@link sourceKeyPrefix}).
 */
export function sourceProblem(source: string): string | null {
  return sourceProblemOf(source)?.message ?? null;
}

/** `mailchimp-members` → `mailchimpMembers`: the prefix of Adobe's keys (`mailchimpMembersLabel`). */
export function sourceKeyPrefix(source: string): string {
  return source.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function get(v: JsonValue | undefined, ...keys: string[]): JsonValue | undefined {
  let cur = v;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || !Object.hasOwn(cur, k))
      return undefined;
    cur = cur[k];
  }
  return cur;
}

/** Lower-case slug of free text: runs of anything but a–z/0–9 become one `-`, trimmed to the max length. */
export function slugify(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, SOURCE_MAX_LENGTH).replace(/-+$/, '');
}

/**
 * A source name suggested by a spec: from `uiAttributes.label.key` when it follows Adobe's
 * `<prefix>Label` pattern (`mailchimpMembersLabel` → `mailchimp-members`), else from `name` without
 * a trailing "source" (`Acme Orders source` → `acme-orders`). May be '' (nothing to go by).
 */
export function suggestSource(doc: JsonValue | undefined): string {
  const key = get(doc, 'sourceSpec', 'attributes', 'uiAttributes', 'label', 'key');
  if (typeof key === 'string' && /^[a-z][a-zA-Z0-9]*Label$/.test(key)) {
    const slug = slugify(key.slice(0, -'Label'.length).replace(/([a-z0-9])([A-Z])/g, '$1-$2'));
    if (sourceProblem(slug) === null) return slug;
  }
  const name = get(doc, 'name');
  if (typeof name !== 'string') return '';
  // Spec names read "… source"; the folder name does not need the word.
  return slugify(name.replace(/[\s_-]+source\s*$/i, ''));
}
