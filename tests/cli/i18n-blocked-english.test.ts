/**
 * The CLI stays in English: a simulation that cannot start prints the core's English message, byte
 * for byte as before the blocked-run failures got their codes (issue 15).
 */
import { describe, expect, it } from 'vitest';
import { cli, expectOneLineError } from './runCli';

const FX = 'tests/fixtures/cli';
const window = ['--window-start', '2026-01-02T03:04:05Z', '--window-end', '1767409445'];
const mailchimp = ['simulate', '--spec', `${FX}/mailchimp.spec.json`, ...window];

describe('spec-studio simulate: a run that cannot start, in English', () => {
  it.each([
    [
      'an undeclared placeholder',
      ['simulate', '--spec', `${FX}/undeclared.spec.json`, ...window, '--param', 'domain=us6'],
      '`${segmentId}` is used in urlParams.path but declared in no spec.properties',
    ],
    [
      'a host that is not a URL origin',
      [...mailchimp, '--param', 'domain=us6/x', '--param', 'listId=abc'],
      'urlParams.host: host `https://us6/x.api.mailchimp.com` (via ${domain}) is not a valid URL origin: it needs http:// or https://, a host name, and no path, query or user info',
    ],
    [
      'an auth header value with a line break',
      [...mailchimp, '--param', 'domain=us6', '--param', 'listId=abc', '--param', 'accessToken=a\nb'],
      'OAuth2 Refresh Code: the Authorization header value contains a line break (CR or LF), which is not allowed in a header value',
    ],
  ])('%s', (_name, args, message) => {
    const r = cli(...args);
    expect(r.code).toBe(1);
    expectOneLineError(r.err, /cannot simulate/);
    expect(r.err.trim()).toBe(`spec-studio: cannot simulate: ${message}`);
  });
});
