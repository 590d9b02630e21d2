/**
 * Issue 9 item 3: header injection. Whatever the source of a header name or value — spec
 * `headerParams`, an auth `headerParamName`, a continuation `parameterName`, a token read from
 * a response, a run input — no request is ever built with a name that is not an RFC 9110 token
 * or a value holding CR, LF, NUL (or another control character but tab); what is in the spec is
 * a located `validate` error; next-page links with control characters stop the run.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  normalise,
  parseJson,
  simulate,
  validate,
  type JsonObject,
  type JsonValue,
} from '../../src/core/index';
import type { AuthSpecModel, HttpRequest, Pagination, SpecModel } from '../../src/core/types';
import { param } from '../fixtures/run/models';

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const BAD_VALUE = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/** Text that likes the characters that split or smuggle headers. */
const nasty = fc
  .array(
    fc.constantFrom(
      'a',
      'X',
      '-',
      ' ',
      ':',
      '\r',
      '\n',
      '\r\n',
      '\u0000',
      '\t',
      '\u0001',
      '\u007f',
      'é',
      'Set-Cookie: x=1',
    ),
    {
      minLength: 0,
      maxLength: 5,
    },
  )
  .map((parts) => parts.join(''));
const headerName = fc.oneof(fc.constantFrom('X-Ok', 'Accept'), nasty);

function expectSendable(r: HttpRequest): void {
  for (const [name, value] of Object.entries(r.headers)) {
    expect(name).toMatch(TOKEN);
    expect(value).not.toMatch(BAD_VALUE);
  }
  // eslint-disable-next-line no-control-regex -- control characters are what this matches
  expect(r.url).not.toMatch(/[\u0000-\u001f\u007f]/);
}

const keyAuth = (headerParamName: string): AuthSpecModel => ({
  index: 0,
  name: 'Key',
  type: 'KeyBased',
  params: [
    param('apiKey', {
      secret: true,
      required: true,
      headerParamName,
      pointer: '/authSpec/0/spec/properties/apiKey',
    }),
  ],
});

describe('no request carries a header that could split it (issue 9 item 3)', () => {
  it('property: every header of every built request is a token name with a clean value', () => {
    const pagination: fc.Arbitrary<Pagination> = fc.oneof(
      headerName.map((parameterName): Pagination => ({
        type: 'CONTINUATION_TOKEN',
        maximumRequest: 5,
        delayRequestMillis: 0,
        continuationTokenPath: '$.next',
        parameterType: 'HEADERPARAM',
        parameterName,
      })),
      fc.constant<Pagination>({
        type: 'POINTER',
        maximumRequest: 5,
        delayRequestMillis: 0,
        pointerPath: '$.next',
      }),
    );
    const next = fc.oneof(
      nasty,
      nasty.map((s) => `https://api.example.com/p?c=${s}`),
      nasty.map((s) => `?page=${s}`),
      nasty.map((s) => `https://api.exa${s}mple.com/p`),
    );
    fc.assert(
      fc.property(
        headerName,
        nasty,
        headerName,
        nasty,
        nasty,
        pagination,
        fc.array(next, { minLength: 1, maxLength: 3 }),
        (hName, hValue, keyHeader, keyValue, input, p, links) => {
          const model: SpecModel = {
            authSpecs: [keyAuth(keyHeader)],
            userInputs: [param('input')],
            urlParams: { host: 'https://api.example.com', path: '/x', method: 'GET', queryParams: [] },
            headerParams: [
              [hName, hValue],
              ['X-Input', 'v=${input}'],
            ],
            pagination: p,
          };
          const run = simulate(
            model,
            { params: { apiKey: keyValue, input } },
            links.map((n) => ({ body: { next: n } })),
          );
          for (const s of run.steps) {
            expectSendable(s.request);
            expectSendable(s.display);
          }
          if (run.next) {
            expectSendable(run.next.request);
            expectSendable(run.next.display);
          }
          // eslint-disable-next-line no-control-regex -- control characters are what this matches
          expect(`${run.stop.message}`).not.toMatch(/[\r\n\u0000]/);
        },
      ),
      { numRuns: 600 },
    );
  });

  const tokenModel = (parameterName: string): SpecModel => ({
    authSpecs: [],
    userInputs: [],
    urlParams: { host: 'https://api.example.com', path: '/x', method: 'GET', queryParams: [] },
    headerParams: [],
    pagination: {
      type: 'CONTINUATION_TOKEN',
      maximumRequest: 5,
      delayRequestMillis: 0,
      continuationTokenPath: '$.next',
      parameterType: 'HEADERPARAM',
      parameterName,
    },
  });

  it('a parameterName with CR/LF blocks the run; it never becomes a header name', () => {
    const run = simulate(tokenModel('X-Cursor\r\nX-Evil: 1'), {}, [{ body: { next: 'c1' } }]);
    expect(run.stop.reason).toBe('blocked');
    expect(run.stop.message).toMatch(/parameterName .* is not a valid HTTP header name/);
    expect(run.stop.message).not.toMatch(/[\r\n]/);
    expect(run.diagnostics[0]).toMatchObject({
      pointer: '/sourceSpec/attributes/paginationParams/parameterName',
    });
  });

  it('a token with NUL stops the run (no-token) instead of becoming a header value', () => {
    const run = simulate(tokenModel('X-Cursor'), {}, [{ body: { next: 'c1\u0000x' } }]);
    expect(run.stop.reason).toBe('no-token');
    expect(run.stop.message).toMatch(/NUL/);
    expect(run.next).toBeUndefined();
  });

  it.each([
    ['https://api.example.com/p?\r\nX-Evil: 1'],
    ['https://api.exa\tmple.com/p'],
    ['?page=2\u0000'],
    ['/p\u001b[31m'],
  ])('a next link %j stops the run with no-pointer, quoted, never printed raw', (link) => {
    const model: SpecModel = {
      ...tokenModel('X'),
      pagination: { type: 'POINTER', maximumRequest: 5, delayRequestMillis: 0, pointerPath: '$.next' },
    };
    const run = simulate(model, {}, [{ body: { next: link } }]);
    expect(run.stop.reason).toBe('no-pointer');
    expect(run.next).toBeUndefined();
    // eslint-disable-next-line no-control-regex -- control characters are what this matches
    expect(run.stop.message).not.toMatch(/[\u0000-\u001f]/);
  });

  it('a run input with NUL in a header value blocks the run, naming the parameter', () => {
    const model: SpecModel = {
      ...tokenModel('X'),
      userInputs: [param('input')],
      headerParams: [['X-In', '${input}']],
    };
    const run = simulate(model, { params: { input: 'a\u0000b' } }, []);
    expect(run.stop.reason).toBe('blocked');
    expect(run.stop.message).toMatch(/headerParams\.X-In: the value of \$\{input\} contains NUL/);
  });
});

