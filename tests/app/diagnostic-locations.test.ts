/**
 * Issue 12 item 3: the validate worker locates the diagnostics in the text, so the editor's markers
 * and the Problems lines never re-parse a big text on the main thread.
 */
import { describe, expect, it } from 'vitest';
import { locatePointer, validate, type Diagnostic, type JsonValue } from '@core';
import { toEditorMarkers } from '../../src/features/json-editor/editorMarkers';
import type { ValidateRequest, ValidateResponse } from '../../src/workers/protocol';
import { createValidateClient } from '../../src/workers/validateClient';
import { specFromPayload } from '../../src/workers/specPayload';
import {
  diagnosticLocator,
  keepLocations,
  locationsIn,
  packLocations,
  rememberLocations,
  sameLines,
} from '../../src/workers/validateLocations';

/** A spec with `n` unused user inputs (one finding each), pretty-printed. */
function spec(n: number): { doc: JsonValue; text: string } {
  const properties: Record<string, JsonValue> = {};
  for (let i = 0; i < n; i++) properties[`input_${i}`] = { type: 'string', description: `Input ${i}` };
  const doc = {
    name: 'S',
    type: 'generic-rest',
    sourceSpec: { spec: { type: 'object', properties } },
  } as JsonValue;
  return { doc, text: JSON.stringify(doc, null, 2) };
}

/** A worker that does what validate.worker.ts does, synchronously after a tick. */
class LocatingWorker {
  onmessage: ((e: MessageEvent<ValidateResponse>) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  postMessage(msg: ValidateRequest): void {
    setTimeout(() => {
      const diagnostics = validate(specFromPayload(msg));
      const out: ValidateResponse = {
        type: 'diagnostics',
        id: msg.id,
        revision: msg.revision,
        diagnostics,
        ms: 1,
      };
      if (msg.text !== undefined) out.locations = packLocations(msg.text, diagnostics);
      this.onmessage?.({ data: structuredClone(out) } as MessageEvent<ValidateResponse>);
    }, 0);
  }
  terminate(): void {}
}

/** Runs `fn` and counts `charCodeAt` calls on strings as long as `text`. */
function textReads(text: string, fn: () => void): number {
  const proto = String.prototype;
  const saved = proto.charCodeAt;
  let n = 0;
  proto.charCodeAt = function (this: string, i: number) {
    if (this.length === text.length) n++;
    return saved.call(this, i);
  };
  try {
    fn();
  } finally {
    proto.charCodeAt = saved;
  }
  return n;
}

describe('diagnostics located by the validate worker', () => {
  it('markers use the worker’s locations: no main-thread parse of the text, same markers', async () => {
    const { doc, text } = spec(300);
    const client = createValidateClient(() => new LocatingWorker() as unknown as Worker);
    const r = await client.validate(doc, 1, text);
    const diagnostics = r?.diagnostics ?? [];
    expect(diagnostics.length).toBeGreaterThanOrEqual(300);
    const at = locationsIn(diagnostics, text);
    expect(at).not.toBeNull();
    for (const d of diagnostics) expect(at?.(d)).toEqual(locatePointer(text, d.pointer));
    // A copy of the list was never located: its markers are looked up in the text, on the main
    // thread (the old way parsed the whole text). The locator's cache is emptied first.
    const copy = diagnostics.map((d) => ({ ...d }));
    const reset = (): void => void locatePointer('{}', '');
    reset();
    let expected: ReturnType<typeof toEditorMarkers> = [];
    expect(textReads(text, () => (expected = toEditorMarkers(text, copy, [])))).toBeGreaterThan(1000);
    reset();
    let markers: ReturnType<typeof toEditorMarkers> = [];
    expect(textReads(text, () => (markers = toEditorMarkers(text, diagnostics, [])))).toBe(0);
    expect(markers).toEqual(expected);
    client.dispose();
  });

  it('the main-thread fallback locates too; another text is looked up again', async () => {
    const { doc, text } = spec(5);
    const client = createValidateClient(null);
    const r = await client.validate(doc, 1, text);
    const diagnostics = r?.diagnostics ?? [];
    expect(locationsIn(diagnostics, text)).not.toBeNull();
    expect(locationsIn(diagnostics, `${text}\n`)).toBeNull();
    const locate = diagnosticLocator(diagnostics, `\n${text}`);
    const first = diagnostics.find((d) => d.pointer !== '') as Diagnostic;
    expect(locate(first)?.line).toBe((locatePointer(text, first.pointer)?.line ?? 0) + 1);
  });

  it('a result on other lines is not the same; a kept list takes the newer locations', () => {
    const { doc, text } = spec(3);
    const a = validate(doc);
    const b = validate(doc);
    const shifted = `\n${text}`;
    expect(sameLines(a, b)).toBe(true); // neither located yet
    rememberLocations(a, text, packLocations(text, a));
    rememberLocations(b, shifted, packLocations(shifted, b));
    expect(sameLines(a, b)).toBe(false);
    const c = validate(doc);
    const renamed = text.replace('"S"', '"T"');
    rememberLocations(c, renamed, packLocations(renamed, c));
    expect(sameLines(a, c)).toBe(true);
    keepLocations(a, b);
    expect(locationsIn(a, shifted)).not.toBeNull();
    expect(locationsIn(a, text)).toBeNull();
  });
});
