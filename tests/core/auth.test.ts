import { describe, expect, it } from 'vitest';
import { base64Utf8 } from '../../src/core/run/auth';
import { secretNames, startRun } from '../../src/core/run/simulate';
import { apiKey, basic, mailchimp, mailchimpParams, NOW, oauth } from '../fixtures/run/models';

const b64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));

const keyModel = (extra = {}) =>
  mailchimp({
    authSpecs: [oauth, basic, apiKey],
    urlParams: { path: '/v1/${listId}', method: 'GET', queryParams: [] },
    ...extra,
  });
const keyParams = { host: 'https://api.example.com', listId: 'L' };

function first(authName: string | undefined, params: Record<string, string>, extra = {}) {
  const model =
    authName === 'KeyBased' ? keyModel(extra) : mailchimp({ authSpecs: [oauth, basic, apiKey], ...extra });
  const r = startRun(model, { authName, params, now: NOW });
  if (!r.ok) throw new Error(r.message);
  return r.first;
}

describe('auth headers (SEMANTICS §7)', () => {
  it.each([
    ['user', 'pass'],
    ['jürgen', 'pässwörd'],
    ['u', 'p:with:colons'],
    ['emoji', '🔑'],
  ])('Basic: base64 of the UTF-8 bytes of %s:%s, shown masked', (username, password) => {
    const r = first('Basic Authentication', { ...mailchimpParams, username, password });
    expect(r.request.headers.Authorization).toBe(`Basic ${b64(`${username}:${password}`)}`);
    expect(r.display.headers.Authorization).toBe('Basic ••••');
  });

  it('OAuth2RefreshCode: Bearer accessToken, shown masked', () => {
    const r = first(undefined, mailchimpParams);
    expect(r.request.headers).toEqual({ Authorization: 'Bearer tok-123' });
    expect(r.display.headers).toEqual({ Authorization: 'Bearer ••••' });
  });

  it('KeyBased: each headerParamName carries its key; optional keys without value are left out', () => {
    const one = first('KeyBased', { ...keyParams, authKey1: 'k1' });
    expect(one.request.url).toBe('https://api.example.com/v1/L');
    expect(one.request.headers).toEqual({ 'X-Auth-Key1': 'k1' });
    expect(one.display.headers).toEqual({ 'X-Auth-Key1': '••••' });
    const two = first('KeyBased', { ...keyParams, authKey1: 'k1', authKey2: 'k2' });
    expect(two.request.headers).toEqual({ 'X-Auth-Key1': 'k1', 'X-Custom-Auth-Key': 'k2' });
  });

  it('revealSecrets shows the real values', () => {
    const r = startRun(mailchimp(), { params: mailchimpParams, now: NOW, revealSecrets: true });
    expect(r.ok && r.first.display).toEqual(r.ok && r.first.request);
  });

  it('the auth header replaces an Authorization header of headerParams (any case)', () => {
    const r = first(undefined, mailchimpParams, {
      headerParams: [
        ['authorization', 'x'],
        ['Accept', 'application/json'],
      ],
    });
    expect(r.request.headers).toEqual({ Accept: 'application/json', Authorization: 'Bearer tok-123' });
  });

  it.each([
    ['Basic Authentication', { ...mailchimpParams, username: 'u' }, /needs a value for password/],
    ['OAuth2 Refresh Code', { domain: 'us6', listId: 'l' }, /needs a value for accessToken|accessToken/],
    ['KeyBased', { ...keyParams }, /needs a value for authKey1/],
    ['Nope', mailchimpParams, /no authSpec is named "Nope"/],
    ['Basic Authentication', { ...mailchimpParams, username: 'u', password: 'a\ud800' }, /surrogate/],
    ['KeyBased', { ...keyParams, authKey1: 'a\r\nX: y' }, /line break/],
  ])('%s with %j cannot start', (authName, params, message) => {
    const model = authName === 'KeyBased' ? keyModel() : mailchimp({ authSpecs: [oauth, basic, apiKey] });
    const r = startRun(model, { authName, params, now: NOW, requireInputs: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('secretNames lists format:password names of user inputs and the chosen auth spec', () => {
    const model = mailchimp({ authSpecs: [oauth, basic, apiKey] });
    expect(secretNames(model)).toEqual(['accessToken']);
    expect(secretNames(model, 'Basic Authentication')).toEqual(['password']);
    expect(secretNames(model, 'KeyBased')).toEqual(['authKey1', 'authKey2']);
  });

  it('base64Utf8 refuses a lone surrogate', () => {
    expect(base64Utf8('a\udc00')).toBeNull();
    expect(base64Utf8('é')).toBe(b64('é'));
    expect(base64Utf8('user:pässwörd🔑')).toBe('dXNlcjpww6Rzc3fDtnJk8J+UkQ==');
  });
});
