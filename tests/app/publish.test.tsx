// @vitest-environment happy-dom
/**
 * The Publish to Adobe dialog in happy-dom with a fake sender (no network): the server gate, the
 * id kept with the document (the spec's `id` + the library's note), PUT for a spec with an id, and
 * the credentials kept out of the store, storage and the markup.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADOBE, type HttpRequest, type LiveOutbound, type LiveSend } from '@core';
import { OpenFromAdobeDialog } from '../../src/features/publish/OpenFromAdobeDialog';
import { PublishDialog } from '../../src/features/publish/PublishDialog';
import { setPublishSend } from '../../src/features/publish/publishService';
import { ADOBE_LINKS_KEY, adobeLinkOf, recordAdobeLink } from '../../src/lib/library';
import { resetStore, useSpecStore } from '../../src/store';

const SPEC = readFileSync('public/examples/mailchimp-members.json', 'utf8');
const TOKEN = 'ims-TOKEN-secret-0123456789';
const KEY = 'api-KEY-secret-abcdef';
const NEW_ID = '99999999-8888-4777-8666-555555555555';
const st = () => useSpecStore.getState();

/** A Flow Service in memory: records every outbound, answers like Adobe. */
function fakeAdobe(flowIds: string[] = []) {
  const sent: LiveOutbound[] = [];
  const answer = (status: number, body: unknown) => ({
    ok: true as const,
    status,
    headers: { 'content-type': 'application/json' },
    body: new TextEncoder().encode(JSON.stringify(body)),
    ms: 2,
    redirects: [],
  });
  const send: LiveSend = (o) => {
    sent.push(structuredClone(o));
    const r: HttpRequest = o.request;
    const body = r.body ? (JSON.parse(r.body) as Record<string, unknown>) : {};
    if (r.method === 'POST') return Promise.resolve(answer(200, { ...body, id: NEW_ID }));
    if (r.method === 'GET' && r.url.includes('/flowSpecs/'))
      return Promise.resolve(
        answer(200, { items: [{ id: ADOBE.flowSpecId, sourceConnectionSpecIds: flowIds }] }),
      );
    if (r.method === 'GET')
      return Promise.resolve(
        answer(200, { items: [{ ...(JSON.parse(SPEC) as object), id: 'from-adobe', createdAt: 1 }] }),
      );
    return Promise.resolve(answer(200, body));
  };
  return { send, sent };
}

function fill(dialog: HTMLElement) {
  const d = within(dialog);
  fireEvent.change(d.getByLabelText('IMS access token'), { target: { value: TOKEN } });
  fireEvent.change(d.getByLabelText('API key'), { target: { value: KEY } });
  fireEvent.change(d.getByLabelText('Org id'), { target: { value: 'ORG@AdobeOrg' } });
  fireEvent.change(d.getByLabelText('Sandbox'), { target: { value: 'dev' } });
  fireEvent.change(d.getByLabelText('Base URL'), { target: { value: 'http://127.0.0.1:1' } });
}

const serverUp = () => st().setLiveServer({ state: 'available', version: '0.1.0', allowPrivateHosts: true });

beforeEach(() => {
  resetStore();
  localStorage.clear();
  st().loadDocument(SPEC, 'example');
});
afterEach(() => {
  cleanup();
  setPublishSend(null);
});

