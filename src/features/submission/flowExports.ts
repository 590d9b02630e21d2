/**
 * Export → Postman collection / Shell script: the verification flow of core's `postmanFiles` and
 * `flowScript` (issue 11 §2), with the auth spec chosen in the Requests tab and the flow schedule of
 * the Schedule tab. Loaded on first use, so the first paint does not wait for it.
 */
import { flowScheduleFromInputs, flowScript, postmanFiles, type FlowOptions } from '@core';
import { t, worded } from '../../i18n';
import type { FlowScheduleInputs } from '../../store';
import { downloadBytes } from './kitFiles';

/** What an export did, for the toast. */
/** An export's outcome; its message is worded when read (the toast follows a language switch). */
export type FlowExportResult =
  { ok: true; readonly message: string } | { ok: false; readonly message: string };

/** The options the exports take from the app's state. */
export function flowOptions(authName: string | null, schedule: FlowScheduleInputs): FlowOptions {
  return { ...(authName ? { authSpecName: authName } : {}), schedule: flowScheduleFromInputs(schedule) };
}

const text = (s: string) => new TextEncoder().encode(s);

/** Why the core wrote no flow export, in the chosen language (the JSON parser's words stay as given). */
export function flowProblemText(r: {
  message: string;
  code?: string;
  params?: Record<string, string>;
}): string {
  const p = r.params ?? {};
  switch (r.code) {
    case 'invalid-json':
      return t('tools.flow.problem.invalidJson', { error: p['error'] ?? '' });
    case 'not-object':
      return t('tools.flow.problem.notObject');
    case 'no-auth-spec':
      return t('tools.flow.problem.noAuthSpec');
    case 'unknown-auth-spec':
      return t('tools.flow.problem.unknownAuthSpec', { name: p['name'] ?? '', names: p['names'] ?? '' });
    default:
      return r.message;
  }
}

/** Downloads `<slug>.postman_collection.json` and `<slug>.postman_environment.json`. */
export function exportPostman(specText: string, options: FlowOptions): FlowExportResult {
  const r = postmanFiles(specText, options);
  if (!r.ok)
    return worded({ ok: false as const }, 'message', () =>
      t('tools.flow.noPostman', { message: flowProblemText(r) }),
    );
  downloadBytes(r.collectionFileName, text(JSON.stringify(r.collection, null, 2) + '\n'), 'application/json');
  downloadBytes(
    r.environmentFileName,
    text(JSON.stringify(r.environment, null, 2) + '\n'),
    'application/json',
  );
  const files = { collection: r.collectionFileName, environment: r.environmentFileName };
  return worded({ ok: true as const }, 'message', () => t('tools.flow.postmanDone', files));
}

/** Downloads `<slug>-flow.sh`. */
export function exportFlowScript(specText: string, options: FlowOptions): FlowExportResult {
  const r = flowScript(specText, options);
  if (!r.ok)
    return worded({ ok: false as const }, 'message', () =>
      t('tools.flow.noScript', { message: flowProblemText(r) }),
    );
  downloadBytes(r.fileName, text(r.script), 'text/x-shellscript');
  const file = r.fileName;
  return worded({ ok: true as const }, 'message', () => t('tools.flow.scriptDone', { file }));
}
