/**
 * A core diagnostic's message in the chosen language. The core emits a stable `code` with `params`
 * (and an English `message`, which the CLI prints); the app renders `diagnostics.<code>` from the
 * catalogues, falling back to the English message for a code without one (i18n:check keeps that from
 * landing: src/i18n/dynamic/diagnostics.ts lists every code of the core's DIAGNOSTIC_CODES).
 *
 * Parameters: text as is; lists of text through `formatList`; numbers through `formatNumber`, except
 * the counts that messages choose a plural form by (`count`, `others`, `page`), passed as numbers.
 */
import { documentKindCode, type Diagnostic, type DocumentKind, type JsonValue, type ParseError } from '@core';
import { formatList, formatNumber } from './format';
import { hasMessage, t, tMaybe } from './index';

/** Number parameters that messages use in `{x, plural, …}`: passed to the message as numbers. */
const PLURAL_PARAMS: ReadonlySet<string> = new Set(['count', 'others', 'page']);

function messageValues(params: Diagnostic['params']): Record<string, string | number> | undefined {
  if (params === undefined) return undefined;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    out[k] = Array.isArray(v)
      ? formatList(v)
      : typeof v === 'number' && !PLURAL_PARAMS.has(k)
        ? formatNumber(v)
        : v;
  }
  return withNested(params, out);
}

/**
 * Nested coded text (a core convention for a message that carries another one, such as a blocked
 * run's reason): a parameter `x` whose sibling `xCode` names a diagnostic code is English text the
 * core built from that code and the parameters `x.<name>`; it is replaced by that code's message in
 * the chosen language (`diagnostics.<xCode>`), nested codes inside it resolved the same way. `x`
 * stays as it is when the code has no message.
 */
export function withNested<V extends Record<string, unknown>>(params: Diagnostic['params'], out: V): V {
  if (params === undefined) return out;
  for (const [k, code] of Object.entries(params)) {
    if (!k.endsWith('Code') || typeof code !== 'string') continue;
    const name = k.slice(0, -4);
    const english = params[name];
    if (typeof english !== 'string') continue;
    const prefix = `${name}.`;
    const inner = Object.fromEntries(
      Object.entries(params).flatMap(([n, x]) => (n.startsWith(prefix) ? [[n.slice(prefix.length), x]] : [])),
    );
    (out as Record<string, unknown>)[name] = diagnosticText({ code, params: inner, message: english });
  }
  return out;
}

/**
 * Whether the app words `code` from `diagnostics.<code>`: a code of the core's registry (i18n:check
 * keeps each one worded), its message loaded. Read from the catalogue, so the registry itself stays
 * out of the app's first JS.
 */
export function isDiagnosticCode(code: string | undefined): boolean {
  return code !== undefined && hasMessage(`diagnostics.${code}`);
}

export function diagnosticText(d: Pick<Diagnostic, 'code' | 'message' | 'params'>): string {
  return d.code ? tMaybe(`diagnostics.${d.code}`, messageValues(d.params), d.message) : d.message;
}

/**
 * A JSON parse error in the chosen language: "'}' expected at line 3, column 7" (or, with
 * `position: false`, only what is wrong, for views that show the place themselves).
 */
export function parseErrorText(
  e: Pick<ParseError, 'code' | 'message' | 'params' | 'line' | 'column'>,
  position = true,
): string {
  const bare = e.message.replace(/ at line \d+, column \d+$/, '');
  const what = e.code ? tMaybe(`diagnostics.${e.code}`, messageValues(e.params), bare) : bare;
  if (!position) return what;
  return e.code
    ? t('diagnostics.json-position', { what, line: formatNumber(e.line), column: formatNumber(e.column) })
    : e.message;
}

/** What a pasted or opened document is (`detectDocumentKind` on `doc`), in the chosen language. */
export function documentKindText(k: DocumentKind, doc: JsonValue): string {
  const coded = documentKindCode(k, doc);
  return coded ? diagnosticText({ ...coded, message: k.message }) : k.message;
}
