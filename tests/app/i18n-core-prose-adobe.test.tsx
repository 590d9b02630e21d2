// @vitest-environment happy-dom
/**
 * Core prose of publishing, the submission kit, share links, flow exports and change summaries as
 * codes + params (issue 15): for every code, the English catalogue renders exactly the core's English
 * message (the params and the catalogue agree), and French renders something else.
 */
import { readFileSync } from 'node:fs';
import { cleanup, render, screen } from '@testing-library/react';
import { deflateSync, strToU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ADOBE,
  checkKit,
  decodeShareLink,
  encodeShareLink,
  flowScript,
  openFromAdobe,
  postmanFiles,
  publishSteps,
  screenSvg,
  summariseChanges,
  type AdobeCredentials,
  type DiagnosticParams,
  type StartProblemCode,
  type HttpRequest,
  type JsonObject,
  type JsonValue,
  type KitInput,
  type PublishStep,
} from '../../src/core';
import { changeText } from '../../src/features/changes/changeText';
import { PublishStepList } from '../../src/features/publish/PublishStepList';
import { startProblemText, stepHint, stepMessage } from '../../src/features/publish/publishText';
import { shareDecodeText, shareEncodeText } from '../../src/features/share/shareText';
import { flowProblemText } from '../../src/features/submission/flowExports';
import { kitCodeText, svgRefusalText } from '../../src/features/submission/kitText';
import { toBase64Url } from '../../src/core/share/base64url';
import { setLocale } from '../../src/i18n';
import { fakeApi, json, type Reply } from '../core/live.helpers';

const MAILCHIMP = readFileSync('public/examples/mailchimp-members.json', 'utf8');

afterEach(async () => {
  cleanup();
  await setLocale('en', false);
});

/** `render(x)` equals `english` in English and differs from it in French. */
async function agrees<T>(cases: readonly T[], render: (x: T) => string, english: (x: T) => string) {
  await setLocale('en', false);
  for (const c of cases) expect(render(c)).toBe(english(c));
  await setLocale('fr', false);
  for (const c of cases) expect(render(c), english(c)).not.toBe(english(c));
  await setLocale('en', false);
}

describe('change summaries', () => {
  it('every code renders the core English and is translated', async () => {
    const pairs: Array<[JsonValue, JsonValue]> = [
      [{ paginationParams: { type: 'OFFSET' } }, { paginationParams: { type: 'PAGE' } }],
      [{ a: { x: 1 } }, { a: 1 }],
      [{ a: 1 }, { a: 1, b: 'x' }],
      [{ a: 1, b: 'x' }, { a: 1 }],
      [{ queryParams: {} }, { queryParams: { a: '1', b: '2' } }],
      [{ queryParams: { a: '1', b: '2' } }, { queryParams: {} }],
      [{ authSpec: [{ name: 'A' }] }, { authSpec: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] }],
      [{ authSpec: [{ name: 'A' }, { name: 'B' }] }, { authSpec: [{ name: 'A' }] }],
      [{ authSpec: [{ name: 'A' }] }, { authSpec: [{ name: 'A' }, { name: 'B' }] }],
      [{ tags: ['a'] }, { tags: ['a', 'b', 'c'] }],
      [{ a: 1 }, [1]],
      [{ authSpec: [{ name: 'Basic', type: 'x' }] }, { authSpec: [{ name: 'Basic', type: 'y' }] }],
    ];
    const entries = pairs.flatMap(([b, a]) => summariseChanges(b, a).entries);
    const codes = new Set(entries.map((e) => e.code));
    expect([...codes].sort()).toEqual(
      [
        'value-changed',
        'value-replaced',
        'member-added',
        'member-removed',
        'members-added',
        'members-removed',
        'items-added',
        'items-removed',
        'list-length',
      ].sort(),
    );
    await agrees(entries, changeText, (e) => e.message);
    await setLocale('fr', false);
    expect(changeText(entries[0]!)).toBe('paginationParams.type : OFFSET → PAGE');
  });
});

