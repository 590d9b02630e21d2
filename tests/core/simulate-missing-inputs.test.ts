/**
 * Issue 8 item D10: a simulation sends nothing, so a missing user input or credential does not
 * block it: the request shows a marked placeholder `‹name›` and one warning names each missing
 * input. A live run (`requireInputs: true`) still refuses to start.
 */
import { describe, expect, it } from 'vitest';
import { simulate, startRun } from '../../src/core/run/simulate';
import type { SpecModel } from '../../src/core/types';
import { apiKey, basic, mailchimp, members, NOW, oauth, paging, param } from '../fixtures/run/models';

const warnings = (run: ReturnType<typeof simulate>) =>
  run.diagnostics.filter((d) => d.code === 'missing-input').map((d) => [d.pointer, d.message]);

describe('a simulation without credentials or inputs (D10)', () => {
  it('MailChimp with no values at all: markers in host, path and auth, one warning per input', () => {
    const run = simulate(mailchimp(), { now: NOW }, [members(1)]);
    expect(run.stop.reason).toBe('single-request');
    expect(run.steps[0]?.display).toEqual({
      method: 'GET',
      url: 'https://‹domain›.api.mailchimp.com/3.0/lists/‹listId›/members',
      headers: { Authorization: 'Bearer ‹accessToken›' },
    });
    expect(run.missingInputs.sort()).toEqual(['accessToken', 'domain', 'listId']);
    expect(warnings(run)).toHaveLength(3);
    expect(warnings(run)).toContainEqual([
      '/sourceSpec/spec/properties/listId',
      'listId has no value: the simulated requests show ‹listId› in its place (a live run needs a value)',
    ]);
    expect(run.diagnostics.every((d) => d.severity !== 'error')).toBe(true);
  });

  it('a query value shows ?list=‹listId›, unencoded, and the rest stays encoded', () => {
    const model = mailchimp({
      urlParams: {
        ...mailchimp().urlParams,
        queryParams: [
          ['list', '${listId}'],
          ['q', 'a b ${listId}'],
        ],
      },
    });
    const run = simulate(model, { params: { domain: 'us6', accessToken: 't' }, now: NOW }, []);
    expect(run.next?.display.url).toBe(
      'https://us6.api.mailchimp.com/3.0/lists/‹listId›/members?list=‹listId›&q=a+b+‹listId›',
    );
    expect(warnings(run)).toHaveLength(1);
  });

  it('Basic auth without username or password shows Basic ‹base64 of username:password›', () => {
    const model = mailchimp({ authSpecs: [basic] });
    const cases: Array<Record<string, string>> = [
      { domain: 'us6', listId: 'l' },
      { domain: 'us6', listId: 'l', username: 'u' },
    ];
    for (const params of cases) {
      const run = simulate(model, { params, now: NOW }, []);
      expect(run.next?.display.headers).toEqual({ Authorization: 'Basic ‹base64 of username:password›' });
      expect(run.next?.request.headers).toEqual({ Authorization: 'Basic ‹base64 of username:password›' });
    }
    const onlyPassword = simulate(
      model,
      { params: { domain: 'us6', listId: 'l', password: 'PW-secret' }, now: NOW },
      [],
    );
    expect(JSON.stringify(onlyPassword)).not.toContain('PW-secret');
    expect(warnings(onlyPassword).map(([, m]) => m)).toEqual([
      expect.stringMatching(/^username has no value/),
    ]);
  });

  it('a required API key without a value shows ‹authKey1›; a missing optional one is left out', () => {
    const model: SpecModel = mailchimp({
      authSpecs: [apiKey],
      urlParams: { host: 'https://api.example.com', path: '/x', method: 'GET', queryParams: [] },
    });
    const run = simulate(model, { now: NOW }, []);
    expect(run.next?.display.headers).toEqual({ 'X-Auth-Key1': '‹authKey1›' });
    expect(run.missingInputs).toEqual(['authKey1']);
  });

  it('the host taken from the auth spec shows https://‹host› when it has no value', () => {
    const model: SpecModel = mailchimp({
      authSpecs: [apiKey],
      urlParams: { path: '/x', method: 'GET', queryParams: [] },
    });
    const run = simulate(model, { params: { authKey1: 'k' }, now: NOW }, []);
    expect(run.next?.display.url).toBe('https://‹host›/x');
  });

  it('ADVANCE schedule templates and bodies show markers too', () => {
    const model = mailchimp({
      urlParams: {
        host: 'https://api.example.com',
        path: '/x',
        method: 'POST',
        queryParams: [['filter', '{SCHEDULE_QUERY}']],
      },
      bodyParams: { list: '${listId}' },
      schedule: { type: 'ADVANCE', paramFormat: 'yyyy', incremental: 'since {START_TIME} in ${listId}' },
    });
    const run = simulate(model, { params: { accessToken: 't' }, now: NOW }, []);
    expect(run.next?.display.url).toBe('https://api.example.com/x?filter=since+2026+in+‹listId›');
    expect(run.next?.display.body).toBe('{"list":"‹listId›"}');
    expect(run.missingInputs).toEqual(['listId']);
  });

  it('a relative POINTER link against a host still to be filled in keeps paging', () => {
    const model = mailchimp({ pagination: paging.pointer });
    const run = simulate(model, { params: { accessToken: 't', listId: 'l' }, now: NOW }, [
      { body: { members: [{}, {}], paging: { next: '?page=2' } } },
    ]);
    expect(run.stop.reason).toBe('samples-exhausted');
    expect(run.next?.display.url).toBe('https://‹domain›.api.mailchimp.com/3.0/lists/l/members?page=2');
  });

  it('requireInputs (a live run) keeps blocking on the first missing value', () => {
    const started = startRun(mailchimp(), { now: NOW, requireInputs: true });
    expect(started).toMatchObject({ ok: false, pointer: '/sourceSpec/attributes/urlParams/host' });
    const run = simulate(
      mailchimp({ authSpecs: [oauth] }),
      { params: { domain: 'd', listId: 'l' }, now: NOW, requireInputs: true },
      [],
    );
    expect(run.stop).toMatchObject({
      reason: 'blocked',
      message: 'OAuth2 Refresh Code needs a value for accessToken',
    });
    expect(run.missingInputs).toEqual([]);
  });

  it('values given and defaults never produce markers or warnings', () => {
    const model = mailchimp({ userInputs: [param('listId', { default: 'dflt' })] });
    const run = simulate(model, { params: { domain: 'us6', accessToken: 't' }, now: NOW }, []);
    expect(run.next?.request.url).toBe('https://us6.api.mailchimp.com/3.0/lists/dflt/members');
    expect(warnings(run)).toEqual([]);
  });
});
