/**
 * Monaco's JSON language worker, with one guard: a document nested deeper than the app's own limit
 * (`MAX_JSON_DEPTH`, 256) is not handed to the language service, whose parser and validator recurse
 * once per level and overflow the stack on a 10,000-deep text (an uncaught RangeError per
 * validation, BAD-INPUTS A10). The app reports such a text itself ("nesting deeper than 256 levels
 * at line L, column C"), so Monaco then simply has no diagnostics, completions or folding for it.
 */
import { initialize } from 'monaco-editor/internal/common/initialize.js';
import { JSONWorker } from 'monaco-editor/languages/features/json/jsonWorker.js';
import { checkDepth, MAX_JSON_DEPTH } from '@core';

class DepthGuardedJSONWorker extends JSONWorker {
  override _getTextDocument(uri: string) {
    const document = super._getTextDocument(uri);
    return document && checkDepth(document.getText(), MAX_JSON_DEPTH) !== null ? null : document;
  }
}

self.onmessage = () => {
  initialize((ctx, createData) => new DepthGuardedJSONWorker(ctx, createData));
};