describe('share links', () => {
  const link = (payload: string) => `1.${toBase64Url(deflateSync(strToU8(payload)))}`;
  const deep = '['.repeat(300) + ']'.repeat(300);
  it('every decode problem renders the core English and is translated', async () => {
    const values = [
      'x'.repeat(50),
      'nodot',
      '1.@@@',
      '1.AAAA',
      link('hello'),
      link('{}'),
      link(JSON.stringify({ spec: '{}', samples: [1] })),
      '2.abc',
      `1.${toBase64Url(deflateSync(new Uint8Array(9 * 1024 * 1024), { level: 9 }))}`,
      link(deep),
      link(JSON.stringify({ spec: deep })),
    ];
    const results = values.map((v, i) => decodeShareLink(v, i === 0 ? 10 : undefined));
    const failed = results.map((r) => {
      if (r.ok) throw new Error('opened');
      return r;
    });
    expect(new Set(failed.map((r) => r.code))).toEqual(
      new Set(['too-long', 'damaged', 'version', 'too-big', 'deep']),
    );
    await agrees(failed, shareDecodeText, (r) => r.message);
  });

  it('encode problems render the core English and are translated', async () => {
    const results = [
      encodeShareLink({ spec: deep }, 'http://x/'),
      encodeShareLink({ spec: '{' }, 'http://x/'),
    ];
    const invalid = results.map((r) => {
      if (r.ok || r.reason !== 'invalid') throw new Error('not invalid');
      return r;
    });
    await agrees(invalid, shareEncodeText, (r) => r.message);
  });
});

describe('flow exports', () => {
  it('every failure renders the core English and is translated', async () => {
    const results = [
      flowScript('not json'),
      flowScript('[]'),
      postmanFiles('{}'),
      postmanFiles(MAILCHIMP, { authSpecName: 'Nope' }),
    ].map((r) => {
      if (r.ok) throw new Error('written');
      return r;
    });
    expect(results.map((r) => r.code)).toEqual([
      'invalid-json',
      'not-object',
      'no-auth-spec',
      'unknown-auth-spec',
    ]);
    await agrees(results, flowProblemText, (r) => r.message);
  });
});

