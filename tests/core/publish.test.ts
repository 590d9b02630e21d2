/**
 * Publishing to Adobe and opening from Adobe (issue 11 §3) with a fake `LiveSend`: no network. The
 * fake answers like the Flow Service (FORMAT.md §7): the created spec with its id, `{"items":[…]}`
 * for GETs, Adobe's error bodies.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ADOBE,
  adobeErrorMessage,
  openFromAdobe,
  publishSteps,
  startPublish,
  type AdobeCredentials,
  type HttpRequest,
  type JsonObject,
  type LiveOutbound,
  type PublishStep,
} from '../../src/core';
import { fakeApi, json, type Reply } from './live.helpers';

const SPEC_TEXT = readFileSync(
  new URL('../../public/examples/mailchimp-members.json', import.meta.url),
  'utf8',
);
const CREDS: AdobeCredentials = {
  accessToken: 'ims-token-SECRET-1234567890',
  apiKey: 'api-key-SECRET-abcdef',
  orgId: 'ORG1@AdobeOrg',
  sandbox: 'prod',
};
const BASE = 'http://127.0.0.1:9';
const SVC = `${BASE}${ADOBE.flowServicePath}`;
const NEW_ID = '11111111-2222-4333-8444-555555555555';
const OTHER = ['4e98f16f-87d6-4ef0-bdc6-7a2b0fe76e62'];
const flowSpec = (ids: string[]): JsonObject => ({
  id: ADOBE.flowSpecId,
  name: 'RestStorageToAEP',
  sourceConnectionSpecIds: ids,
  targetConnectionSpecIds: [ADOBE.dataLakeConnectionSpecId],
});

/** A Flow Service: POST/PUT specs, GET/PUT the flow spec; `override` answers first when it returns. */
function flowService(
  ids: string[] = OTHER,
  override: (r: HttpRequest, i: number) => Reply | undefined = () => undefined,
) {
  return fakeApi((r, i) => {
    const o = override(r, i);
    if (o) return o;
    const body = r.body ? (JSON.parse(r.body) as JsonObject) : {};
    if (r.method === 'POST' && r.url === `${SVC}/connectionSpecs`)
      return json({ ...body, id: NEW_ID, createdAt: 1, updatedAt: 1 });
    if (r.method === 'PUT' && r.url.startsWith(`${SVC}/connectionSpecs/`))
      return json({ ...body, updatedAt: 2 });
    if (r.method === 'GET' && r.url === `${SVC}/flowSpecs/${ADOBE.flowSpecId}`)
      return json({ items: [flowSpec(ids)] });
    if (r.method === 'PUT' && r.url === `${SVC}/flowSpecs/${ADOBE.flowSpecId}`) return json(body);
    if (r.method === 'GET' && r.url.startsWith(`${SVC}/connectionSpecs/`))
      return json({ items: [{ ...(JSON.parse(SPEC_TEXT) as JsonObject), id: 'abc', createdAt: 5 }] });
    return json({ title: 'Not Found', status: 404 }, 404);
  });
}

/** Every text a user could see: shown requests, step messages and hints, the result's message. */
function shownText(sent: LiveOutbound[], steps: readonly PublishStep[], message = ''): string {
  return JSON.stringify([sent.map((o) => o.display), steps, message]);
}

