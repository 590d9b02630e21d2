// @vitest-environment happy-dom
/**
 * Issue 8 B5: opening a file decodes strict UTF-8 (BOM handled); an empty, binary, UTF-16 or non-JSON
 * file is refused with a message and leaves the spec and its undo history untouched; Adobe's GET
 * wrapper opens the spec inside; an API response is added as a sample page instead.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StartMenu, useOpenFile } from '../../src/features/import-export/StartMenu';
import { resetStore, useSpecStore } from '../../src/store';

const st = () => useSpecStore.getState();
/** Adobe's verbatim examples, kept beside the clone (shared/reference/examples). */
const EXAMPLES = join(process.cwd(), '../shared/reference/examples');
const shared = (f: string) => readFileSync(join(EXAMPLES, f));
const BEFORE = '{\n  "name": "before"\n}\n';

beforeEach(() => {
  localStorage.clear();
  resetStore();
  st().loadDocument(BEFORE, 'paste');
  act(() => st().setText(BEFORE.replace('before', 'edited')));
});
afterEach(cleanup);

function open(bytes: Uint8Array | string, name = 'file.json') {
  const onSample = vi.fn();
  const onBefore = vi.fn(() => null);
  const { result } = renderHook(() => useOpenFile(onBefore, onSample));
  const part = typeof bytes === 'string' ? bytes : new Uint8Array(bytes);
  const file = new File([part], name, { type: 'application/json' });
  return { run: () => act(() => result.current(file)), onSample, onBefore };
}

const utf16le = (s: string) => new Uint8Array([...s].flatMap((c) => [c.charCodeAt(0), 0]));

describe('opening a file that is not a spec', () => {
  it.each([
    ['an empty file', new Uint8Array(0), /empty/],
    ['a file of white space', '  \n ', /empty/],
    [
      'a PNG image',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      /PNG image/,
    ],
    ['a ZIP archive', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]), /ZIP archive/],
    ['UTF-16 without a BOM', utf16le('{"name": "x"}'), /UTF-16/],
    ['UTF-16 with a BOM', new Uint8Array([0xff, 0xfe, ...utf16le('{}')]), /UTF-16/],
    ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]), /not valid UTF-8/],
    ['text that is not JSON', '{"name": "x",\n  oops }', /not valid JSON .*line 2, column 3/],
  ] as Array<[string, Uint8Array | string, RegExp]>)(
    '%s is refused with a message; the spec and its undo history are untouched',
    async (_n, bytes, pattern) => {
      const { text, history, docId } = st();
      const { run, onSample, onBefore } = open(bytes, 'bad.json');
      await run();
      const toast = st().toasts.at(-1);
      expect(toast?.tone).toBe('error');
      expect(toast?.message).toMatch(/^“bad\.json” was not opened: /);
      expect(toast?.message).toMatch(pattern);
      expect(st().text).toBe(text);
      expect(st().history).toBe(history);
      expect(st().docId).toBe(docId);
      expect(onSample).not.toHaveBeenCalled();
      expect(onBefore).not.toHaveBeenCalled();
    },
  );

  it('an API response is added as a sample page instead; the spec is untouched', async () => {
    const { text, history } = st();
    const bytes = shared('mailchimp-members.api-response.legacy.json');
    const { run, onSample, onBefore } = open(new Uint8Array(bytes), 'members.json');
    await run();
    expect(onSample).toHaveBeenCalledWith(bytes.toString('utf8'), 'members.json');
    expect(onBefore).not.toHaveBeenCalled();
    expect(st().text).toBe(text);
    expect(st().history).toBe(history);
    expect(st().toasts.at(-1)?.message).toMatch(
      /looks like an API response.*added to the preview as a sample page/,
    );
  });
});

describe('opening a spec file', () => {
  it('decodes UTF-8 with a BOM and loads the spec', async () => {
    const spec = '{\n  "name": "Été ✓",\n  "type": "generic-rest"\n}\n';
    const { run, onBefore } = open(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(spec)]));
    await run();
    expect(onBefore).toHaveBeenCalledOnce();
    expect(st().text).toBe(spec);
    expect(st().doc).toEqual({ name: 'Été ✓', type: 'generic-rest' });
    expect(st().toasts.at(-1)?.tone).toBe('success');
  });

  it('Adobe\'s GET wrapper {"items": [spec]} opens the spec inside, with an info saying so', async () => {
    const bytes = shared('generic-rest-extension.connection-spec.get-response.legacy.json');
    const wrapped = JSON.parse(bytes.toString('utf8')) as { items: unknown[] };
    const { run } = open(new Uint8Array(bytes), 'get.json');
    await run();
    expect(st().doc).toEqual(wrapped.items[0]);
    // The inner spec's own text, cut out of the file and dedented (its closing brace at column 1).
    expect(st().text).toMatch(/^\{\n +"id": "c4b4d052/);
    expect(st().text.endsWith('\n}\n')).toBe(true);
    const info = st().toasts.find((t) => t.tone === 'info');
    expect(info?.message).toMatch(/^“get\.json”: This is Adobe's response wrapper .*\/items\/0/);
  });
});

describe('the Start menu', () => {
  const menu = () => {
    const onSample = vi.fn();
    render(<StartMenu onBeforeLoad={() => null} onOpenSample={onSample} />);
    return onSample;
  };

  it('Open file… with a PNG: refused, spec untouched', async () => {
    const { text, history } = st();
    menu();
    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], 'logo.png');
    fireEvent.change(screen.getByLabelText('Open spec file'), { target: { files: [png] } });
    await waitFor(() =>
      expect(st().toasts.at(-1)?.message).toMatch(/“logo\.png” was not opened: it is a PNG image/),
    );
    expect(st().text).toBe(text);
    expect(st().history).toBe(history);
  });

  it('Paste JSON… with an API response adds a sample page; the dialog says what it is first', () => {
    const { text } = st();
    const onSample = menu();
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    fireEvent.click(screen.getByRole('menuitem', { name: /Paste JSON/ }));
    const response = '{"members": [{"id": 1}], "total_items": 1}';
    fireEvent.change(screen.getByLabelText('Connection spec JSON'), { target: { value: response } });
    expect(screen.getByText(/looks like an API response/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(onSample).toHaveBeenCalledWith(response, 'Pasted response');
    expect(st().text).toBe(text);
  });
});