describe('publishing and opening', () => {
  const CREDS: AdobeCredentials = {
    accessToken: 'tok',
    apiKey: 'key',
    orgId: 'ORG@AdobeOrg',
    sandbox: 'prod',
  };
  const BASE = 'http://127.0.0.1:9';
  const ID = '11111111-2222-4333-8444-555555555555';
  const flowSpec = (ids: string[]) => ({ items: [{ id: ADOBE.flowSpecId, sourceConnectionSpecIds: ids }] });
  const service = (over: (r: HttpRequest) => Reply | undefined = () => undefined) =>
    fakeApi((r) => {
      const o = over(r);
      if (o) return o;
      if (r.method === 'POST') return json({ id: ID });
      if (r.method === 'PUT' && r.url.includes('/connectionSpecs/')) return json({});
      if (r.method === 'GET' && r.url.includes('/flowSpecs/')) return json(flowSpec(['other']));
      if (r.method === 'PUT') return json({});
      return json({ title: 'Not Found', status: 404 }, 404);
    });

  it('every step message and hint renders the core English and is translated', async () => {
    const steps: PublishStep[] = [];
    const hints: PublishStep[] = [];
    const run = async (api: ReturnType<typeof service>, existingId?: string) => {
      const r = await publishSteps(MAILCHIMP, { credentials: CREDS, baseUrl: BASE, existingId }, api.send);
      for (const s of r.steps) if (s.message) steps.push(s);
      for (const s of r.steps) if (s.hint) hints.push(s);
    };
    await run(service()); // created, sources-listed, id-added
    await run(service(), 'abc'); // updated
    await run(service((r) => (r.method === 'GET' ? json(flowSpec([ID])) : undefined))); // already-there
    await run(
      service((r) => (r.method === 'POST' ? json({ title: 'Bad', detail: 'no way' }, 400) : undefined)),
    );
    await run(service((r) => (r.method === 'POST' ? { status: 500, raw: '' } : undefined)));
    await run(service((r) => (r.method === 'POST' ? json({}) : undefined))); // no-spec-id
    await run(service((r) => (r.method === 'GET' ? json([]) : undefined))); // no-flow-spec
    await run(
      service((r) =>
        r.method === 'POST' ? { ok: false, error: 'refused', message: 'host refused', ms: 0 } : undefined,
      ),
    );
    await run(
      service((r) =>
        r.method === 'POST' ? { ok: false, error: 'network-error', message: 'DNS failed', ms: 0 } : undefined,
      ),
    );
    const thrower = await publishSteps(MAILCHIMP, { credentials: CREDS, baseUrl: BASE }, () =>
      Promise.reject(new Error('boom')),
    );
    steps.push(...thrower.steps.filter((s) => s.message));
    const open = async (answer: unknown) =>
      openFromAdobe('abc', { credentials: CREDS, baseUrl: BASE }, service(() => json(answer)).send);
    const spec = JSON.parse(MAILCHIMP) as JsonObject;
    const opened = [
      await open({ items: [spec] }),
      await open({ items: [{ ...spec, name: 1 }] }),
      await open({ items: [] }),
      await open({ items: [{ foo: 1 }] }),
    ];
    for (const o of opened) if (o.step) steps.push(o.step);
    const codes = new Set(steps.map((s) => s.code));
    for (const c of [
      'created',
      'updated',
      'sources-listed',
      'already-there',
      'id-added',
      'spec-read',
      'spec-read-unnamed',
      'no-spec-id',
      'no-flow-spec',
      'open-no-spec',
      'open-not-a-spec',
      'adobe-error',
      'adobe-no-message',
      'send-failed',
      'request-failed',
    ])
      expect(codes, c).toContain(c);
    // the sender's own words (send-failed), Adobe's (adobe-error: "{status} {error}") stay as given
    const translated = steps.filter((s) => s.code !== 'send-failed' && s.code !== 'adobe-error');
    await agrees(translated, stepMessage, (s) => s.message);
    await setLocale('en', false);
    for (const s of steps) expect(stepMessage(s)).toBe(s.message);
    expect(new Set(hints.map((h) => h.hintCode))).toEqual(
      new Set(['status', 'refused-host', 'network', 'base-url', 'base-url-sandbox']),
    );
    await agrees(hints, stepHint, (s) => s.hint ?? '');
    const notSpec = opened[3]!;
    if (notSpec.ok || !notSpec.step) throw new Error('opened');
    expect(notSpec.step.hintCode).toBe('id-sandbox');
    // the core's description of the answer is worded in French too (its document-kind code)
    await setLocale('fr', false);
    expect(stepMessage(notSpec.step)).not.toContain(String(notSpec.step.params?.['why']));
    await setLocale('en', false);
    await agrees([notSpec.step], stepHint, () => notSpec.hint ?? '');
  });

  it('every reason nothing was sent renders the core English and is translated', async () => {
    const api = service();
    const results = [
      await publishSteps(
        MAILCHIMP,
        { credentials: { ...CREDS, apiKey: '', sandbox: ' ' }, baseUrl: BASE },
        api.send,
      ),
      ...['ftp://x', 'http://x/?q', 'nope', 'http://u@x', 'http://'].map(
        async (baseUrl) => await publishSteps(MAILCHIMP, { credentials: CREDS, baseUrl }, api.send),
      ),
      await publishSteps('{', { credentials: CREDS, baseUrl: BASE }, api.send),
      await publishSteps('{"a": 1}', { credentials: CREDS, baseUrl: BASE }, api.send),
      await openFromAdobe(' ', { credentials: CREDS, baseUrl: BASE }, api.send),
    ];
    const all = (await Promise.all(results)).map((r) => {
      if (r.ok) throw new Error('sent');
      return r as { message: string; code?: StartProblemCode; params?: DiagnosticParams };
    });
    expect(api.sent).toHaveLength(0);
    expect(all.map((r) => r.code)).toEqual([
      'missing-credentials',
      'base-url',
      'base-url',
      'base-url',
      'base-url',
      'base-url',
      'invalid-json',
      'not-connection-spec',
      'no-id',
    ]);
    await agrees(all, startProblemText, (r) => r.message);
  });

  it('the step list shows a translated result and hint in French', async () => {
    const api = service((r) => (r.method === 'POST' ? json({ title: 'Nope' }, 401) : undefined));
    const r = await publishSteps(MAILCHIMP, { credentials: CREDS, baseUrl: BASE }, api.send);
    await setLocale('fr', false);
    render(<PublishStepList steps={r.steps} label="x" context={{ kind: 'publish' }} />);
    expect(screen.getByText('401 Nope')).toBeTruthy();
    expect(screen.getByText(/jeton d’accès IMS/)).toBeTruthy();
  });
});

