/**
 * Issue 12 item 3 (quadratic diagnostics): ordering and locating many diagnostics costs one walk, not
 * one scan per diagnostic. The complexity tests count operations (keys enumerated), never wall clock.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locatePointer, locatePointers, positionAt, validate, type Diagnostic, type JsonValue } from '@core';
import { documentOrder } from '../../src/core/spec/documentOrder';
import { oldDocumentOrder } from './fixtures/oldDocumentOrder';

const ROOT = join(__dirname, '..', '..');

/** `doc` whose objects count every key enumeration (`Object.keys` asks each key's descriptor). */
function counted(doc: JsonValue, counter: { keys: number }): JsonValue {
  if (Array.isArray(doc)) return doc.map((v) => counted(v, counter));
  if (doc === null || typeof doc !== 'object') return doc;
  const copy: Record<string, JsonValue> = {};
  for (const [k, v] of Object.entries(doc)) copy[k] = counted(v, counter);
  return new Proxy(copy, {
    getOwnPropertyDescriptor(target, key) {
      counter.keys++;
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
  });
}

/** A spec-like document with `n` inputs and one finding per input (plus a few elsewhere). */
function wide(n: number): { doc: JsonValue; diagnostics: Diagnostic[] } {
  const properties: Record<string, JsonValue> = {};
  for (let i = 0; i < n; i++) properties[`k${i}`] = { type: 'string' };
  const doc = { name: 'x', sourceSpec: { spec: { properties } } };
  const diagnostics: Diagnostic[] = [];
  for (let i = n - 1; i >= 0; i--)
    diagnostics.push({ severity: 'warning', pointer: `/sourceSpec/spec/properties/k${i}`, message: `m${i}` });
  diagnostics.push({ severity: 'error', pointer: '/name', message: 'n' });
  return { doc, diagnostics };
}

describe('documentOrder: one index per object, not indexOf per diagnostic', () => {
  it('doubling keys and diagnostics does not quadruple the keys enumerated', () => {
    const cost = (n: number): number => {
      const counter = { keys: 0 };
      const { doc, diagnostics } = wide(n);
      const proxied = counted(doc, counter);
      counter.keys = 0;
      const sorted = documentOrder(proxied, diagnostics);
      expect(sorted[0]?.pointer).toBe('/name');
      expect(sorted[1]?.pointer).toBe('/sourceSpec/spec/properties/k0');
      return counter.keys;
    };
    const small = cost(1000);
    const large = cost(2000);
    // Linear: about twice. The old `Object.keys(…).indexOf` per diagnostic: n keys for each of n.
    expect(large).toBeLessThan(small * 2.5);
    expect(large).toBeLessThan(2000 * 10);
  });

  /** Documents and diagnostics of every example spec, plus hand-made cases. */
  const corpus: Array<[string, JsonValue, Diagnostic[]]> = [];
  for (const dir of ['public/examples', 'tests/fixtures/hostile/ui', 'tests/fixtures/hostile/cli']) {
    for (const f of readdirSync(join(ROOT, dir)).filter((x) => x.endsWith('.json'))) {
      let doc: JsonValue;
      try {
        doc = JSON.parse(readFileSync(join(ROOT, dir, f), 'utf8')) as JsonValue;
      } catch {
        continue;
      }
      const found = validate(doc);
      // Add pointers to missing keys, out-of-range items and malformed pointers.
      const extra: Diagnostic[] = [
        { severity: 'info', pointer: '/sourceSpec/nope', message: 'missing' },
        { severity: 'info', pointer: '/sourceSpec/nope/deeper', message: 'missing deeper' },
        { severity: 'info', pointer: '/authSpec/99/x', message: 'out of range' },
        { severity: 'info', pointer: '/authSpec/x', message: 'not an index' },
        { severity: 'info', pointer: '/name/inside', message: 'under a scalar' },
        { severity: 'info', pointer: 'no-slash', message: 'malformed' },
        { severity: 'info', pointer: '', message: 'root' },
      ];
      corpus.push([`${dir}/${f}`, doc, [...extra, ...found].reverse()]);
    }
  }

  it.each(corpus)('%s: same order as the old implementation', (_name, doc, diagnostics) => {
    expect(documentOrder(doc, diagnostics)).toEqual(oldDocumentOrder(doc, diagnostics));
  });

  it('a missing key sorts right after its deepest existing ancestor', () => {
    const doc = { a: { b: { c: 1 }, z: 2 }, y: 3 } as JsonValue;
    const d = (pointer: string): Diagnostic => ({ severity: 'error', pointer, message: pointer });
    const order = documentOrder(doc, [
      d('/y'),
      d('/a/missing/x'),
      d('/a/z'),
      d('/a/b/missing'),
      d('/a/b/c'),
      d('/a'),
    ]);
    expect(order.map((x) => x.pointer)).toEqual([
      '/a',
      '/a/b/c',
      '/a/b/missing',
      '/a/z',
      '/a/missing/x',
      '/y',
    ]);
  });
});

/** A spec-like text of `n` inputs (one per line, joined by `eol`), with `/p` duplicated at the end. */
function text(n: number, eol: string, dup = true): string {
  const lines = ['{', '  "p": {'];
  for (let i = 0; i < n; i++)
    lines.push(`    "k${i}": {"d": "v${i}", "n": [1, {"e": "\\"q\\u00e9"}]}${i < n - 1 ? ',' : ''}`);
  lines.push(
    '  },',
    `  "${dup ? 'p' : 'q'}": {"k1": {"d": "dup"}, "k2": 7},`,
    '  "s": "a\\\\", "t": [true, null, -1.5e3]',
    '}',
  );
  return lines.join(eol);
}

describe('locatePointers: all diagnostics of a text in one pass', () => {
  const pointers = (n: number): string[] => {
    const out = ['', '/p', '/s', '/t/2', '/t/3', '/p/k1/d', '/p/k2', '/p/k0', '/missing', 'bad', '/p/k1/n'];
    for (let i = 0; i < n; i++) out.push(`/p/k${i}/d`, `/p/k${i}/n/1/e`);
    return out;
  };

  it.each(['\n', '\r\n', '\r'])('same as locatePointer, positions as positionAt (eol %j)', (eol) => {
    for (const t of [text(30, eol), text(30, eol).replace(/\n/g, '\n  ')]) {
      const ps = pointers(30);
      const many = locatePointers(t, ps);
      ps.forEach((p, i) => {
        const one = locatePointer(t, p);
        expect(many[i], p).toEqual(one);
        if (one) {
          const pos = positionAt(t, one.offset);
          expect([one.line, one.column]).toEqual([pos.line, pos.column]);
        }
      });
      // Duplicated key: the LAST member counts; what only the first had is absent.
      const dup = many[ps.indexOf('/p/k1/d')];
      expect(dup && t.slice(dup.offset, dup.offset + dup.length)).toBe('"dup"');
      expect(many[ps.indexOf('/p/k0')]).toBeNull();
    }
  });

  it('equals locatePointer on every example spec (pointers of its findings and of every key)', () => {
    for (const f of readdirSync(join(ROOT, 'public/examples')).filter((x) => x.endsWith('.json'))) {
      const t = readFileSync(join(ROOT, 'public/examples', f), 'utf8');
      const doc = JSON.parse(t) as JsonValue;
      const ps = validate(doc).map((d) => d.pointer);
      const walk = (v: JsonValue, p: string): void => {
        ps.push(p);
        if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${p}/${i}`));
        else if (v && typeof v === 'object')
          for (const [k, x] of Object.entries(v))
            walk(x, `${p}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      };
      walk(doc, '');
      const many = locatePointers(t, ps);
      ps.forEach((p, i) => expect(many[i], `${f} ${p}`).toEqual(locatePointer(t, p)));
    }
  });

  it('lenient text (comments, trailing commas) falls back to the lenient parser', () => {
    const t = '{\n  // note\n  "a": [1, 2,],\n  "b": {"c": 3,},\n}';
    expect(locatePointers(t, ['/a/1', '/b/c'])).toEqual([locatePointer(t, '/a/1'), locatePointer(t, '/b/c')]);
  });

  it('doubling the text and the diagnostics doubles the characters read, no more', () => {
    // Every read of the text goes through String.prototype methods on it: count the characters they
    // cover (charCodeAt: 1; indexOf and slice: the span they scan).
    const reads = (n: number): number => {
      const t = text(n, '\n', false);
      const ps = pointers(n);
      const proto = String.prototype;
      const saved = { charCodeAt: proto.charCodeAt, indexOf: proto.indexOf, slice: proto.slice };
      let count = 0;
      proto.charCodeAt = function (this: string, i: number) {
        if (this.length === t.length) count++;
        return saved.charCodeAt.call(this, i);
      };
      proto.indexOf = function (this: string, s: string, from?: number) {
        const r = saved.indexOf.call(this, s, from);
        if (this.length === t.length) count += (r === -1 ? this.length : r) - (from ?? 0);
        return r;
      };
      proto.slice = function (this: string, a?: number, b?: number) {
        const r = saved.slice.call(this, a, b);
        if (this.length === t.length) count += r.length;
        return r;
      };
      try {
        locatePointers(t, ps);
      } finally {
        Object.assign(proto, saved);
      }
      return count;
    };
    const small = reads(2000);
    const large = reads(4000);
    expect(large).toBeLessThan(small * 2.5);
  });
});
