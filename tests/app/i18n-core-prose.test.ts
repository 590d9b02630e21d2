/**
 * JSON parse errors, binary files and document kinds carry codes and parameters in the core: the app
 * words them in the chosen language; in English the words are the core's message exactly (which the CLI
 * prints).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  describeBinary,
  detectDocumentKind,
  DIAGNOSTIC_CODES,
  parseJson,
  sniffBinary,
  testConnection,
  type JsonValue,
  type ParseError,
} from '@core';
import { setLocale, t } from '../../src/i18n';
import { documentKindText, parseErrorText } from '../../src/i18n/diagnostics';
import { testHintText, testMessageText } from '../../src/features/preview/coreText';
import { fakeApi, json, partner } from '../core/live.helpers';

const BROKEN = [
  '{"a": 1,}',
  '{"a" 1}',
  '{"a": 1 "b": 2}',
  '{"a": [1, 2}',
  '{"a": {"b": 1]',
  '{"a": 1} x',
  '{"a": 1 /* c */}',
  '{"a": 1',
  '{"a": "x',
  '{"a": 1.}',
  '{"a": "\\u12"}',
  '{"a": "\\q"}',
  '{"a": "\u0001"}',
  '{"a": @}',
  '',
  '   ',
  '['.repeat(300) + ']'.repeat(300),
  '{1: 2}',
  '{"a": }',
  '{"a": -}',
];

function errorOf(text: string): ParseError {
  const r = parseJson(text);
  if (r.ok) throw new Error(`parses: ${text}`);
  return r.error;
}

afterEach(async () => {
  await setLocale('en', false);
});

describe('JSON parse errors in the chosen language', () => {
  it('every error has a registered code; English is the core message word for word', () => {
    const seen = new Set<string>();
    for (const text of BROKEN) {
      const e = errorOf(text);
      expect(e.code).toMatch(/^json-/);
      expect(DIAGNOSTIC_CODES).toContain(e.code);
      seen.add(e.code as string);
      expect(parseErrorText(e)).toBe(e.message);
      expect(parseErrorText(e, false)).toBe(e.message.replace(/ at line \d+, column \d+$/, ''));
    }
    expect(seen.size).toBeGreaterThanOrEqual(12);
  });

  it('French words the error and its place', async () => {
    await setLocale('fr', false);
    const e = errorOf('{"a": 1,}');
    expect(parseErrorText(e)).toBe('la virgule finale n’est pas autorisée en JSON à la ligne 1, colonne 8');
    // Apostrophes and braces in messages are ICU syntax: the quoted characters come out as written.
    const byCode = new Map(BROKEN.map((text) => errorOf(text)).map((x) => [x.code, x]));
    const brace = byCode.get('json-brace-expected');
    const comma = byCode.get('json-comma-expected');
    expect(brace && parseErrorText(brace, false)).toBe("'}' attendue");
    expect(comma && parseErrorText(comma, false)).toBe("',' attendue");
    await setLocale('ko', false);
    expect(parseErrorText(errorOf('{"a": 1,}'))).toBe('1행 8열: JSON에서는 후행 쉼표를 사용할 수 없습니다');
  });

  it('an error without a code keeps its message', () => {
    const e = { message: 'headers must be an object', line: 1, column: 1 };
    expect(parseErrorText(e)).toBe('headers must be an object');
  });
});