describe('submission kit checks', () => {
  const input = (over: Partial<KitInput>): KitInput => ({
    specText: MAILCHIMP,
    source: 'mailchimp-members',
    label: 'Mailchimp Members',
    description: 'Members of a Mailchimp list',
    category: 'marketingAutomation',
    icon: '<svg xmlns="http://www.w3.org/2000/svg"/>',
    ...over,
  });
  const byId = (i: KitInput, id: string) => checkKit(i).find((c) => c.id === id)!;

  it('every code renders the core English and is translated', async () => {
    const spec = JSON.parse(MAILCHIMP) as JsonObject;
    const noUi = (ui: JsonObject) =>
      JSON.stringify({
        ...spec,
        sourceSpec: {
          ...(spec.sourceSpec as JsonObject),
          attributes: { ...((spec.sourceSpec as JsonObject).attributes as JsonObject), uiAttributes: ui },
        },
      });
    const checks = [
      byId(input({ specText: '{' }), 'spec'),
      ...['Ab', 'a b', '-ab', 'a--b', 'a', 'a'.repeat(70)].map((source) => byId(input({ source }), 'source')),
      byId(input({ category: 'nope' }), 'category'),
      byId(input({ icon: '   ' }), 'icon'),
      byId(
        input({ specText: noUi({ label: {}, icon: { key: 'x' }, description: { text: 'other' } }) }),
        'uiAttributes',
      ),
      byId(
        input({
          specText: noUi({
            label: { text: 'Mailchimp Members' },
            description: { text: 'Members of a Mailchimp list' },
            icon: { text: 'i' },
            category: { key: 'crm' },
          }),
        }),
        'uiAttributes',
      ),
      byId(
        input({
          specText: noUi({
            label: { text: 'Mailchimp Members' },
            description: { text: 'Members of a Mailchimp list' },
            icon: { text: 'i' },
          }),
        }),
        'uiAttributes',
      ),
    ];
    expect(checks.every((c) => c.code !== undefined)).toBe(true);
    await agrees(checks, kitCodeText, (c) => c.message);
    const ui = checks.filter((c) => c.code === 'ui-problems').flatMap((c) => c.items ?? []);
    expect(new Set(ui.map((i) => i.code))).toEqual(
      new Set([
        'ui-no-key-or-text',
        'ui-key-mismatch',
        'ui-text-differs',
        'ui-no-category',
        'ui-category-mismatch',
      ]),
    );
  });

  it('every icon refusal renders the core English and is translated', async () => {
    const svg = (inner: string, attrs = '') =>
      `<svg xmlns="http://www.w3.org/2000/svg"${attrs}>${inner}</svg>`;
    const icons: Array<string | Uint8Array> = [
      'x'.repeat(200 * 1024),
      new Uint8Array([0xff, 0xfe, 0x00]),
      '',
      '<svg',
      '<!DOCTYPE svg><svg xmlns="http://www.w3.org/2000/svg"/>',
      '<?xml-stylesheet href="a.css"?><svg xmlns="http://www.w3.org/2000/svg"/>',
      '<html/>',
      '<x:svg xmlns:x="urn:x"/>',
      svg('<script/>'),
      svg('', ' onload="x()"'),
      svg('<a href="javascript:x()"/>'),
      svg('<image href="data:image/png;base64,AA"/>'),
      svg('<image href="http://evil/x.png"/>'),
      svg('<g style="fill: red\\"/>'),
      svg('<g style="@import \'x\'"/>'),
      svg('<g style="background: image-set(\'x\' 1x)"/>'),
      svg('<g fill="url(http://evil/x)"/>'),
      svg('<set attributeName="href" to="x"/>'),
      svg('<style>g { fill: url(http://evil) }</style>'),
      svg('<style>@import "x";</style>'),
    ];
    const refused = icons.map((i) => {
      const r = screenSvg(i);
      if (r.ok) throw new Error(`accepted ${String(i)}`);
      return r;
    });
    const codes = new Set(refused.map((r) => r.code));
    for (const c of [
      'too-large',
      'not-utf8',
      'empty',
      'not-xml',
      'doctype',
      'processing-instruction',
      'not-svg-root',
      'element',
      'attribute',
      'style',
    ])
      expect(codes, c).toContain(c);
    await agrees(
      refused,
      (r) => svgRefusalText(r.code, r.params, r.reason),
      (r) => r.reason,
    );
  });
});
