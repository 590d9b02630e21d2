/** Reads `scheduleParams` (standard or ADVANCE form) into the model's `Schedule`. */
import { DEFAULT_DATE_FORMAT } from '../dates/formatDate';
import type { JsonObject, JsonValue, Schedule } from '../types';
import { DiagnosticList, isObject, own } from './jsonUtil';

function text(o: JsonObject, key: string, ptr: string, d: DiagnosticList): string | undefined {
  const v = own(o, key);
  if (v === undefined || typeof v === 'string') return v;
  d.add('error', `${ptr}/${key}`, 'wrong-type', `\`${key}\` must be text; found ${JSON.stringify(v)}`, {
    kind: 'text',
    field: key,
    found: JSON.stringify(v),
  });
  return undefined;
}

function need(v: string | undefined, field: string, form: string, ptr: string, d: DiagnosticList): boolean {
  if (v !== undefined) return true;
  d.add('error', ptr, 'missing-field', `\`${field}\` is required for the ${form} schedule form`, {
    kind: 'schedule',
    field,
    type: form,
  });
  return false;
}

/**
 * Reads schedule settings. Absent → undefined. `type: "ADVANCE"` (any case) needs `paramFormat` and
 * `incremental`; otherwise the standard form needs both parameter names, and each format defaults to
 * `yyyy-MM-ddTHH:mm:ssZ`. Missing fields → error diagnostics and undefined.
 */
export function readSchedule(
  raw: JsonValue | undefined,
  ptr: string,
  d: DiagnosticList,
): Schedule | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) {
    d.add('error', ptr, 'wrong-type', 'Schedule settings must be an object', { kind: 'schedule' });
    return undefined;
  }
  const type = own(raw, 'type');
  if (typeof type === 'string' && type.toUpperCase() === 'ADVANCE') {
    if (type !== 'ADVANCE')
      d.add('info', `${ptr}/type`, 'lowercase-type', `Schedule type "${type}" is read as ADVANCE`, {
        kind: 'schedule',
        type,
        read: 'ADVANCE',
      });
    const paramFormat = text(raw, 'paramFormat', ptr, d);
    const incremental = text(raw, 'incremental', ptr, d);
    const backfill = text(raw, 'backfill', ptr, d);
    const ok = [
      need(paramFormat, 'paramFormat', 'ADVANCE', ptr, d),
      need(incremental, 'incremental', 'ADVANCE', ptr, d),
    ];
    if (!ok.every(Boolean)) return undefined;
    return {
      type: 'ADVANCE',
      paramFormat: paramFormat as string,
      incremental: incremental as string,
      ...(backfill !== undefined ? { backfill } : {}),
    };
  }
  if (type !== undefined) {
    d.add(
      'error',
      `${ptr}/type`,
      'wrong-value',
      `Unknown schedule type ${JSON.stringify(type)}: leave it out for the standard form, or use ADVANCE`,
      { kind: 'scheduleType', type: JSON.stringify(type) },
    );
    return undefined;
  }
  const startParamName = text(raw, 'scheduleStartParamName', ptr, d);
  const endParamName = text(raw, 'scheduleEndParamName', ptr, d);
  const startFormat = text(raw, 'scheduleStartParamFormat', ptr, d) ?? DEFAULT_DATE_FORMAT;
  const endFormat = text(raw, 'scheduleEndParamFormat', ptr, d) ?? DEFAULT_DATE_FORMAT;
  const ok = [
    need(startParamName, 'scheduleStartParamName', 'standard', ptr, d),
    need(endParamName, 'scheduleEndParamName', 'standard', ptr, d),
  ];
  if (!ok.every(Boolean)) return undefined;
  return {
    type: 'STANDARD',
    startParamName: startParamName as string,
    endParamName: endParamName as string,
    startFormat,
    endFormat,
  };
}
