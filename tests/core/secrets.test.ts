import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJson, redactSecrets, secretValuePointers, type JsonValue } from '../../src/core';

const load = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../fixtures/secrets/${name}`, import.meta.url), 'utf8')) as T;

const pointerCases = load<Array<{ name: string; doc: JsonValue; pointers: string[] }>>('pointers.json');
const redactCases =
  load<Array<{ name: string; text: string; pointers: string[]; expected: string }>>('redact.json');

describe('secretValuePointers', () => {
  it.each(pointerCases)('$name', ({ doc, pointers }) => {
    expect(secretValuePointers(doc)).toEqual(pointers);
  });

  it('stops 64 levels deep instead of walking further', () => {
    let schema: JsonValue = { format: 'password', default: 's' };
    for (let i = 0; i < 70; i++) schema = { properties: { p: schema } };
    expect(secretValuePointers({ sourceSpec: { spec: schema } })).toEqual([]);
    let shallow: JsonValue = { format: 'password', default: 's' };
    for (let i = 0; i < 30; i++) shallow = { properties: { p: shallow } };
    expect(secretValuePointers({ sourceSpec: { spec: shallow } })).toHaveLength(1);
  });
});

describe('redactSecrets', () => {
  it.each(redactCases)('$name', ({ text, pointers, expected }) => {
    expect(redactSecrets(text, pointers)).toBe(expected);
  });

  it('leaves a redacted spec with no secret values, and everything else as it was', () => {
    const doc = {
      info: { name: 'keep me' },
      authSpec: [{ spec: { properties: { p: { format: 'password', const: 'c1', enum: ['e1'] } } } }],
      sourceSpec: { spec: { properties: { t: { format: 'password', default: 'd1', examples: ['x1'] } } } },
    };
    const text = JSON.stringify(doc, null, 2);
    const out = redactSecrets(text, secretValuePointers(doc));
    for (const secret of ['c1', 'e1', 'd1', 'x1']) expect(out).not.toContain(secret);
    const r = parseJson(out);
    expect(r.ok && secretValuePointers(r.value)).toEqual([]);
    expect(out.split('\n')).toHaveLength(text.split('\n').length - 4); // two 3-line lists, now one line each
    expect(out).toContain('"name": "keep me"');
  });

  it.each(['', '{', 'not json', '['.repeat(5000)])('returns %j unchanged when nothing can be found', (t) => {
    expect(redactSecrets(t, ['/a/default'])).toBe(t);
  });
});
