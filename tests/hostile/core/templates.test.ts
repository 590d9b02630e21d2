/**
 * BAD-INPUTS group D (templates and URLs) at the core tier: renderTemplate, validate, simulate,
 * privateHostReason and parseInstant. The spec fixtures are in tests/fixtures/hostile/core.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkDateFormat,
  formatDate,
  normalise,
  parseInstant,
  parseJson,
  privateHostReason,
  renderTemplate,
  simulate,
  validate,
  type JsonValue,
  type RenderContext,
} from '../../../src/core/index';

const FX = new URL('../../fixtures/hostile/core/', import.meta.url);
const json = (name: string): JsonValue => {
  const r = parseJson(readFileSync(new URL(name, FX), 'utf8'));
  if (!r.ok) throw new Error(name);
  return r.value;
};
const model = normalise(json('template.spec.json')).model;
const ctx = (encode: RenderContext['encode'], values: Record<string, string> = {}): RenderContext => ({
  values,
  declared: new Set(['listId', 'other']),
  engine: { START_TIME: '2026-01-01T00:00:00Z' },
  encode,
});
const run = (listId?: string) =>
  simulate(model, { params: listId === undefined ? { apiKey: 'k' } : { listId, apiKey: 'k' } }, [
    { body: { members: [] } },
  ]);

describe('D1: a placeholder with no value', () => {
  it('D1: renderTemplate refuses and names the placeholder', () => {
    expect(renderTemplate('/lists/${listId}', ctx('path'))).toMatchObject({
      ok: false,
      message: 'needs a value for ${listId}',
      name: 'listId',
      code: 'request-needs-value',
    });
  });
  it('D1: a live run (requireInputs) is blocked with no request; "undefined" or "${listId}" is never in a URL', () => {
    const r = simulate(model, { params: { apiKey: 'k' }, requireInputs: true }, [{ body: { members: [] } }]);
    expect(r.stop.reason).toBe('blocked');
    expect(r.steps).toEqual([]);
    expect(r.next).toBeUndefined();
    expect(r.diagnostics[0]).toMatchObject({ pointer: '/sourceSpec/attributes/urlParams/path' });
    expect(r.stop.message).toMatch(/needs a value for \$\{listId\}/);
  });
});

describe('D2: values that try to change the path, query, fragment or headers', () => {
  it.each([
    ['../../admin', '..%2F..%2Fadmin'],
    ['a/b', 'a%2Fb'],
    ['x?admin=1', 'x%3Fadmin%3D1'],
    ['x#frag', 'x%23frag'],
    ['%2e%2e', '%252e%252e'],
    ['a\r\nX-Evil: 1', 'a%0D%0AX-Evil%3A%201'],
  ])('D2: %j is one encoded path segment', (value, encoded) => {
    expect(renderTemplate('/lists/${listId}', ctx('path', { listId: value }))).toMatchObject({
      ok: true,
      value: `/lists/${encoded}`,
    });
  });
  it('D2: in a query value & = # are encoded, so no parameter can be added', () => {
    const r = run('1&admin=true#x');
    expect(r.steps[0]?.request.url).toBe(
      'https://api.example.com/lists/1%26admin%3Dtrue%23x/members?q=1%26admin%3Dtrue%23x',
    );
  });
  it('D2: a header value with CR or LF is refused, naming the parameter', () => {
    const r = run('a\r\nX-Evil: 1');
    expect(r.stop.reason).toBe('blocked');
    expect(r.stop.message).toMatch(/headerParams\.X-List: the value of \$\{listId\} contains a line break/);
  });
});

describe('D3: replacement patterns in values', () => {
  it.each([['$&'], ['$`'], ["$'"], ['$$'], ['$1'], ['$<name>']])('D3: %s is inserted literally', (v) => {
    expect(renderTemplate('a-${listId}-b', ctx('raw', { listId: v }))).toMatchObject({ value: `a-${v}-b` });
  });
});

describe('D4: values holding placeholders are not expanded again', () => {
  it.each([['${other}'], ['{START_TIME}'], ['{{other}}'], ['{other}'], ['@{pipeline()}']])(
    'D4: %s lands literally (single pass)',
    (v) => {
      const r = renderTemplate('${listId}', ctx('raw', { listId: v, other: 'EXPANDED' }));
      expect(r).toEqual({ ok: true, value: v, used: ['listId'] });
    },
  );
});

describe('D5: unterminated or unknown placeholders are validation errors', () => {
  const errors = validate(json('unterminated.spec.json')).filter((d) => d.severity === 'error');
  it('D5: `${listId` before another brace is reported as unterminated', () => {
    expect(errors).toContainEqual(
      expect.objectContaining({
        code: 'placeholder-unterminated',
        pointer: '/sourceSpec/attributes/urlParams/path',
        message: expect.stringContaining('`${listId/members`') as unknown,
      }),
    );
  });
  it('D5: `{START_TIME` without its brace is reported as unterminated', () => {
    expect(errors).toContainEqual(
      expect.objectContaining({
        code: 'placeholder-unterminated',
        pointer: '/sourceSpec/attributes/urlParams/queryParams/since',
      }),
    );
  });
  it('D5: an unknown name is an undeclared-placeholder error', () => {
    expect(errors).toContainEqual(
      expect.objectContaining({
        code: 'placeholder-undeclared',
        pointer: '/sourceSpec/attributes/urlParams/queryParams/who',
      }),
    );
  });
  it('D5: rendering an unterminated placeholder fails instead of sending it', () => {
    expect(renderTemplate('/lists/${listId', ctx('path', { listId: '1' }))).toMatchObject({ ok: false });
  });
});

describe('D6: values in the host position', () => {
  it.each([
    ['http://127.0.0.1', 'loopback'],
    ['http://localhost:8080', 'loopback'],
    ['http://api.localhost', 'loopback'],
    ['http://2130706433', 'loopback'],
    ['http://0x7f.1', 'loopback'],
    ['http://0177.0.0.1', 'loopback'],
    ['http://[::1]', 'loopback'],
    ['http://[::ffff:127.0.0.1]', 'loopback'],
    ['http://[::ffff:7f00:1]', 'loopback'],
    ['http://169.254.169.254', 'cloud metadata'],
    ['http://169.254.10.1', 'link-local'],
    ['http://[fe80::1%25eth0]', 'link-local'],
    ['http://[fd00:ec2::254]', 'cloud metadata'],
    ['http://metadata.google.internal', 'cloud metadata'],
    ['http://100.100.100.200', 'cloud metadata'],
    ['http://10.0.0.1', 'private'],
    ['http://172.16.0.1', 'private'],
    ['http://192.168.1.1', 'private'],
    ['http://[fc00::1]', 'private'],
    ['http://0.0.0.0', 'unspecified'],
    ['https://user@127.0.0.1/x', 'loopback'],
  ])('D6: %s is flagged as %s', (url, kind) => {
    expect(privateHostReason(url)).toMatch(new RegExp(`^${kind} `));
  });
  it.each([
    ['https://api.example.com'],
    ['https://8.8.8.8'],
    ['https://[2001:db8::1]'],
    ['https://172.32.0.1'],
    ['not a url'],
  ])('D6: %s is not flagged', (url) => {
    expect(privateHostReason(url)).toBeNull();
  });
  it('D6: a value cannot smuggle a path, user info or a second host into the host', () => {
    const c: RenderContext = { values: { h: 'evil.com/x?' }, declared: new Set(['h']), encode: 'host' };
    expect(renderTemplate('https://${h}', c)).toMatchObject({ ok: false, name: 'h' });
    c.values = { h: 'a@169.254.169.254' };
    expect(renderTemplate('https://${h}', c)).toMatchObject({ ok: false, name: 'h' });
  });
});

describe('D7: schedule instants and formats', () => {
  it.each([
    ['2026-02-30T00:00:00Z', 'an impossible date'],
    ['2026-13-01T00:00:00Z', 'month 13'],
    ['2026-01-01T00:00:00', 'no timezone (local time is ambiguous)'],
    ['2026-03-29T02:30:00', 'a local time in a DST gap'],
    ['2026-01-01T00:00:00+25:00', 'an offset beyond ±24h'],
    ['1767409445000', 'epoch milliseconds where seconds are expected'],
    ['1e3', 'exponent notation'],
    ['tomorrow', 'words'],
  ])('D7: %s (%s) is rejected, not coerced', (text) => {
    expect(parseInstant(text)).toBeNull();
  });
  it('D7: a date alone is UTC midnight; epoch seconds are seconds', () => {
    expect(parseInstant('2026-01-02')).toBe(Date.UTC(2026, 0, 2));
    expect(parseInstant('1767409445')).toBe(1767409445000);
  });
  it('D7: formats render in UTC whatever the machine timezone; unsupported tokens are flagged', () => {
    expect(formatDate(Date.UTC(2026, 2, 29, 2, 30), 'yyyy-MM-ddTHH:mm:ssK')).toBe('2026-03-29T02:30:00Z');
    expect(checkDateFormat('yyyy-MM-dd hh:mm tt').map((f) => f.token)).toEqual(
      expect.arrayContaining(['tt']),
    );
  });
});

describe('A12: lone surrogates in values', () => {
  it.each([['path'], ['query']] as const)(
    'A12: URL encoding (%s) catches the URIError and names the parameter',
    (encode) => {
      expect(renderTemplate('/x/${listId}', ctx(encode, { listId: 'a\ud800' }))).toMatchObject({
        ok: false,
        message: 'the value of ${listId} contains a lone UTF-16 surrogate and cannot be encoded',
        name: 'listId',
        code: 'request-value-unencodable',
      });
    },
  );
  it('A12: simulate is blocked with the place and the parameter, never a thrown URIError', () => {
    const r = run('\udc00');
    expect(r.stop.reason).toBe('blocked');
    expect(r.stop.message).toBe(
      'urlParams.path: the value of ${listId} contains a lone UTF-16 surrogate and cannot be encoded',
    );
  });
});
