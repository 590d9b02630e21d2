import { describe, expect, it } from 'vitest';
import {
  renderTemplate,
  renderTemplatePair,
  scanPlaceholders,
  type RenderContext,
} from '../../src/core/placeholders/placeholders';

const ZENDESK_PATH =
  "/api/v2/search/export@{if(empty(coalesce(pipeline()?.parameters?.ingestionStart,'')),'?query=type:user&filter[type]=user&','')}";

describe('scanPlaceholders', () => {
  it.each([
    ['/lists/${listId}/members', [['param', 'listId', 7, 9]]],
    ['{{HOST_NAME}}/x', [['mustache', 'HOST_NAME', 0, 13]]],
    ['{{ spaced }}', [['mustache', 'spaced', 0, 12]]],
    ['https://{domain}.api', [['brace', 'domain', 8, 8]]],
    ['{SCHEDULE_QUERY}', [['engine', 'SCHEDULE_QUERY', 0, 16]]],
    [
      'a {START_TIME} b {END_TIME}',
      [
        ['engine', 'START_TIME', 2, 12],
        ['engine', 'END_TIME', 17, 10],
      ],
    ],
    [ZENDESK_PATH, [['adf', ZENDESK_PATH.slice(23, -1), 21, ZENDESK_PATH.length - 21]]],
    ['x ${open', [['unterminated', 'open', 2, 6]]],
    ['@{a', [['unterminated', 'a', 0, 3]]],
    ['{"json": 1} {not ident} { } {{}}', []],
    [
      '${a}${b}',
      [
        ['param', 'a', 0, 4],
        ['param', 'b', 4, 4],
      ],
    ],
    ['$listId {', []],
  ])('%j', (text, expected) => {
    expect(scanPlaceholders(text).map((t) => [t.kind, t.name, t.offset, t.length])).toEqual(expected);
  });
});

function ctx(
  encode: RenderContext['encode'],
  values: Record<string, string> = {},
  extra: Partial<RenderContext> = {},
) {
  return { values, declared: new Set(['listId', 'domain', 'q', 'empty', 'constructor']), encode, ...extra };
}

describe('renderTemplate: values and single pass', () => {
  it.each([
    ['/lists/${listId}', { listId: 'L1' }, '/lists/L1'],
    ['/lists/{{listId}}', { listId: 'L1' }, '/lists/L1'],
    ['/lists/{listId}', { listId: 'L1' }, '/lists/L1'],
    ['/lists/{undeclared}', {}, '/lists/{undeclared}'],
    ['x=${listId}', { listId: '${domain}' }, 'x=${domain}'],
    ['x=${listId}', { listId: '{START_TIME}' }, 'x={START_TIME}'],
    ['x=${listId}', { listId: "$& $' $$ $1 $`" }, "x=$& $' $$ $1 $`"],
    ['${listId}${domain}', { listId: 'a', domain: 'b' }, 'ab'],
    ['${empty}', { empty: '' }, ''],
    ['${constructor}', { constructor: 'c' }, 'c'],
    [ZENDESK_PATH, {}, ZENDESK_PATH],
    ['{SCHEDULE_QUERY}', {}, '{SCHEDULE_QUERY}'],
  ])('raw %j with %j → %j', (text, values, expected) => {
    const r = renderTemplate(text, ctx('raw', values));
    expect(r).toMatchObject({ ok: true, value: expected });
  });

  it('replaces engine placeholders only from ctx.engine', () => {
    const r = renderTemplate(
      'q={SCHEDULE_QUERY}&s={START_TIME}',
      ctx('raw', { SCHEDULE_QUERY: 'no' }, { engine: { SCHEDULE_QUERY: 'a b' } }),
    );
    expect(r).toEqual({ ok: true, value: 'q=a b&s={START_TIME}', used: [] });
  });

  it('reports the declared names it used, once each, in order', () => {
    const r = renderTemplate('${domain}/${listId}/{{domain}}', ctx('raw', { domain: 'd', listId: 'l' }));
    expect(r).toMatchObject({ ok: true, used: ['domain', 'listId'] });
  });

  it.each([
    ['/lists/${nope}', {}, 'nope', /declared in no spec\.properties/],
    ['/lists/{{nope}}', {}, 'nope', /declared in no spec\.properties/],
    ['/lists/${listId}', {}, 'listId', /needs a value for \$\{listId\}/],
    ['/lists/{listId}', {}, 'listId', /needs a value for \$\{listId\}/],
    ['/lists/${constructor}', {}, 'constructor', /needs a value/],
    ['/lists/${listId', { listId: 'x' }, 'listId', /unterminated/],
  ])('%j with %j fails naming %j', (text, values, name, message) => {
    const r = renderTemplate(text, ctx('path', values));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.name).toBe(name);
      expect(r.message).toMatch(message);
    }
  });
});