describe('publishSteps', () => {
  it('happy path: POST the spec, GET the flow spec, PUT it with the new id appended', async () => {
    const api = flowService();
    const progress: string[] = [];
    const r = await publishSteps(SPEC_TEXT, { credentials: CREDS, baseUrl: BASE }, api.send, (steps) =>
      progress.push(steps.map((s) => s.state[0]).join('')),
    );
    expect(r.ok).toBe(true);
    expect(r.connectionSpecId).toBe(NEW_ID);
    expect(r.method).toBe('POST');
    expect(api.sent.map((o) => `${o.request.method} ${o.request.url}`)).toEqual([
      `POST ${SVC}/connectionSpecs`,
      `GET ${SVC}/flowSpecs/${ADOBE.flowSpecId}`,
      `PUT ${SVC}/flowSpecs/${ADOBE.flowSpecId}`,
    ]);
    // the spec is sent verbatim, the text as the user has it
    expect(api.sent[0]?.request.body).toBe(SPEC_TEXT);
    expect(api.sent[0]?.request.headers).toEqual({
      Authorization: `Bearer ${CREDS.accessToken}`,
      'x-api-key': CREDS.apiKey,
      'x-gw-ims-org-id': CREDS.orgId,
      'x-sandbox-name': CREDS.sandbox,
      'Content-Type': 'application/json',
    });
    expect(api.sent[1]?.request.headers['Content-Type']).toBeUndefined();
    const put = JSON.parse(api.sent[2]?.request.body ?? '{}') as JsonObject;
    expect(put.sourceConnectionSpecIds).toEqual([...OTHER, NEW_ID]);
    expect(put.targetConnectionSpecIds).toEqual([ADOBE.dataLakeConnectionSpecId]);
    for (const o of api.sent) {
      expect(o.authHeaders).toEqual(['authorization', 'x-api-key']);
      expect(o.secrets).toEqual([CREDS.accessToken, CREDS.apiKey]);
    }
    expect(r.steps.map((s) => [s.id, s.state, s.status])).toEqual([
      ['connection-spec', 'done', 200],
      ['flow-spec-get', 'done', 200],
      ['flow-spec-put', 'done', 200],
    ]);
    expect(r.steps[0]?.message).toContain(NEW_ID);
    // each step is shown running, then done
    expect(progress).toEqual(['rpp', 'dpp', 'drp', 'ddp', 'ddr', 'ddd']);
  });

  it("a spec with an id is a PUT of the complete spec, without the server-set fields (as Adobe's update request)", async () => {
    const fromAdobe = { ...(JSON.parse(SPEC_TEXT) as JsonObject), id: 'abc/1', createdAt: 5, imsOrgId: 'X' };
    const api = flowService();
    const r = await publishSteps(
      fromAdobe,
      { credentials: CREDS, baseUrl: BASE, existingId: 'abc/1' },
      api.send,
    );
    expect(r.ok).toBe(true);
    expect(r.method).toBe('PUT');
    expect(r.connectionSpecId).toBe('abc/1');
    expect(api.sent[0]?.request.method).toBe('PUT');
    expect(api.sent[0]?.request.url).toBe(`${SVC}/connectionSpecs/abc%2F1`);
    expect(JSON.parse(api.sent[0]?.request.body ?? '')).toEqual(JSON.parse(SPEC_TEXT));
    expect(JSON.parse(api.sent[2]?.request.body ?? '{}').sourceConnectionSpecIds).toEqual([
      ...OTHER,
      'abc/1',
    ]);
  });

  it('a POST of a spec that came from Adobe leaves its server-set fields out', async () => {
    const fromAdobe = { id: 'old', createdAt: 5, sandboxName: 'x', ...(JSON.parse(SPEC_TEXT) as JsonObject) };
    const api = flowService();
    const r = await publishSteps(fromAdobe, { credentials: CREDS, baseUrl: BASE }, api.send);
    expect(r.ok).toBe(true);
    const body = JSON.parse(api.sent[0]?.request.body ?? '{}') as JsonObject;
    expect(body).toEqual(JSON.parse(SPEC_TEXT));
    expect(r.connectionSpecId).toBe(NEW_ID);
  });

  it("a 400 with Adobe's error body stops at that step with Adobe's message", async () => {
    const api = flowService(OTHER, (r) =>
      r.method === 'POST'
        ? json(
            {
              type: 'https://ns.adobe.com/aep/errors/FLOW-1103-400',
              title: 'Invalid request',
              status: 400,
              report: { detailed: 'authSpec[0].type is not a supported type.' },
            },
            400,
          )
        : undefined,
    );
    const r = await publishSteps(SPEC_TEXT, { credentials: CREDS, baseUrl: BASE }, api.send);
    expect(r.ok).toBe(false);
    expect(r.connectionSpecId).toBeNull();
    expect(api.sent).toHaveLength(1);
    expect(r.steps.map((s) => s.state)).toEqual(['failed', 'pending', 'pending']);
    expect(r.steps[0]?.status).toBe(400);
    expect(r.steps[0]?.message).toBe('400 Invalid request: authSpec[0].type is not a supported type.');
    expect(r.steps[0]?.hint).toMatch(/fix what the message names/);
    expect(r.message).toBe(
      'Create the connection spec failed: 400 Invalid request: authSpec[0].type is not a supported type.',
    );
  });

  it('a 401 stops with the gateway message and a hint about the token; secrets are masked', async () => {
    const api = flowService(OTHER, (r) =>
      r.method === 'POST'
        ? json({ error_code: '401013', message: `Oauth token ${CREDS.accessToken} is not valid` }, 401)
        : undefined,
    );
    const r = await publishSteps(SPEC_TEXT, { credentials: CREDS, baseUrl: BASE }, api.send);
    expect(r.ok).toBe(false);
    expect(r.steps[0]?.message).toBe('401 Oauth token •••• is not valid [401013]');
    expect(r.steps[0]?.hint).toMatch(/IMS access token/);
    const shown = shownText(api.sent, r.steps, r.message);
    expect(shown).not.toContain(CREDS.accessToken);
    expect(shown).not.toContain(CREDS.apiKey);
  });

  it('a failure of the flow-spec PUT stops there, after the spec was created', async () => {
    const api = flowService(OTHER, (r) =>
      r.method === 'PUT' && r.url.includes('/flowSpecs/')
        ? json({ title: 'Forbidden', detail: 'Not allowed to update flow specs.' }, 403)
        : undefined,
    );
    const r = await publishSteps(SPEC_TEXT, { credentials: CREDS, baseUrl: BASE }, api.send);
    expect(r.ok).toBe(false);
    expect(r.connectionSpecId).toBe(NEW_ID);
    expect(r.steps.map((s) => s.state)).toEqual(['done', 'done', 'failed']);
    expect(r.steps[2]?.message).toBe('403 Forbidden: Not allowed to update flow specs.');
  });

  it('an id already in the flow spec: no PUT, no duplicate, the step is skipped as "already there"', async () => {
    const api = flowService([...OTHER, NEW_ID]);
    const r = await publishSteps(SPEC_TEXT, { credentials: CREDS, baseUrl: BASE }, api.send);
    expect(r.ok).toBe(true);
    expect(api.sent.map((o) => o.request.method)).toEqual(['POST', 'GET']);
    expect(r.steps[2]).toMatchObject({ state: 'skipped', message: expect.stringMatching(/^already there/) });
  });

  it('secrets never appear in any shown request, message or progress, only in the real request', async () => {
    const seen: string[] = [];
    const api = flowService();
    const r = await publishSteps(SPEC_TEXT, { credentials: CREDS, baseUrl: BASE }, api.send, (steps) =>
      seen.push(JSON.stringify(steps)),
    );
    const shown = shownText(api.sent, r.steps, r.message) + seen.join('');
    expect(shown).not.toContain(CREDS.accessToken);
    expect(shown).not.toContain(CREDS.apiKey);
    expect(r.steps[0]?.display?.headers).toMatchObject({ Authorization: 'Bearer ••••', 'x-api-key': '••••' });
    expect(api.sent[0]?.request.headers.Authorization).toBe(`Bearer ${CREDS.accessToken}`);
  });

  it.each([
    ['a missing credential', SPEC_TEXT, { ...CREDS, apiKey: ' ' }, BASE, /give the API key first/],
    ['invalid JSON', '{"name": ', CREDS, BASE, /not valid JSON \(line 1\)/],
    ['a flow spec', JSON.stringify(flowSpec([])), CREDS, BASE, /only a connection spec can be published/],
    ['a base URL with a query', SPEC_TEXT, CREDS, `${BASE}/?x=1`, /query or fragment/],
    ['a base URL that is not http(s)', SPEC_TEXT, CREDS, 'file:///etc', /must be http\(s\)/],
  ])('%s: nothing is sent', async (_, spec, credentials, baseUrl, message) => {
    const api = flowService();
    const r = await publishSteps(spec, { credentials, baseUrl }, api.send);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(message);
    expect(r.message).toMatch(/nothing was sent/);
    expect(api.sent).toHaveLength(0);
  });

  it('a 2xx POST answer without an id fails step 1', async () => {
    const api = flowService(OTHER, (r) => (r.method === 'POST' ? json({ ok: true }, 201) : undefined));
    const r = await publishSteps(SPEC_TEXT, { credentials: CREDS, baseUrl: BASE }, api.send);
    expect(r.ok).toBe(false);
    expect(r.steps[0]?.message).toMatch(/no connection spec id/);
    expect(api.sent).toHaveLength(1);
  });

  it('a sender failure (the local server refused the host) stops with its message', async () => {
    const api = flowService(OTHER, () => ({
      ok: false,
      error: 'refused',
      message: 'refused: 127.0.0.1 is a loopback address',
      ms: 0,
    }));
    const r = await publishSteps(SPEC_TEXT, { credentials: CREDS, baseUrl: BASE }, api.send);
    expect(r.ok).toBe(false);
    expect(r.steps[0]?.message).toBe('refused: 127.0.0.1 is a loopback address');
    expect(r.steps[0]?.hint).toMatch(/--allow-private-hosts/);
  });

  it('startPublish is a step driver: one call per step, nothing sent before the first', async () => {
    const api = flowService();
    const started = startPublish(SPEC_TEXT, { credentials: CREDS, baseUrl: BASE }, api.send);
    if (!started.ok) throw new Error(started.message);
    const p = started.publish;
    expect(api.sent).toHaveLength(0);
    const before = p.steps;
    await p.step();
    expect(api.sent).toHaveLength(1);
    expect(p.steps).not.toBe(before);
    expect(before[0]?.state).toBe('pending');
    expect(p.connectionSpecId).toBe(NEW_ID);
    await p.step();
    await p.step();
    expect(p.finished).toBe(true);
    await p.step();
    expect(api.sent).toHaveLength(3);
  });
});

