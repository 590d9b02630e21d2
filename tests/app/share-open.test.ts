// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeShareLink, shareFragmentValue } from '../../src/core';
import { saveCurrentToLibrary } from '../../src/features/library/librarySync';
import {
  makeShareLink,
  openShareFragment,
  storedSampleTexts,
} from '../../src/features/share/shareLinkActions';
import { idbPut } from '../../src/lib/idb';
import { listEntries, readEntryText } from '../../src/lib/library';
import { resetStore, useSpecStore } from '../../src/store';
import type { StoredSamples } from '../../src/store/docDataTypes';

const st = () => useSpecStore.getState();
const SHARED = JSON.stringify({ name: 'Shared spec', version: '1.0' }, null, 2);
const hashOf = (url: string) => url.slice(url.indexOf('#'));
const link = (samples?: Array<{ name: string; text: string }>) => {
  const r = encodeShareLink({ spec: SHARED, samples }, 'http://127.0.0.1/');
  if (!r.ok) throw new Error(r.message);
  return hashOf(r.url);
};
const hooks = (over: Partial<Parameters<typeof openShareFragment>[1]> = {}) => ({
  beforeLoad: saveCurrentToLibrary,
  addSample: vi.fn(),
  confirm: vi.fn(() => false),
  ...over,
});
const lastToast = () => st().toasts.at(-1);

beforeEach(() => {
  localStorage.clear();
  resetStore();
});

describe('opening a share link', () => {
  it('is not a share link: nothing happens', () => {
    expect(openShareFragment('#section=2', hooks())).toBe(false);
    expect(st().toasts).toEqual([]);
  });

  it('opens the spec as a new library document after keeping the edited one', () => {
    st().loadDocument('{"name":"Mine"}', 'paste');
    st().setText('{"name":"Mine, edited"}');
    const mine = st().docId;
    const h = hooks();
    expect(openShareFragment(link([{ name: 'p1.json', text: '{"members":[]}' }]), h)).toBe(true);
    expect(st().text).toBe(SHARED);
    expect(st().docId).not.toBe(mine);
    expect(readEntryText(mine)).toBe('{"name":"Mine, edited"}');
    expect(readEntryText(st().docId)).toBe(SHARED);
    expect(
      listEntries()
        .map((e) => e.name)
        .sort(),
    ).toEqual(['Mine, edited', 'Shared spec']);
    expect(h.addSample).toHaveBeenCalledWith('{"members":[]}', 'p1.json');
    expect(h.confirm).not.toHaveBeenCalled();
    expect(lastToast()?.message).toMatch(
      /Opened the shared spec “Shared spec” as a new document in the library\. 1 sample page added\. Your previous spec “Mine, edited” is in the library\./,
    );
  });

  it.each([
    ['truncated', () => link().slice(0, -15)],
    ['bad base64', () => '#share=1.@@@'],
    ['unknown version', () => '#share=7.AAAA'],
  ])('a %s link says so and changes nothing', (_name, hash) => {
    st().loadDocument('{"name":"Mine"}', 'paste');
    st().setText('{"name":"Mine, typed"}');
    const before = { text: st().text, docId: st().docId, history: st().history };
    expect(openShareFragment(hash(), hooks())).toBe(true);
    expect({ text: st().text, docId: st().docId, history: st().history }).toEqual(before);
    expect(listEntries()).toEqual([]);
    expect(lastToast()).toMatchObject({
      tone: 'error',
      message: expect.stringMatching(/Your current spec is unchanged\.$/) as string,
    });
  });

  it('asks before replacing edits that could not be kept, and keeps them when the user says no', () => {
    st().loadDocument('{"name":"Mine"}', 'paste');
    st().setText('{"name":"Mine, typed"}');
    const confirm = vi.fn(() => false);
    openShareFragment(link(), hooks({ beforeLoad: () => null, confirm }));
    expect(confirm).toHaveBeenCalledOnce();
    expect(st().text).toBe('{"name":"Mine, typed"}');
    const yes = vi.fn(() => true);
    openShareFragment(link(), hooks({ beforeLoad: () => null, confirm: yes }));
    expect(st().text).toBe(SHARED);
  });
});

describe('making a share link', () => {
  it('includes the samples stored for the document, never the run inputs', async () => {
    st().loadDocument('{"name":"With samples"}', 'paste');
    const stored: StoredSamples = {
      version: 1,
      pages: [
        { meta: { id: 'a', name: 'p1.json', origin: 'file', size: 2, status: 'ok' }, source: '[1]' },
        {
          meta: { id: 'b', name: 'p2.json', origin: 'file', size: 2, status: 'ok' },
          source: '[2]',
        },
      ],
      runInputs: { params: { token: 'run-input-secret' } } as unknown as StoredSamples['runInputs'],
    };
    await idbPut('samples', st().docId, stored);
    expect(await storedSampleTexts(st().docId)).toEqual([
      { name: 'p1.json', text: '[1]' },
      { name: 'p2.json', text: '[2]' },
    ]);
    const { result: r, samplesUnreadable } = await makeShareLink('http://127.0.0.1/app');
    expect(samplesUnreadable).toBe(false);
    expect(r).toMatchObject({ ok: true, samples: 'included' });
    if (!r.ok) return;
    const addSample = vi.fn();
    resetStore();
    openShareFragment(hashOf(r.url), hooks({ addSample }));
    expect(st().text).toBe('{"name":"With samples"}');
    expect(addSample.mock.calls).toEqual([
      ['[1]', 'p1.json'],
      ['[2]', 'p2.json'],
    ]);
    expect(shareFragmentValue(hashOf(r.url))).not.toBeNull();
    expect(decodeURIComponent(r.url)).not.toContain('run-input-secret');
  });

  it('refuses while the JSON does not parse', async () => {
    st().setText('{"name":');
    expect((await makeShareLink('http://127.0.0.1/')).result).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('says so when a stored page cannot be read, and shares the spec without samples', async () => {
    st().loadDocument('{"name":"Odd samples"}', 'paste');
    const bad = {
      version: 1,
      pages: [{ meta: { name: 'x.json' }, source: { not: 'a blob' } }],
      runInputs: {},
    };
    await idbPut('samples', st().docId, bad);
    const made = await makeShareLink('http://127.0.0.1/');
    expect(made.samplesUnreadable).toBe(true);
    expect(made.result).toMatchObject({ ok: true, samples: 'none' });
  });
});
