/**
 * Share links (issue 14 §2): a spec, and the sample pages when they fit, deflated into the URL
 * fragment (`#share=1.<base64url>`), which browsers never send to a server. Opening one treats the
 * fragment as hostile: its length is capped before decoding, inflation stops at an output cap (a
 * compression bomb), and the JSON inside is depth-checked before it is parsed.
 */
import { SHARE_FRAGMENT_KEY, shareFragmentValue } from './fragment';
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { checkDepth, MAX_JSON_DEPTH } from '../json/parseJson';
import { redactSecrets, secretValuePointers } from '../spec/secrets';
import type { DiagnosticParams, JsonValue } from '../types';
import { fromBase64Url, toBase64Url } from './base64url';

/**
 * Longest share URL made or opened, in characters. URLs over ~32 KB break in common tools (chat
 * apps, mail clients, some browsers' address bars and servers' logs cut or refuse them).
 */
export const SHARE_URL_MAX_CHARS = 32_000;
/** Largest decompressed content accepted from a link (a deflate bomb stops here). */
export const SHARE_INFLATED_MAX_BYTES = 8 * 1024 * 1024;
/** The format this version writes and reads. */
export const SHARE_FORMAT_VERSION = 1;

/** A sample page carried by a link: its name and its exact text. */
export interface SharedSample {
  name: string;
  text: string;
}

export interface ShareInput {
  /** The spec text as the user has it (secret values are blanked here, never sent). */
  spec: string;
  samples?: readonly SharedSample[];
}

export type ShareLinkResult =
  | {
      ok: true;
      url: string;
      /** `included`: every sample is in the link; `omitted`: they did not fit; `none`: there were none. */
      samples: 'included' | 'omitted' | 'none';
      /** How many secret values were blanked. */
      secretsRemoved: number;
    }
  | { ok: false; reason: 'too-large'; length: number; message: string }
  | {
      ok: false;
      reason: 'invalid';
      message: string;
      /** `deep` {max, line, column}: nested deeper than the core's limit; `invalid-json`: not valid JSON. */
      code?: 'deep' | 'invalid-json';
      params?: DiagnosticParams;
    };

/**
 * Why a share link was not opened, for the app to word in its language (`message` is the English):
 * `too-long` {length, max}; `damaged` {why: `no-version` | `bad-characters` | `not-deflate` |
 * `not-json` | `no-spec` | `bad-samples`}; `version` {version, supported}; `too-big` {mb};
 * `deep` {what: `content` | `spec`, max, line, column}.
 */
export type ShareLinkProblem = 'too-long' | 'damaged' | 'version' | 'too-big' | 'deep';

export type SharedDocument =
  | { ok: true; spec: string; samples: SharedSample[] }
  | { ok: false; message: string; code: ShareLinkProblem; params: DiagnosticParams };

const fmt = (n: number) => n.toLocaleString('en-US');

function pack(spec: string, samples: readonly SharedSample[] | undefined): string {
  const payload = samples && samples.length > 0 ? { spec, samples } : { spec };
  const data = deflateSync(strToU8(JSON.stringify(payload)), { level: 9 });
  return `${SHARE_FRAGMENT_KEY}=${SHARE_FORMAT_VERSION}.${toBase64Url(data)}`;
}

/**
 * The share URL of a spec: `base` (the app's address without fragment) + `#share=1.<data>`. Secret
 * values (`format: password` defaults, consts, examples, enums) are blanked first. The samples go in
 * when the URL stays within `maxChars` (default {@link SHARE_URL_MAX_CHARS}); otherwise they are left
 * out (`samples: 'omitted'`), and when even the spec alone is too long the answer is `too-large` with
 * its length. A spec that is not valid JSON (or nested deeper than the core's limit) is `invalid`.
 */
export function encodeShareLink(
  input: ShareInput,
  base: string,
  maxChars = SHARE_URL_MAX_CHARS,
): ShareLinkResult {
  const deep = checkDepth(input.spec, MAX_JSON_DEPTH);
  if (deep)
    return {
      ok: false,
      reason: 'invalid',
      message: `The spec is not shareable: ${deep.message}.`,
      code: 'deep',
      params: { max: MAX_JSON_DEPTH, line: deep.line, column: deep.column },
    };
  let doc: JsonValue;
  try {
    doc = JSON.parse(input.spec) as JsonValue;
  } catch {
    return {
      ok: false,
      reason: 'invalid',
      message: 'Only valid JSON can be shared: fix the JSON first.',
      code: 'invalid-json',
      params: {},
    };
  }
  const pointers = secretValuePointers(doc);
  const spec = redactSecrets(input.spec, pointers);
  const prefix = `${base.split('#')[0] ?? ''}#`;
  const hasSamples = (input.samples?.length ?? 0) > 0;
  if (hasSamples) {
    const url = prefix + pack(spec, input.samples);
    if (url.length <= maxChars)
      return { ok: true, url, samples: 'included', secretsRemoved: pointers.length };
  }
  const url = prefix + pack(spec, undefined);
  if (url.length > maxChars)
    return {
      ok: false,
      reason: 'too-large',
      length: url.length,
      message: `The share link would be ${fmt(url.length)} characters, over the ${fmt(maxChars)} limit (URLs over ~32 KB break in common tools). Export the spec as a file instead.`,
    };
  return { ok: true, url, samples: hasSamples ? 'omitted' : 'none', secretsRemoved: pointers.length };
}