describe('openFromAdobe', () => {
  it('GETs the spec by id and unwraps {"items":[spec]}, keeping id and audit fields', async () => {
    const api = flowService();
    const r = await openFromAdobe(' abc ', { credentials: CREDS, baseUrl: BASE }, api.send);
    if (!r.ok) throw new Error(r.message);
    expect(api.sent.map((o) => `${o.request.method} ${o.request.url}`)).toEqual([
      `GET ${SVC}/connectionSpecs/abc`,
    ]);
    expect(r.spec.id).toBe('abc');
    expect(r.spec.createdAt).toBe(5);
    expect(r.spec.name).toBe((JSON.parse(SPEC_TEXT) as JsonObject).name);
    expect(JSON.parse(r.text)).toEqual(r.spec);
    expect(r.step.display?.headers.Authorization).toBe('Bearer ••••');
  });

  it('a 404 is a failure with Adobe’s message; an empty items list too', async () => {
    const api = flowService(OTHER, (_, i) =>
      i === 0
        ? json(
            { title: 'Resource not found', report: { detailed: 'Connection spec nope does not exist.' } },
            404,
          )
        : json({ items: [] }),
    );
    const r = await openFromAdobe('nope', { credentials: CREDS, baseUrl: BASE }, api.send);
    expect(r).toMatchObject({
      ok: false,
      message: '404 Resource not found: Connection spec nope does not exist.',
      hint: expect.stringMatching(/id and the sandbox/),
    });
    const empty = await openFromAdobe('nope', { credentials: CREDS, baseUrl: BASE }, api.send);
    expect(empty).toMatchObject({ ok: false, message: expect.stringMatching(/holds no connection spec/) });
  });

  it('no id or no credentials: nothing is sent', async () => {
    const api = flowService();
    expect(await openFromAdobe('', { credentials: CREDS, baseUrl: BASE }, api.send)).toMatchObject({
      ok: false,
    });
    expect(
      await openFromAdobe('x', { credentials: { ...CREDS, accessToken: '' }, baseUrl: BASE }, api.send),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/IMS access token/) });
    expect(api.sent).toHaveLength(0);
  });
});

describe('adobeErrorMessage', () => {
  const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
  it.each([
    [{ title: 'Bad Request', detail: 'name is required' }, 'Bad Request: name is required'],
    [{ title: 'Bad Request', detail: 'Bad Request' }, 'Bad Request'],
    [{ error_code: '403000', message: 'Api Key is invalid' }, 'Api Key is invalid [403000]'],
    [{ title: 'X', report: { errors: [{ message: 'field y' }] } }, 'X: field y'],
    [{ message: 'token SECRET leaked' }, 'token •••• leaked'],
    ['<html><title>Gateway</title></html>', 'Gateway'],
    [{}, ''],
  ])('%j → %s', (body, expected) => {
    expect(adobeErrorMessage(enc(body), 'application/json', ['SECRET'])).toBe(expected);
  });
});
