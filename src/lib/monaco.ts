/**
 * Local Monaco setup: the slim editor API, its contributions and the JSON language only, workers
 * bundled by Vite, and nothing ever fetched from a CDN: `@monaco-editor/react`'s loader is handed
 * this module's Monaco at import time, so it never injects its default jsDelivr `loader.js` script
 * (that URL survives in the bundle only as a dead default string). Imported only by lazy chunks.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import * as json from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from './jsonWorker?worker';
import { connectionSpecSchema } from '@core';

/** URI of the one model that holds the spec, matched by the schema's fileMatch. */
export const SPEC_MODEL_URI = 'inmemory://spec-studio/connection-spec.json';
/** Owner of the markers made from core diagnostics. */
export const MARKER_OWNER = 'spec-studio';

self.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

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
      schema: connectionSpecSchema,
    },
  ],
});

// Before any <Editor> mounts: `loader.init()` then resolves with this instance, no script injected.
loader.config({ monaco });

export { monaco };