export { SHARE_FRAGMENT_KEY, shareFragmentValue };

/** Inflates `data`, giving up past `cap` bytes of output; null when it is not valid deflate data. */
function inflateCapped(data: Uint8Array, cap: number): Uint8Array | 'too-large' | null {
  const parts: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflater = new Inflate();
  inflater.ondata = (chunk) => {
    total += chunk.length;
    if (total > cap) {
      over = true;
      throw new Error('over the cap');
    }
    parts.push(chunk);
  };
  // Small input steps bound each step's output (deflate expands at most ~1,032×), so the cap holds
  // before a bomb's output is ever held in memory.
  const STEP = 1024;
  try {
    for (let i = 0; i < data.length; i += STEP)
      inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
    if (data.length === 0) inflater.push(data, true);
  } catch {
    return over ? 'too-large' : null;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const DAMAGED = {
  'no-version': 'no format version',
  'bad-characters': 'it holds characters a share link never has',
  'not-deflate': 'its data does not decompress',
  'not-json': 'its content is not JSON',
  'no-spec': 'it holds no spec',
  'bad-samples': 'its samples are malformed',
} as const;

const damaged = (why: keyof typeof DAMAGED): SharedDocument => ({
  ok: false,
  message: `This share link is damaged or incomplete (${DAMAGED[why]}); was it cut short when copied? Nothing was opened.`,
  code: 'damaged',
  params: { why },
});

const isSample = (v: unknown): v is SharedSample =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as SharedSample).name === 'string' &&
  typeof (v as SharedSample).text === 'string';

/**
 * Reads a share link's fragment value (what follows `share=`). Never throws: a value longer than
 * {@link SHARE_URL_MAX_CHARS}, an unknown format version, characters outside base64url, data that is
 * not deflate or stops early, output over {@link SHARE_INFLATED_MAX_BYTES}, content nested deeper
 * than the core's JSON limit, or content of the wrong shape each come back as a message.
 */
export function decodeShareLink(value: string, maxChars = SHARE_URL_MAX_CHARS): SharedDocument {
  if (value.length > maxChars)
    return {
      ok: false,
      message: `This share link is ${fmt(value.length)} characters long, over the ${fmt(maxChars)} limit; it was not opened.`,
      code: 'too-long',
      params: { length: value.length, max: maxChars },
    };
  const dot = value.indexOf('.');
  const version = dot < 0 ? '' : value.slice(0, dot);
  if (!/^[0-9]{1,6}$/.test(version)) return damaged('no-version');
  if (Number(version) !== SHARE_FORMAT_VERSION)
    return {
      ok: false,
      message: `This share link uses format ${version}; this version of Spec Studio reads format ${SHARE_FORMAT_VERSION}. Nothing was opened.`,
      code: 'version',
      params: { version, supported: SHARE_FORMAT_VERSION },
    };
  const bytes = fromBase64Url(value.slice(dot + 1));
  if (bytes === null) return damaged('bad-characters');
  const inflated = inflateCapped(bytes, SHARE_INFLATED_MAX_BYTES);
  if (inflated === 'too-large')
    return {
      ok: false,
      message: `This share link unpacks to more than ${fmt(SHARE_INFLATED_MAX_BYTES / 1024 / 1024)} MB; it was not opened.`,
      code: 'too-big',
      params: { mb: SHARE_INFLATED_MAX_BYTES / 1024 / 1024 },
    };
  if (inflated === null) return damaged('not-deflate');
  const text = strFromU8(inflated);
  const deep = checkDepth(text, MAX_JSON_DEPTH);
  if (deep)
    return {
      ok: false,
      message: `This share link's content is ${deep.message}; it was not opened.`,
      code: 'deep',
      params: { what: 'content', max: MAX_JSON_DEPTH, line: deep.line, column: deep.column },
    };
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return damaged('not-json');
  }
  const p = payload as { spec?: unknown; samples?: unknown } | null;
  if (typeof p !== 'object' || p === null || typeof p.spec !== 'string') return damaged('no-spec');
  const specDeep = checkDepth(p.spec, MAX_JSON_DEPTH);
  if (specDeep)
    return {
      ok: false,
      message: `The shared spec is ${specDeep.message}; it was not opened.`,
      code: 'deep',
      params: { what: 'spec', max: MAX_JSON_DEPTH, line: specDeep.line, column: specDeep.column },
    };
  const samples = p.samples === undefined ? [] : p.samples;
  if (!Array.isArray(samples) || !samples.every(isSample)) return damaged('bad-samples');
  return { ok: true, spec: p.spec, samples: samples.map((s) => ({ name: s.name, text: s.text })) };
}
