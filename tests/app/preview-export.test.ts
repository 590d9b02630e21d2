import { MAX_CSV_COLUMNS, type JsonValue } from '@core';
import { describe, expect, it } from 'vitest';
import { exportText } from '../../src/workers/previewEngine';

describe('preview export', () => {
  it('writes every column of an ordinary table, with no note', () => {
    const out = exportText([{ r: { a: 1, b: 'x' } }, { r: { a: 2, c: true } }], 'csv');
    expect(out.text).toBe('r.a,r.b,r.c\r\n1,x,\r\n2,,true\r\n');
    expect(out.note).toBeUndefined();
  });

  it('caps the CSV at the CLI column cap and says how many columns were left out', () => {
    const records: JsonValue[] = [];
    for (let i = 0; i < MAX_CSV_COLUMNS + 250; i++) records.push({ r: { [`k${i}`]: i } });
    const started = performance.now();
    const out = exportText(records, 'csv');
    expect(performance.now() - started).toBeLessThan(5_000);
    const lines = out.text.split('\r\n');
    expect(lines[0]?.split(',')).toHaveLength(MAX_CSV_COLUMNS);
    expect(lines).toHaveLength(records.length + 2);
    expect(out.note).toMatch(/first 1,000 of 1,250 columns; 250 are left out/);
  });

  it('NDJSON keeps every field', () => {
    const out = exportText([{ r: { a: 1 } }, { r: { z: 2 } }], 'ndjson');
    expect(out.text).toBe('{"r":{"a":1}}\n{"r":{"z":2}}\n');
    expect(out.note).toBeUndefined();
  });
});