const base = (() => {
  const r = parseJson(
    readFileSync(new URL('../fixtures/hostile/core/template.spec.json', import.meta.url), 'utf8'),
  );
  if (!r.ok) throw new Error('fixture');
  return r.value as JsonObject;
})();
const clone = (): JsonObject => JSON.parse(JSON.stringify(base)) as JsonObject;
const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const at = (o: JsonValue, ...keys: Array<string | number>): JsonObject =>
  keys.reduce<JsonValue>((v, k) => (v as Record<string, JsonValue>)[k] as JsonValue, o) as JsonObject;

describe('validate locates every header the spec itself would break', () => {
  it('property: a headerParams name that is not a token, or a value with a control character, is an error at that key', () => {
    fc.assert(
      fc.property(headerName, nasty, (name, value) => {
        const doc = clone();
        const headers: JsonObject = {};
        Object.defineProperty(headers, name, { value, enumerable: true, writable: true, configurable: true });
        at(doc, 'sourceSpec', 'attributes').headerParams = headers;
        const errors = validate(doc).filter((d) => d.severity === 'error');
        const here = errors.filter((d) => d.pointer === `/sourceSpec/attributes/headerParams/${esc(name)}`);
        const bad = !TOKEN.test(name) || BAD_VALUE.test(value);
        expect(here.length > 0).toBe(bad);
        // eslint-disable-next-line no-control-regex -- control characters are what this matches
        for (const d of here) expect(d.message).not.toMatch(/[\r\n\u0000]/);
      }),
      { numRuns: 300 },
    );
  });

  it('an auth headerParamName and a HEADERPARAM parameterName that are not tokens are located errors', () => {
    const doc = clone();
    at(doc, 'authSpec', 0, 'spec', 'properties', 'apiKey', 'restAttributes').headerParamName =
      'X-Key\r\nEvil: 1';
    at(doc, 'sourceSpec', 'attributes').paginationParams = {
      type: 'CONTINUATION_TOKEN',
      continuationTokenPath: '$.next',
      parameterType: 'HEADERPARAM',
      parameterName: 'X Cursor',
    };
    const pointers = validate(doc)
      .filter((d) => d.severity === 'error')
      .map((d) => d.pointer);
    expect(pointers).toContain('/authSpec/0/spec/properties/apiKey/restAttributes/headerParamName');
    expect(pointers).toContain('/sourceSpec/attributes/paginationParams/parameterName');
    expect(normalise(doc).model.authSpecs[0]?.params[0]?.headerParamName).toBe('X-Key\r\nEvil: 1');
  });
});

describe('a URL with a control character is never built', () => {
  it.each([
    ['CR LF', '/a\r\nX-Evil: 1'],
    ['ESC', '/a\u001b[2J'],
  ])('urlParams.path with %s blocks the run', (_label, path) => {
    const model: SpecModel = {
      authSpecs: [],
      userInputs: [],
      urlParams: { host: 'https://api.example.com', path, method: 'GET', queryParams: [] },
      headerParams: [],
      pagination: { type: 'NONE', maximumRequest: 1, delayRequestMillis: 0 },
    };
    const run = simulate(model, {}, [{ body: {} }]);
    expect(run.stop.reason).toBe('blocked');
    expect(run.stop.message).toMatch(/control character/);
    expect(run.steps).toEqual([]);
  });
});
