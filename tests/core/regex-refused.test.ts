/**
 * Issue 12 item 11: a `match()`/`search()` pattern that is not valid I-Regexp is false for every value
 * (RFC 9535), and flattening says so with the expression, the pattern and why, instead of a silent
 * "0 records".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileJsonPath, flatten, loadRegexEngine, runJsonPath, type JsonValue } from '../../src/core/index';

beforeAll(async () => {
  expect(await loadRegexEngine()).toBe(true);
});

const body: JsonValue = { members: [{ name: 'ann' }, { name: 'bob' }] };

describe('a refused regex is reported, never a silent no-match', () => {
  it.each([
    ['back-reference', '$.members[?match(@.name, "(a)\\\\1")]', '(a)\\1'],
    ['lookahead', '$.members[?search(@.name, "(?=a)")]', '(?=a)'],
    ['unbalanced group', '$.members[?match(@.name, "(ann")]', '(ann'],
  ])('%s: runJsonPath lists the refused pattern', (_n, expr, pattern) => {
    const c = compileJsonPath(expr);
    if (!c.ok) throw new Error(c.message);
    const run = runJsonPath(c.path, body);
    expect(run.matches).toEqual([]);
    expect(run.refused).toHaveLength(1);
    expect(run.refused?.[0]?.pattern).toBe(pattern);
    expect(run.refused?.[0]?.reason).not.toBe('');
  });

  it('a valid pattern lists nothing refused', () => {
    const c = compileJsonPath('$.members[?match(@.name, "a.*")]');
    if (!c.ok) throw new Error(c.message);
    const run = runJsonPath(c.path, body);
    expect(run.matches).toHaveLength(1);
    expect(run.refused).toBeUndefined();
  });

  it('flatten: an error at the contentPath naming the expression, the pattern and why', () => {
    const path = '$.members[?match(@.name, "(a)\\\\1")]';
    const r = flatten({ contentPath: { path, skipAttributes: [], keepAttributes: [] } }, [body]);
    expect(r.records).toEqual([]);
    const d = r.diagnostics.find((x) => x.code === 'content-path-regex-refused');
    expect(d).toMatchObject({ severity: 'error', pointer: '/sourceSpec/attributes/contentPath/path' });
    expect(d?.message).toContain(path);
    expect(d?.message).toContain('"(a)\\\\1" is not valid I-Regexp (');
    // Not also the misleading "matched nothing".
    expect(r.diagnostics.map((x) => x.code)).not.toContain('content-path-no-match');
    console.log(d?.message);
  });
});
