/**
 * Monaco's JSON language worker, with two additions:
 *
 * - A depth guard: a document nested deeper than the app's own limit (`MAX_JSON_DEPTH`, 256) is not
 *   handed to the language service, whose parser and validator recurse once per level and overflow
 *   the stack on a 10,000-deep text (an uncaught RangeError per validation, BAD-INPUTS A10). The app
 *   reports such a text itself ("nesting deeper than 256 levels at line L, column C"), so Monaco then
 *   simply has no diagnostics, completions or folding for it.
 * - Its messages (diagnostics, its own completion and outline labels) in the language of Monaco's UI,
 *   named in the worker's name by src/lib/monaco.ts (./jsonWorkerL10n.ts; English: as they are).
 */
import { initialize } from 'monaco-editor/internal/common/initialize.js';
import { JSONWorker } from 'monaco-editor/languages/features/json/jsonWorker.js';
import { checkDepth, MAX_JSON_DEPTH } from '@core';
import {
  jsonWorkerLocale,
  loadJsonWorkerMessages,
  localizeCompletions,
  localizeDiagnostics,
  localizeSymbols,
  translator,
} from './jsonWorkerL10n';

/** The translator of this worker's language (its chunk starts loading at once). */
const translate = loadJsonWorkerMessages(jsonWorkerLocale(self.name)).then(translator);

class LocalizedJSONWorker extends JSONWorker {
  override _getTextDocument(uri: string) {
    const document = super._getTextDocument(uri);
    return document && checkDepth(document.getText(), MAX_JSON_DEPTH) !== null ? null : document;
  }
  override async doValidation(...args: Parameters<JSONWorker['doValidation']>) {
    const [diagnostics, t] = await Promise.all([super.doValidation(...args), translate]);
    return localizeDiagnostics(diagnostics, t);
  }
  override async doComplete(...args: Parameters<JSONWorker['doComplete']>) {
    const [list, t] = await Promise.all([super.doComplete(...args), translate]);
    return localizeCompletions(list, t);
  }
  override async findDocumentSymbols(...args: Parameters<JSONWorker['findDocumentSymbols']>) {
    const [symbols, t] = await Promise.all([super.findDocumentSymbols(...args), translate]);
    return localizeSymbols(symbols, t);
  }
}

self.onmessage = () => {
  initialize((ctx, createData) => new LocalizedJSONWorker(ctx, createData));
};
