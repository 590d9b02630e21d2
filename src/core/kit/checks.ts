/**
 * The checks a submission kit must pass (issue 11 §1), each a value the dialog lists with ✓/✗ and
 * the CLI turns into its one-line refusal. `fail` blocks the kit; `warn` is advice.
 */
import { parseJson } from '../json/parseJson';
import { detectDocumentKind } from '../spec/documentKind';
import { validate } from '../spec/validate';
import type { Diagnostic, DiagnosticParams, JsonObject, JsonValue, ParseError } from '../types';
import { findCategory, KIT_CATEGORIES } from './categories';
import { sourceKeyPrefix, sourceProblem, sourceProblemOf, type SourceProblemCode } from './source';
import { screenSvg, type SvgScreenResult } from './svg';

/** What a kit is made of: the spec text exactly as exported, the artifacts' values and the icon. */
export interface KitInput {
  /** The connection spec's JSON text, zipped byte for byte (UTF-8). */
  specText: string;
  /** The source name (slug), see `sourceProblem`. */
  source: string;
  label: string;
  description: string;
  /** A category key (`marketingAutomation`) or name (`Marketing Automation`), see `findCategory`. */
  category: string;
  /** The SVG file's bytes or text; null when none is chosen yet. */
  icon: string | Uint8Array | null;
}

export type KitCheckId = 'spec' | 'source' | 'label' | 'description' | 'category' | 'icon' | 'uiAttributes';

/**
 * A check's message as a code, for the app to word in its language (`message` is the English), set
 * where the words come from the core alone: `spec-invalid-json` {line, error: the parser's words};
 * `spec-not-connection-spec` {why: the core's description of the document}; the codes of
 * `sourceProblemOf`; `category-unknown` {category (in JSON quotes), keys}; `icon-refused` {reason: a
 * `SvgRefusal`, and its params}; `ui-problems` (uiAttributes: see `items`, joined with `; `).
 */
export type KitCheckCode =
  | 'spec-invalid-json'
  | 'spec-not-connection-spec'
  | SourceProblemCode
  | 'category-unknown'
  | 'icon-refused'
  | 'ui-problems';

/**
 * One uiAttributes problem: `ui-no-key-or-text` {field}; `ui-key-mismatch` {field, key (in JSON
 * quotes), source, expected}; `ui-text-differs` {field}; `ui-no-category` {key}; `ui-category-mismatch`
 * {value (in JSON quotes), kit}. `field` is `label`, `description` or `icon`.
 */
export interface KitCheckItem {
  code:
    'ui-no-key-or-text' | 'ui-key-mismatch' | 'ui-text-differs' | 'ui-no-category' | 'ui-category-mismatch';
  params: DiagnosticParams;
  message: string;
}

/** One check: `pass` ✓, `warn` (advice, does not block) or `fail` ✗ (blocks the kit). */
export interface KitCheck {
  id: KitCheckId;
  status: 'pass' | 'warn' | 'fail';
  message: string;
  /** `message` as a code with values, where the core alone has its words (see {@link KitCheckCode}). */
  code?: KitCheckCode;
  params?: DiagnosticParams;
  /** `ui-problems`: the problems, failures first, as `message` lists them. */
  items?: KitCheckItem[];
  /** `spec-invalid-json`: the parse error (its own code and params word `error`). */
  parseError?: ParseError;
}

/** Options of `checkKit`/`buildKit`. */
export interface KitCheckOptions {
  /** The spec's diagnostics when already known (the app's worker); else `validate` runs here. */
  diagnostics?: readonly Diagnostic[];
  /** `specText` parsed, when already known (the app's store): the text is then not parsed again. */
  doc?: JsonValue;
  /** The icon's screen result when already known (the dialog screens once per file). */
  screened?: SvgScreenResult;
}