describe('PublishDialog', () => {
  it('without the local server: says how to start it, Publish disabled, nothing sent', () => {
    const api = fakeAdobe();
    setPublishSend(api.send);
    st().setLiveServer({ state: 'unavailable' });
    render(<PublishDialog open onClose={() => undefined} />);
    expect(screen.getByRole('note').textContent).toMatch(/run npm start/);
    fill(screen.getByRole('dialog', { hidden: true }));
    const publish = screen.getByRole('button', { name: 'Publish', hidden: true });
    expect(publish).toHaveProperty('disabled', true);
    fireEvent.click(publish);
    expect(api.sent).toHaveLength(0);
  });

  it('publishes (POST, GET, PUT), writes the new id into the spec and notes it in the library', async () => {
    const api = fakeAdobe(['other']);
    setPublishSend(api.send);
    serverUp();
    render(<PublishDialog open onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog', { hidden: true });
    expect(within(dialog).getByText(/Creates a new connection spec \(POST\)/)).toBeTruthy();
    fill(dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Publish', hidden: true }));
    await waitFor(() =>
      expect(within(dialog).getByRole('status', { hidden: true }).textContent).toMatch(/^Published/),
    );
    expect(api.sent.map((o) => o.request.method)).toEqual(['POST', 'GET', 'PUT']);
    expect((st().doc as { id?: string }).id).toBe(NEW_ID);
    expect(adobeLinkOf(st().docId)).toMatchObject({
      connectionSpecId: NEW_ID,
      sandbox: 'dev',
      how: 'published',
    });
    expect(within(dialog).getByText(/Next publish updates connection spec/)).toBeTruthy();
    // the credentials live in the dialog's memory only
    const everywhere = [
      JSON.stringify({ ...localStorage }),
      dialog.outerHTML,
      JSON.stringify(st(), (_, v: unknown) => (typeof v === 'function' ? undefined : v)),
    ].join('\n');
    expect(everywhere).not.toContain(TOKEN);
    expect(everywhere).not.toContain(KEY);
  });

  it('a spec with an id is a PUT of that id; "Create a new one instead" makes it a POST without it', async () => {
    const api = fakeAdobe([]);
    setPublishSend(api.send);
    serverUp();
    st().updateAt('/id', 'abc');
    render(<PublishDialog open onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog', { hidden: true });
    fill(dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Publish', hidden: true }));
    await waitFor(() =>
      expect(within(dialog).getByRole('status', { hidden: true }).textContent).toMatch(/^Published/),
    );
    expect(api.sent[0]?.request.method).toBe('PUT');
    expect(api.sent[0]?.request.url).toBe(`http://127.0.0.1:1${ADOBE.flowServicePath}/connectionSpecs/abc`);
    fireEvent.click(within(dialog).getByRole('checkbox', { hidden: true }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Publish', hidden: true }));
    await waitFor(() => expect(api.sent).toHaveLength(6));
    expect(api.sent[3]?.request.method).toBe('POST');
    expect(JSON.parse(api.sent[3]?.request.body ?? '{}')).not.toHaveProperty('id');
  });
});

describe('OpenFromAdobeDialog', () => {
  it('GETs the id and hands the spec (server-set fields kept) to the caller', async () => {
    const api = fakeAdobe();
    setPublishSend(api.send);
    serverUp();
    const opened: unknown[] = [];
    render(<OpenFromAdobeDialog open onClose={() => undefined} onOpen={(o) => opened.push(o)} />);
    const dialog = screen.getByRole('dialog', { hidden: true });
    fireEvent.change(within(dialog).getByLabelText('Connection spec id'), {
      target: { value: 'from-adobe' },
    });
    fill(dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Open', hidden: true }));
    await waitFor(() => expect(opened).toHaveLength(1));
    expect(api.sent[0]?.request.url).toBe(
      `http://127.0.0.1:1${ADOBE.flowServicePath}/connectionSpecs/from-adobe`,
    );
    const o = opened[0] as { text: string; connectionSpecId: string; sandbox: string };
    expect(JSON.parse(o.text)).toMatchObject({ id: 'from-adobe', createdAt: 1 });
    expect(o).toMatchObject({ connectionSpecId: 'from-adobe', sandbox: 'dev' });
  });
});

describe('library: the Adobe link of a document', () => {
  it('round-trips, is per document, and a corrupt map reads as none', () => {
    expect(adobeLinkOf('d1')).toBeNull();
    recordAdobeLink('d1', { connectionSpecId: 'x', sandbox: 's', how: 'opened', at: 5 });
    expect(adobeLinkOf('d1')).toEqual({ connectionSpecId: 'x', sandbox: 's', how: 'opened', at: 5 });
    expect(adobeLinkOf('d2')).toBeNull();
    expect(adobeLinkOf('__proto__')).toBeNull();
    localStorage.setItem(ADOBE_LINKS_KEY, '{not json');
    expect(adobeLinkOf('d1')).toBeNull();
  });
});
