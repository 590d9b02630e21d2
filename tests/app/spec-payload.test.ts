/**
 * Issue 12 item 5: workers get the spec as its text while it parses (one block copy), never the parsed
 * document deep-cloned on the main thread; the worker's parse equals the store's.
 */
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/core';
import { specFromPayload, specPayload } from '../../src/workers/specPayload';

describe('specPayload', () => {
  const text = '{"name": "a", "name": "b", "n": 9007199254740993, "list": [1, {"x": null}]}';
  const parsed = parseJson(text);
  if (!parsed.ok) throw new Error('fixture does not parse');
  const doc = parsed.value;

  it('posts the text while it parses, and the worker reads the same document from it', () => {
    const p = specPayload({ doc, text, parseError: null });
    expect(p).toEqual({ text });
    expect(p.doc).toBeUndefined();
    expect(specFromPayload(p)).toEqual(doc);
  });

  it('posts the last valid document while the text does not parse', () => {
    const p = specPayload({ doc, text: '{"name": ', parseError: { message: 'x' } });
    expect(p).toEqual({ doc });
    expect(specFromPayload(p)).toBe(doc);
  });

  it('a posted text that does not parse is an error in the worker, not a wrong document', () => {
    expect(() => specFromPayload({ text: '{"a": }' })).toThrow(/does not parse/);
  });
});