function obj(v: JsonValue | undefined): JsonObject | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}
function own(o: JsonObject | undefined, k: string): JsonValue | undefined {
  return o !== undefined && Object.hasOwn(o, k) ? o[k] : undefined;
}
function str(v: JsonValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The parsed spec when `specText` is one bare connection spec, else the failing check. */
function readSpec(specText: string, options: KitCheckOptions): { doc?: JsonValue; check: KitCheck } {
  const parsed =
    options.doc !== undefined
      ? { ok: true as const, value: options.doc }
      : parseJson(specText, { positions: false });
  if (!parsed.ok) {
    return {
      check: {
        id: 'spec',
        status: 'fail',
        message: `The spec is not valid JSON (line ${parsed.error.line}: ${parsed.error.message})`,
        code: 'spec-invalid-json',
        params: { line: parsed.error.line, error: parsed.error.message },
        parseError: parsed.error,
      },
    };
  }
  const kind = detectDocumentKind(parsed.value);
  if (kind.kind === 'items-wrapper') {
    return {
      check: {
        id: 'spec',
        status: 'fail',
        message: `The document is Adobe's {"items": [spec]} response; the kit holds the bare spec: export the spec inside`,
      },
    };
  }
  if (kind.kind !== 'connection-spec') {
    return {
      check: {
        id: 'spec',
        status: 'fail',
        message: kind.message,
        code: 'spec-not-connection-spec',
        params: { why: kind.message },
      },
    };
  }
  const diagnostics = options.diagnostics ?? validate(parsed.value);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0];
  if (first) {
    const where = first.pointer === '' ? '' : `${first.pointer}: `;
    const n = errors.length === 1 ? '1 error' : `${errors.length} errors`;
    return {
      doc: parsed.value,
      check: { id: 'spec', status: 'fail', message: `The spec has ${n} (first: ${where}${first.message})` },
    };
  }
  if (Object.hasOwn(parsed.value as JsonObject, '$schema')) {
    return {
      doc: parsed.value,
      check: {
        id: 'spec',
        status: 'warn',
        message:
          'The spec has no errors, but a "$schema" key (for editors): remove it, Adobe gets the spec as it is',
      },
    };
  }
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const note = warnings ? ` (${warnings} ${warnings === 1 ? 'warning' : 'warnings'})` : '';
  return {
    doc: parsed.value,
    check: { id: 'spec', status: 'pass', message: `The spec has no errors${note}` },
  };
}

/** `uiAttributes` against the kit: label/description/icon present, their keys, the category. */
function uiCheck(doc: JsonValue, input: KitInput): KitCheck {
  const ui = obj(own(obj(own(obj(own(obj(doc), 'sourceSpec')), 'attributes')), 'uiAttributes'));
  if (!ui) {
    return {
      id: 'uiAttributes',
      status: 'fail',
      message:
        'sourceSpec.attributes.uiAttributes is missing: Adobe reads label, description, icon and category there',
    };
  }
  const fails: KitCheckItem[] = [];
  const warns: KitCheckItem[] = [];
  const validSource = sourceProblem(input.source) === null;
  const prefix = sourceKeyPrefix(input.source);
  const texts: Record<string, string> = { label: input.label.trim(), description: input.description.trim() };
  for (const [k, suffix] of [
    ['label', 'Label'],
    ['description', 'Description'],
    ['icon', 'Icon'],
  ] as const) {
    const v = obj(own(ui, k));
    const key = str(own(v, 'key'));
    const text = str(own(v, 'text'));
    if (key === undefined && text === undefined) {
      fails.push({
        code: 'ui-no-key-or-text',
        params: { field: k },
        message: `uiAttributes.${k} has neither "key" nor "text"`,
      });
      continue;
    }
    if (key !== undefined && validSource && key !== `${prefix}${suffix}`) {
      warns.push({
        code: 'ui-key-mismatch',
        params: { field: k, key: JSON.stringify(key), source: input.source, expected: `${prefix}${suffix}` },
        message: `uiAttributes.${k}.key is ${JSON.stringify(key)}; for source "${input.source}" expect "${prefix}${suffix}"`,
      });
    }
    const kitText = texts[k];
    if (key === undefined && text !== undefined && kitText && text.trim() !== kitText) {
      warns.push({
        code: 'ui-text-differs',
        params: { field: k },
        message: `uiAttributes.${k}.text differs from the kit's ${k}`,
      });
    }
  }
  const chosen = findCategory(input.category);
  const cat = obj(own(ui, 'category'));
  const catValue = str(own(cat, 'key')) ?? str(own(cat, 'text'));
  if (catValue === undefined) {
    warns.push({
      code: 'ui-no-category',
      params: { key: chosen?.key ?? 'protocols' },
      message: `No uiAttributes.category: add { "key": "${chosen?.key ?? 'protocols'}" }`,
    });
  } else if (chosen && findCategory(catValue)?.key !== chosen.key) {
    fails.push({
      code: 'ui-category-mismatch',
      params: { value: JSON.stringify(catValue), kit: chosen.key },
      message: `uiAttributes.category is ${JSON.stringify(catValue)} but the kit's category is ${chosen.key}`,
    });
  }
  const items = [...fails, ...warns];
  if (items.length)
    return {
      id: 'uiAttributes',
      status: fails.length ? 'fail' : 'warn',
      message: items.map((i) => i.message).join('; '),
      code: 'ui-problems',
      items,
    };
  return {
    id: 'uiAttributes',
    status: 'pass',
    message: 'uiAttributes has the label, description, icon and category of the kit',
  };
}

