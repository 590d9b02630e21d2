import { describe, expect, it } from 'vitest';
import { connectionSpecSchema, SECTIONS, type Diagnostic, type JsonValue } from '@core';
import { applyReplacement, minimalReplacement } from '../../src/components/textDiff';
import {
  countBySeverity,
  sectionForPointer,
  visibleDiagnostics,
} from '../../src/features/diagnostics/diagnosticsView';
import { buildCurl, shellQuote, specId } from '../../src/features/import-export/curl';
import { MAX_IMPORT_BYTES, readSpecFile, specFileName } from '../../src/features/import-export/fileImport';
import { findJsonOnlyKeys } from '../../src/features/json-editor/jsonOnlyKeys';
import { detectIndentation } from '../../src/store/textEdit';
import jsonOnlyCases from '../fixtures/app/json-only-keys.json';

describe('findJsonOnlyKeys (the "fields shown only in JSON" note)', () => {
  it.each(jsonOnlyCases as unknown as Array<{ name: string; doc: JsonValue; expected: string[] }>)(
    '$name',
    (c) => {
      expect(findJsonOnlyKeys(c.doc, connectionSpecSchema)).toEqual(c.expected);
    },
  );
});

describe('shellQuote / buildCurl', () => {
  it.each([
    ['plain', "'plain'"],
    ["it's", `'it'\\''s'`],
    ['$HOME `id` $(rm -rf /) !x \\n', "'$HOME `id` $(rm -rf /) !x \\n'"],
    ['two\nlines', "'two\nlines'"],
    ['', "''"],
  ])('quotes %j', (input, expected) => {
    expect(shellQuote(input)).toBe(expected);
  });

  it('round-trips through a POSIX shell parser model (single quotes only)', () => {
    const body = `{"q": "it's ${'${x}'} \`cmd\` $(y) 'quoted'"}`;
    const quoted = shellQuote(body);
    // Undo the quoting the way sh does: '...' literal, '\'' is one quote.
    const unquoted = quoted.slice(1, -1).split(`'\\''`).join("'");
    expect(unquoted).toBe(body);
  });

  it('POST has the Flow Service URL, the placeholder headers and the body as typed', () => {
    const curl = buildCurl('{\n  "name": "it\'s"\n}\n', { method: 'POST' });
    const lines = curl.split(' \\\n');
    expect(lines[0]).toBe(
      "curl -X POST 'https://platform.adobe.io/data/foundation/flowservice/connectionSpecs'",
    );
    expect(lines.slice(1, 6)).toEqual([
      "  -H 'Authorization: Bearer {ACCESS_TOKEN}'",
      "  -H 'x-api-key: {API_KEY}'",
      "  -H 'x-gw-ims-org-id: {ORG_ID}'",
      "  -H 'x-sandbox-name: {SANDBOX_NAME}'",
      "  -H 'Content-Type: application/json'",
    ]);
    expect(lines[6]).toBe(`  -d '{\n  "name": "it'\\''s"\n}'`);
  });

  it.each([
    [{ id: 'abc-123', name: 'x' }, 'abc-123', '/connectionSpecs/abc-123'],
    [{ name: 'x' }, undefined, '/connectionSpecs/{CONNECTION_SPEC_ID}'],
    [{ id: 'a b/c' }, 'a b/c', '/connectionSpecs/a%20b%2Fc'],
  ])('PUT targets the spec id (%j)', (doc, id, path) => {
    expect(specId(doc)).toBe(id);
    expect(buildCurl('{}', { method: 'PUT', id: specId(doc) })).toContain(
      `curl -X PUT 'https://platform.adobe.io/data/foundation/flowservice${path}'`,
    );
  });
});

