/**
 * Local Monaco setup: the slim editor API, its contributions and the JSON language only, workers
 * bundled by Vite, and nothing ever fetched from a CDN: `@monaco-editor/react`'s loader is handed
 * this module's Monaco at import time, so it never injects its default jsDelivr `loader.js` script
 * (that URL survives in the bundle only as a dead default string). Imported only by lazy chunks.
 *
 * Monaco's own UI speaks the app's language when this module is imported through `afterMonacoNls`
 * (./monacoNls): its messages are then set before Monaco's modules evaluate. The JSON worker's
 * messages follow the same language (./jsonWorkerL10n.ts).
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import * as json from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from './jsonWorker?worker';
import { connectionSpecSchema } from '@core';
import { i18n } from '../i18n';
import { localizedSchema } from '../features/spec-form/schemaText';
import { jsonWorkerName } from './jsonWorkerL10n';
import { monacoEvaluated, monacoLocale } from './monacoNls';

// Every import above has evaluated: Monaco's texts are worded, its messages fixed from now on.
monacoEvaluated();

/** URI of the one model that holds the spec, matched by the schema's fileMatch. */
export const SPEC_MODEL_URI = 'inmemory://spec-studio/connection-spec.json';
/** Owner of the markers made from core diagnostics. */
export const MARKER_OWNER = 'spec-studio';

self.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    // The JSON worker's messages in the language of Monaco's UI (fixed for the page, unlike the
    // app's: src/lib/monacoNls.ts), also when Monaco restarts an idle worker after a switch.
    return label === 'json'
      ? new JsonWorker({ name: jsonWorkerName(monacoLocale() ?? 'en') })
      : new EditorWorker();
  },
};

/**
 * The connection-spec schema for the JSON view's hovers and completions, its titles and descriptions
 * in the app's language (the form's translated copy); set again on each language change and when the
 * rest of the catalogue arrives, so they follow the app even though Monaco's own menus do not.
 */
let schemaSent: unknown = null;
function setSchema(): void {
  const schema = localizedSchema(connectionSpecSchema);
  // Each new options object restarts the JSON worker: only for new texts.
  if (schema === schemaSent) return;
  schemaSent = schema;
  json.jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    comments: 'error',
    trailingCommas: 'error',
    enableSchemaRequest: false,
    schemaValidation: 'warning',
    schemas: [
      {
        uri: 'inmemory://spec-studio/connection-spec.schema.json',
        fileMatch: [SPEC_MODEL_URI],
        schema,
      },
    ],
  });
}
setSchema();
i18n.on('change', setSchema);

// Before any <Editor> mounts: `loader.init()` then resolves with this instance, no script injected.
loader.config({ monaco });

export { monaco };
