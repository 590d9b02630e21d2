import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/core/diagnosticCodes';
import { SCHEMA_KEYWORDS } from '../../src/core/spec/schemaErrors';
import { corpusDiagnostics } from './diagnosticCorpus';

const REGISTERED: ReadonlySet<string> = new Set(DIAGNOSTIC_CODES);

describe('diagnostic codes: every diagnostic the core produces has a registered code and params', () => {
  const all = corpusDiagnostics();

  it('covers a corpus with many kinds of finding', () => {
    expect(all.length).toBeGreaterThan(1000);
    expect(new Set(all.map((d) => d.code)).size).toBeGreaterThan(40);
  });

  it('gives every diagnostic a code from DIAGNOSTIC_CODES', () => {
    const unregistered = all
      .filter((d) => d.code === undefined || !REGISTERED.has(d.code))
      .map((d) => `${d.file}: ${String(d.code)}: ${d.message}`);
    expect([...new Set(unregistered)]).toEqual([]);
  });

  it('gives params only as text, numbers or lists of text', () => {
    for (const d of all)
      for (const v of Object.values(d.params ?? {}))
        expect(
          typeof v === 'string' ||
            typeof v === 'number' ||
            (Array.isArray(v) && v.every((x) => typeof x === 'string')),
        ).toBe(true);
  });

  it('lists each code once, in kebab-case (schema-<keyword> keeps the keyword), the schema keywords included', () => {
    expect(new Set(DIAGNOSTIC_CODES).size).toBe(DIAGNOSTIC_CODES.length);
    for (const c of DIAGNOSTIC_CODES) expect(c).toMatch(/^[a-z]+(-[a-z]+)*$|^schema-[a-zA-Z]+$/);
    for (const k of SCHEMA_KEYWORDS) expect(REGISTERED.has(`schema-${k}`)).toBe(true);
  });
});