describe('file import and names', () => {
  it('refuses a file over 20 MB without reading it', async () => {
    let read = false;
    const r = await readSpecFile({
      name: 'huge.json',
      size: MAX_IMPORT_BYTES + 1,
      arrayBuffer: () => {
        read = true;
        return Promise.resolve(new ArrayBuffer(2));
      },
    });
    expect(r.ok).toBe(false);
    expect(read).toBe(false);
    if (!r.ok) expect(r.message).toContain('20 MB');
  });

  it('reads a file and drops a leading BOM', async () => {
    const bytes = new TextEncoder().encode('\uFEFF{"a":1}');
    const r = await readSpecFile({
      name: 'a.json',
      size: 10,
      arrayBuffer: () => Promise.resolve(bytes.buffer),
    });
    expect(r).toEqual({ ok: true, text: '{"a":1}', name: 'a.json' });
  });

  it.each([
    ['MailChimp Members source', 'MailChimp Members source.json'],
    ['a/b:c*d?', 'a-b-c-d-.json'],
    ['  ', 'untitled-spec.json'],
    ['..hidden', 'hidden.json'],
  ])('specFileName(%j)', (name, expected) => {
    expect(specFileName(name)).toBe(expected);
  });
});

describe('diagnostics view', () => {
  const d = (pointer: string, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({
    severity,
    pointer,
    message: pointer,
  });
  const diags = [
    d(''),
    d('/name'),
    d('/sourceSpec/attributes/urlParams/path'),
    d('/sourceSpec/attributes/urlParams', 'warning'),
  ];

  it.each([
    ['pristine form: nothing in detail', {}, false, []],
    [
      'after a text edit: everything',
      {},
      true,
      ['', '/name', '/sourceSpec/attributes/urlParams/path', '/sourceSpec/attributes/urlParams'],
    ],
    [
      'touched field: itself and its non-root ancestors',
      { '/sourceSpec/attributes/urlParams/path': true },
      false,
      ['/sourceSpec/attributes/urlParams/path', '/sourceSpec/attributes/urlParams'],
    ],
    [
      'touched object: everything under it',
      { '/sourceSpec/attributes/urlParams': true },
      false,
      ['/sourceSpec/attributes/urlParams/path', '/sourceSpec/attributes/urlParams'],
    ],
  ] as const)('%s', (_n, touched, textEdited, expected) => {
    expect(visibleDiagnostics(diags, touched, textEdited).map((x) => x.pointer)).toEqual(expected);
  });

  it('counts always include everything', () => {
    expect(countBySeverity(diags)).toEqual({ error: 3, warning: 1, info: 0 });
  });

  it.each([
    ['/sourceSpec/attributes/paginationParams/limitValue', 'paginationParams'],
    ['/sourceSpec/attributes/urlParams', 'urlParams'],
    ['/authSpec/1/spec/properties/x', 'authSpec'],
    ['/sourceSpec/spec/properties/listId', 'userInputs'],
    ['/name', 'metadata'],
    ['', 'metadata'],
  ])('sectionForPointer(%s) = %s', (pointer, section) => {
    expect(sectionForPointer(pointer, SECTIONS)).toBe(section);
  });
});

describe('minimalReplacement (store → editor edits)', () => {
  it.each([
    ['abc', 'abc', null],
    ['{"a": 1}', '{"a": 2}', { start: 6, end: 7, text: '2' }],
    ['aaa', 'aaaa', { start: 3, end: 3, text: 'a' }],
    ['hello world', 'hello', { start: 5, end: 11, text: '' }],
    ['x😀y', 'x😁y', { start: 1, end: 3, text: '😁' }],
  ])('%j → %j', (before, after, expected) => {
    const r = minimalReplacement(before, after);
    expect(r).toEqual(expected);
    if (r) expect(applyReplacement(before, r)).toBe(after);
  });
});

describe('detectIndentation', () => {
  it.each([
    ['{"a":1}', { insertSpaces: true, tabSize: 2, eol: '\n' }],
    ['{\n    "a": 1\n}', { insertSpaces: true, tabSize: 4, eol: '\n' }],
    ['{\r\n\t"a": 1\r\n}', { insertSpaces: false, tabSize: 1, eol: '\r\n' }],
  ])('%j', (text, expected) => {
    expect(detectIndentation(text)).toEqual(expected);
  });
});
