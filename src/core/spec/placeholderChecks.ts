/** Placeholder checks of SEMANTICS §2: undeclared, legacy, ADF, unterminated, declared but unused. */
import { joinPointer } from '../json/pointer';
import { scanPlaceholders } from '../placeholders/placeholders';
import type { JsonValue, SpecModel } from '../types';
import { DiagnosticList, isObject, own } from './jsonUtil';

const A = '/sourceSpec/attributes';

/** Auth properties the engine itself reads: never "declared but unused". */
const ENGINE_AUTH_NAMES = new Set([
  'accessToken',
  'username',
  'password',
  'clientId',
  'clientSecret',
  'refreshToken',
  'expirationDate',
  'authorizationTestUrl',
  'accessTokenUrl',
  'refreshTokenUrl',
  'requestParameterOverride',
]);

/** One template field: its text, where it is, and how to name it in a message. */
interface Field {
  text: string;
  pointer: string;
  where: string;
}

function stringsIn(v: JsonValue | undefined, pointer: string, where: string, out: Field[]): void {
  if (typeof v === 'string') out.push({ text: v, pointer, where });
  else if (Array.isArray(v)) v.forEach((x, i) => stringsIn(x, `${pointer}/${i}`, `${where}[${i}]`, out));
  else if (isObject(v))
    for (const k of Object.keys(v)) stringsIn(v[k], joinPointer(pointer, k), `${where}.${k}`, out);
}

/** Every template field of the document, in document order of its section. */
function templateFields(attrs: JsonValue | undefined): Field[] {
  const out: Field[] = [];
  if (!isObject(attrs)) return out;
  const url = own(attrs, 'urlParams');
  if (isObject(url)) {
    for (const k of ['host', 'hostName', 'hostname', 'path']) {
      const v = own(url, k);
      if (typeof v === 'string')
        out.push({ text: v, pointer: `${A}/urlParams/${k}`, where: `urlParams.${k}` });
    }
    stringsIn(own(url, 'queryParams'), `${A}/urlParams/queryParams`, 'urlParams.queryParams', out);
  }
  stringsIn(own(attrs, 'headerParams'), `${A}/headerParams`, 'headerParams', out);
  stringsIn(own(attrs, 'bodyParams'), `${A}/bodyParams`, 'bodyParams', out);
  const s = own(attrs, 'scheduleParams');
  if (isObject(s)) {
    for (const k of ['incremental', 'backfill']) {
      const v = own(s, k);
      if (typeof v === 'string')
        out.push({ text: v, pointer: `${A}/scheduleParams/${k}`, where: `scheduleParams.${k}` });
    }
  }
  return out;
}

/**
 * Checks every placeholder in host, path, query, header, body and schedule templates against the
 * declared parameters (user inputs and every auth spec), then flags declarations no template uses.
 */
export function checkPlaceholders(attrs: JsonValue | undefined, model: SpecModel, d: DiagnosticList): void {
  const declared = new Set(
    [...model.userInputs, ...model.authSpecs.flatMap((a) => a.params)].map((p) => p.name),
  );
  const used = new Set<string>();
  const advance = model.schedule?.type === 'ADVANCE';
  for (const f of templateFields(attrs)) {
    const open = /\{(SCHEDULE_QUERY|START_TIME|END_TIME)(?![A-Za-z0-9_}])/.exec(f.text);
    if (open) {
      const message = `Unterminated engine placeholder \`${open[0]}\` in ${f.where}: write {${open[1]}}`;
      d.add('error', f.pointer, 'placeholder-unterminated', message, {
        kind: 'engine',
        written: open[0],
        where: f.where,
        name: open[1] ?? '',
      });
    }
    for (const t of scanPlaceholders(f.text)) {
      const written = f.text.slice(t.offset, t.offset + t.length);
      if (t.kind === 'param' || t.kind === 'mustache') {
        used.add(t.name);
        if (!declared.has(t.name)) {
          d.add(
            'error',
            f.pointer,
            'placeholder-undeclared',
            `\`${written}\` is used in ${f.where} but declared in no spec.properties`,
            { written, where: f.where },
          );
        } else if (t.kind === 'mustache') {
          d.add(
            'warning',
            f.pointer,
            'placeholder-legacy',
            `\`${written}\` is a legacy placeholder: write \${${t.name}}`,
            { written, name: t.name },
          );
        }
      } else if (t.kind === 'brace' && declared.has(t.name)) {
        used.add(t.name);
        d.add(
          'warning',
          f.pointer,
          'placeholder-legacy',
          `\`${written}\` is a legacy placeholder: write \${${t.name}}`,
          { written, name: t.name },
        );
      } else if (t.kind === 'adf') {
        d.add(
          'info',
          f.pointer,
          'placeholder-adf',
          `\`${written}\` in ${f.where} is evaluated by the platform; it is shown verbatim here`,
          { written, where: f.where },
        );
      } else if (t.kind === 'unterminated') {
        d.add(
          'error',
          f.pointer,
          'placeholder-unterminated',
          `Unterminated placeholder \`${written}\` in ${f.where}: close it with }`,
          { kind: 'param', written, where: f.where, name: '' },
        );
      } else if (t.kind === 'engine' && t.name === 'SCHEDULE_QUERY' && !advance) {
        d.add(
          'warning',
          f.pointer,
          'schedule-query-unset',
          '{SCHEDULE_QUERY} needs scheduleParams with type ADVANCE; it stays empty otherwise',
        );
      }
    }
  }
  const hostFromAuth = model.urlParams.host === undefined;
  for (const p of model.userInputs) {
    if (!used.has(p.name))
      d.add(
        'warning',
        p.pointer,
        'param-unused',
        `\`${p.name}\` is declared but unused: no \${${p.name}} in the request`,
        { name: p.name },
      );
  }
  for (const a of model.authSpecs) {
    for (const p of a.params) {
      const engine =
        ENGINE_AUTH_NAMES.has(p.name) ||
        p.headerParamName !== undefined ||
        (a.type === 'KeyBased' && p.name !== 'host') ||
        (p.name === 'host' && hostFromAuth);
      if (!engine && !used.has(p.name)) {
        d.add(
          'warning',
          p.pointer,
          'param-unused',
          `\`${p.name}\` is declared but unused: no \${${p.name}} in the request`,
          { name: p.name },
        );
      }
    }
  }
}
