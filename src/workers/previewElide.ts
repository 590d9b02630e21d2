import { jsonEqual, type JsonValue, type SpecModel } from '@core';
import type { PreviewResponse, PreviewWireResponse } from './previewProtocol';

/**
 * What the worker posts for each answer: a preview whose spec model equals the model of the previous
 * preview posted goes without it (`sameModel`). Typing in a big spec mostly leaves the model as it
 * was, and its copy to the main thread cost ~7 ms per keystroke on a 1 MB spec (issue 12 item 3); the
 * client puts the last model back (previewClient).
 */
export function createModelElider(): (out: PreviewResponse) => PreviewWireResponse {
  let last: SpecModel | null = null;
  return (out) => {
    if (out.kind !== 'preview') return out;
    const { model, ...rest } = out.result;
    const same = last !== null && jsonEqual(last as unknown as JsonValue, model as unknown as JsonValue);
    last = model;
    return same ? { ...out, result: { ...rest, sameModel: true } } : out;
  };
}
