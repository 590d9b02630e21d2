import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectDocumentKind } from '../../src/core/spec/documentKind';
import { validate } from '../../src/core/spec/validate';
import type { JsonValue } from '../../src/core/types';
import table from '../fixtures/spec/document-kinds.json';

/** Adobe's verbatim examples, kept beside the clone (shared/reference/examples). */
const DIR = new URL('../../../shared/reference/examples/', import.meta.url);
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();
const read = (f: string) => JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as JsonValue;
const expected = table.files as Record<
  string,
  { kind: string; label: string; errors: number; warnings: number; codes: string[] }
>;

describe('validate over all 40 of Adobe’s examples', () => {
  it('the table covers exactly the 40 files', () => {
    expect(files).toHaveLength(40);
    expect(Object.keys(expected).sort()).toEqual(files);
  });

  it.each(files)('%s → kind, errors, warnings as in the table', (f) => {
    const value = read(f);
    const k = detectDocumentKind(value);
    const row = expected[f];
    expect(k.inner ? `${k.kind} > ${k.inner.kind.kind}` : k.kind).toBe(row?.kind);
    expect(k.inner ? k.inner.kind.label : k.label).toBe(row?.label);
    const ds = validate(value);
    expect(ds.filter((d) => d.severity === 'error')).toHaveLength(row?.errors ?? -1);
    expect(ds.filter((d) => d.severity === 'warning')).toHaveLength(row?.warnings ?? -1);
    const codes = [...new Set(ds.filter((d) => d.severity !== 'info').map((d) => d.code))];
    expect(codes).toEqual(row?.codes);
  });

  it('a document of another kind gives one diagnostic, never a list of "required" errors', () => {
    for (const f of files) {
      const k = detectDocumentKind(read(f)).kind;
      if (k === 'connection-spec' || k === 'items-wrapper') continue;
      const ds = validate(read(f));
      expect(ds, f).toHaveLength(1);
      expect(ds[0]?.pointer).toBe('');
      expect(ds[0]?.message).not.toMatch(/required/);
    }
  });
});

describe('detectDocumentKind', () => {
  it('reads the spec inside Adobe’s GET wrapper, with pointers under /items/0', () => {
    const wrapped = read('generic-rest-extension.connection-spec.get-response.legacy.json');
    const k = detectDocumentKind(wrapped);
    expect(k.kind).toBe('items-wrapper');
    expect(k.inner?.pointer).toBe('/items/0');
    const ds = validate(wrapped);
    expect(ds[0]).toMatchObject({ severity: 'info', pointer: '', code: 'document-items-wrapper' });
    expect(ds.slice(1).every((d) => d.pointer.startsWith('/items/0/'))).toBe(true);
    expect(ds).toContainEqual(
      expect.objectContaining({ pointer: '/items/0/exploreSpec/responseSpec/$schema' }),
    );
  });

  it.each([
    [{}, 'connection-spec'],
    [{ name: 'x' }, 'connection-spec'],
    [{ sourceSpec: {}, name: 'x' }, 'connection-spec'],
    [{ paginationParams: { type: 'NONE' } }, 'fragment'],
    [{ type: 'offset', limitName: 'n', limitValue: 1 }, 'fragment'],
    [{ members: [], total_items: 0 }, 'api-response'],
    [{ type: 'page', results: [] }, 'api-response'],
    [{ id: 7, name: 'n', data: [] }, 'api-response'],
    [[{ id: 1 }], 'api-response'],
    [{ items: [{ id: 1 }] }, 'api-response'],
    [{ items: [{ name: 'n', type: 'generic-rest', sourceSpec: {} }] }, 'items-wrapper'],
    [{ name: 'n', type: 'generic-streaming' }, 'streaming-spec'],
    [{ name: 'n', sourceConnectionSpecIds: [] }, 'flow-spec'],
    ['text', 'not-json-object'],
    [null, 'not-json-object'],
  ] as Array<[JsonValue, string]>)('%j → %s', (value, kind) => {
    expect(detectDocumentKind(value).kind).toBe(kind);
  });

  it('says what a fragment is and where it belongs', () => {
    expect(read('pagination.offset.json')).toBeDefined();
    expect(detectDocumentKind(read('pagination.offset.json')).message).toMatch(
      /paginationParams block.*sourceSpec\.attributes\.paginationParams/,
    );
    expect(detectDocumentKind(read('generic-streaming.connection-spec-template.json')).message).toMatch(
      /out of scope/,
    );
  });
});
