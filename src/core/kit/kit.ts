/**
 * The submission kit (issue 11 §1): the artifacts folder Adobe reviews, as files and as one zip.
 * Pure: fflate (zip) and saxes (the icon's XML) are plain JavaScript.
 */
import { zipSync, type Zippable } from 'fflate';
import { checkKit, type KitCheck, type KitCheckOptions, type KitInput } from './checks';
import { findCategory } from './categories';
import { suggestSource } from './source';
import { screenSvg, utf8 } from './svg';
import type { JsonValue } from '../types';

export { findCategory, KIT_CATEGORIES, type KitCategory } from './categories';
export {
  checkKit,
  type KitCheck,
  type KitCheckCode,
  type KitCheckId,
  type KitCheckItem,
  type KitCheckOptions,
  type KitInput,
} from './checks';
export {
  slugify,
  SOURCE_MAX_LENGTH,
  SOURCE_MIN_LENGTH,
  sourceKeyPrefix,
  sourceProblem,
  sourceProblemOf,
  suggestSource,
  type SourceProblemCode,
} from './source';
export { MAX_ICON_BYTES, screenSvg, SVG_NAMESPACE, type SvgRefusal, type SvgScreenResult } from './svg';

/** One file of a kit: its path inside the zip and its bytes. */
export interface KitFile {
  path: string;
  bytes: Uint8Array;
}

/** A built kit, or the checks that failed (nothing is built then). */
export type KitResult =
  | { ok: true; files: KitFile[]; zip: Uint8Array; checks: KitCheck[] }
  | { ok: false; failed: KitCheck[]; checks: KitCheck[] };

/**
 * Every zip entry's modification time: fixed, so one input always gives the same bytes. Built from
 * local-time parts because zip stores local time: the bytes are then the same in every time zone.
 */
const KIT_MTIME = new Date(1980, 0, 1, 12, 0, 0);

/** `Sources/{source}/Artifacts/`: Adobe's folder of the artifacts. */
export function kitFolder(source: string): string {
  return `Sources/${source}/Artifacts/`;
}

/** The file name a kit is saved under: `{source}-submission-kit.zip`. */
export function kitFileName(source: string): string {
  return `${source}-submission-kit.zip`;
}

/** The artifacts' text: trimmed, line ends as `\n`, no trailing newline (the file holds the value). */
function artifactText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/**
 * Builds the kit when every check of `checkKit` passes (warnings do not block): exactly five files,
 * in this order, under `Sources/{source}/Artifacts/`: `{source}-category.txt` (the category key),
 * `-description.txt`, `-icon.svg` (the screened SVG as UTF-8, BOM dropped), `-label.txt` and
 * `-connectionSpec.json` (`specText` byte for byte), plus their zip (deflate, fixed mtimes:
 * deterministic). Otherwise `{ok: false}` with the failed checks. Never throws.
 */
export function buildKit(input: KitInput, options: KitCheckOptions = {}): KitResult {
  const screened = options.screened ?? (input.icon === null ? undefined : screenSvg(input.icon));
  const checks = checkKit(input, { ...options, screened });
  const failed = checks.filter((c) => c.status === 'fail');
  const category = findCategory(input.category);
  if (failed.length || !category || !screened?.ok) return { ok: false, failed, checks };
  const base = `${kitFolder(input.source)}${input.source}`;
  const files: KitFile[] = [
    { path: `${base}-category.txt`, bytes: utf8(category.key) },
    { path: `${base}-description.txt`, bytes: utf8(artifactText(input.description)) },
    { path: `${base}-icon.svg`, bytes: utf8(screened.svg) },
    { path: `${base}-label.txt`, bytes: utf8(artifactText(input.label)) },
    { path: `${base}-connectionSpec.json`, bytes: utf8(input.specText) },
  ];
  const entries: Zippable = {};
  for (const f of files) entries[f.path] = [f.bytes, { mtime: KIT_MTIME }];
  return { ok: true, files, zip: zipSync(entries, { level: 6 }), checks };
}

/** The dialog's first values for a spec (see `suggestKit`). */
export interface KitSuggestion {
  source: string;
  label: string;
  description: string;
  /** A category key, or '' when the spec names none that Adobe lists. */
  category: string;
}

function at(doc: JsonValue | undefined, ...keys: string[]): JsonValue | undefined {
  let cur = doc;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || !Object.hasOwn(cur, k))
      return undefined;
    cur = cur[k];
  }
  return cur;
}

function text(v: JsonValue | undefined): string {
  return typeof v === 'string' ? v.trim() : '';
}

/**
 * First values of a kit from a spec: the source name of `suggestSource`; the label from
 * `uiAttributes.label.text`, else `name` without a trailing "source"; the description from
 * `uiAttributes.description.text`, else `description`; the category of `uiAttributes.category`
 * when Adobe lists it.
 */
export function suggestKit(doc: JsonValue | undefined): KitSuggestion {
  const ui = ['sourceSpec', 'attributes', 'uiAttributes'];
  const name = text(at(doc, 'name')).replace(/[\s_-]+source$/i, '');
  const cat = text(at(doc, ...ui, 'category', 'key')) || text(at(doc, ...ui, 'category', 'text'));
  return {
    source: suggestSource(doc),
    label: text(at(doc, ...ui, 'label', 'text')) || name,
    description: text(at(doc, ...ui, 'description', 'text')) || text(at(doc, 'description')),
    category: findCategory(cat)?.key ?? '',
  };
}
export { connectionSpecSchemaText, SCHEMA_FILE_PATH } from './schemaFile';