describe('what an opened or pasted file is, in the chosen language', () => {
  const SIGNATURES: number[][] = [
    [0x89, 0x50, 0x4e, 0x47, 1],
    [0xff, 0xd8, 0xff, 1],
    [0x47, 0x49, 0x46, 0x38, 1],
    [0x50, 0x4b, 0x03, 0x04],
    [0x1f, 0x8b, 1, 1],
    [0x25, 0x50, 0x44, 0x46, 0x2d],
    [0x00, 0x00, 0xfe, 0xff],
    [0xff, 0xfe, 0x41, 0x00],
    [0xfe, 0xff, 0x00, 0x41],
    [0, 0, 0, 0, 0],
    [0x7b, 0, 0x22, 0, 0x61, 0, 0x22, 0],
  ];

  it('every binary kind: English as the CLI says it, French differs', async () => {
    const english = SIGNATURES.map((b) => {
      const s = sniffBinary(new Uint8Array(b));
      expect(s).not.toBeNull();
      expect(t('app.fileImport.binary', { kind: s!.kind })).toBe(describeBinary(new Uint8Array(b)));
      return s!.kind;
    });
    expect(new Set(english).size).toBe(SIGNATURES.length);
    await setLocale('fr', false);
    for (const b of SIGNATURES) {
      const kind = sniffBinary(new Uint8Array(b))!.kind;
      expect(t('app.fileImport.binary', { kind })).not.toBe(describeBinary(new Uint8Array(b)));
    }
  });

  it('document kinds: English is the core sentence, French differs', async () => {
    const docs: JsonValue[] = [
      { items: [{ name: 'x', sourceSpec: {} }, {}, {}] },
      { items: [{ paginationParams: { type: 'OFFSET' } }] },
      { paginationParams: { type: 'OFFSET' } },
      { urlParams: {}, spec: {} },
      { name: 'a', type: 'OAuth2RefreshCode', spec: { properties: {} } },
      { type: 'OFFSET', limitName: 'limit' },
      { name: 's', type: 'generic-streaming', sourceSpec: {} },
      { sourceConnectionSpecIds: [], targetConnectionSpecIds: [] },
      { data: [1, 2], next: null },
      [1, 2],
    ];
    const kinds = docs.map((d) => detectDocumentKind(d));
    docs.forEach((d, i) => expect(documentKindText(kinds[i]!, d)).toBe(kinds[i]!.message));
    expect(new Set(kinds.map((k) => k.kind)).size).toBeGreaterThanOrEqual(5);
    await setLocale('sv', false);
    docs.forEach((d, i) => expect(documentKindText(kinds[i]!, d)).not.toBe(kinds[i]!.message));
  });
});

describe('the connection test’s verdict in the chosen language', () => {
  const basic = (extra: Record<string, string> = {}) => ({
    params: { domain: 'acme', username: 'ann', password: 'pw-123456', ...extra },
    authName: 'Basic Authentication',
  });

  it('English is the core’s message and hint; French differs, the API’s words stay', async () => {
    const ok = fakeApi(() => json({ id: 'me' }));
    const denied = fakeApi(() => json({ message: 'bad credentials' }, 401));
    const url = { authorizationTestUrl: 'https://${domain}.partner.test/me' };
    const results = [
      await testConnection(partner(), basic(url), ok.send),
      await testConnection(partner(), basic(url), denied.send),
      await testConnection(partner(), basic(), ok.send),
      await testConnection(partner(), { ...basic(url), authName: 'Nope' }, ok.send),
      await testConnection({ ...partner(), authSpecs: [] }, { params: basic(url).params }, ok.send),
    ];
    expect(new Set(results.map((r) => r.code)).size).toBe(5);
    for (const r of results) {
      expect(testMessageText(r)).toBe(r.message);
      expect(testHintText(r)).toBe(r.hint.trim());
    }
    await setLocale('fr', false);
    expect(testMessageText(results[0]!)).toBe(
      'test de connexion : l’API a répondu 200 : les identifiants fonctionnent',
    );
    expect(testMessageText(results[1]!)).toBe('test de connexion : 401 bad credentials');
    for (const r of results.slice(2)) expect(testMessageText(r)).not.toBe(r.message);
    expect(testHintText(results[2]!)).toMatch(/^donnez une valeur à authorizationTestUrl/);
  });
});

describe('a parse error is one printable line', () => {
  it('DEL and C1 controls in what was found are escaped', () => {
    for (const c of ['\u007f', '\u0085', '\u009f', '\u0001']) {
      const e = errorOf(`${c}{}`);
      // eslint-disable-next-line no-control-regex -- control characters are what this looks for
      expect(e.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      expect(parseErrorText(e)).toBe(e.message);
    }
    expect(errorOf('\u007f').message).toBe('unexpected "\\u007f" at line 1, column 1');
  });
});