/**
 * Every check of a kit, in this order: spec (valid JSON, one bare connection spec, no `validate`
 * errors), source name, label (not empty, one line), description (not empty), category (one of
 * {@link KIT_CATEGORIES}), icon (chosen and accepted by `screenSvg`), uiAttributes (label,
 * description and icon given as key or text, keys following the source name (advice), the category
 * the same as the kit's). A check that cannot run (uiAttributes of an unreadable spec) is left out.
 */
export function checkKit(input: KitInput, options: KitCheckOptions = {}): KitCheck[] {
  const spec = readSpec(input.specText, options);
  const checks: KitCheck[] = [spec.check];
  const source = sourceProblemOf(input.source);
  checks.push(
    source
      ? { id: 'source', status: 'fail', message: source.message, code: source.code, params: source.params }
      : { id: 'source', status: 'pass', message: `Source name ${input.source}` },
  );
  const label = input.label.trim();
  checks.push(
    label === ''
      ? { id: 'label', status: 'fail', message: 'The label is empty' }
      : /[\r\n]/.test(label)
        ? { id: 'label', status: 'fail', message: 'The label must be one line' }
        : { id: 'label', status: 'pass', message: 'The label is given, on one line' },
  );
  checks.push(
    input.description.trim() === ''
      ? { id: 'description', status: 'fail', message: 'The description is empty' }
      : { id: 'description', status: 'pass', message: 'The description is given' },
  );
  const category = findCategory(input.category);
  checks.push(
    category
      ? { id: 'category', status: 'pass', message: `Category ${category.label} (key ${category.key})` }
      : {
          id: 'category',
          status: 'fail',
          message:
            input.category.trim() === ''
              ? 'Choose a category'
              : `Unknown category ${JSON.stringify(input.category)}: use one of ${KIT_CATEGORIES.map((c) => c.key).join(', ')}`,
          ...(input.category.trim() === ''
            ? {}
            : {
                code: 'category-unknown' as const,
                params: {
                  category: JSON.stringify(input.category),
                  keys: KIT_CATEGORIES.map((c) => c.key).join(', '),
                },
              }),
        },
  );
  if (input.icon === null) {
    checks.push({ id: 'icon', status: 'fail', message: 'Choose the SVG icon (Adobe requires one)' });
  } else {
    const screened = options.screened ?? screenSvg(input.icon);
    checks.push(
      screened.ok
        ? {
            id: 'icon',
            status: 'pass',
            message: 'The icon is a clean SVG: no scripts, handlers or external references',
          }
        : {
            id: 'icon',
            status: 'fail',
            message: screened.reason,
            code: 'icon-refused',
            params: { ...screened.params, reason: screened.code },
          },
    );
  }
  if (spec.doc !== undefined) checks.push(uiCheck(spec.doc, input));
  return checks;
}
