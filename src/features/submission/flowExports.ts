/**
 * Export → Postman collection / Shell script: the verification flow of core's `postmanFiles` and
 * `flowScript` (issue 11 §2), with the auth spec chosen in the Requests tab and the flow schedule of
 * the Schedule tab. Loaded on first use, so the first paint does not wait for it.
 */
import { flowScheduleFromInputs, flowScript, postmanFiles, type FlowOptions } from '@core';
import type { FlowScheduleInputs } from '../../store';
import { downloadBytes } from './kitFiles';

/** What an export did, for the toast. */
export type FlowExportResult = { ok: true; message: string } | { ok: false; message: string };

/** The options the exports take from the app's state. */
export function flowOptions(authName: string | null, schedule: FlowScheduleInputs): FlowOptions {
  return { ...(authName ? { authSpecName: authName } : {}), schedule: flowScheduleFromInputs(schedule) };
}

const text = (s: string) => new TextEncoder().encode(s);

/** Downloads `<slug>.postman_collection.json` and `<slug>.postman_environment.json`. */
export function exportPostman(specText: string, options: FlowOptions): FlowExportResult {
  const r = postmanFiles(specText, options);
  if (!r.ok) return { ok: false, message: `No Postman collection: ${r.message}` };
  downloadBytes(r.collectionFileName, text(`${JSON.stringify(r.collection, null, 2)}\n`), 'application/json');
  downloadBytes(
    r.environmentFileName,
    text(`${JSON.stringify(r.environment, null, 2)}\n`),
    'application/json',
  );
  return {
    ok: true,
    message: `Downloaded ${r.collectionFileName} and ${r.environmentFileName}: import both into Postman and fill in the credentials (secret variables, left empty).`,
  };
}

/** Downloads `<slug>-flow.sh`. */
export function exportFlowScript(specText: string, options: FlowOptions): FlowExportResult {
  const r = flowScript(specText, options);
  if (!r.ok) return { ok: false, message: `No shell script: ${r.message}` };
  downloadBytes(r.fileName, text(r.script), 'text/x-shellscript');
  return {
    ok: true,
    message: `Downloaded ${r.fileName}: it reads the credentials from environment variables (ADOBE_ACCESS_TOKEN, ADOBE_API_KEY, …) and refuses to start without them.`,
  };
}
