// @vitest-environment happy-dom
/**
 * Issue 12 item 3 (JSON keystroke on a 1 MB spec): per-keystroke work that scanned the whole
 * document on the main thread is gone. Each mechanism is checked here by what it avoids.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JsonValue } from '@core';
import * as textDiff from '../../src/lib/textDiff';
import { hintedReplacement } from '../../src/lib/textDiff';
import { useSpecStore } from '../../src/store';
import { toSession } from '../../src/store/persistConfig';
import * as storable from '../../src/store/storableText';
import { SecretsBanner, SECRETS_SETTLE_MS } from '../../src/app/SecretsBanner';
import { createPreviewClient, type WorkerLike } from '../../src/workers/previewClient';
import { createPreviewEngine } from '../../src/workers/previewEngine';
import { createModelElider } from '../../src/workers/previewElide';
import type { PreviewInput, PreviewRequest, PreviewWireResponse } from '../../src/workers/previewProtocol';

const st = () => useSpecStore.getState();

describe('JSON typing: the change Monaco reports reaches the undo history without a whole-text diff', () => {
  it('setText with a hint records the hinted change and runs no minimalReplacement', () => {
    act(() => st().loadDocument('{\n  "name": "abc"\n}\n', 'file'));
    const before = st().text;
    const at = before.indexOf('abc') + 3;
    const next = `${before.slice(0, at)}d${before.slice(at)}`;
    const diff = vi.spyOn(textDiff, 'minimalReplacement');
    try {
      act(() => st().setText(next, { start: at, end: at, text: 'd', base: before }));
      expect(diff).not.toHaveBeenCalled();
    } finally {
      diff.mockRestore();
    }
    expect(st().text).toBe(next);
    expect(st().history.undo.at(-1)).toEqual({ start: at, removed: '', inserted: 'd' });
    act(() => {
      st().undo();
    });
    expect(st().text).toBe(before);
  });

  it('a hint that does not hold is ignored: the change is diffed, so undo still restores the text', () => {
    act(() => st().loadDocument('{\n  "name": "abc"\n}\n', 'file'));
    const before = st().text;
    const next = before.replace('abc', 'abX');
    act(() => st().setText(next, { start: 0, end: 0, text: 'X', base: before }));
    expect(st().history.undo.at(-1)).toEqual({
      start: before.indexOf('abc') + 2,
      removed: 'c',
      inserted: 'X',
    });
    act(() => {
      st().undo();
    });
    expect(st().text).toBe(before);
  });

  it('hintedReplacement checks the hint (base, lengths, surrogate pairs)', () => {
    const base = 'abc';
    expect(hintedReplacement('abc', 'abXc', { start: 2, end: 2, text: 'X', base })).toEqual({
      start: 2,
      end: 2,
      text: 'X',
    });
    // Made on another text, or not matching the new text: the real minimal change instead.
    expect(hintedReplacement('abc', 'abXc', { start: 2, end: 2, text: 'X', base: 'xyz' })).toEqual({
      start: 2,
      end: 2,
      text: 'X',
    });
    expect(hintedReplacement('abc', 'abXc', { start: 2, end: 2, text: 'Y', base })).toEqual({
      start: 2,
      end: 2,
      text: 'X',
    });
    // A hint splitting a surrogate pair is not used.
    const pair = 'a\uD83D\uDE00b';
    const split = { start: 2, end: 3, text: '\uDE01', base: pair };
    const after = 'a\uD83D\uDE01b';
    expect(hintedReplacement(pair, after, split)).toEqual({ start: 1, end: 3, text: '\uD83D\uDE01' });
    expect(hintedReplacement('same', 'same', { start: 0, end: 0, text: '', base: 'same' })).toBeNull();
  });
});

describe('secret values: the whole-document walk is not on the keystroke', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const SECRET_SPEC = JSON.stringify(
    {
      name: 's',
      sourceSpec: {
        spec: { properties: { token: { type: 'string', format: 'password', default: 'hunter2' } } },
      },
    },
    null,
    2,
  );

  it('autosave works out the stored text when it reads it, not when the state changes', () => {
    act(() => st().loadDocument(SECRET_SPEC, 'file'));
    const walk = vi.spyOn(storable, 'storableText');
    try {
      const session = toSession(st());
      expect(walk).not.toHaveBeenCalled();
      expect(session.text).not.toContain('hunter2');
      expect(session.text).toBe(session.text);
      expect(walk).toHaveBeenCalledTimes(1);
      expect(Object.keys(session)[0]).toBe('text');
    } finally {
      walk.mockRestore();
    }
  });

  it('the banner looks again once typing pauses; a form edit is seen at once', () => {
    act(() => st().loadDocument(SECRET_SPEC, 'file'));
    render(<SecretsBanner />);
    expect(screen.getByRole('status').textContent).toMatch(/1 secret value/);
    const walk = vi.spyOn(storable, 'secretPointersOf');
    try {
      for (const ch of 'abc') {
        const t = st().text;
        const at = t.indexOf('"name": "') + 9;
        act(() => st().setText(`${t.slice(0, at)}${ch}${t.slice(at)}`));
      }
      expect(st().parseError).toBeNull();
      // Typing: the banner keeps the document it last looked at (no new walk per keystroke).
      const docs = new Set(walk.mock.calls.map((c) => c[0]));
      expect(docs.has(st().doc)).toBe(false);
      const t = st().text;
      act(() => st().setText(t.replace('"default": "hunter2"', '"default": null')));
      expect(screen.getByRole('status').textContent).toMatch(/1 secret value/);
      act(() => vi.advanceTimersByTime(SECRETS_SETTLE_MS + 10));
      expect(walk.mock.calls.some((c) => c[0] === st().doc)).toBe(true);
      expect(screen.queryByRole('status')).toBeNull();
      act(() => {
        st().updateAt('/sourceSpec/spec/properties/token/default', 'again');
      });
      expect(screen.getByRole('status').textContent).toMatch(/1 secret value/);
    } finally {
      walk.mockRestore();
    }
  });
});

const fixture = (name: string) => readFileSync(join(process.cwd(), 'tests/fixtures/preview', name), 'utf8');
const spec = JSON.parse(fixture('mailchimp.spec.json')) as JsonValue;

describe('preview worker: an unchanged spec model is not sent back', () => {
  /** A worker double running the engine as the real worker does (models elided); records what it posts. */
  function fakeWorker() {
    const engine = createPreviewEngine();
    const elide = createModelElider();
    const inbox: PreviewRequest[] = [];
    const sent: PreviewWireResponse[] = [];
    const w: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage: (msg) => inbox.push(msg),
      terminate: () => undefined,
    };
    const flush = async (): Promise<void> => {
      for (const msg of inbox.splice(0)) {
        // Cloned, as postMessage does: the client cannot rely on identity across the boundary.
        const out = structuredClone(elide(await engine.handle(msg)));
        sent.push(out);
        w.onmessage?.({ data: out } as MessageEvent<PreviewWireResponse>);
      }
    };
    return { factory: () => w, flush, sent };
  }
  const input = (revision: number, doc: JsonValue): PreviewInput => ({
    revision,
    doc,
    pageIds: [],
    run: { params: { domain: 'us6', listId: 'L1', accessToken: 'tok' }, now: Date.UTC(2026, 0, 2) },
    matchPageId: null,
  });

  it('the second answer with an equal model carries none; the client gives back the last model', async () => {
    const fake = fakeWorker();
    const client = createPreviewClient(fake.factory);
    const first = client.preview(input(1, spec));
    await fake.flush();
    const a = await first;
    const second = client.preview(input(2, structuredClone(spec)));
    await fake.flush();
    const b = await second;
    expect(
      fake.sent.map((m) =>
        m.kind === 'preview' ? 'model' in m.result && m.result.model !== undefined : null,
      ),
    ).toEqual([true, false]);
    expect(b?.revision).toBe(2);
    expect(b?.model).toBe(a?.model);
    // A changed model is sent again.
    const changed = structuredClone(spec) as { name?: string };
    changed.name = 'Renamed';
    const third = client.preview(input(3, changed as JsonValue));
    await fake.flush();
    const c = await third;
    expect(fake.sent[2]?.kind === 'preview' && fake.sent[2].result.model !== undefined).toBe(true);
    expect(c?.model).not.toBe(a?.model);
    expect(c?.model).toEqual(
      createPreviewEngine() &&
        (await createPreviewClient(null).preview(input(9, changed as JsonValue)))?.model,
    );
  });
});