describe('renderTemplate: encoding by destination', () => {
  it.each([
    ['path', '../admin', '..%2Fadmin'],
    ['path', 'a/b?c#d', 'a%2Fb%3Fc%23d'],
    ['path', 'a b+é', 'a%20b%2B%C3%A9'],
    ['query', 'a b&c=d', 'a+b%26c%3Dd'],
    ['query', "x!'()~*-._", 'x%21%27%28%29%7E*-._'],
    ['query', 'type:user updated > 2026', 'type%3Auser+updated+%3E+2026'],
    ['query', '😀', '%F0%9F%98%80'],
    ['header', 'a b/?&', 'a b/?&'],
    ['raw', 'a b/?&', 'a b/?&'],
  ] as const)('%s encodes %j as %j', (encode, value, expected) => {
    expect(renderTemplate('${q}', ctx(encode, { q: value }))).toMatchObject({ ok: true, value: expected });
  });

  it.each(['path', 'query'] as const)('%s: a lone surrogate is an error naming the parameter', (encode) => {
    const r = renderTemplate('${q}', ctx(encode, { q: 'a\ud800' }));
    expect(r).toMatchObject({ ok: false, name: 'q' });
    if (!r.ok) expect(r.message).toMatch(/\$\{q\}.*surrogate/);
  });

  it.each(['a\r\nX-Evil: 1', 'a\nb', 'a\rb'])(
    'header: %j (CR/LF) is an error naming the parameter',
    (value) => {
      const r = renderTemplate('Bearer ${q}', ctx('header', { q: value }));
      expect(r).toMatchObject({ ok: false, name: 'q' });
      if (!r.ok) expect(r.message).toMatch(/\$\{q\}.*line break/);
    },
  );

  it.each([
    ['https://${domain}.api.mailchimp.com', 'us6', 'https://us6.api.mailchimp.com'],
    ['http://${domain}:8080', 'localhost', 'http://localhost:8080'],
    ['https://${domain}/', 'api.example.com', 'https://api.example.com'],
    ['HTTPS://${domain}', '10.0.0.1', 'HTTPS://10.0.0.1'],
    ['https://${domain}', '[::1]', 'https://[::1]'],
  ])('host %j with %j → %j', (text, domain, expected) => {
    expect(renderTemplate(text, ctx('host', { domain }))).toMatchObject({ ok: true, value: expected });
  });

  it.each([
    ['https://${domain}.api.mailchimp.com', 'evil.com/x?'],
    ['https://${domain}.api.mailchimp.com', 'user:pw@evil.com#'],
    ['https://${domain}', 'a.com/path'],
    ['https://${domain}', 'a.com?x=1'],
    ['ftp://${domain}', 'a.com'],
    ['${domain}', 'a.com'],
    ['https://${domain}', ''],
    ['https://${domain}', 'a b.com'],
    ['https://${domain}:99999', 'a.com'],
  ])('host %j with %j is not an origin', (text, domain) => {
    const r = renderTemplate(text, ctx('host', { domain }));
    expect(r).toMatchObject({ ok: false, name: 'domain' });
    if (!r.ok) expect(r.message).toMatch(/not a valid URL origin/);
  });
});

describe('renderTemplatePair', () => {
  it('masks secrets in the display copy only', () => {
    const r = renderTemplatePair(
      'k=${q}&l=${listId}',
      ctx('query', { q: 's e', listId: 'L' }),
      new Set(['q']),
    );
    expect(r).toEqual({ ok: true, value: 'k=s+e&l=L', display: 'k=••••&l=L', used: ['q', 'listId'] });
  });
});
