import { describe, expect, it } from 'vitest';
import { MAX_INVISIBLE_FINDINGS } from '../../src/core/spec/invisibleChecks';
import { validate } from '../../src/core/spec/validate';
import type { JsonValue } from '../../src/core/types';

/** A small valid spec whose user input and path are given. */
function spec(input: string, path: string, extra: Record<string, JsonValue> = {}): JsonValue {
  return {
    name: 'Invisible',
    providerId: '0ed90a81-07f4-4586-8190-b40eccef1c5a',
    authSpec: [],
    sourceSpec: {
      attributes: {
        urlParams: { host: 'https://api.example.com', path, method: 'GET' },
        contentPath: { path: '$.items' },
        paginationParams: { type: 'NONE' },
        ...extra,
      },
      spec: { type: 'object', properties: { [input]: { type: 'string' } } },
    },
  };
}

const invisible = (doc: JsonValue) => validate(doc).filter((d) => d.code === 'invisible-character');

describe('invisible characters in names and placeholders (issue 12 item 11)', () => {
  it('says nothing for a clean spec', () => {
    expect(invisible(spec('listId', '/lists/${listId}'))).toEqual([]);
  });

  it.each([
    ['zero width space', '\u200b', 'U+200B ZERO WIDTH SPACE'],
    ['right-to-left override', '\u202e', 'U+202E RIGHT-TO-LEFT OVERRIDE'],
    ['word joiner', '\u2060', 'U+2060 WORD JOINER'],
  ])('a %s in a user input name is a warning at its pointer, shown visibly', (_label, ch, named) => {
    const found = invisible(spec(`list${ch}Id`, '/lists/${listId}'));
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'warning',
        pointer: `/sourceSpec/spec/properties/list${ch}Id`,
        message: expect.stringContaining(named) as unknown,
      }),
    ]);
    expect(found[0]?.message).toContain(`list‹${named.slice(0, 6)}›Id`);
    expect(found[0]?.message).toContain('at character 5');
  });

  it('finds one in a placeholder name', () => {
    const found = invisible(spec('listId', '/lists/${list\u200bId}'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ pointer: '/sourceSpec/attributes/urlParams/path' });
    expect(found[0]?.message).toMatch(/placeholder \$\{list‹U\+200B›Id\}/);
  });

  it('finds a bidi control in any text', () => {
    const found = invisible(spec('listId', '/lists/${listId}', { note: 'abc\u202edef' }));
    expect(found).toEqual([expect.objectContaining({ pointer: '/sourceSpec/attributes/note' })]);
    expect(found[0]?.message).toMatch(/bidi control \(U\+202E RIGHT-TO-LEFT OVERRIDE at character 4\)/);
  });

  it('lists a bounded number of findings and counts the rest', () => {
    const many: Record<string, JsonValue> = {};
    for (let i = 0; i < MAX_INVISIBLE_FINDINGS + 25; i++) many[`k${i}\u200b`] = i;
    const found = invisible(spec('listId', '/lists/${listId}', { many }));
    expect(found).toHaveLength(MAX_INVISIBLE_FINDINGS + 1);
    expect(found.map((d) => d.message)).toContain(
      `25 more invisible characters are not listed (the first ${MAX_INVISIBLE_FINDINGS} are)`,
    );
  });
});
